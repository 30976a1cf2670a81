// TanStack Query hooks, one per API call. Keys are arrays starting with the resource so a write can
// invalidate every list of that resource at once.
import { keepPreviousData, QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AuditEntry,
  ImportReport,
  Me,
  Municipality,
  Organisation,
  oneTimeLink,
  organisationInput,
  organisationPatch,
  Person,
  personInput,
  personPatch,
  RoleName,
  TerritoryTree,
  User,
  userInput,
  userPatch,
} from '../../contract/api.ts';
import { ApiError, api, setCsrfToken } from './client.ts';

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
export type OneTimeLink = z.infer<typeof oneTimeLink>;
export type OrganisationCreate = z.output<typeof organisationInput>;
export type OrganisationChanges = z.output<typeof organisationPatch>;
export type PersonCreate = z.output<typeof personInput>;
export type PersonChanges = z.output<typeof personPatch>;
export type UserCreate = z.output<typeof userInput>;
export type UserChanges = z.output<typeof userPatch>;

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors (403, 404, 409 …) will not change on retry; network and server errors might.
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
  // A session that expired while the page was open: drop the user so the layout sends them to the login page.
  // A rejected CSRF token: reload the session so the next attempt carries the current token.
  const onError = (error: unknown) => {
    if (!(error instanceof ApiError)) return;
    if (error.code === 'auth.required') client.setQueryData(meKey, null);
    else if (error.code === 'auth.csrf') void client.invalidateQueries({ queryKey: meKey });
  };
  client.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error' && event.query.queryKey[0] !== 'me') {
      onError(event.action.error);
    }
  });
  client.getMutationCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
  });
  return client;
}

// ---- session

export const meKey = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async ({ signal }) => {
      try {
        const me = await api.get<Me>('/api/auth/me', undefined, signal);
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Stores the user returned by login, invitation or reset, and forgets whatever the previous session cached. */
function useSignIn() {
  const client = useQueryClient();
  return (me: Me) => {
    setCsrfToken(me.csrfToken);
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    client.setQueryData(meKey, me);
  };
}

export function useLogin() {
  const signIn = useSignIn();
  return useMutation({
    mutationFn: (body: { login: string; password: string }) => api.post<Me>('/api/auth/login', body),
    onSuccess: signIn,
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      client.setQueryData(meKey, null);
    },
  });
}

export function useSetPasswordByToken(mode: 'invite' | 'reset') {
  const signIn = useSignIn();
  return useMutation({
    mutationFn: (body: { token: string; newPassword: string }) =>
      api.post<Me>(mode === 'invite' ? '/api/auth/accept-invite' : '/api/auth/reset-password', body),
    onSuccess: signIn,
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<unknown>('/api/auth/password', body),
  });
}

// ---- territories

export function useTerritoryTree(enabled = true) {
  return useQuery({
    queryKey: ['tree'],
    queryFn: ({ signal }) => api.get<TerritoryTree>('/api/territories/tree', undefined, signal),
    staleTime: 60_000,
    enabled,
  });
}

export function useMunicipalities(regionId: string | null | undefined) {
  return useQuery({
    queryKey: ['municipalities', regionId],
    queryFn: ({ signal }) => api.get<Municipality[]>('/api/municipalities', { regionId }, signal),
    enabled: Boolean(regionId),
    staleTime: 60_000,
  });
}

// ---- organisations

export interface OrganisationFilter {
  regionId?: string | undefined;
  municipalityId?: string | undefined;
  kind?: 'school' | 'support' | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export function useOrganisations(filter: OrganisationFilter, enabled = true) {
  return useQuery({
    queryKey: ['organisations', filter],
    queryFn: ({ signal }) => api.get<Page<Organisation>>('/api/organisations', { ...filter }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrganisation(id: string | null | undefined) {
  return useQuery({
    queryKey: ['organisation', id],
    queryFn: ({ signal }) => api.get<Organisation>(`/api/organisations/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** Invalidates every query whose key starts with one of the roots ('organisations', 'audit' …). */
export function useInvalidate() {
  const client = useQueryClient();
  return (...roots: string[]) =>
    Promise.all(roots.map((root) => client.invalidateQueries({ queryKey: [root] }))).then(() => undefined);
}

export function useCreateOrganisation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: OrganisationCreate) => api.post<Organisation>('/api/organisations', body),
    onSuccess: () => invalidate('organisations', 'tree', 'audit'),
  });
}

export function useUpdateOrganisation(id: string) {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: OrganisationChanges) => api.patch<Organisation>(`/api/organisations/${id}`, body),
    onSuccess: (organisation) => {
      client.setQueryData(['organisation', id], organisation);
      return invalidate('organisations', 'tree', 'people', 'audit');
    },
  });
}

export function useDeleteOrganisation() {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (o: { id: string; version: number }) =>
      api.delete<unknown>(`/api/organisations/${o.id}`, { version: o.version }),
    onSuccess: (_data, o) => {
      client.removeQueries({ queryKey: ['organisation', o.id] });
      return invalidate('organisations', 'tree', 'people', 'audit');
    },
  });
}

export function useImportOrganisations() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ file, commit }: { file: File; commit: boolean }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.post<ImportReport>('/api/organisations/import', form, { commit });
    },
    onSuccess: (report) =>
      report.committed ? invalidate('organisations', 'organisation', 'tree', 'audit') : undefined,
  });
}

// ---- people

export interface PeopleFilter {
  regionId?: string | undefined;
  municipalityId?: string | undefined;
  organisationId?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export function usePeople(filter: PeopleFilter, enabled = true) {
  return useQuery({
    queryKey: ['people', filter],
    queryFn: ({ signal }) => api.get<Page<Person>>('/api/people', { ...filter }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: ['person', id],
    queryFn: ({ signal }) => api.get<Person>(`/api/people/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useCreatePerson() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PersonCreate) => api.post<Person>('/api/people', body),
    onSuccess: () => invalidate('people', 'audit'),
  });
}

export function useUpdatePerson(id: string) {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PersonChanges) => api.patch<Person>(`/api/people/${id}`, body),
    onSuccess: (person) => {
      client.setQueryData(['person', id], person);
      return invalidate('people', 'audit');
    },
  });
}

export function useDeletePerson() {
  const client = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (p: { id: string; version: number }) =>
      api.delete<unknown>(`/api/people/${p.id}`, { version: p.version }),
    onSuccess: (_data, p) => {
      client.removeQueries({ queryKey: ['person', p.id] });
      return invalidate('people', 'audit');
    },
  });
}

// ---- users

export interface UserFilter {
  regionId?: string | undefined;
  role?: RoleName | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export function useUsers(filter: UserFilter, enabled = true) {
  return useQuery({
    queryKey: ['users', filter],
    queryFn: ({ signal }) => api.get<Page<User>>('/api/users', { ...filter }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateUser() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: UserCreate) => api.post<{ user: User; link?: OneTimeLink }>('/api/users', body),
    onSuccess: () => invalidate('users', 'audit'),
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: UserChanges & { id: string }) => api.patch<User>(`/api/users/${id}`, body),
    onSuccess: () => invalidate('users', 'audit'),
  });
}

export function useResetLink() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api.post<OneTimeLink>(`/api/users/${id}/reset-link`),
    onSuccess: () => invalidate('users', 'audit'),
  });
}

// ---- audit

export interface AuditFilter {
  regionId?: string | undefined;
  entity?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export function useAudit(filter: AuditFilter, enabled = true) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: ({ signal }) => api.get<Page<AuditEntry>>('/api/audit', { ...filter }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
