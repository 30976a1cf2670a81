// Evidence that closes an activity: the kinds suggested by seed 004's «Информационное сопровождение» column,
// what stops an activity from being closed, which rule is in force, and which links are accepted.
import { beforeAll, describe, expect, it } from 'vitest';
import { readTxt } from '../../adapters/txt/read-txt.ts';
import { seedFile, seedsPresent } from '../../test/seeds/seed-files.ts';
import { allActivities } from '../programme/programme.ts';
import { readProgramme } from '../programme/read-programme.ts';
import {
  closingProblems,
  type EvidenceKind,
  type EvidenceRule,
  evidenceFileLimit,
  evidenceKindLabels,
  evidenceKinds,
  evidenceRuleOf,
  isEvidenceUrl,
  suggestedEvidenceKinds,
} from './evidence.ts';

const ALL: EvidenceKind[] = ['file', 'link', 'document'];

// Every distinct wording of seed 004's last column, with what a regional coordinator expects to be shown as
// proof: 'file' (a scan or a document file), 'link' (a published page), 'document' (the number and date of
// an order, protocol or letter). A letter or an order may come as its requisites or as its scan. A wording
// that names no artefact («Исполнение дорожной карты …») accepts anything.
// [wording, items of seed 004, expected kinds, the module disagrees (see the report)]
const seed004: [string, string, EvidenceKind[]][] = [
  ['Приказы о назначении ответственных', '1', ['file', 'document']],
  ['Аналитическая справка', '2, 14–17', ['file']],
  ['Письмо о проведении мероприятия', '3', ['file', 'document']],
  ['Рисковые профили', '4', ['file']],
  ['Программы развития общеобразовательных организаций', '5', ['file']],
  ['Муниципальные программы по работе со школами с низкими образовательными результатами', '6', ['file']],
  ['', '7, 8', ALL],
  // A schedule is a document to attach, not «anything»: «график» is not among the file words.
  ['График консультаций', '9', ['file']],
  ['Исполнение дорожной карты не менее 30-40%', '10', ALL],
  // Results of a monitoring are a table to attach: «результат» is not among the file words.
  ['Результаты муниципалитета и школы в первом мониторинге вовлеченности', '11', ['file']],
  ['Исполнение дорожной карты не менее 80-90%', '12', ALL],
  ['Результаты муниципалитета и школы во втором мониторинге вовлеченности', '13', ['file']],
  ['Удостоверения о повышении квалификации', '18', ['file']],
  ['Письма институт о проведении мероприятий', '19', ['file', 'document']],
  ['Справка ЦППМ', '20', ['file']],
  ['Справка кафедры общего образования', '21', ['file']],
  ['Справка ОЦДиК', '22', ['file']],
  ['Программа августовской конференции', '23', ['file']],
  ['Информационная справка', '24–26', ['file']],
  // The schools' ВПР and ГИА results: an extract or a protocol to attach.
  ['Результаты ОО', '27–29', ['file']],
  ['Сайты МОУО и ОО', '30', ['link']],
  ['Сайт КОИРО', '31', ['link']],
  ['Сайт Правительства Социальные сети', '32', ['link']],
];

describe('suggestedEvidenceKinds for every «Информационное сопровождение» of seed 004', () => {
  for (const [wording, items, kinds] of seed004) {
    const title = `items ${items}: «${wording}» → ${kinds.join(', ')}`;
    it(title, () => {
      expect(suggestedEvidenceKinds(wording)).toEqual(kinds);
    });
  }

  describe.runIf(seedsPresent)('the table holds every wording of the seed', () => {
    let wordings: string[] = [];
    beforeAll(() => {
      const f = seedFile('004');
      wordings = allActivities(readProgramme(readTxt(f.text, f.name))).map((a) => a.informationSupport);
    });
    it('32 activities, 23 distinct wordings, all in the table', () => {
      expect(wordings).toHaveLength(32);
      expect(new Set(wordings)).toEqual(new Set(seed004.map(([w]) => w)));
    });
  });
});

describe('suggestedEvidenceKinds for wordings outside the seeds', () => {
  // [wording, expected, the module disagrees]
  const rows: [string, EvidenceKind[]][] = [
    ['Протокол заседания рабочей группы', ['file', 'document']],
    ['Распоряжение администрации', ['file', 'document']],
    ['Постановление, размещённое на сайте', ['file', 'link', 'document']],
    ['Отчёт о проведении семинара', ['file']],
    ['Отчет о проведении семинара', ['file']],
    ['Фотоотчёт', ['file']],
    ['Презентация', ['file']],
    ['Сертификаты участников', ['file']],
    ['Публикации в СМИ', ['link']],
    ['Ссылка на страницу проекта', ['link']],
    ['Региональный портал', ['link']],
    ['СПРАВКА', ['file']],
    ['   ', ALL],
    ['По запросу', ALL],
    // «сми» inside a word (the commonest Russian surname) is not the mass media.
    ['Справка Смирновой Н. В.', ['file']],
  ];
  for (const [wording, kinds] of rows) {
    it(`«${wording}» → ${kinds.join(', ')}`, () => {
      expect(suggestedEvidenceKinds(wording)).toEqual(kinds);
    });
  }
  it('kinds always come in the order file, link, document, each once', () => {
    expect(suggestedEvidenceKinds('Письмо, справка, сайт, приказ, протокол')).toEqual(['file', 'link', 'document']);
  });
});

