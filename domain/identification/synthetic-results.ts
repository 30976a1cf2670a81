// A synthetic country of schools and their assessment results, for measuring identification at national
// scale and for demonstrations. Every region, municipality and school name here is invented (synthetic data,
// not a real territory); only the time zones are the real IANA zones of Russian regions.
//
// Deterministic: one seed gives the same country. Results are drawn from a PRNG derived from the seed and the
// school's code (and the year), so a school gets the same results whatever other schools or years are asked
// for; that lets callers generate one region (or one slice) at a time and never hold the country in memory.

import { readOrganisationType, regionTimezones, type SchoolType } from '../organisation-types.ts';
import type { GiaResult, JournalResult, ResultsByKind, VprResult } from './results.ts';

export interface SyntheticOptions {
  seed?: number;
  years?: number[];
  /** The first N of the 85 regions (default 85); region R01 is the same whatever N is. */
  regions?: number;
  /** Exactly this many schools in each region (small slices); municipalities stay as in the full country. */
  schoolsPerRegion?: number;
}

export interface SyntheticRegion {
  code: string;
  name: string;
  shortName: string;
  timezone: string;
  municipalities: { code: string; name: string }[];
  schools: SyntheticSchool[];
}

export interface SyntheticSchool {
  code: string;
  name: string;
  shortName: string;
  type: SchoolType;
  urban: boolean;
  municipalityCode: string;
}

export const syntheticDefaults = { seed: 1, years: [2019, 2020, 2021], regions: 85 } as const;

const REGION_COUNT = 85;
const NATIONAL_SCHOOLS = 40_000;

// ---------------------------------------------------------------------------------------------------------
// Randomness: mulberry32 seeded by a hash of (seed, purpose, key), so independent streams need no shared state.

type Rng = () => number;

/** Mulberry32: a tiny seeded generator, so that every run produces the same data. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over UTF-16 units, finished with murmur3's fmix32 so that near-identical codes land far apart. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function rngFor(seed: number, ...key: (string | number)[]): Rng {
  return mulberry32(hash32(`${seed}\u0000${key.join('\u0000')}`));
}

function normal(r: Rng): number {
  // Box–Muller; 1 - r() keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

function binomial(r: Rng, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (r() < p) k++;
  return k;
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function shuffle<T>(r: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** Integer shares of `total` proportional to weights (largest remainder), so totals are exact. */
function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  const floor = weights.length * minimum <= total ? minimum : 0;
  const rest = total - floor * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (rest * w) / sum);
  const counts = exact.map((x) => Math.floor(x));
  let left = rest - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i]!++;
    left--;
  }
  return counts.map((c) => c + floor);
}

/** Standard normal distribution function (Abramowitz–Stegun 7.1.26, error < 1.5e-7: plenty for shares). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

// ---------------------------------------------------------------------------------------------------------
// Territory.

const regionPrefixes = ['Бело', 'Черно', 'Ново', 'Старо', 'Верхне', 'Нижне', 'Северо', 'Южно', 'Красно', 'Светло'];
const regionRoots = ['горск', 'речинск', 'озёрск', 'борск', 'ярск', 'камск', 'дольск', 'холмск', 'полянск', 'ключинск'];

/** Roughly how the 85 real regions spread over the zones (most in Moscow time), west to east. */
const zoneCounts: Record<(typeof regionTimezones)[number]['zone'], number> = {
  'Europe/Kaliningrad': 1,
  'Europe/Moscow': 50,
  'Europe/Samara': 6,
  'Asia/Yekaterinburg': 7,
  'Asia/Omsk': 2,
  'Asia/Novokuznetsk': 1,
  'Asia/Krasnoyarsk': 6,
  'Asia/Irkutsk': 3,
  'Asia/Yakutsk': 3,
  'Asia/Vladivostok': 4,
  'Asia/Magadan': 1,
  'Asia/Kamchatka': 1,
};
const zones = regionTimezones.flatMap(({ zone }) => Array.from({ length: zoneCounts[zone] }, () => zone));

