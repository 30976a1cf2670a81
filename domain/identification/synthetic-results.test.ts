import { describe, expect, it } from 'vitest';
import { validateOrganisationRow } from '../organisation-row.ts';
import { regionTimezones, schoolTypes } from '../organisation-types.ts';
import type { ResultsByKind } from './results.ts';
import { type SyntheticSchool, syntheticRegions, syntheticResults } from './synthetic-results.ts';

const years = [2019, 2020, 2021];
// Territory of the whole country is cheap; results only for a slice of a few thousand schools.
const country = syntheticRegions({ seed: 1 });
const sampleSchools = syntheticRegions({ seed: 1, regions: 6 }).flatMap((r) => r.schools);
const sample = syntheticResults(sampleSchools, { seed: 1, years });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bySchool = <T extends { schoolCode: string }>(rows: T[]) => {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.schoolCode, [...(map.get(row.schoolCode) ?? []), row]);
  return map;
};
const rowsOf = (results: ResultsByKind, code: string): ResultsByKind => ({
  vpr: results.vpr.filter((r) => r.schoolCode === code),
  gia: results.gia.filter((r) => r.schoolCode === code),
  journal: results.journal.filter((r) => r.schoolCode === code),
});

describe('synthetic territory', () => {
  it('has the national scale', () => {
    const municipalities = country.reduce((n, r) => n + r.municipalities.length, 0);
    const schools = country.flatMap((r) => r.schools);
    expect(country).toHaveLength(85);
    expect(municipalities).toBeGreaterThanOrEqual(2200);
    expect(municipalities).toBeLessThanOrEqual(2600);
    expect(schools.length).toBeGreaterThanOrEqual(38_000);
    expect(schools.length).toBeLessThanOrEqual(42_000);
    for (const r of country) {
      expect(r.municipalities.length).toBeGreaterThanOrEqual(10);
      expect(r.municipalities.length).toBeLessThanOrEqual(60);
    }
    expect(new Set(schools.map((s) => s.type))).toEqual(new Set(schoolTypes));
    const urbanShare = schools.filter((s) => s.urban).length / schools.length;
    expect(urbanShare).toBeGreaterThan(0.3);
    expect(urbanShare).toBeLessThan(0.6);
  });

  it('writes codes, names and zones an import accepts', () => {
    const zones = new Set<string>(regionTimezones.map((z) => z.zone));
    const codes = new Set<string>();
    const regionNames = new Set<string>();
    for (const r of country) {
      expect(r.code).toMatch(/^R\d{2}$/);
      expect(zones.has(r.timezone)).toBe(true);
      regionNames.add(r.name);
      const municipalities = new Set(r.municipalities.map((m) => m.code));
      expect(new Set(r.municipalities.map((m) => m.name)).size).toBe(r.municipalities.length);
      const badMunicipality = r.municipalities.filter((m) => !new RegExp(`^${r.code}-M\\d{3}$`).test(m.code));
      expect(badMunicipality).toEqual([]);
      const badSchools = r.schools.filter(
        (s) =>
          !/^R\d{2}-M\d{3}-S\d{4}$/.test(s.code) || !municipalities.has(s.municipalityCode) || /^[=+\-@]/.test(s.name),
      );
      expect(badSchools).toEqual([]);
      for (const s of r.schools) codes.add(s.code);
    }
    expect(regionNames.size).toBe(85);
    // The organisations import accepts every school row as the bench script writes it.
    const region = country[0]!;
    const known = {
      region: (key: string) => (key === region.code.toLowerCase() ? { id: region.code, name: region.name } : undefined),
      municipality: (_: string, key: string) =>
        region.municipalities.some((m) => m.code.toLowerCase() === key) ? { id: key } : undefined,
    };
    const rejected = region.schools
      .map((s, i) =>
        validateOrganisationRow(
          {
            code: s.code,
            name: s.name,
            short_name: s.shortName,
            type: s.type,
            municipality: s.municipalityCode,
            region: region.code,
            urban: s.urban ? '1' : '0',
          },
          i + 2,
          known,
        ),
      )
      .filter((r) => !r.ok);
    expect(rejected).toEqual([]);
    expect(codes.size).toBe(country.reduce((n, r) => n + r.schools.length, 0));
  });

  it('is the same region whatever slice is asked for, and honours the size override', () => {
    expect(syntheticRegions({ seed: 1, regions: 1 })[0]).toEqual(country[0]);
    expect(syntheticRegions({ seed: 2, regions: 1 })[0]).not.toEqual(country[0]);
    const small = syntheticRegions({ seed: 1, regions: 3, schoolsPerRegion: 40 });
    expect(small.map((r) => r.schools.length)).toEqual([40, 40, 40]);
    expect(small[0]!.municipalities).toEqual(country[0]!.municipalities);
  });
});

