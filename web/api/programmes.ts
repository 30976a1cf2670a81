// TanStack Query hooks of programmes, sections and activities (contract/programmes.ts). Kept apart from
// queries.ts so the programme screens, loaded on demand, carry them. Every write refreshes the programme card
// and the lists: positions and numbers of neighbours change with one write.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ActivityDto,
  activityInput,
  activityPatch,
  ImportPreview,
  ProgrammeDetail,
  ProgrammeListItem,
  programmePatch,
  saveProgrammeBody,
  sectionInput,
  sectionPatch,
} from '../../contract/programmes.ts';
import { api } from './client.ts';
import { type Page, useInvalidate } from './queries.ts';

export type SaveProgrammeBody = z.input<typeof saveProgrammeBody>;
export type ProgrammeChanges = z.input<typeof programmePatch>;
export type SectionCreate = z.input<typeof sectionInput>;
export type SectionChanges = z.input<typeof sectionPatch>;
export type ActivityCreate = z.input<typeof activityInput>;
export type ActivityChanges = z.input<typeof activityPatch>;
export type SectionDto = ProgrammeDetail['sections'][number];

export interface ProgrammeFilter {
  regionId?: string | undefined;
  municipalityId?: string | undefined;
  level?: 'region' | 'municipality' | 'school' | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export const programmeKey = (id: string) => ['programme', id] as const;

export function useProgrammes(filter: ProgrammeFilter, enabled = true) {
  return useQuery({
    queryKey: ['programmes', filter],
    queryFn: ({ signal }) => api.get<Page<ProgrammeListItem>>('/api/programmes', { ...filter }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProgramme(id: string) {
  return useQuery({
    queryKey: programmeKey(id),
    queryFn: ({ signal }) => api.get<ProgrammeDetail>(`/api/programmes/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** Reads a document into a draft; nothing is saved. */
export function usePreviewProgramme() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.post<ImportPreview>('/api/programmes/import/preview', form);
    },
  });
}

export function useSaveProgramme() {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: SaveProgrammeBody) => api.post<ProgrammeDetail>('/api/programmes', body),
    onSuccess: (programme) => {
      client.setQueryData(programmeKey(programme.id), programme);
      return invalidate('programmes', 'audit');
    },
  });
}

export function useUpdateProgramme(id: string) {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ProgrammeChanges) => api.patch<ProgrammeDetail>(`/api/programmes/${id}`, body),
    onSuccess: (programme) => {
      if (programme && typeof programme === 'object' && 'sections' in programme) {
        client.setQueryData(programmeKey(id), programme);
      }
      return invalidate('programme', 'programmes', 'audit');
    },
  });
}

export function useDeleteProgramme() {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (p: { id: string; version: number }) =>
      api.delete<unknown>(`/api/programmes/${p.id}`, { version: p.version }),
    onSuccess: (_data, p) => {
      client.removeQueries({ queryKey: programmeKey(p.id) });
      return invalidate('programmes', 'audit');
    },
  });
}

/** Writes inside one programme: after each, the card is read again (neighbours' positions may change). */
function useProgrammeWrite<V, R>(programmeId: string, write: (variables: V) => Promise<R>) {
  const invalidate = useInvalidate();
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: programmeKey(programmeId) });
      await invalidate('programmes', 'audit');
    },
  });
}

export function useCreateSection(programmeId: string) {
  return useProgrammeWrite(programmeId, (body: SectionCreate) =>
    api.post<SectionDto>(`/api/programmes/${programmeId}/sections`, body),
  );
}

export function useUpdateSection(programmeId: string) {
  return useProgrammeWrite(programmeId, ({ id, ...body }: SectionChanges & { id: string }) =>
    api.patch<SectionDto>(`/api/sections/${id}`, body),
  );
}

export function useDeleteSection(programmeId: string) {
  return useProgrammeWrite(programmeId, (s: { id: string; version: number }) =>
    api.delete<unknown>(`/api/sections/${s.id}`, { version: s.version }),
  );
}

export function useCreateActivity(programmeId: string) {
  return useProgrammeWrite(programmeId, (body: ActivityCreate) =>
    api.post<ActivityDto>(`/api/programmes/${programmeId}/activities`, body),
  );
}

export function useUpdateActivity(programmeId: string) {
  return useProgrammeWrite(programmeId, ({ id, ...body }: ActivityChanges & { id: string }) =>
    api.patch<ActivityDto>(`/api/activities/${id}`, body),
  );
}

export function useDeleteActivity(programmeId: string) {
  return useProgrammeWrite(programmeId, (a: { id: string; version: number }) =>
    api.delete<unknown>(`/api/activities/${a.id}`, { version: a.version }),
  );
}

/** Where the browser downloads an export from (the server names the file). */
export const exportUrl = (id: string, format: 'docx' | 'xlsx') =>
  `/api/programmes/${encodeURIComponent(id)}/export?format=${format}`;
