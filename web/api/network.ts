// TanStack Query hooks of the support network and its events (contract/network.ts): tutor pairs and
// partnership agreements, curators assigned by order, mobile groups and school networks, an organisation's
// network, events with their participants, registration and attendance. Kept apart from queries.ts so only
// the screens that show the network, loaded on demand, carry them. Attendance feeds coverage indicators and
// the calendar shows events: writes of events refresh those too.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CuratorAssignmentDto,
  curatorAssignmentInput,
  curatorOption,
  EventDto,
  eventInput,
  eventPatch,
  groupMemberInput,
  organisationNetwork,
  ParticipantDto,
  PartnershipDto,
  participantsView,
  partnershipInput,
  partnershipPatch,
  SupportGroupDto,
  supportGroupInput,
  supportGroupPatch,
} from '../../contract/network.ts';
import { api } from './client.ts';
import { type Page, useInvalidate } from './queries.ts';

export type Partnership = PartnershipDto;
export type CuratorAssignment = CuratorAssignmentDto;
export type CuratorOption = z.infer<typeof curatorOption>;
export type SupportGroup = SupportGroupDto;
export type GroupMember = SupportGroupDto['members'][number];
export type OrganisationNetwork = z.infer<typeof organisationNetwork>;
export type NetworkEvent = EventDto;
export type Participant = ParticipantDto;
export type ParticipantsView = z.infer<typeof participantsView>;
export type PartnershipCreate = z.input<typeof partnershipInput>;
export type PartnershipChanges = z.input<typeof partnershipPatch>;
export type CuratorAssignmentCreate = z.input<typeof curatorAssignmentInput>;
export type GroupCreate = z.input<typeof supportGroupInput>;
export type GroupChanges = z.input<typeof supportGroupPatch>;
export type GroupMemberCreate = z.input<typeof groupMemberInput>;
export type EventCreate = z.input<typeof eventInput>;
export type EventChanges = z.input<typeof eventPatch>;
export type AttendanceMark = { personId: string; attended: boolean | null; registered?: boolean };

const enc = encodeURIComponent;

/** What a change of the network may change on screen: its lists, organisations' cards and the journal. */
const networkRoots = ['partnerships', 'curator-assignments', 'curators', 'groups', 'organisation-network', 'audit'];

function useNetworkWrite<V, R>(write: (variables: V) => Promise<R>) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: write, onSuccess: () => invalidate(...networkRoots) });
}

// ---- tutor pairs and partnership agreements

