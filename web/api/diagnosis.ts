// TanStack Query hooks of diagnosis (contract/diagnosis.ts): questionnaire campaigns and their progress, heat
// maps, a school's risk profile and its history, SWOT and entry monitoring forms with their review, the library
// of measures and a school's anti-risk programme. Kept apart from queries.ts so only the diagnosis screens,
// loaded on demand, carry them. The public questionnaire is read and saved with plain fetch, without cookies:
// a respondent has no account, and a signed-in browser must not turn the answers into a session request.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ErrorBody } from '../../contract/api.ts';
import type {
  AntiRiskProgrammeDto,
  antiRiskBody,
  CampaignDto,
  campaignInput,
  campaignListItem,
  diagnosisModelCopy,
  diagnosisModelPatch,
  diagnosisModelView,
  formReviewBody,
  heatMap,
  profileHistory,
  question,
  RiskProfileDto,
  riskMeasure,
  riskMeasureInput,
  SchoolFormDto,
  survey,
  surveyAnswerBody,
  surveySaved,
} from '../../contract/diagnosis.ts';
import type { FormKind } from '../../domain/diagnosis/forms.ts';
import { ApiError, api } from './client.ts';
import { useInvalidate } from './queries.ts';

export type Campaign = CampaignDto;
export type CampaignListItem = z.infer<typeof campaignListItem>;
export type CampaignCreate = z.input<typeof campaignInput>;
export type CampaignSchool = CampaignDto['schools'][number];
export type HeatMap = z.infer<typeof heatMap>;
export type RiskProfile = RiskProfileDto;
export type FactorResult = RiskProfileDto['factors'][number];
export type ProfileHistory = z.infer<typeof profileHistory>;
export type SchoolForm = SchoolFormDto;
export type FormReview = z.input<typeof formReviewBody>;
export type RiskMeasure = z.infer<typeof riskMeasure>;
export type RiskMeasureCreate = z.input<typeof riskMeasureInput>;
export type AntiRiskProgramme = AntiRiskProgrammeDto;
export type AntiRiskChoice = z.input<typeof antiRiskBody>;
export type Survey = z.infer<typeof survey>;
export type SurveyQuestion = z.infer<typeof question>;
export type SurveyAnswers = z.input<typeof surveyAnswerBody>['answers'];
export type SurveySaved = z.infer<typeof surveySaved>;
export type DiagnosisModel = { code: string; title: string; factors: number; questions: number };
export type DiagnosisModelView = z.infer<typeof diagnosisModelView>;
export type DiagnosisModelRule = DiagnosisModelView['rules'][number];
export type DiagnosisModelCopy = z.input<typeof diagnosisModelCopy>;
export type DiagnosisModelPatch = z.input<typeof diagnosisModelPatch>;

const enc = encodeURIComponent;

/** What a write of diagnosis may change on screen. */
const diagnosisRoots = [
  'diagnosis-campaigns',
  'diagnosis-campaign',
  'heat-map',
  'risk-profile',
  'risk-history',
  'school-forms',
  'risk-measures',
  'anti-risk',
  'audit',
];

function useDiagnosisWrite<V, R>(write: (variables: V) => Promise<R>, extra: readonly string[] = []) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: write, onSuccess: () => invalidate(...diagnosisRoots, ...extra) });
}

// ---- campaigns

