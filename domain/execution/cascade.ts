// Cascading activities: a regional (or municipal) activity that asks the levels below for their own roadmaps —
// seed 004 item 5 («Разработка программ … ОО: Программа развития общеобразовательной организации») and item 6
// («Разработка муниципальных документов …»), seed 000 item 10 («Разработка „дорожной карты“ … в отношении
// каждой общеобразовательной организации»). The reading is a suggestion the coordinator confirms.
import type { ProgrammeLevel } from '../programme/programme.ts';

export type CascadeLevel = Exclude<ProgrammeLevel, 'region'>;

const DEVELOP = /(разработк|разработать|разрабатыва|подготовк\S* и утвержд|утверждени)/i;
const DOCUMENT = /(дорожн\S* карт|программ|план\S* мероприяти|документ)/i;
const SCHOOL =
  /(школьн\S* дорожн|в отношении каждой общеобразовательн|программ\S* развития общеобразовательн|программ\S* развития (ОО|школ)|деятельности ОО(?![а-яё])|(?:карт|программ)\S* (?:школ(?:ы|ам|ах)?|ОО)(?![а-яё]))/i;
const MUNICIPAL = /муниципальн\S* (документ|программ|дорожн|план)/i;
// Only a regional document being developed is not a cascade («в соответствии с региональной программой» is).
const REGIONAL = /(?:разработк|утвержд|подготовк)\S*(?: и \S+)? региональн\S* (?:дорожн|программ|план)/i;

/** The level of roadmaps an activity asks for, or null when it asks for none. */
export function cascadeLevelOf(text: string): CascadeLevel | null {
  if (!DEVELOP.test(text) || !DOCUMENT.test(text) || REGIONAL.test(text)) return null;
  if (SCHOOL.test(text)) return 'school';
  if (MUNICIPAL.test(text)) return 'municipality';
  return null;
}

/** Which level may ask for which: the region for municipalities and schools, a municipality for its schools. */
export function mayCascade(from: ProgrammeLevel, to: CascadeLevel): boolean {
  return from === 'region' || (from === 'municipality' && to === 'school');
}

export interface TemplateSection {
  title: string;
  activities: { text: string; deadlineText: string; responsible: string; informationSupport: string }[];
}

/**
 * The draft a cascade starts from: sections a school or municipality fills in (our wording, after the
 * directions the seeds share), with the first activities every such roadmap has.
 */
export function roadmapTemplate(level: CascadeLevel): TemplateSection[] {
  if (level === 'municipality')
    return [
      {
        title: 'Организационные мероприятия',
        activities: [
          {
            text: 'Назначение муниципального координатора сопровождения школ с низкими образовательными результатами',
            deadlineText: '',
            responsible: 'Муниципальный орган управления образованием',
            informationSupport: 'Приказ о назначении',
          },
          {
            text: 'Утверждение дорожных карт школ муниципалитета',
            deadlineText: '',
            responsible: 'Муниципальный координатор',
            informationSupport: 'Утверждённые дорожные карты школ',
          },
        ],
      },
      { title: 'Методическое сопровождение школ', activities: [] },
      { title: 'Мониторинг и анализ результатов', activities: [] },
    ];
  return [
    {
      title: 'Организационные мероприятия',
      activities: [
        {
          text: 'Назначение ответственного за реализацию дорожной карты школы',
          deadlineText: '',
          responsible: 'Директор школы',
          informationSupport: 'Приказ о назначении',
        },
      ],
    },
    { title: 'Работа с педагогическими кадрами', activities: [] },
    { title: 'Работа с обучающимися', activities: [] },
    { title: 'Работа с родителями', activities: [] },
    {
      title: 'Мониторинг и анализ результатов',
      activities: [
        {
          text: 'Анализ результатов оценочных процедур и корректировка дорожной карты',
          deadlineText: '',
          responsible: 'Директор школы',
          informationSupport: 'Аналитическая справка',
        },
      ],
    },
  ];
}

/** The title of a cascaded roadmap: what it is, whose, and what it answers. */
export function cascadeTitle(level: CascadeLevel, ownerName: string, parentTitle: string): string {
  const what = level === 'school' ? 'Дорожная карта школы' : 'Муниципальная дорожная карта';
  return `${what}: ${ownerName}. К программе «${parentTitle.slice(0, 300)}»`;
}
