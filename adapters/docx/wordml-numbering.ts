// Word's automatic numbering (word/numbering.xml, ECMA-376 §17.9): the «1.», «2.10.» Word draws before a
// numbered paragraph are not in the text, so the reader counts them the way Word does, in document order.
//
// A paragraph names a num (w:numId) and a level (w:ilvl); the num points to an abstract definition whose levels
// give the start value, the format and the text («%1.%2.»). Nums sharing an abstract definition share its
// counters, so one list continues across them, except where a num restarts a level (w:startOverride) the first
// time it is used. Using a level restarts the deeper ones unless their w:lvlRestart says otherwise.
import type { WordStyles } from './wordml-styles.ts';
import { intOf, isOn, parseXml } from './wordml-xml.ts';

interface Level {
  start: number;
  format: string;
  text: string;
  /** 1-based level after whose use this one restarts; 0 never; undefined after any shallower level. */
  restart: number | undefined;
  /** «Legal» numbering: every level shown in arabic numerals. */
  legal: boolean;
  /** The paragraph style linked to this level. */
  style: string | undefined;
}

interface AbstractNum {
  levels: (Level | undefined)[];
  /** w:numStyleLink: the definition lives in the num that this numbering style points to. */
  styleLink: string | undefined;
}

interface Num {
  abstractId: string;
  overrides: Map<number, { start: number | undefined; level: Level | undefined }>;
}

interface Counters {
  values: (number | undefined)[];
  /** A level restarted by a num's w:startOverride counts from this value next time it is used. */
  restartAt: (number | undefined)[];
}

const levels = 9;

const newLevel = (): Level => ({
  start: 0,
  format: 'decimal',
  text: '',
  restart: undefined,
  legal: false,
  style: undefined,
});

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const parts: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, digits] of parts) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

/**
 * Word's letter numbering: a … z, then aa … zz, aaa … (the letter repeated, not base 26). A crafted start value in
 * the billions would repeat a letter millions of times: past ten letters the number is given in digits.
 */
function letters(n: number, alphabet: string): string {
  if (n <= 0 || n > alphabet.length * 10) return String(n);
  const letter = alphabet[(n - 1) % alphabet.length] ?? '';
  return letter.repeat(Math.floor((n - 1) / alphabet.length) + 1);
}

const latin = 'abcdefghijklmnopqrstuvwxyz';
/** Word's russianLower skips ё, й, ъ, ы, ь. */
const cyrillic = 'абвгдежзиклмнопрстуфхцчшщэюя';

/** The number in a level's format; formats not listed here read as arabic numerals. */
function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n, latin).toUpperCase();
    case 'lowerLetter':
      return letters(n, latin);
    case 'russianUpper':
      return letters(n, cyrillic).toUpperCase();
    case 'russianLower':
      return letters(n, cyrillic);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'decimalEnclosedFullstop':
      return `${n}.`;
    default:
      return String(n);
  }
}

export class WordNumbering {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, Num>();
  private readonly counters = new Map<AbstractNum, Counters>();
  private readonly used = new Set<string>();
  private readonly styles: WordStyles;

  constructor(xml: string | undefined, styles: WordStyles) {
    this.styles = styles;
    if (xml !== undefined) this.read(xml);
  }

