// The demo region's network and events: staff of the target schools, tutor pairs with an agreement, the
// curator assigned by order, a mobile group, a held webinar with attendance, an upcoming seminar with
// registrations, and courses — so the coverage indicators of the demo roadmap show counted figures.
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { addDays } from '../domain/execution/status.ts';
import type { Actor } from '../domain/roles.ts';
import type { Db } from '../storage/database.ts';
import { organisations, people } from '../storage/schema.ts';
import { createEvent, markAttendance, registerStaff } from './events.ts';
import { addGroupMember, assignCurator, createGroup, createPartnership } from './network.ts';
import { createPerson } from './people.ts';
import { addCourse, addDeficit, addPlan } from './staff-development.ts';

/** Fictional staff of a school: director, deputy, teachers of Russian, mathematics and primary classes. */
const staffNames = [
  [
    'Директор',
    [
      'Белова Татьяна Сергеевна',
      'Гусев Павел Андреевич',
      'Жукова Елена Викторовна',
      'Карпов Игорь Николаевич',
      'Морозова Ольга Ивановна',
    ],
  ],
  [
    'Заместитель директора по УВР',
    [
      'Никитина Анна Олеговна',
      'Полякова Светлана Юрьевна',
      'Романов Артём Сергеевич',
      'Савина Мария Петровна',
      'Тихонова Юлия Андреевна',
    ],
  ],
  [
    'Учитель русского языка и литературы',
    [
      'Уварова Нина Павловна',
      'Фролова Дарья Игоревна',
      'Хохлова Вера Александровна',
      'Цветкова Инна Борисовна',
      'Чернова Алла Дмитриевна',
    ],
  ],
  [
    'Учитель математики',
    [
      'Шарова Людмила Геннадьевна',
      'Щукин Роман Олегович',
      'Яковлева Ксения Владимировна',
      'Абрамова Зоя Михайловна',
      'Быков Степан Ильич',
    ],
  ],
] as const;

export interface DemoNetworkInput {
  db: Db;
  now: Date;
  today: string;
  regionId: string;
  programmeId: string;
  /** The programme's target schools; the first is the demo school (its director is the «school» account). */
  schoolIds: string[];
  coordinator: Actor;
  school: Actor;
  curator: Actor;
}

