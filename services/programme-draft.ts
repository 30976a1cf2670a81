// Converts between the domain's ProgrammeDraft (what the reader produces and the writers print) and the
// contract's shapes (what the API sends and receives). On the way in every deadline is read again on the
// server with the programme's period: a reading sent by a client is never trusted.
import type { z } from 'zod';
import type { ActivityDto, consultation, ProgrammeDetail, ProgrammeDraftDto } from '../contract/programmes.ts';
import { type DeadlineReading, type Period, readDeadline } from '../domain/deadline/read-deadline.ts';
import type { SourcePlace } from '../domain/document/source-document.ts';
import type { Activity, ProgrammeDraft, ProgrammeWarning, Section } from '../domain/programme/programme.ts';
import { programmeWarnings } from '../domain/programme/read-programme.ts';

type ConsultationDto = z.infer<typeof consultation>;

/** The draft as the API sends it: deadlines as wording plus reading, places only where a warning needs them. */
export function draftToDto(p: ProgrammeDraft): ProgrammeDraftDto {
  return {
    level: p.level,
    kind: p.kind,
    title: p.title,
    period: { ...p.period },
    periodText: p.periodText,
    act: p.act,
    passport: p.passport,
    workingGroup: p.workingGroup,
    sections: p.sections.map((s) => ({
      number: s.number,
      title: s.title,
      activities: s.activities.map((a) => ({
        number: a.number,
        text: a.text,
        deadlineText: a.deadline.text,
        responsible: a.responsible,
        executors: a.executors,
        plannedResult: a.plannedResult,
        indicator: a.indicator,
        informationSupport: a.informationSupport,
        deadline: a.deadline.reading,
        source: a.source,
      })),
    })),
    indicators: p.indicators.map(({ source: _, ...i }) => i),
    consultations: p.consultations.map((c) => ({
      topic: c.topic,
      whenText: c.when.text,
      when: c.when.reading,
      responsible: c.responsible,
    })),
    tutorPairs: p.tutorPairs.map(({ school, tutor }) => ({ school, tutor })),
    schools: p.schools.map(({ name, role }) => ({ name, role })),
    monitoringRounds: p.monitoringRounds,
  };
}

/** Consultation dates read again within the period. */
export const readConsultations = (
  list: { topic: string; whenText: string; responsible: string[] }[],
  period: Period,
): ConsultationDto[] =>
  list.map((c) => ({
    topic: c.topic,
    whenText: c.whenText,
    when: readDeadline(c.whenText, period),
    responsible: c.responsible,
  }));

/** The draft a client sent, with every deadline read again and the warnings computed here. */
export function draftFromDto(dto: ProgrammeDraftDto): ProgrammeDraft {
  const period = dto.period;
  const sections: Section[] = dto.sections.map((s) => ({
    number: s.number,
    title: s.title,
    activities: s.activities.map((a) => ({
      number: a.number,
      text: a.text,
      deadline: { text: a.deadlineText, reading: readDeadline(a.deadlineText, period) },
      responsible: a.responsible,
      executors: a.executors,
      plannedResult: a.plannedResult,
      indicator: a.indicator,
      informationSupport: a.informationSupport,
      source: a.source ?? {},
    })),
  }));
  const draft: ProgrammeDraft = {
    level: dto.level,
    kind: dto.kind,
    title: dto.title,
    period,
    periodText: dto.periodText,
    act: dto.act,
    passport: dto.passport,
    workingGroup: dto.workingGroup,
    sections,
    indicators: dto.indicators.map((i) => ({ ...i, source: {} })),
    consultations: readConsultations(dto.consultations, period).map((c) => ({
      topic: c.topic,
      when: { text: c.whenText, reading: c.when as DeadlineReading },
      responsible: c.responsible,
      source: {},
    })),
    tutorPairs: dto.tutorPairs.map((t) => ({ ...t, source: {} })),
    schools: dto.schools.map((s) => ({ ...s, source: {} })),
    monitoringRounds: dto.monitoringRounds,
    warnings: [],
  };
  draft.warnings = programmeWarnings(draft);
  return draft;
}

/** A stored activity as the domain holds it. */
export const activityOf = (a: ActivityDto & { source?: SourcePlace | null }): Activity => ({
  number: a.number,
  text: a.text,
  deadline: { text: a.deadlineText, reading: a.deadline as DeadlineReading },
  responsible: a.responsible,
  executors: a.executors,
  plannedResult: a.plannedResult,
  indicator: a.indicator,
  informationSupport: a.informationSupport,
  source: a.source ?? {},
});

/** A saved programme as the domain holds it, for the writers (DOCX, XLSX). */
export function draftFromDetail(d: ProgrammeDetail): ProgrammeDraft {
  const draft: ProgrammeDraft = {
    level: d.level,
    kind: d.kind,
    title: d.title,
    period: d.period,
    periodText: d.periodText,
    act: d.act,
    passport: d.passport,
    workingGroup: d.workingGroup,
    sections: d.sections.map((s) => ({ number: s.number, title: s.title, activities: s.activities.map(activityOf) })),
    indicators: d.indicators.map((i) => ({ ...i, source: {} })),
    consultations: d.consultations.map((c) => ({
      topic: c.topic,
      when: { text: c.whenText, reading: c.when as DeadlineReading },
      responsible: c.responsible,
      source: {},
    })),
    tutorPairs: d.tutorPairs.map((t) => ({ ...t, source: {} })),
    schools: d.schools.map((s) => ({ ...s, source: {} })),
    monitoringRounds: d.monitoringRounds,
    warnings: (d.warnings ?? []) as ProgrammeWarning[],
  };
  return draft;
}