export function useDiagnosisModels(enabled = true) {
  return useQuery({
    queryKey: ['diagnosis-models'],
    queryFn: ({ signal }) => api.get<DiagnosisModel[]>('/api/diagnosis/models', undefined, signal),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/** The shipped models and the region's own, with their factors, indicators, weights and thresholds. */
export function useRegionDiagnosisModels(regionId: string | null | undefined) {
  return useQuery({
    queryKey: ['region-diagnosis-models', regionId ?? null],
    queryFn: ({ signal }) =>
      api.get<DiagnosisModelView[]>(`/api/regions/${enc(regionId ?? '')}/diagnosis-models`, undefined, signal),
    enabled: Boolean(regionId),
  });
}

/** Copies a model as the region's own; the campaign form's list of models changes too. */
export function useCopyDiagnosisModel() {
  return useDiagnosisWrite(
    (body: DiagnosisModelCopy) => api.post<DiagnosisModelView>('/api/diagnosis-models', body),
    ['diagnosis-models', 'region-diagnosis-models'],
  );
}

/** A new version of the region's model: the whole rules with the version they were read at. */
export function useUpdateDiagnosisModel() {
  return useDiagnosisWrite(
    ({ regionId, code, ...body }: DiagnosisModelPatch & { regionId: string; code: string }) =>
      api.patch<DiagnosisModelView>(`/api/regions/${enc(regionId)}/diagnosis-models/${enc(code)}`, body),
    ['diagnosis-models', 'region-diagnosis-models'],
  );
}

export function useCampaigns() {
  return useQuery({
    queryKey: ['diagnosis-campaigns'],
    queryFn: ({ signal }) => api.get<CampaignListItem[]>('/api/diagnosis/campaigns', undefined, signal),
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: ['diagnosis-campaign', id],
    queryFn: ({ signal }) => api.get<Campaign>(`/api/diagnosis/campaigns/${enc(id)}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useCreateCampaign() {
  return useDiagnosisWrite((body: CampaignCreate) => api.post<Campaign>('/api/diagnosis/campaigns', body));
}

export function useHeatMap(campaignId: string, enabled = true) {
  return useQuery({
    queryKey: ['heat-map', campaignId],
    queryFn: ({ signal }) =>
      api.get<HeatMap>(`/api/diagnosis/campaigns/${enc(campaignId)}/heat-map`, undefined, signal),
    enabled: enabled && Boolean(campaignId),
  });
}

// ---- a school's risk profile

export function useRiskProfile(organisationId: string, campaignId: string | null, enabled = true) {
  return useQuery({
    queryKey: ['risk-profile', organisationId, campaignId],
    queryFn: ({ signal }) =>
      api.get<RiskProfile>(
        `/api/organisations/${enc(organisationId)}/risk-profile`,
        { campaignId: campaignId ?? undefined },
        signal,
      ),
    enabled: enabled && Boolean(organisationId),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export function useRiskHistory(organisationId: string) {
  return useQuery({
    queryKey: ['risk-history', organisationId],
    queryFn: ({ signal }) =>
      api.get<ProfileHistory>(`/api/organisations/${enc(organisationId)}/risk-history`, undefined, signal),
    enabled: Boolean(organisationId),
  });
}

// ---- SWOT and entry monitoring

export function useSchoolForms(organisationId: string) {
  return useQuery({
    queryKey: ['school-forms', organisationId],
    queryFn: ({ signal }) =>
      api.get<SchoolForm[]>(`/api/organisations/${enc(organisationId)}/forms`, undefined, signal),
    enabled: Boolean(organisationId),
  });
}

export function useSaveSchoolForm(organisationId: string) {
  return useDiagnosisWrite(
    (p: { kind: FormKind; period: string; content: Record<string, unknown>; version?: number | undefined }) =>
      api.put<SchoolForm>(`/api/organisations/${enc(organisationId)}/forms/${enc(p.kind)}/${enc(p.period)}`, {
        content: p.content,
        ...(p.version ? { version: p.version } : {}),
      }),
  );
}

export function useReviewForm() {
  return useDiagnosisWrite(({ id, ...body }: FormReview & { id: string }) =>
    api.post<SchoolForm>(`/api/forms/${enc(id)}/review`, body),
  );
}

// ---- the library of measures and anti-risk programmes

export function useRiskMeasures(regionId: string | null | undefined, factorKey?: string, enabled = true) {
  return useQuery({
    queryKey: ['risk-measures', regionId ?? null, factorKey ?? null],
    queryFn: ({ signal }) =>
      api.get<RiskMeasure[]>(`/api/regions/${enc(regionId ?? '')}/risk-measures`, { factorKey }, signal),
    enabled: enabled && Boolean(regionId),
  });
}

export function useCreateRiskMeasure() {
  return useDiagnosisWrite((body: RiskMeasureCreate) => api.post<RiskMeasure>('/api/risk-measures', body));
}

export function useUpdateRiskMeasure() {
  return useDiagnosisWrite(
    ({
      id,
      ...body
    }: {
      id: string;
      version: number;
      text?: string;
      indicator?: string;
      deadlineText?: string;
      responsible?: string;
    }) => api.patch<RiskMeasure>(`/api/risk-measures/${enc(id)}`, body),
  );
}

export function useDeleteRiskMeasure() {
  return useDiagnosisWrite((m: { id: string; version: number }) =>
    api.delete<unknown>(`/api/risk-measures/${enc(m.id)}`, { version: m.version }),
  );
}

export function useAntiRisk(organisationId: string) {
  return useQuery({
    queryKey: ['anti-risk', organisationId],
    queryFn: ({ signal }) =>
      api.get<AntiRiskProgramme>(`/api/organisations/${enc(organisationId)}/anti-risk`, undefined, signal),
    enabled: Boolean(organisationId),
  });
}

/** The chosen risks' measures become activities of the school's roadmap: execution views change too. */
export function useSaveAntiRisk(organisationId: string) {
  return useDiagnosisWrite(
    (body: AntiRiskChoice) => api.post<AntiRiskProgramme>(`/api/organisations/${enc(organisationId)}/anti-risk`, body),
    ['programmes', 'programme', 'execution', 'dashboard', 'region-dashboard', 'calendar'],
  );
}

// ---- the public questionnaire (no account, no cookies)

const networkMessage = 'Нет связи с сервером.';

async function publicRequest<T>(method: 'GET' | 'PUT', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network.unavailable', networkMessage);
  }
  let data: unknown = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    const e = (data as ErrorBody | null)?.error;
    if (e && typeof e.message === 'string') throw new ApiError(response.status, e.code, e.message, e.problems ?? []);
    throw new ApiError(
      response.status,
      `http.${response.status}`,
      response.status === 429
        ? 'Слишком много запросов. Подождите минуту.'
        : response.status >= 500
          ? 'На сервере произошла ошибка. Повторите попытку позже.'
          : `Запрос не выполнен (код ${response.status}).`,
    );
  }
  return data as T;
}

export function usePublicSurvey(code: string) {
  return useQuery({
    queryKey: ['public-survey', code],
    queryFn: ({ signal }) => publicRequest<Survey>('GET', `/api/survey/${enc(code)}`, undefined, signal),
    enabled: Boolean(code),
    retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 3,
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function saveSurveyAnswers(code: string, body: z.input<typeof surveyAnswerBody>): Promise<SurveySaved> {
  return publicRequest<SurveySaved>('PUT', `/api/survey/${enc(code)}/answers`, body);
}