// Adjectives of districts and villages; all end in «-ский», so the town is «-ск» and the school «-ская».
const placeRoots = [
  'Берёзовский',
  'Липовский',
  'Каменский',
  'Озёрский',
  'Сосновский',
  'Ключевский',
  'Полянский',
  'Заречинский',
  'Боровский',
  'Ельнинский',
  'Дубровский',
  'Кедровский',
  'Рябиновский',
  'Ольховский',
  'Осиновский',
  'Вишнёвский',
  'Ивановский',
  'Петровский',
  'Никольский',
  'Покровский',
  'Успенский',
  'Михайловский',
  'Алексеевский',
  'Андреевский',
  'Егорьевский',
  'Павловский',
  'Семёновский',
  'Григорьевский',
  'Знаменский',
  'Воскресенский',
  'Рождественский',
  'Тихоновский',
  'Черемховский',
  'Калиновский',
  'Малиновский',
  'Орловский',
  'Соколовский',
  'Журавлёвский',
  'Лебяжинский',
  'Голубинский',
  'Медведевский',
  'Волчанский',
  'Лисинский',
  'Бобровский',
  'Глинский',
  'Песчанский',
  'Родниковский',
  'Светловский',
  'Холмский',
  'Горский',
];
const placePrefixes = ['', 'Ново', 'Верхне', 'Нижне', 'Старо', 'Больше', 'Мало'];

const withPrefix = (prefix: string, root: string) => (prefix ? prefix + root.toLowerCase() : root);
const town = (adjective: string) => adjective.replace(/ий$/, '');
const feminine = (adjective: string) => adjective.replace(/ий$/, 'ая');

interface RegionPlan {
  code: string;
  name: string;
  shortName: string;
  capital: string;
  timezone: string;
  municipalities: number;
  schools: number;
}

/** The 85 regions with their sizes: cheap, and the same for a slice as for the whole country. */
function nationalPlan(seed: number): RegionPlan[] {
  const r = rngFor(seed, 'country');
  // Municipality counts as fixed quantiles (10…60, skewed to small, about 2,400 in all) in a seeded order:
  // the national total does not depend on the seed.
  const municipalities = shuffle(
    r,
    Array.from({ length: REGION_COUNT }, (_, i) => 10 + Math.round(50 * ((i + 0.5) / REGION_COUNT) ** 1.75)),
  );
  // Schools follow municipalities with a regional factor (dense south, sparse north), scaled to 40,000.
  const schools = apportion(
    NATIONAL_SCHOOLS,
    municipalities.map((m) => m * Math.exp(0.35 * normal(r))),
  );
  const stems = shuffle(
    r,
    regionPrefixes.flatMap((p) => regionRoots.map((root) => p + root)),
  );
  return Array.from({ length: REGION_COUNT }, (_, i) => {
    const stem = stems[i]!;
    const kind = r();
    // Mostly oblasts, some krais and autonomous okrugs, as in the real list.
    const [name, shortName] =
      kind < 0.8
        ? [`${stem}ая область`, `${stem}ая обл.`]
        : kind < 0.93
          ? [`${stem}ий край`, `${stem}ий край`]
          : [`${stem}ий автономный округ`, `${stem}ий АО`];
    return {
      code: `R${String(i + 1).padStart(2, '0')}`,
      name,
      shortName,
      capital: stem,
      timezone: zones[i]!,
      municipalities: municipalities[i]!,
      schools: schools[i]!,
    };
  });
}

type MunicipalityKind = 'capital' | 'city' | 'district';

const schoolTypeNames: Record<SchoolType, { full: string; short: string }> = {
  СОШ: { full: 'средняя общеобразовательная школа', short: 'СОШ' },
  ООШ: { full: 'основная общеобразовательная школа', short: 'ООШ' },
  НОШ: { full: 'начальная общеобразовательная школа', short: 'НОШ' },
  гимназия: { full: 'гимназия', short: 'гимназия' },
  лицей: { full: 'лицей', short: 'лицей' },
  другое: { full: 'школа-интернат', short: 'школа-интернат' },
};

// Shares of types among urban and rural schools, close to the national statistics: rural schools are often
// basic or primary, gymnasiums and lyceums are nearly all urban.
const urbanTypes: [SchoolType, number][] = [
  ['СОШ', 0.7],
  ['гимназия', 0.1],
  ['лицей', 0.08],
  ['ООШ', 0.04],
  ['НОШ', 0.02],
  ['другое', 0.06],
];
const ruralTypes: [SchoolType, number][] = [
  ['СОШ', 0.58],
  ['ООШ', 0.27],
  ['НОШ', 0.08],
  ['другое', 0.05],
  ['гимназия', 0.01],
  ['лицей', 0.01],
];