describe('evidenceRuleOf: the activity’s own rule, else the suggestion; the comment rule likewise', () => {
  // [own rule, «Информационное сопровождение», programme asks for a comment, rule in force]
  const rows: [string, Partial<EvidenceRule>, string, boolean, EvidenceRule][] = [
    [
      'nothing own: the suggestion and the programme',
      {},
      'Аналитическая справка',
      false,
      { kinds: ['file'], commentRequired: false },
    ],
    ['nothing own, programme asks for a comment', {}, 'Сайт КОИРО', true, { kinds: ['link'], commentRequired: true }],
    [
      'own kinds win over the wording',
      { kinds: ['link'] },
      'Аналитическая справка',
      false,
      { kinds: ['link'], commentRequired: false },
    ],
    [
      'own empty kinds: the suggestion',
      { kinds: [] },
      'Аналитическая справка',
      false,
      { kinds: ['file'], commentRequired: false },
    ],
    ['own comment rule true wins', { commentRequired: true }, '', false, { kinds: ALL, commentRequired: true }],
    [
      'own comment rule false wins over the programme',
      { commentRequired: false },
      '',
      true,
      { kinds: ALL, commentRequired: false },
    ],
    [
      'both own',
      { kinds: ['document'], commentRequired: true },
      'Сайт КОИРО',
      false,
      { kinds: ['document'], commentRequired: true },
    ],
  ];
  it.each(rows)('%s', (_what, own, wording, programme, expected) => {
    expect(evidenceRuleOf(own, wording, programme)).toEqual(expected);
  });
});

describe('closingProblems', () => {
  const fileOnly: EvidenceRule = { kinds: ['file'], commentRequired: false };
  const fileOrDoc: EvidenceRule = { kinds: ['file', 'document'], commentRequired: false };
  const linkWithComment: EvidenceRule = { kinds: ['link'], commentRequired: true };
  const noEvidence = (kinds: string) => `Чтобы отметить мероприятие выполненным, приложите подтверждение: ${kinds}.`;
  const noComment = 'Для этого мероприятия нужен комментарий о результатах исполнения.';
  // [case, rule, evidence kinds, comment, problems]
  const rows: [string, EvidenceRule, EvidenceKind[], string, string[]][] = [
    ['a file for a file rule', fileOnly, ['file'], '', []],
    ['no evidence', fileOnly, [], '', [noEvidence('файл')]],
    ['only the wrong kind', fileOnly, ['link'], '', [noEvidence('файл')]],
    ['a wrong and a right kind', fileOnly, ['link', 'file'], '', []],
    [
      'no evidence, two kinds accepted',
      fileOrDoc,
      [],
      '',
      [noEvidence('файл или реквизиты приказа, протокола, письма')],
    ],
    ['a document for «file or document»', fileOrDoc, ['document'], '', []],
    ['comment required and given', linkWithComment, ['link'], 'Страница обновлена 12.05.2023', []],
    ['comment required and empty', linkWithComment, ['link'], '', [noComment]],
    ['comment required and blank', linkWithComment, ['link'], ' \n\t ', [noComment]],
    ['nothing at all: both problems, evidence first', linkWithComment, [], '', [noEvidence('ссылка'), noComment]],
    ['a comment does not replace evidence', linkWithComment, [], 'Сделано', [noEvidence('ссылка')]],
  ];
  it.each(rows)('%s', (_what, rule, kinds, comment, problems) => {
    expect(
      closingProblems(
        rule,
        kinds.map((kind) => ({ kind })),
        comment,
      ),
    ).toEqual(problems);
  });
  it('the labels and the file limit', () => {
    expect(evidenceKinds.map((k) => evidenceKindLabels[k])).toEqual([
      'файл',
      'ссылка',
      'реквизиты приказа, протокола, письма',
    ]);
    expect(evidenceFileLimit).toBe(20 * 1024 * 1024);
  });
});

describe('isEvidenceUrl: only http(s) addresses others can open', () => {
  const rows: [string, boolean][] = [
    ['https://koiro.edu.ru/500plus/', true],
    ['http://school12.ru/news/123', true],
    ['HTTPS://EXAMPLE.RU', true],
    ['https://сайт-школы.рф/страница', true],
    ['https://example.ru/path?a=1#x', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(document.cookie)', false],
    ['ftp://files.example.ru/report.pdf', false],
    ['file:///C:/Отчёт.docx', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['mailto:school@example.ru', false],
    ['www.example.ru', false], // no scheme: not an address
    ['example.ru/page', false],
    ['просто текст', false],
    ['', false],
    ['https://', false],
    ['http//example.ru', false],
  ];
  it.each(rows)('«%s» → %s', (url, ok) => {
    expect(isEvidenceUrl(url)).toBe(ok);
  });
});
