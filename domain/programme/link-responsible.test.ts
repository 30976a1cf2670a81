import { describe, expect, it } from 'vitest';
import { type KnownEntities, linkResponsible } from './link-responsible.ts';

const org = (id: string, shortName: string, name = shortName, code = id) => ({ id, shortName, name, code });
const person = (id: string, fullName: string, organisationId: string | null = null) => ({
  id,
  fullName,
  organisationId,
});

const known: KnownEntities = {
  organisations: [
    org('sosh2', 'МБОУ «СОШ № 2»', 'Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 2»'),
    org('sosh12', 'МБОУ «СОШ № 12»'),
    org(
      'iro',
      'КРИПКиПРО',
      'Кузбасский региональный институт повышения квалификации и переподготовки работников образования',
    ),
    org('cntr', 'Центр «Ёлочка»'),
    // Two schools with one short name: the short name links neither, the full names each their own.
    org('lic1', 'Лицей № 1', 'МБОУ «Лицей № 1» г. Белово'),
    org('lic1b', 'Лицей № 1', 'МБОУ «Лицей № 1» г. Гурьевска'),
  ],
  people: [
    person('ivanova', 'Иванова Анна Петровна', 'sosh2'),
    person('petrov', 'Петров Борис Ильич'),
    // Same surname and initials: «Сидорова Е. В.» links neither; the full names link each.
    person('sid1', 'Сидорова Елена Викторовна'),
    person('sid2', 'Сидорова Евгения Васильевна'),
    person('fedorov', 'Фёдоров Олег'),
  ],
};

// A row: the text, the expected links as 'kind:id=match'.
type Row = [text: string, links: string[]];
const rows: Row[] = [
  // People: surname and initials in either order, with and without spaces, or the full name.
  ['Иванова А. П.', ['person:ivanova=Иванова А. П.']],
  ['Иванова А.П., директор', ['person:ivanova=Иванова А.П.']],
  ['А.П. Иванова', ['person:ivanova=А.П. Иванова']],
  ['А. П. Иванова', ['person:ivanova=А. П. Иванова']],
  ['Иванова Анна Петровна, директор', ['person:ivanova=Иванова Анна Петровна']],
  ['ИВАНОВА  А.П', ['person:ivanova=ИВАНОВА  А.П']],
  ['Федоров О. (методист)', ['person:fedorov=Федоров О.']],
  ['Фёдоров Олег', ['person:fedorov=Фёдоров Олег']],
  // People: never part of a word, never other initials, never a surname alone.
  ['Иванова', []],
  ['Иванова А. Л.', []],
  ['Ивановская А. П.', []],
  ['Б.Иванова А.П.', ['person:ivanova=Иванова А.П.']],
  ['Иванова А.Пе', []],
  // Ambiguous initials: not linked; the full name is.
  ['Сидорова Е. В.', []],
  ['Е.В. Сидорова', []],
  ['Сидорова Евгения Васильевна', ['person:sid2=Сидорова Евгения Васильевна']],
  // Organisations: the short or the full name as a whole phrase, after normalisation.
  ['МБОУ «СОШ № 2»', ['organisation:sosh2=МБОУ «СОШ № 2']],
  ['МБОУ СОШ №2', ['organisation:sosh2=МБОУ СОШ №2']],
  ['мбоу "сош №2"', ['organisation:sosh2=мбоу "сош №2']],
  ['МБОУ\u00a0СОШ\u00a0№\u00a02', ['organisation:sosh2=МБОУ\u00a0СОШ\u00a0№\u00a02']],
  [
    'Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 2»',
    ['organisation:sosh2=Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 2'],
  ],
  ['Центр «Елочка»', ['organisation:cntr=Центр «Елочка']],
  ['КРИПКиПРО, МОУО', ['organisation:iro=КРИПКиПРО']],
  // Organisations: never part of a word or of a longer number.
  ['МБОУ СОШ № 22', []],
  ['МБОУ СОШ № 12', ['organisation:sosh12=МБОУ СОШ № 12']],
  ['КРИПКиПРОФ', []],
  ['СОШ № 2', []],
  // Ambiguous short name: not linked; the full names are.
  ['Лицей № 1', []],
  ['МБОУ «Лицей № 1» г. Белово', ['organisation:lic1=МБОУ «Лицей № 1» г. Белово']],
  // Several, in the order written, each once.
  [
    'КРИПКиПРО (Петров Б. И.), МБОУ СОШ № 2 (Иванова А. П.); Иванова Анна Петровна, Петров Б.И.',
    [
      'organisation:iro=КРИПКиПРО',
      'person:petrov=Петров Б. И.',
      'organisation:sosh2=МБОУ СОШ № 2',
      'person:ivanova=Иванова А. П.',
    ],
  ],
  // Nothing known, nothing written.
  ['', []],
  ['Руководители ОО', []],
  ['Муниципальные органы управления образованием', []],
];

describe('linkResponsible', () => {
  it.each(rows)('%s', (text, expected) => {
    const links = linkResponsible(text, known);
    expect(links.map((l) => `${l.kind}:${l.id}=${l.match}`)).toEqual(expected);
  });

  it('labels people by full name and organisations by short name', () => {
    expect(linkResponsible('Иванова А. П., КРИПКиПРО', known)).toEqual([
      { kind: 'person', id: 'ivanova', label: 'Иванова Анна Петровна', match: 'Иванова А. П.' },
      { kind: 'organisation', id: 'iro', label: 'КРИПКиПРО', match: 'КРИПКиПРО' },
    ]);
  });

  it('links nothing when nobody is known', () => {
    expect(linkResponsible('Иванова А. П., МБОУ СОШ № 2', { organisations: [], people: [] })).toEqual([]);
  });
});
