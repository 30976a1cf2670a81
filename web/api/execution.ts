// TanStack Query hooks of running a programme (contract/execution.ts): execution with evidence and coaching
// threads, executors and cascading, approval, indicators, monitoring rounds, dashboards, notifications and
// calendars. Kept apart from queries.ts so only the screens that run programmes, loaded on demand, carry them.
// A report changes roll-ups everywhere: every write refreshes the execution, dashboards, rounds and calendar.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  activityExecution,
  approvalBody,
  approvalState,
  calendarEvent,
  cascadeBody,
  cascadeResult,
  comment,
  engagementBody,
  evidence,
  evidenceLinkBody,
  executionUnit,
  historyEntry,
  indicatorRow,
  indicatorSettingsBody,
  indicatorValueBody,
  notification,
  programmeDashboard,
  programmeExecution,
  regionDashboardItem,
  reportBody,
  round,
  roundDetail,
  roundInput,
  roundPatch,
  targetsBody,
} from '../../contract/execution.ts';
import { api } from './client.ts';
import { useInvalidate } from './queries.ts';

export type ProgrammeExecution = z.infer<typeof programmeExecution>;
export type ActivityExecution = z.infer<typeof activityExecution>;
export type ExecutionUnit = z.infer<typeof executionUnit>;
export type Evidence = z.infer<typeof evidence>;
export type Comment = z.infer<typeof comment>;
export type HistoryEntry = z.infer<typeof historyEntry>;
export type ApprovalState = z.infer<typeof approvalState>;
export type IndicatorRow = z.infer<typeof indicatorRow>;
export type Round = z.infer<typeof round>;
export type RoundDetail = z.infer<typeof roundDetail>;
export type ProgrammeDashboard = z.infer<typeof programmeDashboard>;
export type RegionDashboardItem = z.infer<typeof regionDashboardItem>;
export type Notification = z.infer<typeof notification>;
export type CalendarEvent = z.infer<typeof calendarEvent>;
export type CascadeResult = z.infer<typeof cascadeResult>;
export type ReportBody = z.input<typeof reportBody>;
export type EvidenceLinkBody = z.input<typeof evidenceLinkBody>;
export type TargetsBody = z.input<typeof targetsBody>;
export type CascadeBody = z.input<typeof cascadeBody>;
export type ApprovalBody = z.input<typeof approvalBody>;
export type IndicatorValueBody = z.input<typeof indicatorValueBody>;
export type IndicatorSettingsBody = z.input<typeof indicatorSettingsBody>;
export type RoundInput = z.input<typeof roundInput>;
export type RoundPatch = z.input<typeof roundPatch>;
export type EngagementBody = z.input<typeof engagementBody>;

const enc = encodeURIComponent;

/** Everything a report, a piece of evidence or a change of executors may change on screen. */
const executionRoots = [
  'execution',
  'execution-unit',
  'execution-history',
  'dashboard',
  'region-dashboard',
  'rounds',
  'round',
  'calendar',
  'notifications',
  'audit',
] as const;

function useExecutionWrite<V, R>(write: (variables: V) => Promise<R>, extra: readonly string[] = []) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: write, onSuccess: () => invalidate(...executionRoots, ...extra) });
}

// ---- execution

export interface ExecutionFilter {
  organisationId?: string | undefined;
  municipalityId?: string | undefined;
}

export function useProgrammeExecution(programmeId: string, filter: ExecutionFilter = {}) {
  return useQuery({
    queryKey: ['execution', programmeId, filter],
    queryFn: ({ signal }) =>
      api.get<ProgrammeExecution>(`/api/programmes/${enc(programmeId)}/execution`, { ...filter }, signal),
    placeholderData: keepPreviousData,
    enabled: Boolean(programmeId),
  });
}

