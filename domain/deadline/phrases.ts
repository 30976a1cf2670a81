// Phrases that say how a deadline is set rather than when: a recurrence, the whole period, someone else's
// plan, on demand. They are found in the tokens and taken out; what is left is read as dates.
import { startsDates, type Token } from './words.ts';

export type RecurrenceUnit = 'month' | 'quarter' | 'half' | 'year';
/** `during` is a bare «в течение»: it makes «в течение 2022 года» a whole-period reading. */
export type PhraseKind = 'recurring' | 'whole-period' | 'external' | 'on-demand' | 'during';
export interface Phrase {
  kind: PhraseKind;
  unit?: RecurrenceUnit;
}

interface Element {
  optional: boolean;
  test(token: Token): boolean;
}
interface Rule {
  kind: PhraseKind;
  elements: Element[];
  /** The phrase goes on to the end of the remark: «По плану работы ресурсного центра». */
  tail: boolean;
}

// Pattern: words separated by spaces, `a|b` alternatives, `[…]` optional, `#n` any number.
function rule(kind: Rule['kind'], pattern: string, tail = true): Rule {
  const elements = pattern.split(' ').map((part): Element => {
    const optional = part.startsWith('[');
    const alternatives = (optional ? part.slice(1, -1) : part).split('|');
    const numeric = alternatives.includes('#n');
    const re = new RegExp(`^(${alternatives.filter((a) => a !== '#n').join('|')})$`);
    return {
      optional,
      test: (t) => (numeric && (t.t === 'num' || t.t === 'year')) || (t.t === 'word' && re.test(t.w)),
    };
  });
  return { kind, elements, tail };
}

// Tried in order at each token; the first that matches wins.
const RULES: Rule[] = [
  // seed 001 «Ежегодно», «1 раз в год (ноябрь)»; seed 004 «не реже 1 раза в месяц», «не менее 1 раза в месяц»
  rule('recurring', 'ежемесячно|ежеквартально|ежеполугодно|ежегодно', false),
  rule(
    'recurring',
    'каждый|каждого|каждом|каждое|каждую месяц|месяца|квартал|квартала|полугодие|полугодия|год|года',
    false,
  ),
  rule(
    'recurring',
    '[не] [реже|менее|чаще] [#n|один|одного|два|двух|три|трех] раз|раза в месяц|квартал|полугодие|год',
    false,
  ),
  // seed 000 «В течение учебного года»; seed 001 «Постоянно», «В течение года», «В течение периода реализации
  // и Программы»; seed 003 «В процессе реализации проекта»
  rule('whole-period', 'постоянно|круглогодично'),
  rule('whole-period', 'весь период|срок'),
  rule('whole-period', 'в течение [всего|всей] [учебного|календарного|текущего] года|периода|срока'),
  rule('whole-period', 'в процессе|ходе'),
  rule('whole-period', 'в период реализации'),
  rule('whole-period', 'на протяжении'),
  rule('during', 'в течение', false),
  // seed 000 «В соответствии с графиком проведения оценочных процедур»; seed 001 «По плану работы ресурсного
  // центра», «По плану ГАУ ДПО ИРО»; seed 002 «По графику ИРО»; seed 004 «… в соответствии с графиком на …»
  rule(
    'external',
    'по|согласно [отдельному|утвержденному|индивидуальному|единому|своему] плану|планам|графику|графикам|расписанию',
  ),
  rule('external', 'в соответствии с|со'),
  rule('external', 'в [установленные|определенные] сроки'),
  // seed 001 «В течение года по заявке руководителя школы»
  rule('on-demand', 'по|при необходимости|потребности'),
  rule('on-demand', 'по мере поступления|необходимости|потребности|готовности'),
  rule('on-demand', 'по заявке|заявкам|запросу|запросам|требованию|обращению|обращениям'),
];

const UNITS: [RegExp, RecurrenceUnit][] = [
  [/^(ежемесячно|месяца?)$/, 'month'],
  [/^(ежеквартально|квартала?)$/, 'quarter'],
  [/^(ежеполугодно|полугоди[ея])$/, 'half'],
  [/^(ежегодно|года?)$/, 'year'],
];

function matchAt(tokens: readonly Token[], i: number): { rule: Rule; end: number } | undefined {
  for (const r of RULES) {
    let j = i;
    const matched = r.elements.every((element) => {
      const token = tokens[j];
      if (token === undefined || !element.test(token)) return element.optional;
      j++;
      return true;
    });
    if (matched && j > i) return { rule: r, end: j };
  }
  return undefined;
}

function unitOf(tokens: readonly Token[]): RecurrenceUnit | undefined {
  for (const token of tokens) {
    const unit = token.t === 'word' ? UNITS.find(([re]) => re.test(token.w)) : undefined;
    if (unit) return unit[1];
  }
  return undefined;
}

/** A remark ends at «;», at the next phrase, or where dates start («По графику ИРО, март 2022»). */
function remarkEnd(tokens: readonly Token[], j: number): number {
  let end = j;
  while (end < tokens.length) {
    const token = tokens[end];
    if ((token?.t === 'sep' && token.s === ';') || startsDates(tokens, end) || matchAt(tokens, end)) break;
    end++;
  }
  return end;
}

/** Takes the phrases out of the tokens; each leaves a separator behind so the dates around it stay apart. */
export function findPhrases(tokens: readonly Token[]): { phrases: Phrase[]; rest: Token[] } {
  const phrases: Phrase[] = [];
  const rest: Token[] = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = matchAt(tokens, i);
    if (!hit) {
      rest.push(tokens[i] as Token);
      i++;
      continue;
    }
    const phrase: Phrase = { kind: hit.rule.kind };
    const unit = hit.rule.kind === 'recurring' ? unitOf(tokens.slice(i, hit.end)) : undefined;
    if (unit) phrase.unit = unit;
    phrases.push(phrase);
    rest.push({ t: 'sep', s: ',' });
    i = hit.rule.tail ? remarkEnd(tokens, hit.end) : hit.end;
  }
  return { phrases, rest };
}