function pickWeighted<T>(r: Rng, items: readonly [T, number][]): T {
  let u = r() * items.reduce((a, [, w]) => a + w, 0);
  for (const [item, w] of items) {
    u -= w;
    if (u < 0) return item;
  }
  return items[items.length - 1]![0];
}

function buildRegion(seed: number, plan: RegionPlan, schoolsOverride: number | undefined): SyntheticRegion {
  const r = rngFor(seed, 'region', plan.code);
  const names = shuffle(
    r,
    placePrefixes.flatMap((p) => placeRoots.map((root) => withPrefix(p, root))),
  );
  const municipalities: { code: string; name: string; kind: MunicipalityKind; town: string; weight: number }[] = [];
  for (let i = 0; i < plan.municipalities; i++) {
    const code = `${plan.code}-M${String(i + 1).padStart(3, '0')}`;
    const adjective = names[i]!;
    if (i === 0) {
      const weight = 4 + 6 * r();
      municipalities.push({
        code,
        name: `Городской округ город ${plan.capital}`,
        kind: 'capital',
        town: plan.capital,
        weight,
      });
    } else if (r() < 0.12) {
      const weight = 1.5 + 1.5 * r();
      const t = town(adjective);
      municipalities.push({ code, name: `Городской округ ${t}`, kind: 'city', town: t, weight });
    } else {
      const weight = Math.exp(0.4 * normal(r));
      const name = `${adjective} муниципальный ${r() < 0.7 ? 'район' : 'округ'}`;
      municipalities.push({ code, name, kind: 'district', town: town(adjective), weight });
    }
  }
  const counts = apportion(
    schoolsOverride ?? plan.schools,
    municipalities.map((m) => m.weight),
    1,
  );

  const schools: SyntheticSchool[] = [];
  municipalities.forEach((m, mi) => {
    const numbers = { school: 0, гимназия: 0, лицей: 0, другое: 0 };
    const usedNames = new Map<string, number>();
    for (let s = 0; s < counts[mi]!; s++) {
      const urban = m.kind === 'district' ? r() < 0.15 : r() < 0.95;
      const type = pickWeighted(r, urban ? urbanTypes : ruralTypes);
      const kind = schoolTypeNames[type];
      let name: string;
      let shortName: string;
      if (urban) {
        const series = type === 'гимназия' || type === 'лицей' || type === 'другое' ? type : 'school';
        const n = ++numbers[series];
        const quoted = `${kind.full.charAt(0).toUpperCase()}${kind.full.slice(1)} № ${n}`;
        const body = series === 'school' ? 'бюджетное' : 'автономное';
        name = `Муниципальное ${body} общеобразовательное учреждение «${quoted}» г. ${m.town}`;
        shortName = series === 'school' ? `МБОУ ${kind.short} № ${n}` : `МАОУ «${quoted}»`;
      } else {
        const village = feminine(pick(r, placeRoots));
        const seen = (usedNames.get(village + type) ?? 0) + 1;
        usedNames.set(village + type, seen);
        const suffix = seen > 1 ? ` № ${seen}` : '';
        name = `Муниципальное казённое общеобразовательное учреждение «${village} ${kind.full}${suffix}»`;
        shortName = `МКОУ «${village} ${kind.short}${suffix}»`;
      }
      schools.push({
        code: `${m.code}-S${String(s + 1).padStart(4, '0')}`,
        name,
        shortName,
        type,
        urban,
        municipalityCode: m.code,
      });
    }
  });
  return {
    code: plan.code,
    name: plan.name,
    shortName: plan.shortName,
    timezone: plan.timezone,
    municipalities: municipalities.map(({ code, name }) => ({ code, name })),
    schools,
  };
}

/** Territory and schools of the first `regions` regions (no results: those are asked for per slice). */
export function syntheticRegions(options: SyntheticOptions = {}): SyntheticRegion[] {
  const seed = options.seed ?? syntheticDefaults.seed;
  const count = clamp(Math.floor(options.regions ?? REGION_COUNT), 0, REGION_COUNT);
  return nationalPlan(seed)
    .slice(0, count)
    .map((plan) => buildRegion(seed, plan, options.schoolsPerRegion));
}

// ---------------------------------------------------------------------------------------------------------
// Results.

/** Which procedures a school writes follows from its grades: primary 1–4, basic 1–9, the rest 1–11. */
type Level = 'primary' | 'basic' | 'full';