  private read(xml: string): void {
    const path: string[] = [];
    let abstract: AbstractNum | null = null;
    let num: Num | null = null;
    let override: { ilvl: number; start: number | undefined; level: Level | undefined } | null = null;
    let level: { ilvl: number; level: Level } | null = null;
    let skipDepth = 0;
    parseXml(xml, {
      open: (name, a) => {
        if (skipDepth > 0 || name === 'w:pPr' || name === 'w:rPr' || name === 'mc:Fallback') {
          skipDepth++;
          return;
        }
        const parent = path[path.length - 1];
        path.push(name);
        const val = a['w:val'];
        if (name === 'w:abstractNum') {
          abstract = { levels: [], styleLink: undefined };
          if (!this.abstracts.has(a['w:abstractNumId'] ?? '')) this.abstracts.set(a['w:abstractNumId'] ?? '', abstract);
        } else if (name === 'w:num' && parent === 'w:numbering') {
          num = { abstractId: '', overrides: new Map() };
          if (!this.nums.has(a['w:numId'] ?? '')) this.nums.set(a['w:numId'] ?? '', num);
        } else if (name === 'w:abstractNumId' && num) {
          num.abstractId = val ?? '';
        } else if (name === 'w:lvlOverride' && num) {
          const ilvl = intOf(a['w:ilvl']);
          override =
            ilvl !== undefined && ilvl >= 0 && ilvl < levels ? { ilvl, start: undefined, level: undefined } : null;
        } else if (name === 'w:startOverride' && override) {
          override.start = intOf(val);
        } else if (name === 'w:lvl') {
          const ilvl = intOf(a['w:ilvl']);
          level = ilvl !== undefined && ilvl >= 0 && ilvl < levels ? { ilvl, level: newLevel() } : null;
        } else if (level && parent === 'w:lvl') {
          const l = level.level;
          if (name === 'w:start') l.start = intOf(val) ?? 0;
          else if (name === 'w:numFmt') l.format = val ?? 'decimal';
          else if (name === 'w:lvlText') l.text = val ?? '';
          else if (name === 'w:lvlRestart') l.restart = intOf(val);
          else if (name === 'w:isLgl') l.legal = isOn(val);
          else if (name === 'w:pStyle') l.style = val;
        } else if (abstract && name === 'w:numStyleLink' && parent === 'w:abstractNum') {
          abstract.styleLink = val;
        }
      },
      close: (name) => {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        path.pop();
        if (name === 'w:lvl' && level) {
          if (override) override.level = level.level;
          else if (abstract) abstract.levels[level.ilvl] ??= level.level;
          level = null;
        } else if (name === 'w:lvlOverride' && override && num) {
          if (!num.overrides.has(override.ilvl)) num.overrides.set(override.ilvl, override);
          override = null;
        } else if (name === 'w:abstractNum') {
          abstract = null;
        } else if (name === 'w:num') {
          num = null;
        }
      },
      text: () => {},
    });
  }

  /** The abstract definition holding a num's levels, through a numbering style's link if there is one. */
  private definition(num: Num): AbstractNum | undefined {
    let abstract = this.abstracts.get(num.abstractId);
    for (let hops = 0; abstract?.styleLink !== undefined && hops < 5; hops++) {
      const linked = this.nums.get(this.styles.numIdOf(abstract.styleLink) ?? '');
      const next = linked && this.abstracts.get(linked.abstractId);
      if (!next || next === abstract) break;
      abstract = next;
    }
    return abstract;
  }

  /** The level of a paragraph that names a num but no level: the level linked to its style, or the first. */
  levelOfStyle(numId: string, style: string | undefined): number {
    const num = this.nums.get(numId);
    const abstract = num && this.definition(num);
    if (!abstract || style === undefined) return 0;
    const i = abstract.levels.findIndex((l) => l?.style === style);
    return i === -1 ? 0 : i;
  }

  /**
   * Counts one numbered paragraph and returns the number Word shows before it («2.10.»), or undefined for a
   * bullet, a level without text, or a num the part does not define. Call once per paragraph, in order.
   */
  next(numId: string, ilvl: number): string | undefined {
    const num = this.nums.get(numId);
    if (!num || ilvl < 0 || ilvl >= levels) return undefined;
    const abstract = this.definition(num);
    if (!abstract) return undefined;
    const levelAt = (i: number): Level | undefined => num.overrides.get(i)?.level ?? abstract.levels[i];
    const level = levelAt(ilvl);
    if (!level) return undefined;

    let c = this.counters.get(abstract);
    if (!c) {
      c = { values: [], restartAt: [] };
      this.counters.set(abstract, c);
    }
    if (!this.used.has(numId)) {
      this.used.add(numId);
      for (const [i, o] of num.overrides) {
        const start = o.start ?? o.level?.start;
        if (start === undefined) continue;
        c.values[i] = undefined;
        c.restartAt[i] = start;
      }
    }
    const current = c.values[ilvl];
    c.values[ilvl] = current === undefined ? (c.restartAt[ilvl] ?? level.start) : current + 1;
    c.restartAt[ilvl] = undefined;
    for (let deeper = ilvl + 1; deeper < levels; deeper++) {
      const restart = levelAt(deeper)?.restart;
      if (restart === undefined || (restart !== 0 && ilvl < restart)) c.values[deeper] = undefined;
    }

    if (level.format === 'bullet') return undefined;
    const counters = c;
    const text = level.text.replace(/%([1-9])/g, (_, digit: string) => {
      const i = Number(digit) - 1;
      const shown = levelAt(i);
      const value = counters.values[i] ?? counters.restartAt[i] ?? shown?.start ?? 0;
      return formatNumber(value, level.legal ? 'decimal' : (shown?.format ?? 'decimal'));
    });
    return text.trim() === '' ? undefined : text.trim();
  }
}