export interface PartnershipFilter {
  kind?: 'tutor' | 'partnership' | undefined;
  organisationId?: string | undefined;
  municipalityId?: string | undefined;
  programmeId?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export function usePartnerships(filter: PartnershipFilter, enabled = true) {
  return useQuery({
    queryKey: ['partnerships', filter],
    queryFn: ({ signal }) => api.get<Page<Partnership>>('/api/partnerships', { ...filter }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreatePartnership() {
  return useNetworkWrite((body: PartnershipCreate) => api.post<Partnership>('/api/partnerships', body));
}

export function useUpdatePartnership() {
  return useNetworkWrite(({ id, ...body }: PartnershipChanges & { id: string }) =>
    api.patch<Partnership>(`/api/partnerships/${enc(id)}`, body),
  );
}

export function useDeletePartnership() {
  return useNetworkWrite((p: { id: string; version: number }) =>
    api.delete<unknown>(`/api/partnerships/${enc(p.id)}`, { version: p.version }),
  );
}

/** Attaches the signed agreement (replacing the previous file) against the pair's version. */
export function useUploadAgreement() {
  return useNetworkWrite(({ id, version, file }: { id: string; version: number; file: File }) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.post<Partnership>(`/api/partnerships/${enc(id)}/file`, form, { version });
  });
}

export function useDeleteAgreement() {
  return useNetworkWrite((p: { id: string; version: number }) =>
    api.delete<Partnership>(`/api/partnerships/${enc(p.id)}/file`, { version: p.version }),
  );
}

export const agreementFileUrl = (id: string) => `/api/partnerships/${enc(id)}/file`;

// ---- curators assigned by order

export interface CuratorAssignmentFilter {
  userId?: string | undefined;
  organisationId?: string | undefined;
  municipalityId?: string | undefined;
}

export function useCuratorAssignments(filter: CuratorAssignmentFilter, enabled = true) {
  return useQuery({
    queryKey: ['curator-assignments', filter],
    queryFn: ({ signal }) => api.get<CuratorAssignment[]>('/api/curator-assignments', { ...filter }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The region's curators with how many schools each has: whom to assign. */
export function useCurators(regionId: string | null, enabled = true) {
  return useQuery({
    queryKey: ['curators', regionId],
    queryFn: ({ signal }) =>
      api.get<CuratorOption[]>(`/api/regions/${enc(regionId ?? '')}/curators`, undefined, signal),
    enabled: enabled && Boolean(regionId),
  });
}

export function useAssignCurator() {
  return useNetworkWrite((body: CuratorAssignmentCreate) =>
    api.post<CuratorAssignment[]>('/api/curator-assignments', body),
  );
}

export function useUnassignCurator() {
  return useNetworkWrite((a: { userId: string; organisationId: string }) =>
    api.delete<unknown>(`/api/curator-assignments/${enc(a.userId)}/${enc(a.organisationId)}`),
  );
}

// ---- mobile groups, networks of schools and methodical platforms

export interface GroupFilter {
  kind?: SupportGroup['kind'] | undefined;
  organisationId?: string | undefined;
  regionId?: string | undefined;
}

export function useGroups(filter: GroupFilter, enabled = true) {
  return useQuery({
    queryKey: ['groups', filter],
    queryFn: ({ signal }) => api.get<SupportGroup[]>('/api/groups', { ...filter }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useGroup(id: string | null) {
  return useQuery({
    queryKey: ['groups', 'one', id],
    queryFn: ({ signal }) => api.get<SupportGroup>(`/api/groups/${enc(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useCreateGroup() {
  return useNetworkWrite((body: GroupCreate) => api.post<SupportGroup>('/api/groups', body));
}

export function useUpdateGroup() {
  return useNetworkWrite(({ id, ...body }: GroupChanges & { id: string }) =>
    api.patch<SupportGroup>(`/api/groups/${enc(id)}`, body),
  );
}

export function useDeleteGroup() {
  return useNetworkWrite((g: { id: string; version: number }) =>
    api.delete<unknown>(`/api/groups/${enc(g.id)}`, { version: g.version }),
  );
}

export function useAddGroupMember() {
  return useNetworkWrite(({ groupId, ...body }: GroupMemberCreate & { groupId: string }) =>
    api.post<SupportGroup>(`/api/groups/${enc(groupId)}/members`, body),
  );
}

export function useRemoveGroupMember() {
  return useNetworkWrite((m: { groupId: string; memberId: string }) =>
    api.delete<SupportGroup>(`/api/groups/${enc(m.groupId)}/members/${enc(m.memberId)}`),
  );
}

// ---- an organisation's card

export function useOrganisationNetwork(organisationId: string, enabled = true) {
  return useQuery({
    queryKey: ['organisation-network', organisationId],
    queryFn: ({ signal }) =>
      api.get<OrganisationNetwork>(`/api/organisations/${enc(organisationId)}/network`, undefined, signal),
    enabled: enabled && Boolean(organisationId),
  });
}

// ---- events

export interface EventFilter {
  from?: string | undefined;
  to?: string | undefined;
  programmeId?: string | undefined;
  organisationId?: string | undefined;
  kind?: NetworkEvent['kind'] | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export function useEvents(filter: EventFilter, enabled = true) {
  return useQuery({
    queryKey: ['events', filter],
    queryFn: ({ signal }) => api.get<Page<NetworkEvent>>('/api/events', { ...filter }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEvent(id: string) {
  return useQuery({
    queryKey: ['event', id],
    queryFn: ({ signal }) => api.get<NetworkEvent>(`/api/events/${enc(id)}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** Everything an event's change may move: lists, the calendar, coverage indicators and dashboards. */
const eventRoots = ['events', 'event', 'event-participants', 'calendar', 'indicators', 'dashboard', 'audit'];

export function useCreateEvent() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: EventCreate) => api.post<NetworkEvent>('/api/events', body),
    onSuccess: () => invalidate(...eventRoots),
  });
}

export function useUpdateEvent(id: string) {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: EventChanges) => api.patch<NetworkEvent>(`/api/events/${enc(id)}`, body),
    onSuccess: (event) => {
      client.setQueryData(['event', id], event);
      return invalidate(...eventRoots);
    },
  });
}

export function useDeleteEvent() {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (e: { id: string; version: number }) =>
      api.delete<unknown>(`/api/events/${enc(e.id)}`, { version: e.version }),
    onSuccess: (_data, e) => {
      client.removeQueries({ queryKey: ['event', e.id] });
      return invalidate('events', 'calendar', 'indicators', 'dashboard', 'audit');
    },
  });
}

export function useEventParticipants(id: string, enabled = true) {
  return useQuery({
    queryKey: ['event-participants', id],
    queryFn: ({ signal }) => api.get<ParticipantsView>(`/api/events/${enc(id)}/participants`, undefined, signal),
    enabled: enabled && Boolean(id),
  });
}

/** Writes of participants answer with the fresh list, put in place at once; the event's version moved too. */
function useParticipantsWrite<V>(id: string, write: (v: V) => Promise<ParticipantsView>) {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: write,
    onSuccess: (view) => {
      client.setQueryData(['event-participants', id], view);
      return invalidate('events', 'event', 'calendar', 'indicators', 'dashboard', 'audit');
    },
  });
}

export function useMarkAttendance(id: string) {
  return useParticipantsWrite(id, (body: { version: number; marks: AttendanceMark[] }) =>
    api.put<ParticipantsView>(`/api/events/${enc(id)}/attendance`, body),
  );
}

export function useRegisterStaff(id: string) {
  return useParticipantsWrite(id, (personIds: string[]) =>
    api.post<ParticipantsView>(`/api/events/${enc(id)}/registrations`, { personIds }),
  );
}