/** The type as Опора spells it, so «основная общеобразовательная школа» from a caller counts as ООШ. */
const canonicalType = (type: string): string => readOrganisationType(type)?.type ?? type;

function levelOf(type: string): Level {
  const t = canonicalType(type);
  return t === 'НОШ' ? 'primary' : t === 'ООШ' ? 'basic' : 'full';
}

interface Profile {
  level: Level;
  /** Mean of the students' latent score, in standard deviations of a student; 0 is a typical school. */
  ability: number;
  /** How much the school moves from year to year and from one test to another (small schools more). */
  yearSpread: number;
  testSpread: number;
  /** A school that has one bad year now and then (new staff, a weak cohort). */
  episodic: boolean;
  /** Students per grade on average. */
  size: number;
  /** Share of a cohort that stays for grades 10–11, and of those the share taking profile mathematics. */
  upperShare: number;
  profileShare: number;
  turnout: number;
  /** Share of students whose ВПР mark differs from the journal mark, and how many of those are «понизили». */
  mismatch: number;
  lowered: number;
}

// Cut points of the latent score into «2»/«3»/«4»/«5» for a typical school: ≈6 % «2», ≈20 % «5».
const cut2 = -1.55;
const cut3 = -0.25;
const cut4 = 0.85;
const gradeShift: Record<number, number> = { 4: 0.3, 5: 0.05, 6: -0.05, 7: -0.1, 8: -0.05 };
const vprSubjects = [
  { subject: 'русский язык', shift: 0 },
  { subject: 'математика', shift: -0.05 },
];
const vprGradesOf: Record<Level, number[]> = { primary: [4], basic: [4, 5, 6, 7, 8], full: [4, 5, 6, 7, 8] };
// Below-minimum cut points: ОГЭ ≈3–4 %, ЕГЭ Russian ≈1 %, profile mathematics ≈6 %, basic ≈2 % for a typical school.
const ogeExams = [
  { subject: 'русский язык', cut: -1.85 },
  { subject: 'математика', cut: -1.7 },
];
const egeExams = [
  { subject: 'русский язык', cut: -2.3 },
  { subject: 'математика (профильная)', cut: -1.4 },
  { subject: 'математика (базовая)', cut: -2.0 },
];

function profileOf(seed: number, school: { code: string; type: string; urban: boolean }): Profile {
  const r = rngFor(seed, 'school', school.code);
  const level = levelOf(school.type);
  const selective = ['гимназия', 'лицей'].includes(canonicalType(school.type));
  const u = r();
  // Persistently low results: more often rural, almost never a gymnasium or lyceum.
  const pLow = selective ? 0.005 : school.urban ? 0.035 : 0.06;
  const pStrong = selective ? 0.45 : school.urban ? 0.08 : 0.03;
  const pEpisodic = 0.035;
  let ability: number;
  let episodic = false;
  if (u < pLow) ability = -1.35 + 0.2 * normal(r);
  else if (u < pLow + pStrong) ability = 0.85 + 0.25 * normal(r);
  else {
    episodic = u < pLow + pStrong + pEpisodic;
    ability = (selective ? 0.25 : school.urban ? 0.05 : -0.05) + (school.urban ? 0.28 : 0.36) * normal(r);
  }
  const size = school.urban ? 40 + 110 * r() ** 1.5 : level === 'primary' ? 3 + 6 * r() : 3 + 17 * r() ** 1.2;
  const upperShare = selective ? 0.7 + 0.2 * r() : school.urban ? 0.4 + 0.25 * r() : 0.25 + 0.35 * r();
  const profileShare = selective ? 0.6 + 0.25 * r() : 0.25 + 0.3 * r();
  const turnout = 0.88 + 0.1 * r();
  // Non-objective marking (ВПР and journal disagree for more than 15 % of students): about one school in ten.
  const nonObjective = r() < (ability < -1 ? 0.15 : 0.095);
  const mismatch = nonObjective ? 0.2 + 0.25 * r() : 0.02 + 0.08 * r();
  const lowered = 0.6 + 0.3 * r();
  return {
    level,
    ability,
    yearSpread: school.urban ? 0.12 : 0.2,
    testSpread: school.urban ? 0.1 : 0.15,
    episodic,
    size,
    upperShare,
    profileShare,
    turnout,
    mismatch,
    lowered,
  };
}