describe('synthetic results', () => {
  it('is deterministic per seed', () => {
    const slice = sampleSchools.slice(0, 200);
    const again = syntheticResults(slice, { seed: 1, years });
    expect(again).toEqual(syntheticResults(slice, { seed: 1, years }));
    expect(syntheticResults(slice, { seed: 2, years })).not.toEqual(again);
  });

  it('gives a school the same results whatever else is in the list or the years', () => {
    const school = sampleSchools[123]!;
    const alone = syntheticResults([school], { seed: 1, years });
    expect(alone).toEqual(rowsOf(sample, school.code));
    expect(alone.vpr.length).toBeGreaterThan(0);
    const only2021 = syntheticResults([school], { seed: 1, years: [2021] });
    expect(only2021.vpr).toEqual(alone.vpr.filter((r) => r.year === 2021));
    expect(only2021.gia).toEqual(alone.gia.filter((r) => r.year === 2021));
  });

  it('works for any school list, such as the demo region', () => {
    const demo = [
      { code: 'ДМ-01-001', type: 'СОШ', urban: true },
      { code: 'ДМ-02-003', type: 'ООШ', urban: false },
      { code: 'ДМ-02-008', type: 'НОШ', urban: false },
    ];
    const results = syntheticResults(demo, { seed: 5, years });
    expect(new Set(results.vpr.map((r) => r.schoolCode))).toEqual(new Set(demo.map((s) => s.code)));
    expect(results.gia.every((r) => r.schoolCode !== 'ДМ-02-008')).toBe(true);
  });

  it('keeps counts consistent in every row', () => {
    // Bad rows are collected and compared once: an expect per row would take seconds.
    const negative = (...xs: number[]) => xs.some((x) => x < 0 || !Number.isInteger(x));
    expect(
      sample.vpr.filter(
        (r) => negative(r.participants, r.n2, r.n3, r.n4, r.n5) || r.n2 + r.n3 + r.n4 + r.n5 !== r.participants,
      ),
    ).toEqual([]);
    expect(sample.gia.filter((r) => negative(r.participants, r.belowMin) || r.belowMin > r.participants)).toEqual([]);
    expect(
      sample.journal.filter(
        (r) =>
          negative(r.participants, r.lowered, r.confirmed, r.raised) ||
          r.lowered + r.confirmed + r.raised !== r.participants,
      ),
    ).toEqual([]);
    // Every ВПР row has its journal comparison with the same participants.
    const key = (r: { year: number; schoolCode: string; subject: string; grade: number; participants: number }) =>
      `${r.year} ${r.schoolCode} ${r.subject} ${r.grade} ${r.participants}`;
    expect(sample.journal.map(key).join('\n') === sample.vpr.map(key).join('\n')).toBe(true);
    const zero = sample.vpr.filter((r) => r.participants === 0).length;
    expect(zero / sample.vpr.length).toBeLessThan(0.01);
  });

  it('writes every procedure in every year', () => {
    for (const year of years) {
      const vpr = new Set(sample.vpr.filter((r) => r.year === year).map((r) => `${r.subject} ${r.grade}`));
      expect(vpr.size).toBe(10);
      const gia = new Set(sample.gia.filter((r) => r.year === year).map((r) => `${r.exam} ${r.subject}`));
      expect(gia).toEqual(
        new Set([
          'ОГЭ русский язык',
          'ОГЭ математика',
          'ЕГЭ русский язык',
          'ЕГЭ математика (профильная)',
          'ЕГЭ математика (базовая)',
        ]),
      );
    }
  });

  it('writes only the procedures of the grades a school has', () => {
    const typeOf = new Map(sampleSchools.map((s) => [s.code, s.type]));
    const ofType = (type: SyntheticSchool['type']) => sampleSchools.filter((s) => s.type === type).length;
    expect(ofType('НОШ')).toBeGreaterThan(0);
    expect(ofType('ООШ')).toBeGreaterThan(0);
    expect(sample.vpr.filter((r) => typeOf.get(r.schoolCode) === 'НОШ' && r.grade !== 4)).toEqual([]);
    expect(sample.gia.filter((r) => typeOf.get(r.schoolCode) === 'НОШ')).toEqual([]);
    expect(sample.gia.filter((r) => typeOf.get(r.schoolCode) === 'ООШ' && r.exam === 'ЕГЭ')).toEqual([]);
    expect(sample.gia.some((r) => typeOf.get(r.schoolCode) === 'ООШ' && r.exam === 'ОГЭ')).toBe(true);
  });

  it('sizes grades like rural and urban schools', () => {
    const urban = new Map(sampleSchools.map((s) => [s.code, s.urban]));
    const sizes = (u: boolean) => sample.vpr.filter((r) => urban.get(r.schoolCode) === u).map((r) => r.participants);
    expect(median(sizes(false))).toBeGreaterThanOrEqual(3);
    expect(median(sizes(false))).toBeLessThanOrEqual(20);
    expect(median(sizes(true))).toBeGreaterThanOrEqual(40);
    expect(median(sizes(true))).toBeLessThanOrEqual(150);
  });

  it('has a minority of persistently low-results and of non-objective schools', () => {
    let low = 0;
    for (const rows of bySchool(sample.vpr).values()) {
      const lowInYear = (year: number) =>
        rows.filter((r) => r.year === year && r.participants > 0 && r.n2 / r.participants >= 0.3).length >= 2;
      if (years.every(lowInYear)) low++;
    }
    expect(low / sampleSchools.length).toBeGreaterThanOrEqual(0.03);
    expect(low / sampleSchools.length).toBeLessThanOrEqual(0.1);

    let nonObjective = 0;
    for (const rows of bySchool(sample.journal).values()) {
      const differ = rows.reduce((n, r) => n + r.lowered + r.raised, 0);
      const participants = rows.reduce((n, r) => n + r.participants, 0);
      if (participants > 0 && differ / participants > 0.15) nonObjective++;
    }
    expect(nonObjective / sampleSchools.length).toBeGreaterThanOrEqual(0.05);
    expect(nonObjective / sampleSchools.length).toBeLessThanOrEqual(0.15);

    // Most schools have few «2»; some have many «5».
    const pooled = [...bySchool(sample.vpr).values()].map((rows) => {
      const n = rows.reduce((a, r) => a + r.participants, 0);
      return { share2: rows.reduce((a, r) => a + r.n2, 0) / n, share5: rows.reduce((a, r) => a + r.n5, 0) / n };
    });
    expect(median(pooled.map((p) => p.share2))).toBeGreaterThan(0.02);
    expect(median(pooled.map((p) => p.share2))).toBeLessThan(0.15);
    expect(pooled.filter((p) => p.share5 > 0.4).length / pooled.length).toBeGreaterThan(0.03);
  });
});
