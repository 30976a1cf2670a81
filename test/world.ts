// A small two-region world for tests: region A (two municipalities, schools and a support organisation)
// and region B (one municipality, one school), with one account per role bound to region A.
import type { Actor, Role } from '../domain/roles.ts';
import { actorOf, hashPassword } from '../services/auth.ts';
import type { Db } from '../storage/database.ts';
import { municipalities, organisations, people, regions, users } from '../storage/schema.ts';

export const TEST_PASSWORD = 'test-password-1';

export interface World {
  regionA: string;
  regionB: string;
  munA1: string;
  munA2: string;
  munB1: string;
  schoolA1: string; // in munA1
  schoolA1b: string; // in munA1
  schoolA2: string; // in munA2
  schoolB1: string; // in munB1
  iroA: string; // regional level support organisation of A
  personA1: string; // works at schoolA1
  personB1: string; // works at schoolB1
  actors: Record<Role | 'regional_coordinator_b', Actor>;
}

let hashed: Promise<string> | null = null;

export async function seedWorld(db: Db): Promise<World> {
  hashed ??= hashPassword(TEST_PASSWORD);
  const passwordHash = await hashed;
  const [a, b] = await db
    .insert(regions)
    .values([
      { code: 'A', name: 'Область А', shortName: 'Область А', timezone: 'Asia/Novokuznetsk' },
      { code: 'B', name: 'Край Б', shortName: 'Край Б', timezone: 'Europe/Kaliningrad' },
    ])
    .returning();
  const [m1, m2, m3] = await db
    .insert(municipalities)
    .values([
      { regionId: a!.id, code: 'A1', name: 'Город А1' },
      { regionId: a!.id, code: 'A2', name: 'Район А2' },
      { regionId: b!.id, code: 'B1', name: 'Округ Б1' },
    ])
    .returning();
  const school = (regionId: string, municipalityId: string | null, code: string, kind = 'school', type = 'СОШ') => ({
    regionId,
    municipalityId,
    kind,
    type,
    code,
    name: `Школа ${code}`,
    shortName: `Школа ${code}`,
    urban: true,
  });
  const [s1, s1b, s2, s3, iro] = await db
    .insert(organisations)
    .values([
      school(a!.id, m1!.id, 'A1-1'),
      school(a!.id, m1!.id, 'A1-2'),
      school(a!.id, m2!.id, 'A2-1'),
      school(b!.id, m3!.id, 'B1-1'),
      school(a!.id, null, 'A-IRO', 'support', 'ИРО'),
    ])
    .returning();
  const [p1, p2] = await db
    .insert(people)
    .values([
      {
        regionId: a!.id,
        municipalityId: m1!.id,
        organisationId: s1!.id,
        fullName: 'Иванова Анна Петровна',
        position: 'Директор',
      },
      {
        regionId: b!.id,
        municipalityId: m3!.id,
        organisationId: s3!.id,
        fullName: 'Петров Борис Ильич',
        position: 'Директор',
      },
    ])
    .returning();
  const accounts = [
    { login: 'admin', role: 'admin' },
    { login: 'region-a', role: 'regional_coordinator', regionId: a!.id },
    { login: 'region-b', role: 'regional_coordinator', regionId: b!.id },
    { login: 'mun-a1', role: 'municipal_coordinator', regionId: a!.id, municipalityId: m1!.id },
    { login: 'school-a1', role: 'school', regionId: a!.id, municipalityId: m1!.id, organisationId: s1!.id },
    { login: 'curator-a', role: 'curator', regionId: a!.id, organisationId: iro!.id },
    { login: 'observer-a', role: 'observer', regionId: a!.id },
  ] as const;
  const created = await db
    .insert(users)
    .values(accounts.map((u) => ({ ...u, fullName: `Пользователь ${u.login}`, passwordHash, status: 'active' })))
    .returning();
  const actor = (login: string): Actor => actorOf(created.find((x) => x.login === login)!);
  return {
    regionA: a!.id,
    regionB: b!.id,
    munA1: m1!.id,
    munA2: m2!.id,
    munB1: m3!.id,
    schoolA1: s1!.id,
    schoolA1b: s1b!.id,
    schoolA2: s2!.id,
    schoolB1: s3!.id,
    iroA: iro!.id,
    personA1: p1!.id,
    personB1: p2!.id,
    actors: {
      admin: actor('admin'),
      regional_coordinator: actor('region-a'),
      regional_coordinator_b: actor('region-b'),
      municipal_coordinator: actor('mun-a1'),
      school: actor('school-a1'),
      curator: actor('curator-a'),
      observer: actor('observer-a'),
    },
  };
}