/** Size of the cohort that starts school in a given year: the same cohort is grade 4 and then grade 5. */
function cohortSize(seed: number, code: string, profile: Profile, cohort: number): number {
  const r = rngFor(seed, 'cohort', code, cohort);
  // A small school's grade is a handful of children, give or take a family; it rarely has nobody at all.
  const size =
    profile.size < 25
      ? profile.size + (0.2 * profile.size + 0.7) * normal(r)
      : profile.size * Math.exp(0.15 * normal(r));
  return Math.max(0, Math.round(size));
}

function appendSchoolYear(
  out: ResultsByKind,
  seed: number,
  school: { code: string },
  profile: Profile,
  year: number,
): void {
  const r = rngFor(seed, 'year', school.code, year);
  const schoolCode = school.code;
  const shock = profile.yearSpread * normal(r) + (profile.episodic && r() < 0.35 ? -1.3 : 0);
  const yearAbility = profile.ability + shock;
  const enrolled = (grade: number) => cohortSize(seed, schoolCode, profile, year - grade + 1);

  for (const grade of vprGradesOf[profile.level]) {
    const inGrade = enrolled(grade);
    for (const { subject, shift } of vprSubjects) {
      const participants = binomial(r, inGrade, profile.turnout);
      const mu = yearAbility + gradeShift[grade]! + shift + profile.testSpread * normal(r);
      const p2 = phi(cut2 - mu);
      const p3 = phi(cut3 - mu);
      const p4 = phi(cut4 - mu);
      const vpr: VprResult = { year, schoolCode, subject, grade, participants, n2: 0, n3: 0, n4: 0, n5: 0 };
      for (let i = 0; i < participants; i++) {
        const x = r();
        if (x < p2) vpr.n2++;
        else if (x < p3) vpr.n3++;
        else if (x < p4) vpr.n4++;
        else vpr.n5++;
      }
      out.vpr.push(vpr);

      const mismatch = clamp(profile.mismatch + 0.02 * normal(r), 0, 0.9);
      const journal: JournalResult = {
        year,
        schoolCode,
        subject,
        grade,
        participants,
        lowered: 0,
        confirmed: 0,
        raised: 0,
      };
      for (let i = 0; i < participants; i++) {
        const x = r();
        if (x < mismatch * profile.lowered) journal.lowered++;
        else if (x < mismatch) journal.raised++;
        else journal.confirmed++;
      }
      out.journal.push(journal);
    }
  }

  const gia = (exam: 'ОГЭ' | 'ЕГЭ', subject: string, cut: number, participants: number) => {
    // A school with nobody sitting an exam sends no row, as in the federal files.
    if (participants === 0) return;
    const mu = yearAbility + profile.testSpread * normal(r);
    const row: GiaResult = { year, schoolCode, exam, subject, participants, belowMin: 0 };
    row.belowMin = binomial(r, participants, phi(cut - mu));
    out.gia.push(row);
  };
  if (profile.level !== 'primary') {
    const ninth = binomial(r, enrolled(9), 0.98);
    for (const { subject, cut } of ogeExams) gia('ОГЭ', subject, cut, ninth);
  }
  if (profile.level === 'full') {
    const eleventh = binomial(r, enrolled(11), profile.upperShare);
    const profileMaths = binomial(r, eleventh, profile.profileShare);
    const [russian, profileExam, basicExam] = egeExams;
    gia('ЕГЭ', russian!.subject, russian!.cut, eleventh);
    gia('ЕГЭ', profileExam!.subject, profileExam!.cut, profileMaths);
    gia('ЕГЭ', basicExam!.subject, basicExam!.cut, eleventh - profileMaths);
  }
}

/**
 * Results of the given schools for the given years. A school's results depend only on (seed, code, type,
 * urban, year), never on the other schools or years in the call. Every procedure is written every year,
 * 2020 included (in reality ОГЭ was cancelled that spring), so that every rule has data for every year.
 */
export function syntheticResults(
  schools: readonly { code: string; type: string; urban: boolean }[],
  options: { seed: number; years: number[] },
): ResultsByKind {
  const out: ResultsByKind = { vpr: [], gia: [], journal: [] };
  for (const school of schools) {
    const profile = profileOf(options.seed, school);
    for (const year of options.years) appendSchoolYear(out, options.seed, school, profile, year);
  }
  return out;
}
