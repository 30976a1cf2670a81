// The demonstration region created on first start, so a newcomer sees a living system at once.
// All names are invented for Опора and marked «демонстрационные данные».
import { sql } from 'drizzle-orm';
import { resultKinds } from '../domain/identification/results.ts';
import { syntheticResults } from '../domain/identification/synthetic-results.ts';
import { staffCategoryOf } from '../domain/network/staff.ts';
import type { Role } from '../domain/roles.ts';
import { recordAudit } from '../storage/audit-repo.ts';
import type { Db, Executor, Tx } from '../storage/database.ts';
import { insertResults } from '../storage/results-repo.ts';
import { municipalities, organisations, people, regions, resultImports, users } from '../storage/schema.ts';
import { hashPassword } from './auth.ts';
import { createDemoProgramme } from './demo-programme.ts';

export const DEMO_PASSWORD = 'opora-demo-2026';
export const demoRegionCode = 'ДЕМО';

const municipalityNames = [
  ['ДМ-01', 'Городской округ Светлогорск-на-Ладе'],
  ['ДМ-02', 'Берёзовский муниципальный район'],
  ['ДМ-03', 'Озёрский муниципальный округ'],
  ['ДМ-04', 'Городской округ Новоречинск'],
] as const;

// Settlements per municipality: the first is the town, the rest are villages.
const settlements: Record<string, string[]> = {
  'ДМ-01': ['г. Светлогорск-на-Ладе'],
  'ДМ-02': ['пгт Берёзовка', 'с. Липовка', 'с. Каменка', 'д. Ключи'],
  'ДМ-03': ['г. Озёрск', 'с. Заречье', 'с. Полянка'],
  'ДМ-04': ['г. Новоречинск'],
};

const types = ['СОШ', 'СОШ', 'ООШ', 'СОШ', 'гимназия', 'СОШ', 'лицей', 'НОШ', 'СОШ', 'ООШ'] as const;
const typeName: Record<string, string> = {
  СОШ: 'средняя общеобразовательная школа',
  ООШ: 'основная общеобразовательная школа',
  НОШ: 'начальная общеобразовательная школа',
  гимназия: 'гимназия',
  лицей: 'лицей',
};

/** Years of the demo results: seed 000 identifies from 2019 and 2021. */
export const demoResultYears = [2019, 2020, 2021];
const demoSeed = 24;

/**
 * The demo region's assessment results, a slice of the synthetic national dataset for its own schools, so
 * that a newcomer can run a methodology at once. Loaded as one import per kind, as a user would.
 */
async function loadDemoResults(
  tx: Tx,
  regionId: string,
  schools: { id: string; code: string; type: string; urban: boolean | null }[],
): Promise<void> {
  const results = syntheticResults(
    schools.map((s) => ({ code: s.code, type: s.type, urban: s.urban ?? false })),
    { seed: demoSeed, years: demoResultYears },
  );
  const idByCode = new Map(schools.map((s) => [s.code, s.id]));
  for (const kind of resultKinds) {
    const records = results[kind];
    const [imp] = await tx
      .insert(resultImports)
      .values({ regionId, kind, years: demoResultYears, fileName: 'демонстрационные данные', rows: records.length })
      .returning({ id: resultImports.id });
    await insertResults(tx, kind, regionId, imp!.id, records, (code) => idByCode.get(code)!);
  }
}

export interface DemoAccount {
  login: string;
  role: Role;
  territory: string;
}

/**
 * Creates the demo region unless any region exists. Returns the accounts created (empty if skipped).
 * All of it — region, accounts, results, the running programme and its network — is one transaction: a first
 * start interrupted part-way (Ctrl+C, a kill, a container restart) leaves no region at all, and the next start
 * makes the whole demo again. Separately committed steps left a region without its programme, which «unless
 * any region exists» then never completed.
 */
export async function createDemoRegionIfEmpty(db: Db, now = new Date()): Promise<DemoAccount[]> {
  const isEmpty = async (ex: Executor) => {
    const [existing] = await ex.select({ n: sql<number>`count(*)::int` }).from(regions);
    return (existing?.n ?? 0) === 0;
  };
  if (!(await isEmpty(db))) return [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    if (!(await isEmpty(tx))) return [];
    // The transaction stands in for the database: the services' own transactions become savepoints in it.
    const inside = tx as unknown as Db;
    const accounts = await createDemoRegion(inside, passwordHash);
    await createDemoProgramme(inside, demoRegionCode, now);
    return accounts;
  });
}