export function useExecutionUnit(id: string | null) {
  return useQuery({
    queryKey: ['execution-unit', id],
    queryFn: ({ signal }) => api.get<ExecutionUnit>(`/api/executions/${enc(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useReport(unitId: string) {
  return useExecutionWrite((body: ReportBody) =>
    api.post<ExecutionUnit>(`/api/executions/${enc(unitId)}/report`, body),
  );
}

export function useUploadEvidence(unitId: string) {
  return useExecutionWrite(({ file, title }: { file: File; title?: string }) => {
    const form = new FormData();
    if (title?.trim()) form.append('title', title.trim());
    form.append('file', file, file.name);
    return api.post<Evidence>(`/api/executions/${enc(unitId)}/evidence`, form);
  });
}

export function useAddEvidenceLink(unitId: string) {
  return useExecutionWrite((body: EvidenceLinkBody) =>
    api.post<Evidence>(`/api/executions/${enc(unitId)}/evidence/link`, body),
  );
}

export function useDeleteEvidence() {
  return useExecutionWrite((id: string) => api.delete<unknown>(`/api/evidence/${enc(id)}`));
}

export const evidenceFileUrl = (id: string) => `/api/evidence/${enc(id)}/file`;

export function useThread(unitId: string) {
  return useQuery({
    queryKey: ['execution-thread', unitId],
    queryFn: ({ signal }) => api.get<Comment[]>(`/api/executions/${enc(unitId)}/comments`, undefined, signal),
  });
}

export function usePostComment(unitId: string) {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (text: string) => api.post<Comment[]>(`/api/executions/${enc(unitId)}/comments`, { text }),
    onSuccess: (thread) => {
      client.setQueryData(['execution-thread', unitId], thread);
      return invalidate('execution', 'execution-unit', 'execution-history');
    },
  });
}

export function useUnitHistory(unitId: string) {
  return useQuery({
    queryKey: ['execution-history', unitId],
    queryFn: ({ signal }) => api.get<HistoryEntry[]>(`/api/executions/${enc(unitId)}/history`, undefined, signal),
  });
}

// ---- executors and cascading

export function useSetTargets() {
  return useExecutionWrite(
    ({ activityId, ...body }: TargetsBody & { activityId: string }) =>
      api.put<ActivityExecution>(`/api/activities/${enc(activityId)}/targets`, body),
    ['programme'],
  );
}

export function useCascade() {
  return useExecutionWrite(
    ({ activityId, ...body }: CascadeBody & { activityId: string }) =>
      api.post<CascadeResult>(`/api/activities/${enc(activityId)}/cascade`, body),
    ['approval', 'programmes'],
  );
}

// ---- approval

export function useApproval(programmeId: string) {
  return useQuery({
    queryKey: ['approval', programmeId],
    queryFn: ({ signal }) => api.get<ApprovalState>(`/api/programmes/${enc(programmeId)}/approval`, undefined, signal),
  });
}

export function useApprovalAction(programmeId: string) {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ApprovalBody) => api.post<ApprovalState>(`/api/programmes/${enc(programmeId)}/approval`, body),
    onSuccess: (state) => {
      client.setQueryData(['approval', programmeId], state);
      return invalidate('programme', 'programmes', 'execution', 'audit');
    },
  });
}

// ---- indicators

export function useIndicators(programmeId: string) {
  return useQuery({
    queryKey: ['indicators', programmeId],
    queryFn: ({ signal }) =>
      api.get<IndicatorRow[]>(`/api/programmes/${enc(programmeId)}/indicators`, undefined, signal),
  });
}

function useIndicatorWrite<V>(write: (v: V) => Promise<IndicatorRow>) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: write,
    onSuccess: () => invalidate('indicators', 'programme', 'round', 'dashboard', 'audit'),
  });
}

export function useSetIndicatorValue(programmeId: string) {
  return useIndicatorWrite(({ key, ...body }: IndicatorValueBody & { key: string }) =>
    api.put<IndicatorRow>(`/api/programmes/${enc(programmeId)}/indicators/${enc(key)}/values`, body),
  );
}

export function useSetIndicatorSettings(programmeId: string) {
  return useIndicatorWrite(({ key, ...body }: IndicatorSettingsBody & { key: string }) =>
    api.put<IndicatorRow>(`/api/programmes/${enc(programmeId)}/indicators/${enc(key)}/settings`, body),
  );
}

// ---- monitoring rounds

export function useRounds(programmeId: string) {
  return useQuery({
    queryKey: ['rounds', programmeId],
    queryFn: ({ signal }) => api.get<Round[]>(`/api/programmes/${enc(programmeId)}/rounds`, undefined, signal),
  });
}

export function useCreateRound(programmeId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RoundInput) => api.post<Round>(`/api/programmes/${enc(programmeId)}/rounds`, body),
    onSuccess: () => invalidate('rounds', 'dashboard', 'region-dashboard', 'audit'),
  });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: ['round', id],
    queryFn: ({ signal }) => api.get<RoundDetail>(`/api/rounds/${enc(id)}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** Writes of one round: the answer is the fresh round, put in place at once. */
function useRoundWrite<V>(id: string, write: (v: V) => Promise<RoundDetail>) {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: write,
    onSuccess: (detail) => {
      client.setQueryData(['round', id], detail);
      return invalidate('rounds', 'dashboard', 'region-dashboard', 'audit');
    },
  });
}

export function usePatchRound(id: string) {
  return useRoundWrite(id, (body: RoundPatch) => api.patch<RoundDetail>(`/api/rounds/${enc(id)}`, body));
}

export function useFreezeRound(id: string) {
  return useRoundWrite(id, (version: number) => api.post<RoundDetail>(`/api/rounds/${enc(id)}/freeze`, { version }));
}

export function useSetEngagement(id: string) {
  return useRoundWrite(id, (body: EngagementBody) => api.put<RoundDetail>(`/api/rounds/${enc(id)}/engagement`, body));
}

export const roundReportUrl = (id: string, format: 'docx' | 'xlsx') => `/api/rounds/${enc(id)}/report.${format}`;

// ---- dashboards

export interface DashboardFilter {
  municipalityId?: string | undefined;
  organisationId?: string | undefined;
}

export function useProgrammeDashboard(programmeId: string, filter: DashboardFilter, enabled = true) {
  return useQuery({
    queryKey: ['dashboard', programmeId, filter],
    queryFn: ({ signal }) =>
      api.get<ProgrammeDashboard>(`/api/programmes/${enc(programmeId)}/dashboard`, { ...filter }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRegionDashboard(enabled = true) {
  return useQuery({
    queryKey: ['region-dashboard'],
    queryFn: ({ signal }) => api.get<RegionDashboardItem[]>('/api/dashboard', undefined, signal),
    enabled,
  });
}

// ---- notifications

export function useNotifications(unreadOnly: boolean, enabled = true) {
  return useQuery({
    queryKey: ['notifications', unreadOnly],
    queryFn: ({ signal }) =>
      api.get<Notification[]>('/api/notifications', unreadOnly ? { unread: true } : undefined, signal),
    enabled,
    // The bell stays current without a reload; reminders are made at most a few times a day.
    refetchInterval: 5 * 60_000,
    staleTime: 60_000,
  });
}

export function useMarkRead() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api.post<unknown>(`/api/notifications/${enc(id)}/read`),
    onSuccess: () => invalidate('notifications'),
  });
}

export function useMarkAllRead() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api.post<unknown>('/api/notifications/read-all'),
    onSuccess: () => invalidate('notifications'),
  });
}

// ---- calendar

export interface CalendarFilter {
  from: string;
  to: string;
  programmeId?: string | undefined;
}

export function useCalendar(filter: CalendarFilter) {
  return useQuery({
    queryKey: ['calendar', filter],
    queryFn: ({ signal }) => api.get<CalendarEvent[]>('/api/calendar', { ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCalendarFeed() {
  return useMutation({ mutationFn: () => api.post<{ url: string }>('/api/calendar/feed') });
}

export const programmeIcsUrl = (programmeId: string) => `/api/programmes/${enc(programmeId)}/calendar.ics`;
