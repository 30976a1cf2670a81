// TanStack Query hooks of professional development (contract/staff.ts): one person's courses, deficits and
// development plans, and an organisation's staff. The organisation's staff is keyed under 'people', so adding,
// changing or removing a person refreshes it too.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CourseCompletion,
  courseInput,
  coursePatch,
  DevelopmentPlan,
  deficitInput,
  deficitPatch,
  OrganisationStaff,
  planInput,
  planPatch,
  StaffDeficit,
  StaffDevelopment,
} from '../../contract/staff.ts';
import { api } from './client.ts';
import { useInvalidate } from './queries.ts';

export type { CourseCompletion, DevelopmentPlan, OrganisationStaff, StaffDeficit, StaffDevelopment };
export type CourseCreate = z.input<typeof courseInput>;
export type CourseChanges = z.input<typeof coursePatch>;
export type DeficitCreate = z.input<typeof deficitInput>;
export type DeficitChanges = z.input<typeof deficitPatch>;
export type PlanCreate = z.input<typeof planInput>;
export type PlanChanges = z.input<typeof planPatch>;

const enc = encodeURIComponent;

export function useStaffDevelopment(personId: string) {
  return useQuery({
    queryKey: ['staff-development', personId],
    queryFn: ({ signal }) => api.get<StaffDevelopment>(`/api/people/${enc(personId)}/development`, undefined, signal),
    enabled: Boolean(personId),
  });
}

export function useOrganisationStaff(organisationId: string, enabled = true) {
  return useQuery({
    queryKey: ['people', 'organisation-staff', organisationId],
    queryFn: ({ signal }) =>
      api.get<OrganisationStaff>(`/api/organisations/${enc(organisationId)}/staff`, undefined, signal),
    enabled: enabled && Boolean(organisationId),
  });
}

/** A change of a course, deficit or plan: the person's development, the organisation's staff, the journal. */
function useDevelopmentWrite<V, R>(write: (variables: V) => Promise<R>) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: write,
    onSuccess: () => invalidate('staff-development', 'people', 'audit'),
  });
}

// ---- courses

export function useAddCourse(personId: string) {
  return useDevelopmentWrite((body: CourseCreate) =>
    api.post<CourseCompletion>(`/api/people/${enc(personId)}/courses`, body),
  );
}

export function useUpdateCourse(id: string) {
  return useDevelopmentWrite((body: CourseChanges) => api.patch<CourseCompletion>(`/api/courses/${enc(id)}`, body));
}

export function useDeleteCourse() {
  return useDevelopmentWrite((c: { id: string; version: number }) =>
    api.delete<unknown>(`/api/courses/${enc(c.id)}`, { version: c.version }),
  );
}

export function useUploadCertificate() {
  return useDevelopmentWrite(({ id, version, file }: { id: string; version: number; file: File }) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.post<CourseCompletion>(`/api/courses/${enc(id)}/certificate`, form, { version });
  });
}

export function useDeleteCertificate() {
  return useDevelopmentWrite((c: { id: string; version: number }) =>
    api.delete<CourseCompletion>(`/api/courses/${enc(c.id)}/certificate`, { version: c.version }),
  );
}

export const certificateUrl = (courseId: string) => `/api/courses/${enc(courseId)}/certificate`;

// ---- deficits

export function useAddDeficit(personId: string) {
  return useDevelopmentWrite((body: DeficitCreate) =>
    api.post<StaffDeficit>(`/api/people/${enc(personId)}/deficits`, body),
  );
}

export function useUpdateDeficit() {
  return useDevelopmentWrite(({ id, ...body }: DeficitChanges & { id: string }) =>
    api.patch<StaffDeficit>(`/api/deficits/${enc(id)}`, body),
  );
}

export function useDeleteDeficit() {
  return useDevelopmentWrite((d: { id: string; version: number }) =>
    api.delete<unknown>(`/api/deficits/${enc(d.id)}`, { version: d.version }),
  );
}

// ---- development plans

export function useAddPlan(personId: string) {
  return useDevelopmentWrite((body: PlanCreate) =>
    api.post<DevelopmentPlan>(`/api/people/${enc(personId)}/plans`, body),
  );
}

export function useUpdatePlan() {
  return useDevelopmentWrite(({ id, ...body }: PlanChanges & { id: string }) =>
    api.patch<DevelopmentPlan>(`/api/plans/${enc(id)}`, body),
  );
}

export function useDeletePlan() {
  return useDevelopmentWrite((p: { id: string; version: number }) =>
    api.delete<unknown>(`/api/plans/${enc(p.id)}`, { version: p.version }),
  );
}
