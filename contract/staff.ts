// Professional development of school staff (issue 8, item 3): courses completed with their certificates,
// professional deficits, individual development plans (ИОМ), and a school's staff at a glance.
// No node:* and no DOM imports here.
import { z } from 'zod';
import { staffCategoryEnum } from './api.ts';
import { optionalText, requiredText, uuidField, versionField } from './fields.ts';

/** A calendar date as the API carries it, ГГГГ-ММ-ДД, checked to exist (no 31.02). */
export const calendarDate = (label: string) =>
  z
    .string({ error: `Укажите: ${label}.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}: укажите дату в формате ДД.ММ.ГГГГ.`, abort: true })
    .refine(
      (v) => {
        const [y, m, d] = v.split('-').map(Number) as [number, number, number];
        return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
      },
      { error: `${label}: такой даты нет.` },
    );

// ---- courses (КПК)

export const storedFileInfo = z.object({ id: uuidField, name: z.string(), mediaType: z.string(), size: z.number() });

export const courseCompletion = z.object({
  id: uuidField,
  personId: uuidField,
  organisationId: z.string().nullable(),
  title: z.string(),
  provider: z.string(),
  hours: z.number().nullable(),
  completedOn: z.string(),
  /** The certificate's number and date as written on it («удостоверение № 123 от 01.02.2024»). */
  certificate: z.string(),
  /** The scanned certificate, when uploaded. */
  file: storedFileInfo.nullable(),
  eventId: z.string().nullable(),
  version: z.number(),
});
export type CourseCompletion = z.infer<typeof courseCompletion>;

const hoursField = z
  .number({ error: 'Объём курса: укажите число часов.' })
  .int({ error: 'Объём курса: целое число часов.' })
  .min(1, { error: 'Объём курса: не меньше 1 часа.' })
  .max(2000, { error: 'Объём курса: не больше 2000 часов.' });

const courseFields = z.object({
  title: requiredText('название курса', 500),
  provider: optionalText('организация, проводившая обучение', 500),
  hours: hoursField.nullable(),
  completedOn: calendarDate('дата окончания курса'),
  certificate: optionalText('реквизиты удостоверения', 300),
  eventId: uuidField.nullable(),
});
export const courseInput = courseFields.extend({
  provider: courseFields.shape.provider.default(''),
  hours: courseFields.shape.hours.default(null),
  certificate: courseFields.shape.certificate.default(''),
  eventId: courseFields.shape.eventId.default(null),
});
export const coursePatch = courseFields.partial().extend({ version: versionField });

// ---- professional deficits

export const deficitStatuses = ['open', 'addressed'] as const;
export const deficitStatusEnum = z.enum(deficitStatuses, { error: 'Выберите состояние дефицита из списка.' });
export const deficitStatusLabels: Record<(typeof deficitStatuses)[number], string> = {
  open: 'не устранён',
  addressed: 'устранён',
};

export const staffDeficit = z.object({
  id: uuidField,
  personId: uuidField,
  organisationId: z.string().nullable(),
  /** The area of the deficit («формирующее оценивание», «работа с детьми с ОВЗ»). */
  area: z.string(),
  description: z.string(),
  identifiedOn: z.string().nullable(),
  /** Where it was found: a diagnostic, a self-assessment, a visit. */
  source: z.string(),
  status: deficitStatusEnum,
  /** Steps of the person's plans addressing the deficit, and how many of them are done. */
  steps: z.number(),
  stepsDone: z.number(),
  /** Every step addressing it is done (or none does), so the user may mark it addressed. */
  canMarkAddressed: z.boolean(),
  version: z.number(),
});
export type StaffDeficit = z.infer<typeof staffDeficit>;

const deficitFields = z.object({
  area: requiredText('область дефицита', 300),
  description: optionalText('описание', 3000),
  identifiedOn: calendarDate('дата выявления').nullable(),
  source: optionalText('источник (диагностика, самоанализ)', 300),
  status: deficitStatusEnum,
});
export const deficitInput = deficitFields.extend({
  description: deficitFields.shape.description.default(''),
  identifiedOn: deficitFields.shape.identifiedOn.default(null),
  source: deficitFields.shape.source.default(''),
  status: deficitFields.shape.status.default('open'),
});
export const deficitPatch = deficitFields.partial().extend({ version: versionField });

// ---- individual development plans (ИОМ)

export const planItem = z.object({
  key: z.string(),
  action: z.string(),
  due: z.string().nullable(),
  deficitId: z.string().nullable(),
  done: z.boolean(),
});
export type PlanItem = z.infer<typeof planItem>;

/** A step as sent: a new step has no key yet (the server gives one); a kept step keeps its key. */
export const planItemInput = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,40}$/, { error: 'Неверный ключ пункта маршрута.' })
    .optional(),
  action: requiredText('содержание пункта маршрута', 1000),
  due: calendarDate('срок пункта маршрута').nullable().default(null),
  deficitId: uuidField.nullable().default(null),
  done: z.boolean().default(false),
});

export const developmentPlan = z.object({
  id: uuidField,
  personId: uuidField,
  organisationId: z.string().nullable(),
  title: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  items: z.array(planItem),
  version: z.number(),
});
export type DevelopmentPlan = z.infer<typeof developmentPlan>;

const planFields = z.object({
  title: requiredText('название маршрута', 300),
  periodStart: calendarDate('начало периода').nullable(),
  periodEnd: calendarDate('окончание периода').nullable(),
  items: z.array(planItemInput).max(100, { error: 'В маршруте не больше 100 пунктов.' }),
});
export const planInput = planFields.extend({
  periodStart: planFields.shape.periodStart.default(null),
  periodEnd: planFields.shape.periodEnd.default(null),
  items: planFields.shape.items.default([]),
});
/**
 * `items` replaces the steps (keys keep their identity); `itemDone` marks one step done or not done without
 * resending the others.
 */
export const planPatch = planFields.partial().extend({
  itemDone: z.object({ key: z.string().trim().min(1), done: z.boolean() }).optional(),
  version: versionField,
});

// ---- one person's development, and a school's staff

export const staffDevelopment = z.object({
  personId: uuidField,
  courses: z.array(courseCompletion),
  deficits: z.array(staffDeficit),
  plans: z.array(developmentPlan),
  /** The person may be changed by the caller (person.write within the person's place). */
  canWrite: z.boolean(),
});
export type StaffDevelopment = z.infer<typeof staffDevelopment>;

export const staffMember = z.object({
  id: uuidField,
  fullName: z.string(),
  position: z.string(),
  category: staffCategoryEnum,
  subjects: z.array(z.string()),
  lastCourseOn: z.string().nullable(),
  /** A course completed in the last three years. */
  trained: z.boolean(),
  openDeficits: z.number(),
  hasPlan: z.boolean(),
});
export type StaffMember = z.infer<typeof staffMember>;

export const organisationStaff = z.object({
  organisationId: uuidField,
  /** «Today» in the region's time zone, and the first day of the three-year window that counts as trained. */
  today: z.string(),
  trainedSince: z.string(),
  categories: z.array(z.object({ category: staffCategoryEnum, total: z.number(), trained: z.number() })),
  people: z.array(staffMember),
});
export type OrganisationStaff = z.infer<typeof organisationStaff>;