async function createDemoRegion(db: Db, passwordHash: string): Promise<DemoAccount[]> {
  return db.transaction(async (tx) => {
    const [region] = await tx
      .insert(regions)
      .values({
        code: demoRegionCode,
        name: 'Демонстрационная область (демонстрационные данные)',
        shortName: 'Демонстрационная область',
        timezone: 'Asia/Novokuznetsk',
        isDemo: true,
      })
      .returning();
    const regionId = region!.id;
    const ms = await tx
      .insert(municipalities)
      .values(municipalityNames.map(([code, name]) => ({ regionId, code, name })))
      .returning();
    const schoolRows: (typeof organisations.$inferInsert)[] = [];
    let n = 0;
    for (const m of ms) {
      const places = settlements[m.code] ?? [];
      const count = m.code === 'ДМ-01' || m.code === 'ДМ-04' ? 12 : 8;
      for (let i = 0; i < count; i++) {
        const type = types[n % types.length]!;
        const place = places[i % places.length]!;
        const urban = place.startsWith('г.') || place.startsWith('пгт');
        const number = i + 1;
        n++;
        const short =
          type === 'СОШ' || type === 'ООШ' || type === 'НОШ'
            ? `МБОУ ${type} № ${number}`
            : `МБОУ ${type[0]!.toUpperCase()}${type.slice(1)} № ${number}`;
        schoolRows.push({
          regionId,
          municipalityId: m.id,
          kind: 'school',
          type,
          code: `${m.code}-${String(number).padStart(3, '0')}`,
          name: `Муниципальное бюджетное общеобразовательное учреждение «${typeName[type]![0]!.toUpperCase()}${typeName[type]!.slice(1)} № ${number}» (${place}, демонстрационные данные)`,
          shortName: `${short} (${place})`,
          urban,
          address: `${place}, ул. Школьная, д. ${number}`,
        });
      }
    }
    const schools = await tx.insert(organisations).values(schoolRows).returning();
    const [iro] = await tx
      .insert(organisations)
      .values({
        regionId,
        municipalityId: null,
        kind: 'support',
        type: 'ИРО',
        code: 'ДЕМО-ИРО',
        name: 'Государственное автономное учреждение дополнительного профессионального образования «Демонстрационный институт развития образования» (демонстрационные данные)',
        shortName: 'Демонстрационный ИРО',
        urban: true,
        address: 'г. Светлогорск-на-Ладе, пр. Просвещения, д. 1',
      })
      .returning();
    await loadDemoResults(tx, regionId, schools);
    const firstSchool = schools[0]!;
    const m1 = ms[0]!;
    const staff = (values: (typeof people.$inferInsert)[]) =>
      values.map((v) => ({ ...v, category: staffCategoryOf(v.position ?? '') }));
    await tx.insert(people).values(
      staff([
        {
          regionId,
          organisationId: iro!.id,
          fullName: 'Кравцова Алла Петровна',
          position: 'Проректор по научно-методической работе',
          email: 'kravtsova@demo.invalid',
        },
        {
          regionId,
          organisationId: iro!.id,
          fullName: 'Лебедев Олег Игоревич',
          position: 'Методист, куратор',
          email: 'lebedev@demo.invalid',
        },
        {
          regionId,
          municipalityId: m1.id,
          organisationId: firstSchool.id,
          fullName: 'Соколова Марина Викторовна',
          position: 'Директор',
          phone: '+7 900 000-00-01',
        },
        {
          regionId,
          municipalityId: m1.id,
          organisationId: firstSchool.id,
          fullName: 'Орлов Денис Андреевич',
          position: 'Заместитель директора по УВР',
        },
        {
          regionId,
          municipalityId: m1.id,
          fullName: 'Захарова Ирина Семёновна',
          position: 'Начальник управления образования',
        },
      ]),
    );
    const accounts: (typeof users.$inferInsert & { territory: string })[] = [
      { login: 'admin', fullName: 'Администратор системы', role: 'admin', territory: 'вся система' },
      {
        login: 'region',
        fullName: 'Кравцова Алла Петровна',
        role: 'regional_coordinator',
        regionId,
        territory: region!.shortName,
      },
      {
        login: 'municipality',
        fullName: 'Захарова Ирина Семёновна',
        role: 'municipal_coordinator',
        regionId,
        municipalityId: m1.id,
        territory: m1.name,
      },
      {
        login: 'school',
        fullName: 'Соколова Марина Викторовна',
        role: 'school',
        regionId,
        municipalityId: m1.id,
        organisationId: firstSchool.id,
        territory: firstSchool.shortName,
      },
      {
        login: 'curator',
        fullName: 'Лебедев Олег Игоревич',
        role: 'curator',
        regionId,
        organisationId: iro!.id,
        territory: iro!.shortName,
      },
      {
        login: 'observer',
        fullName: 'Наблюдатель (демонстрационный)',
        role: 'observer',
        regionId,
        territory: region!.shortName,
      },
    ];
    await tx
      .insert(users)
      .values(accounts.map(({ territory: _t, ...u }) => ({ ...u, passwordHash, status: 'active' })));
    await recordAudit(tx, {
      regionId,
      actorId: null,
      actorLogin: 'system',
      action: 'create',
      entity: 'region',
      entityId: regionId,
      summary: `Создан демонстрационный регион: ${ms.length} муниципалитета, ${schools.length} школ, 1 организация поддержки, ${accounts.length} учётных записей`,
    });
    return accounts.map((a) => ({ login: a.login, role: a.role as Role, territory: a.territory }));
  });
}
