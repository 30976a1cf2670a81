// Importing our own export gives back the same programme: the writer prints every header, section row and
// appendix block in the wording the reader recognises (domain/programme/columns.ts, read-act.ts).
import { describe, expect, it } from 'vitest';
import { allActivities, type ProgrammeDraft } from '../../domain/programme/programme.ts';
import { readProgramme } from '../../domain/programme/read-programme.ts';
import { seedFile, seedsPresent } from '../../test/seeds/seed-files.ts';
import { readDocument } from '../document/read-document.ts';
import { sampleProgramme } from './sample-programme.ts';
import { writeProgrammeDocx } from './write-programme.ts';

const activityFields = (p: ProgrammeDraft) =>
  allActivities(p).map((a) => ({
    number: a.number,
    text: a.text,
    deadline: a.deadline.text,
    responsible: a.responsible,
    executors: a.executors,
    plannedResult: a.plannedResult,
    indicator: a.indicator,
    informationSupport: a.informationSupport,
  }));

describe('a programme written to DOCX and read back', async () => {
  const written = sampleProgramme();
  const doc = await readDocument('x.docx', await writeProgrammeDocx(written));
  const read = readProgramme(doc);

  it('keeps the approving act’s number and date', () => {
    expect({ number: read.act.number, date: read.act.date }).toEqual({ number: '28/1', date: '2023-01-13' });
  });

  it('keeps the title', () => {
    expect(read.title).toBe(written.title);
  });

  it('keeps the sections, their numbers and titles', () => {
    expect(read.sections.map((s) => ({ number: s.number, title: s.title }))).toEqual(
      written.sections.map((s) => ({ number: s.number, title: s.title })),
    );
    expect(read.sections.map((s) => s.activities.length)).toEqual(written.sections.map((s) => s.activities.length));
  });

  it('keeps every activity: number, text, deadline as written, responsible, executors, result, indicator, information support', () => {
    expect(activityFields(read)).toEqual(activityFields(written));
  });

  it('keeps the target indicators with their targets', () => {
    const fields = (p: ProgrammeDraft) => p.indicators.map((i) => ({ name: i.name, unit: i.unit, targets: i.targets }));
    expect(fields(read)).toEqual(fields(written));
  });

  it('keeps the tutor pairs', () => {
    const pairs = (p: ProgrammeDraft) => p.tutorPairs.map((t) => ({ school: t.school, tutor: t.tutor }));
    expect(pairs(read)).toEqual(pairs(written));
  });
});

/** Everything a person reads in a programme, without the places it was read from and the deadline readings. */
const content = (p: ProgrammeDraft) => ({
  title: p.title,
  kind: p.kind,
  level: p.level,
  period: p.period,
  periodText: p.periodText,
  act: { number: p.act.number, date: p.act.date },
  passport: p.passport,
  workingGroup: p.workingGroup,
  sections: p.sections.map((s) => ({ number: s.number, title: s.title })),
  activities: activityFields(p),
  indicators: p.indicators.map(({ source: _, ...i }) => i),
  consultations: p.consultations.map((c) => ({ topic: c.topic, when: c.when.text, responsible: c.responsible })),
  tutorPairs: p.tutorPairs.map((t) => ({ school: t.school, tutor: t.tutor })),
  schools: p.schools
    .map((s) => ({ name: s.name, role: s.role }))
    .sort((a, b) => `${a.role}${a.name}`.localeCompare(`${b.role}${b.name}`)),
});

// The export numbers tasks and challenges «1.», «2.» …, and the reader keeps a list's numbers as its text: a list
// written without numbers comes back numbered, once; everything else comes back as it was.
const unnumbered = (items: string[]) => items.map((t) => t.replace(/^\d{1,2}[.)]\s+/, ''));
const withoutListNumbers = (p: ProgrammeDraft): ProgrammeDraft => ({
  ...p,
  passport: { ...p.passport, tasks: unnumbered(p.passport.tasks), challenges: unnumbered(p.passport.challenges) },
});
const roundTrip = async (p: ProgrammeDraft) => readProgramme(await readDocument('x.docx', await writeProgrammeDocx(p)));

// Each real programme, read from its seed, exported and imported again, is the programme it was — the schools
// named in the order's text come back from the appendix's lists of schools by role.
describe.runIf(seedsPresent)('the five seed programmes written to DOCX and read back', () => {
  it.each(['000', '001', '002', '003', '004'])('seed %s', async (prefix) => {
    const seed = seedFile(prefix);
    const original = readProgramme(await readDocument(seed.name, seed.bytes));
    const once = await roundTrip(original);
    expect(content(withoutListNumbers(once))).toEqual(content(withoutListNumbers(original)));
    // A second export changes nothing at all.
    expect(content(await roundTrip(once))).toEqual(content(once));
  });
});
