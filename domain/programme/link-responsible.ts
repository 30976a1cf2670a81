// Linking the «Ответственные» and «Исполнители» of an activity to the organisations and people Опора knows:
// a person by surname and initials (either order) or the full name, an organisation by its short or full
// name as a whole phrase. Texts and names are compared after normalisation (case, ё/е, quotes, spaces,
// «№» spacing); a name never matches part of a word, and a name that fits two people (or two
// organisations) links neither.

export interface KnownOrganisation {
  id: string;
  name: string;
  shortName: string;
  code: string;
}
export interface KnownPerson {
  id: string;
  fullName: string;
  organisationId: string | null;
}
export interface KnownEntities {
  organisations: readonly KnownOrganisation[];
  people: readonly KnownPerson[];
}
export interface ResponsibleLink {
  kind: 'organisation' | 'person';
  id: string;
  label: string;
  /** The words of the text that were recognised, as written. */
  match: string;
}

const QUOTES = /["«»“”„‟'`‘’]/u;
const SPACE = /\s/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The normalised text and, for each of its characters, the index of the character it came from. */
function normalise(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  const push = (ch: string, at: number) => {
    if (ch === ' ' && (out.length === 0 || out.endsWith(' '))) return;
    out += ch;
    origin.push(at);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (SPACE.test(ch) || QUOTES.test(ch)) push(' ', i);
    else if (ch === '№') {
      push(' ', i);
      push('№', i);
      push(' ', i);
    } else {
      const lower = ch.toLowerCase();
      push(lower === 'ё' ? 'е' : lower, i);
    }
  }
  if (out.endsWith(' ')) {
    out = out.slice(0, -1);
    origin.pop();
  }
  return { text: out, origin };
}

const phrase = (s: string) => normalise(s).text;
const tokens = (s: string) => s.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
const longestToken = (s: string) => tokens(s).reduce((a, b) => (b.length > a.length ? b : a), '');
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Pattern {
  kind: ResponsibleLink['kind'];
  id: string;
  label: string;
  regex: RegExp;
  /** A token every match contains whole: the longest of the name, the most selective. */
  token: string;
}
interface Matcher {
  /** Patterns by one token every match of them contains whole. */
  byToken: Map<string, Pattern[]>;
}

/** Keys that name more than one entity are dropped: such a name links nobody. */
function unique<E extends { key: string; entity: { id: string } }>(entries: E[]): E[] {
  const owners = new Map<string, Set<string>>();
  for (const { key, entity } of entries) {
    const set = owners.get(key) ?? new Set<string>();
    set.add(entity.id);
    owners.set(key, set);
  }
  const seen = new Set<string>();
  return entries.filter(({ key, entity }) => {
    if ((owners.get(key)?.size ?? 0) > 1 || seen.has(`${key}\u0000${entity.id}`)) return false;
    seen.add(`${key}\u0000${entity.id}`);
    return true;
  });
}

function personPatterns(people: readonly KnownPerson[]): Pattern[] {
  const full: { key: string; entity: KnownPerson; token: string }[] = [];
  const initials: typeof full = [];
  for (const p of people) {
    const words = phrase(p.fullName).split(' ');
    const [surname, first, middle] = words;
    if (!surname || !first) continue;
    full.push({ key: words.join(' '), entity: p, token: longestToken(surname) });
    const letters = [first, middle].flatMap((w) => (w ? [w[0]!] : []));
    initials.push({ key: `${surname} ${letters.join('.')}`, entity: p, token: longestToken(surname) });
  }
  const patterns: Pattern[] = [];
  for (const { key, entity, token } of unique(full))
    patterns.push({
      kind: 'person',
      id: entity.id,
      label: entity.fullName,
      regex: new RegExp(escapeRegex(key), 'gu'),
      token,
    });
  for (const { key, entity, token } of unique(initials)) {
    const [surname, letters] = [key.slice(0, key.lastIndexOf(' ')), key.slice(key.lastIndexOf(' ') + 1)];
    const ls = letters.split('.').map(escapeRegex);
    // «А. П.», «А.П.», «А.П» — the last dot may be missing at the end of a list item.
    const written = ls.map((l, i) => (i === ls.length - 1 ? `${l}\\.?` : `${l}\\. ?`)).join('');
    const before = ls.map((l) => `${l}\\. ?`).join('');
    const s = escapeRegex(surname);
    patterns.push({
      kind: 'person',
      id: entity.id,
      label: entity.fullName,
      regex: new RegExp(`${s} ${written}|${before}${s}`, 'gu'),
      token,
    });
  }
  return patterns;
}

function organisationPatterns(organisations: readonly KnownOrganisation[]): Pattern[] {
  const entries = organisations.flatMap((o) =>
    [o.shortName, o.name]
      .map(phrase)
      .filter((key) => key.length >= 3 && tokens(key).length > 0)
      .map((key) => ({ key, entity: o })),
  );
  return unique(entries).map(({ key, entity }) => ({
    kind: 'organisation' as const,
    id: entity.id,
    label: entity.shortName || entity.name,
    regex: new RegExp(escapeRegex(key), 'gu'),
    token: longestToken(key),
  }));
}

const matchers = new WeakMap<KnownEntities, Matcher>();

function matcherOf(known: KnownEntities): Matcher {
  const cached = matchers.get(known);
  if (cached) return cached;
  const byToken = new Map<string, Pattern[]>();
  for (const p of [...organisationPatterns(known.organisations), ...personPatterns(known.people)]) {
    const list = byToken.get(p.token) ?? [];
    list.push(p);
    byToken.set(p.token, list);
  }
  const matcher = { byToken };
  matchers.set(known, matcher);
  return matcher;
}

/** True when a match does not start or end inside a word of the text. */
function wholeWords(text: string, start: number, end: number): boolean {
  const cut = (inside: string | undefined, outside: string | undefined) =>
    inside !== undefined && outside !== undefined && WORD_CHAR.test(inside) && WORD_CHAR.test(outside);
  return !cut(text[start], text[start - 1]) && !cut(text[end - 1], text[end]);
}

/**
 * The organisations and people the text names, in the order they are first written, each once. Where two
 * names overlap (a school's short name inside its full name), the longer one wins.
 */
export function linkResponsible(text: string, known: KnownEntities): ResponsibleLink[] {
  const n = normalise(text);
  if (n.text.length === 0) return [];
  const { byToken } = matcherOf(known);
  const found: { pattern: Pattern; start: number; end: number }[] = [];
  for (const token of new Set(tokens(n.text)))
    for (const pattern of byToken.get(token) ?? [])
      for (const m of n.text.matchAll(pattern.regex)) {
        const start = m.index;
        const end = start + m[0].length;
        if (wholeWords(n.text, start, end)) found.push({ pattern, start, end });
      }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: { start: number; end: number }[] = [];
  const accepted: typeof found = [];
  for (const f of found) {
    if (taken.some((t) => f.start < t.end && t.start < f.end)) continue;
    taken.push(f);
    accepted.push(f);
  }
  accepted.sort((a, b) => a.start - b.start);
  const links: ResponsibleLink[] = [];
  const seen = new Set<string>();
  for (const { pattern, start, end } of accepted) {
    const key = `${pattern.kind}:${pattern.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const from = n.origin[start]!;
    const to = n.origin[end - 1]!;
    links.push({ kind: pattern.kind, id: pattern.id, label: pattern.label, match: text.slice(from, to + 1) });
  }
  return links;
}
