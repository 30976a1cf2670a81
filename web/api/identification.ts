// TanStack Query hooks of identification (contract/identification.ts): results loaded and their import,
// methodologies, runs with explanations, approved lists. Kept apart from queries.ts so only the identification
// screens, loaded on demand, carry them. `regionId` is sent by an administrator only (others work in their
// own region, which the server knows).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  approveInput,
  MethodologyDetail,
  MethodologyView,
  methodologyPatch,
  ResultKindName,
  ResultsImportReport,
  ResultsSummary,
  RunDetail,
  RunListItem,
  SchoolListDetail,
  SchoolListItem,
  VerdictDetail,
} from '../../contract/identification.ts';
import { api } from './client.ts';
import { useInvalidate } from './queries.ts';

export type ApproveBody = z.input<typeof approveInput>;
export type MethodologyChanges = z.input<typeof methodologyPatch>;
export type ExportFormat = 'xlsx' | 'docx';

// ---- results

export function useResultsSummary(regionId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['results-summary', regionId ?? null],
    queryFn: ({ signal }) => api.get<ResultsSummary>('/api/results/summary', { regionId }, signal),
    enabled,
  });
}

export interface ResultsUpload {
  kind: ResultKindName;
  file: File;
  commit: boolean;
  /** The year of a file without a year column. */
  year?: number | null | undefined;
  regionId?: string | undefined;
}

/** Checks (commit=false) or loads a results file; a load refreshes the summary. */
export function useImportResults() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ kind, file, commit, year, regionId }: ResultsUpload) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.post<ResultsImportReport>(`/api/results/import/${kind}`, form, { commit, year, regionId });
    },
    onSuccess: (report) => (report.committed ? invalidate('results-summary', 'audit') : undefined),
  });
}

export const resultsTemplateUrl = (kind: ResultKindName, format: 'csv' | 'xlsx') =>
  `/api/results/template/${kind}?format=${format}`;

// ---- methodologies

export function useMethodologies(regionId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['methodologies', regionId ?? null],
    queryFn: ({ signal }) => api.get<MethodologyView[]>('/api/methodologies', { regionId }, signal),
    enabled,
    staleTime: 60_000,
  });
}

export const methodologyKey = (ref: string) => ['methodology', ref] as const;

export function useMethodology(ref: string, regionId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...methodologyKey(ref), regionId ?? null],
    queryFn: ({ signal }) =>
      api.get<MethodologyDetail>(`/api/methodologies/${encodeURIComponent(ref)}`, { regionId }, signal),
    enabled: enabled && Boolean(ref),
  });
}

export function useCopyMethodology() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { from: string; code: string; title: string; regionId?: string | undefined }) =>
      api.post<MethodologyView>('/api/methodologies', body),
    onSuccess: () => invalidate('methodologies', 'audit'),
  });
}

export function useUpdateMethodology(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: MethodologyChanges) => api.patch<MethodologyView>(`/api/methodologies/${id}`, body),
    onSuccess: () => invalidate('methodology', 'methodologies', 'audit'),
  });
}

// ---- runs

export function useRuns(regionId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['runs', regionId ?? null],
    queryFn: ({ signal }) => api.get<RunListItem[]>('/api/identification/runs', { regionId }, signal),
    enabled,
  });
}

export const runKey = (id: string) => ['run', id] as const;

export function useRun(id: string) {
  return useQuery({
    queryKey: runKey(id),
    queryFn: ({ signal }) => api.get<RunDetail>(`/api/identification/runs/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useVerdict(runId: string, organisationId: string | null) {
  return useQuery({
    queryKey: ['verdict', runId, organisationId],
    queryFn: ({ signal }) =>
      api.get<VerdictDetail>(`/api/identification/runs/${runId}/schools/${organisationId}`, undefined, signal),
    enabled: Boolean(runId && organisationId),
    staleTime: Number.POSITIVE_INFINITY, // a run never changes
  });
}

export function useStartRun() {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { methodology: string; year?: number | undefined; regionId?: string | undefined }) =>
      api.post<RunDetail>('/api/identification/runs', body),
    onSuccess: (run) => {
      client.setQueryData(runKey(run.id), run);
      return invalidate('runs', 'audit');
    },
  });
}

export function useApproveRun(runId: string) {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ApproveBody) => api.post<SchoolListDetail>(`/api/identification/runs/${runId}/approve`, body),
    onSuccess: (list) => {
      client.setQueryData(schoolListKey(list.id), list);
      return invalidate('run', 'runs', 'school-lists', 'audit');
    },
  });
}

export const runExportUrl = (id: string, format: ExportFormat) =>
  `/api/identification/runs/${encodeURIComponent(id)}/export?format=${format}`;

// ---- approved lists

export function useSchoolLists(regionId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['school-lists', regionId ?? null],
    queryFn: ({ signal }) => api.get<SchoolListItem[]>('/api/school-lists', { regionId }, signal),
    enabled,
  });
}

export const schoolListKey = (id: string) => ['school-list', id] as const;

export function useSchoolList(id: string) {
  return useQuery({
    queryKey: schoolListKey(id),
    queryFn: ({ signal }) => api.get<SchoolListDetail>(`/api/school-lists/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export const schoolListExportUrl = (id: string, format: ExportFormat) =>
  `/api/school-lists/${encodeURIComponent(id)}/export?format=${format}`;