export async function createDemoNetwork(o: DemoNetworkInput): Promise<void> {
  const yearEnd = `${o.today.slice(0, 4)}-12-31`;
  const minDate = (a: string, b: string) => (a < b ? a : b);
  const ctx = (actor: Actor) => ({ db: o.db, actor, now: () => o.now });
  const region = ctx(o.coordinator);
  const [demoSchool, ...others] = o.schoolIds;
  // Staff: the demo school's director and deputy exist already; the others get theirs here.
  const staff: { id: string; organisationId: string; position: string }[] = [];
  for (const [si, organisationId] of o.schoolIds.entries())
    for (const [position, names] of staffNames) {
      if (
        organisationId === demoSchool &&
        position !== 'Учитель русского языка и литературы' &&
        position !== 'Учитель математики'
      )
        continue;
      const p = await createPerson(region, {
        regionId: o.regionId,
        organisationId,
        municipalityId: null,
        fullName: names[si % names.length]!,
        position,
        email: '',
        phone: '',
      });
      staff.push({ id: p.id, organisationId, position });
    }
  const existing = await o.db
    .select({ id: people.id, position: people.position })
    .from(people)
    .where(eq(people.organisationId, demoSchool!));
  for (const p of existing) staff.push({ id: p.id, organisationId: demoSchool!, position: p.position });

  // Tutor schools: two strong schools of the same municipalities (not targets) support two target schools.
  const targets = await o.db
    .select({ id: organisations.id, municipalityId: organisations.municipalityId })
    .from(organisations)
    .where(inArray(organisations.id, o.schoolIds));
  for (const [i, t] of targets.slice(0, 2).entries()) {
    const [tutor] = await o.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(
          eq(organisations.municipalityId, t.municipalityId!),
          eq(organisations.kind, 'school'),
          notInArray(organisations.id, o.schoolIds),
        ),
      )
      .orderBy(organisations.code)
      .limit(1);
    if (!tutor) continue;
    await createPartnership(region, {
      kind: i === 0 ? 'tutor' : 'partnership',
      supporterId: tutor.id,
      schoolId: t.id,
      agreementNumber: i === 0 ? '' : `${i}-СП`,
      agreementDate: i === 0 ? null : addDays(o.today, -120),
      validFrom: addDays(o.today, -120),
      validTo: `${o.today.slice(0, 4)}-12-31`,
      obligations:
        i === 0
          ? 'Методическое сопровождение учителей математики, взаимопосещение уроков, совместные педагогические советы'
          : 'Обмен опытом администрации, стажировки заместителей директоров, сетевые занятия для обучающихся',
    });
  }

  // The curator is assigned to the demo school and one more target school by an order of the ministry.
  await assignCurator(region, {
    userId: o.curator.userId,
    organisationIds: [demoSchool!, others[0]!].filter(Boolean),
    orderNumber: '27-к',
    orderDate: addDays(o.today, -150),
    basis:
      'Приказ о закреплении кураторов за школами с низкими образовательными результатами (демонстрационные данные)',
  });

  const group = await createGroup(region, {
    regionId: o.regionId,
    kind: 'mobile-group',
    name: 'Мобильная группа методистов ИРО',
    description: 'Выезды в школы, консультации по рисковым профилям и программам перехода в эффективный режим',
    basis: 'Приказ ИРО № 12 (демонстрационные данные)',
  });
  for (const organisationId of o.schoolIds.slice(0, 3))
    await addGroupMember(region, group.id, { organisationId, role: 'школа сопровождения' });

  // A webinar for directors held three weeks ago: four of five directors attended.
  const webinar = await createEvent(region, {
    regionId: o.regionId,
    programmeId: o.programmeId,
    kind: 'webinar',
    topic: 'Анализ причин низких результатов ВПР и планирование адресных мер',
    dateText: '',
    windowStart: addDays(o.today, -21),
    windowEnd: addDays(o.today, -21),
    startsAt: `${addDays(o.today, -21)}T10:00:00+07:00`,
    endsAt: `${addDays(o.today, -21)}T11:30:00+07:00`,
    link: 'https://vebinar.example.ru/demo',
    responsible: 'Кравцова А. П.',
    audience: { categories: ['director'], subjects: [], schools: 'programme', organisationIds: [] },
  });
  const directors = staff.filter((s) => s.position === 'Директор');
  await markAttendance(region, webinar.id, {
    version: webinar.version,
    marks: directors.map((d, i) => ({ personId: d.id, attended: i !== directors.length - 1 })),
  });
  // A seminar for deputies in two days; the demo school registered its deputy.
  const seminar = await createEvent(region, {
    regionId: o.regionId,
    programmeId: o.programmeId,
    kind: 'seminar',
    topic: 'Внутришкольная система повышения квалификации: от дефицитов к индивидуальным маршрутам',
    windowStart: addDays(o.today, 2),
    windowEnd: addDays(o.today, 2),
    startsAt: `${addDays(o.today, 2)}T14:00:00+07:00`,
    endsAt: `${addDays(o.today, 2)}T16:00:00+07:00`,
    place: 'Демонстрационный ИРО, ауд. 204',
    responsible: 'Лебедев О. И.',
    audience: { categories: ['deputy'], subjects: [], schools: 'programme', organisationIds: [] },
  });
  const deputy = staff.find((s) => s.organisationId === demoSchool && /заместитель/i.test(s.position));
  if (deputy) await registerStaff(ctx(o.school), seminar.id, [deputy.id]);
  await createEvent(region, {
    regionId: o.regionId,
    programmeId: o.programmeId,
    kind: 'council',
    topic: 'Заседание координационного совета: итоги мониторинга исполнения дорожной карты',
    dateText: 'в течение месяца',
    // Within the programme's year, as the demo roadmap's deadlines are.
    windowStart: minDate(addDays(o.today, 20), yearEnd),
    windowEnd: minDate(addDays(o.today, 40), yearEnd),
    responsible: 'Кравцова А. П.',
    audience: { categories: ['director'], subjects: [], schools: 'programme', organisationIds: [] },
  });

  // Courses: the teachers of Russian and mathematics of three schools are trained this year.
  const teachers = staff.filter((s) => s.position.startsWith('Учитель'));
  for (const t of teachers.filter((x) => o.schoolIds.slice(0, 3).includes(x.organisationId)))
    await addCourse(region, t.id, {
      title: 'Формирование функциональной грамотности обучающихся',
      provider: 'Демонстрационный ИРО',
      hours: 36,
      completedOn: addDays(o.today, -45),
      certificate: 'удостоверение о повышении квалификации (демонстрационные данные)',
      eventId: null,
    });
  // A deficit and an individual route for one teacher of the demo school.
  const teacher = teachers.find((t) => t.organisationId === demoSchool);
  if (teacher) {
    const deficit = await addDeficit(region, teacher.id, {
      area: 'Оценивание образовательных результатов',
      description: 'Затруднения в разработке критериев оценивания развёрнутых ответов',
      identifiedOn: addDays(o.today, -90),
      source: 'Диагностика профессиональных дефицитов ИРО',
      status: 'open',
    });
    await addPlan(region, teacher.id, {
      title: 'Индивидуальный образовательный маршрут',
      periodStart: addDays(o.today, -60),
      periodEnd: `${o.today.slice(0, 4)}-12-31`,
      items: [
        { action: 'Курс «Критериальное оценивание»', due: addDays(o.today, 30), deficitId: deficit.id, done: false },
        {
          action: 'Взаимопосещение уроков в школе-тьюторе',
          due: addDays(o.today, 10),
          deficitId: deficit.id,
          done: true,
        },
      ],
    });
  }
}
