// The support network through the HTTP API on both engines: seed 001's tutor pairs on both schools' cards
// (a school the directory lacks kept as written and matched later), partnership agreements with their dates
// and obligations, curators assigned by order (and what that lets them read), and mobile groups — each kept
// inside its territory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, Organisation } from '../../../contract/api.ts';
import type { CuratorAssignmentDto, PartnershipDto, SupportGroupDto } from '../../../contract/network.ts';
import type { ImportPreview, ProgrammeDetail } from '../../../contract/programmes.ts';
import { engines } from '../../../test/engines.ts';
import { smallDraft } from '../../../test/programme-drafts.ts';
import { seedFile, seedsPresent } from '../../../test/seeds/seed-files.ts';
import { type Client, multipart, startTestServer, type TestServer } from '../../../test/server.ts';

// «Today» for validity of agreements: 1 September 2022 in Kuzbass (region A, UTC+7).
const fixedNow = new Date('2022-09-01T05:00:00Z');

interface NetworkCard {
  supportedBy: PartnershipDto[];
  supports: PartnershipDto[];
  curators: CuratorAssignmentDto[];
  groups: Pick<SupportGroupDto, 'id' | 'kind' | 'name' | 'municipalityName'>[];
}

// Seed 001, appendix 2: low-results school → its tutor school (spelled as test/seeds/programmes.test.ts has them).
const seedPairs = [
  ['ГБОУ СОШ «ОЦ» с. Воротнее', 'ГБОУ СОШ №2 п.г.т. Суходол'],
  ['ГБОУ СОШ с. Черновка', 'ГБОУ СОШ п. Сургут'],
  ['ГБОУ СОШ с. Шламка', 'ГБОУ СОШ (ОЦ) с. Челно-Вершины'],
] as const;

describe.each(engines)('support network API on $name', (engine) => {
  let s: TestServer;
  let region: Client;
  let mun: Client;
  let regionB: Client;
  beforeAll(async () => {
    s = await startTestServer(engine, { now: () => fixedNow });
    region = await s.as('region-a');
    mun = await s.as('mun-a1');
    regionB = await s.as('region-b');
  }, 60_000);
  afterAll(() => s?.close());

  const cardOf = async (c: Client, organisationId: string) => {
    const res = await c.get(`/api/organisations/${organisationId}/network`);
    expect(res.statusCode).toBe(200);
    return res.json() as NetworkCard;
  };
  const school = async (shortName: string, code: string, municipalityId: string) => {
    const res = await region.post('/api/organisations', {
      regionId: s.world.regionA,
      municipalityId,
      kind: 'school',
      type: 'СОШ',
      code,
      name: shortName,
      shortName,
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as Organisation).id;
  };

  describe.runIf(seedsPresent)('seed 001: tutor pairs of appendix 2', () => {
    const ids: Record<string, string> = {};
    let programme: ProgrammeDetail;

    it('saving the programme makes its three pairs; the two whose schools are in the directory show on both cards', async () => {
      // The low-results schools in municipality A1, the tutor schools in A2; «с. Шламка» is not in the directory yet.
      for (const [i, [low, tutor]] of seedPairs.entries()) {
        if (i < 2) ids[low] = await school(low, `S001-L${i}`, s.world.munA1);
        ids[tutor] = await school(tutor, `S001-T${i}`, s.world.munA2);
      }
      const f = seedFile('001');
      const { body, headers } = multipart(f.name, f.bytes);
      const preview = await region.request('POST', '/api/programmes/import/preview', body, headers);
      expect(preview.statusCode).toBe(200);
      const draft = (preview.json() as ImportPreview).draft;
      expect(draft.tutorPairs.map((t) => [t.school, t.tutor])).toEqual(seedPairs.map((p) => [...p]));
      const saved = await region.post('/api/programmes', {
        draft,
        owner: { regionId: s.world.regionA },
        sourceName: f.name,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      programme = saved.json();

      const list = (await region.get(`/api/partnerships?programmeId=${programme.id}`)).json();
      expect(list.total).toBe(3);
      const byLow = new Map((list.items as PartnershipDto[]).map((p) => [p.school.name, p]));
      for (const [low, tutor] of seedPairs.slice(0, 2))
        expect(byLow.get(low)).toMatchObject({
          kind: 'tutor',
          status: 'active',
          school: { id: ids[low], name: low, municipalityName: 'Город А1' },
          supporter: { id: ids[tutor], name: tutor, municipalityName: 'Район А2' },
          programme: { id: programme.id },
        });
      expect(byLow.get('ГБОУ СОШ с. Шламка')).toMatchObject({
        status: 'unmatched',
        school: { id: null, name: 'ГБОУ СОШ с. Шламка', municipalityName: '' },
        supporter: { id: ids['ГБОУ СОШ (ОЦ) с. Челно-Вершины'], name: 'ГБОУ СОШ (ОЦ) с. Челно-Вершины' },
      });

      for (const [low, tutor] of seedPairs.slice(0, 2)) {
        const lowCard = await cardOf(region, ids[low]!);
        expect(lowCard.supportedBy.map((p) => [p.supporter.name, p.status])).toEqual([[tutor, 'active']]);
        expect(lowCard.supports).toEqual([]);
        const tutorCard = await cardOf(region, ids[tutor]!);
        expect(tutorCard.supports.map((p) => [p.school.name, p.status])).toEqual([[low, 'active']]);
        expect(tutorCard.supportedBy).toEqual([]);
      }
      // The tutor of the unmatched school shows the pair, as written, still to be matched.
      const челно = await cardOf(region, ids['ГБОУ СОШ (ОЦ) с. Челно-Вершины']!);
      expect(челно.supports.map((p) => [p.school.name, p.school.id, p.status])).toEqual([
        ['ГБОУ СОШ с. Шламка', null, 'unmatched'],
      ]);
    });

    it('the unmatched school is matched by PATCH and then shows on its card; the municipality of the pair sees it', async () => {
      const list = (await region.get(`/api/partnerships?programmeId=${programme.id}`)).json();
      const unmatched = (list.items as PartnershipDto[]).find((p) => p.status === 'unmatched')!;
      const шламка = await school('ГБОУ СОШ с. Шламка', 'S001-L2', s.world.munA1);
      const stale = await region.patch(`/api/partnerships/${unmatched.id}`, {
        schoolId: шламка,
        version: unmatched.version + 1,
      });
      expect(stale.statusCode).toBe(409);
      const matched = await region.patch(`/api/partnerships/${unmatched.id}`, {
        schoolId: шламка,
        version: unmatched.version,
      });
      expect(matched.statusCode, matched.body).toBe(200);
      expect(matched.json()).toMatchObject({
        status: 'active',
        school: { id: шламка, name: 'ГБОУ СОШ с. Шламка', municipalityName: 'Город А1' },
        version: unmatched.version + 1,
      });
      const card = await cardOf(region, шламка);
      expect(card.supportedBy.map((p) => [p.supporter.name, p.status])).toEqual([
        ['ГБОУ СОШ (ОЦ) с. Челно-Вершины', 'active'],
      ]);
      const tutorCard = await cardOf(region, ids['ГБОУ СОШ (ОЦ) с. Челно-Вершины']!);
      expect(tutorCard.supports.map((p) => [p.school.id, p.status])).toEqual([[шламка, 'active']]);
      // The municipal coordinator of A1 sees its three low-results schools' pairs; region B sees none.
      const munList = (await mun.get(`/api/partnerships?programmeId=${programme.id}`)).json();
      expect(munList.total).toBe(3);
      expect((await cardOf(mun, шламка)).supportedBy).toHaveLength(1);
      expect((await regionB.get(`/api/partnerships?programmeId=${programme.id}`)).json().total).toBe(0);
      expect((await regionB.get(`/api/organisations/${шламка}/network`)).statusCode).toBe(403);
    });
  });

  describe('partnership agreements', () => {
    let agreement: PartnershipDto;
    const agreementBody = () => ({
      kind: 'partnership',
      supporterId: s.world.schoolA2,
      schoolId: s.world.schoolA1,
      agreementNumber: '15-С',
      agreementDate: '2022-02-01',
      validFrom: '2022-02-01',
      validTo: '2023-12-31',
      obligations: 'Школа-лидер проводит открытые уроки и консультации для учителей математики.',
    });

    it('the region records an agreement with its number, dates and obligations; both schools show it', async () => {
      const res = await region.post('/api/partnerships', agreementBody());
      expect(res.statusCode, res.body).toBe(200);
      agreement = res.json();
      expect(agreement).toMatchObject({
        kind: 'partnership',
        supporter: { id: s.world.schoolA2, name: 'Школа A2-1', municipalityName: 'Район А2' },
        school: { id: s.world.schoolA1, name: 'Школа A1-1', municipalityName: 'Город А1' },
        programme: null,
        agreementNumber: '15-С',
        agreementDate: '2022-02-01',
        validFrom: '2022-02-01',
        validTo: '2023-12-31',
        obligations: 'Школа-лидер проводит открытые уроки и консультации для учителей математики.',
        status: 'active',
        version: 1,
      });
      expect((await cardOf(region, s.world.schoolA1)).supportedBy.map((p) => p.id)).toEqual([agreement.id]);
      expect((await cardOf(region, s.world.schoolA2)).supports.map((p) => p.id)).toEqual([agreement.id]);
      // The school itself sees its agreement on its card.
      const schoolA1 = await s.as('school-a1');
      expect((await cardOf(schoolA1, s.world.schoolA1)).supportedBy.map((p) => p.agreementNumber)).toEqual(['15-С']);
    });

    it('validity is read against today: planned before validFrom, ended after validTo', async () => {
      const planned = await region.post('/api/partnerships', {
        kind: 'tutor',
        supporterId: s.world.schoolA2,
        schoolId: s.world.schoolA1b,
        validFrom: '2022-09-02',
      });
      expect(planned.statusCode, planned.body).toBe(200);
      expect(planned.json()).toMatchObject({ status: 'planned', agreementNumber: '', obligations: '' });
      const ended = await region.patch(`/api/partnerships/${planned.json().id}`, {
        validFrom: '2022-01-01',
        validTo: '2022-08-31',
        version: 1,
      });
      expect(ended.statusCode, ended.body).toBe(200);
      expect(ended.json()).toMatchObject({ status: 'ended', validTo: '2022-08-31', version: 2 });
      const lastDay = await region.patch(`/api/partnerships/${planned.json().id}`, {
        validTo: '2022-09-01',
        version: 2,
      });
      expect(lastDay.json()).toMatchObject({ status: 'active', version: 3 });
      expect((await region.delete(`/api/partnerships/${planned.json().id}?version=3`)).statusCode).toBe(204);
      expect((await cardOf(region, s.world.schoolA1b)).supportedBy).toEqual([]);
    });

    it('a municipal coordinator keeps the pairs of its own schools only; region B keeps none of region A', async () => {
      const own = await mun.post('/api/partnerships', {
        kind: 'tutor',
        supporterId: s.world.schoolA2,
        schoolId: s.world.schoolA1b,
      });
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json()).toMatchObject({ school: { id: s.world.schoolA1b }, status: 'active' });
      // A school of municipality A2 supported: not mun-a1's to keep.
      const other = await mun.post('/api/partnerships', {
        kind: 'tutor',
        supporterId: s.world.schoolA1,
        schoolId: s.world.schoolA2,
      });
      expect(other.statusCode).toBe(403);
      const reverse = (
        await region.post('/api/partnerships', {
          kind: 'tutor',
          supporterId: s.world.schoolA1,
          schoolId: s.world.schoolA2,
        })
      ).json() as PartnershipDto;
      expect((await mun.patch(`/api/partnerships/${reverse.id}`, { obligations: 'x', version: 1 })).statusCode).toBe(
        403,
      );
      expect((await mun.delete(`/api/partnerships/${reverse.id}?version=1`)).statusCode).toBe(403);
      // Region B: neither writes nor reads region A's pairs.
      expect((await regionB.post('/api/partnerships', agreementBody())).statusCode).toBe(403);
      expect(
        (await regionB.patch(`/api/partnerships/${agreement.id}`, { obligations: 'x', version: 1 })).statusCode,
      ).toBe(403);
      expect((await regionB.get('/api/partnerships')).json().total).toBe(0);
      // Nothing changed by the refusals.
      const after = (await region.get(`/api/partnerships?organisationId=${s.world.schoolA2}`)).json();
      expect((after.items as PartnershipDto[]).find((p) => p.id === reverse.id)).toMatchObject({
        obligations: '',
        version: 1,
      });
    });

    it('refuses a duplicate pair, a stale version, and an end before the start', async () => {
      const dup = await region.post('/api/partnerships', { ...agreementBody(), agreementNumber: '16-С' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error).toMatchObject({ code: 'conflict.duplicate' });
      expect(dup.json().error.message).toContain('Школа A2-1 — Школа A1-1');

      const changed = await region.patch(`/api/partnerships/${agreement.id}`, {
        obligations: 'Обязательства уточнены дополнительным соглашением № 1.',
        version: 1,
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ version: 2 });
      const stale = await mun.patch(`/api/partnerships/${agreement.id}`, { agreementNumber: '99', version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('conflict.stale');
      expect(stale.json().error.message).toMatch(/Запись уже изменил другой пользователь \(версия 2\)/);
      expect(stale.json().error.message).toContain('«Обязательства сторон»');

      const backwards = await region.patch(`/api/partnerships/${agreement.id}`, {
        validFrom: '2023-01-01',
        validTo: '2022-12-31',
        version: 2,
      });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().error.problems).toEqual([
        { field: 'validTo', message: 'Дата окончания действия раньше даты начала.' },
      ]);
      // Against the start already saved (2022-02-01), too.
      const beforeSaved = await region.patch(`/api/partnerships/${agreement.id}`, {
        validTo: '2022-01-31',
        version: 2,
      });
      expect(beforeSaved.statusCode).toBe(400);
      expect(beforeSaved.json().error.problems[0].field).toBe('validTo');
      const created = await region.post('/api/partnerships', {
        kind: 'partnership',
        supporterId: s.world.schoolA1,
        schoolId: s.world.schoolA1b,
        validFrom: '2022-06-01',
        validTo: '2022-05-31',
      });
      expect(created.statusCode).toBe(400);
      expect(created.json().error.problems[0].field).toBe('validTo');
      const kept = (await cardOf(region, s.world.schoolA1)).supportedBy.find((p) => p.id === agreement.id)!;
      expect(kept).toMatchObject({
        agreementNumber: '15-С',
        validFrom: '2022-02-01',
        validTo: '2023-12-31',
        obligations: 'Обязательства уточнены дополнительным соглашением № 1.',
        version: 2,
      });
    });

    it('keeps the signed agreement as a file: the school downloads it, region B cannot, a bad file is refused', async () => {
      const upload = (c: Client, version: number, name: string, bytes: Uint8Array | string) => {
        const { body, headers } = multipart(name, bytes);
        return c.request('POST', `/api/partnerships/${agreement.id}/file?version=${version}`, body, headers);
      };
      const pdf = `%PDF-1.4\n% соглашение 15-С\n`;
      const refused = await upload(region, 2, 'соглашение.exe', 'MZ');
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.message).toContain('документом соглашения');
      const stale = await upload(region, 1, 'Соглашение 15-С.pdf', pdf);
      expect(stale.statusCode).toBe(409);
      const res = await upload(region, 2, '../../Соглашение 15-С.pdf', pdf);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        file: { name: 'Соглашение 15-С.pdf', size: Buffer.byteLength(pdf) },
        version: 3,
      });
      const schoolA1 = await s.as('school-a1');
      const file = await schoolA1.get(`/api/partnerships/${agreement.id}/file`);
      expect(file.statusCode).toBe(200);
      expect(file.body).toBe(pdf);
      expect(decodeURIComponent(String(file.headers['content-disposition']).split("UTF-8''")[1]!)).toBe(
        'Соглашение 15-С.pdf',
      );
      expect((await regionB.get(`/api/partnerships/${agreement.id}/file`)).statusCode).toBe(403);
      const removed = await region.request('DELETE', `/api/partnerships/${agreement.id}/file?version=3`);
      expect(removed.statusCode, removed.body).toBe(200);
      expect(removed.json()).toMatchObject({ file: null, version: 4 });
      expect((await schoolA1.get(`/api/partnerships/${agreement.id}/file`)).statusCode).toBe(404);
    });
  });

  describe('curators assigned by order', () => {
    let curator: Client;
    let curatorId: string;
    let programmeA1: ProgrammeDetail;
    let programmeA1b: ProgrammeDetail;

    beforeAll(async () => {
      curator = await s.as('curator-a');
      curatorId = s.world.actors.curator.userId;
      const own = async (organisationId: string, title: string) => {
        const res = await region.post('/api/programmes', {
          draft: smallDraft('school', title),
          owner: { regionId: s.world.regionA, organisationId },
        });
        expect(res.statusCode, res.body).toBe(200);
        return res.json() as ProgrammeDetail;
      };
      programmeA1 = await own(s.world.schoolA1, 'Программа перехода в эффективный режим Школы A1-1');
      programmeA1b = await own(s.world.schoolA1b, 'Программа перехода в эффективный режим Школы A1-2');
    });

    it('before the order the curator reads neither school', async () => {
      expect((await curator.get(`/api/organisations/${s.world.schoolA1}`)).statusCode).toBe(403);
      expect((await curator.get(`/api/programmes/${programmeA1.id}`)).statusCode).toBe(403);
      const curators = (await region.get(`/api/regions/${s.world.regionA}/curators`)).json();
      expect(curators).toEqual([
        expect.objectContaining({ userId: curatorId, login: 'curator-a', organisationName: 'Школа A-IRO', schools: 0 }),
      ]);
    });

    it('the region assigns the curator to two schools by order; the curator then reads them and their programmes', async () => {
      const res = await region.post('/api/curator-assignments', {
        userId: curatorId,
        organisationIds: [s.world.schoolA1, s.world.schoolA2],
        orderNumber: '112-од',
        orderDate: '2022-08-20',
        basis: 'Приказ министерства «О закреплении кураторов»',
      });
      expect(res.statusCode, res.body).toBe(200);
      const assigned = res.json() as CuratorAssignmentDto[];
      expect(assigned.map((a) => [a.organisationName, a.orderNumber, a.orderDate]).sort()).toEqual([
        ['Школа A1-1', '112-од', '2022-08-20'],
        ['Школа A2-1', '112-од', '2022-08-20'],
      ]);
      expect(assigned[0]).toMatchObject({ login: 'curator-a', curatorOrganisation: 'Школа A-IRO' });

      expect((await curator.get(`/api/organisations/${s.world.schoolA1}`)).statusCode).toBe(200);
      expect((await curator.get(`/api/organisations/${s.world.schoolA2}`)).statusCode).toBe(200);
      expect((await curator.get(`/api/organisations/${s.world.schoolA1b}`)).statusCode).toBe(403);
      const p = await curator.get(`/api/programmes/${programmeA1.id}`);
      expect(p.statusCode).toBe(200);
      expect(p.json().title).toBe('Программа перехода в эффективный режим Школы A1-1');
      expect((await curator.get(`/api/programmes/${programmeA1b.id}`)).statusCode).toBe(403);
      const list = (await curator.get('/api/programmes?pageSize=100')).json();
      const titles = (list.items as { id: string }[]).map((x) => x.id);
      expect(titles).toContain(programmeA1.id);
      expect(titles).not.toContain(programmeA1b.id);

      const card = await cardOf(region, s.world.schoolA1);
      expect(card.curators.map((c) => [c.login, c.orderNumber, c.orderDate])).toEqual([
        ['curator-a', '112-од', '2022-08-20'],
      ]);
      const curators = (await region.get(`/api/regions/${s.world.regionA}/curators`)).json();
      expect(curators[0]).toMatchObject({ login: 'curator-a', schools: 2 });
    });

    it('only the region (or the municipality of the school) assigns; region B cannot', async () => {
      const munRes = await mun.post('/api/curator-assignments', {
        userId: curatorId,
        organisationIds: [s.world.schoolA2],
        orderNumber: '5',
        orderDate: '2022-08-25',
      });
      expect(munRes.statusCode).toBe(403);
      // The municipality lists the region's curators (to assign them to its own schools); region B does not.
      const curators = await mun.get(`/api/regions/${s.world.regionA}/curators`);
      expect(curators.statusCode, curators.body).toBe(200);
      expect(curators.json().map((c: { login: string; schools: number }) => [c.login, c.schools])).toEqual([
        ['curator-a', 2],
      ]);
      expect((await regionB.get(`/api/regions/${s.world.regionA}/curators`)).statusCode).toBe(403);
      const bRes = await regionB.post('/api/curator-assignments', {
        userId: curatorId,
        organisationIds: [s.world.schoolA1b],
        orderNumber: '7',
        orderDate: '2022-08-25',
      });
      expect(bRes.statusCode).toBe(403);
      expect((await regionB.get(`/api/curator-assignments?userId=${curatorId}`)).json()).toEqual([]);
      // The order of A2-1 is still 112-од: the refused assignment changed nothing.
      const a2 = (await region.get(`/api/curator-assignments?organisationId=${s.world.schoolA2}`)).json();
      expect(a2.map((a: CuratorAssignmentDto) => a.orderNumber)).toEqual(['112-од']);
    });

    it('unassigning takes the school away from the curator, and both steps are in the audit log', async () => {
      const res = await region.delete(`/api/curator-assignments/${curatorId}/${s.world.schoolA2}`);
      expect(res.statusCode).toBe(204);
      expect((await curator.get(`/api/organisations/${s.world.schoolA2}`)).statusCode).toBe(403);
      expect((await curator.get(`/api/organisations/${s.world.schoolA1}`)).statusCode).toBe(200);
      expect((await region.delete(`/api/curator-assignments/${curatorId}/${s.world.schoolA2}`)).statusCode).toBe(404);
      const log = (await region.get('/api/audit?entity=curator_assignment&pageSize=50')).json();
      const summaries = (log.items as AuditEntry[]).map((e) => [e.action, e.summary, e.actorLogin]);
      expect(summaries).toEqual(
        expect.arrayContaining([
          ['create', 'Куратор Пользователь curator-a закреплён за Школа A1-1 (приказ № 112-од)', 'region-a'],
          ['create', 'Куратор Пользователь curator-a закреплён за Школа A2-1 (приказ № 112-од)', 'region-a'],
          ['delete', 'Куратор Пользователь curator-a откреплён от Школа A2-1', 'region-a'],
        ]),
      );
      expect(summaries).toHaveLength(3);
    });
  });

  describe('mobile groups', () => {
    let group: SupportGroupDto;

    it('the region creates a mobile group and adds a person and a school; members see it on their cards', async () => {
      const res = await region.post('/api/groups', {
        regionId: s.world.regionA,
        kind: 'mobile-group',
        name: 'Мобильная группа № 1',
        description: 'Консультации для школ с низкими результатами',
        basis: 'Приказ № 3872 от 30.12.2021',
      });
      expect(res.statusCode, res.body).toBe(200);
      group = res.json();
      expect(group).toMatchObject({ kind: 'mobile-group', municipalityId: null, members: [], version: 1 });
      const withPerson = await region.post(`/api/groups/${group.id}/members`, {
        personId: s.world.personA1,
        role: 'руководитель группы',
      });
      expect(withPerson.statusCode, withPerson.body).toBe(200);
      const withSchool = await region.post(`/api/groups/${group.id}/members`, { organisationId: s.world.schoolA2 });
      expect(withSchool.statusCode).toBe(200);
      expect(
        (withSchool.json() as SupportGroupDto).members.map((m) => [m.personName, m.organisationName, m.role]),
      ).toEqual([
        ['Иванова Анна Петровна', 'Школа A1-1', 'руководитель группы'],
        ['', 'Школа A2-1', ''],
      ]);
      const again = await region.post(`/api/groups/${group.id}/members`, { organisationId: s.world.schoolA2 });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('conflict.duplicate');
      const neither = await region.post(`/api/groups/${group.id}/members`, { role: 'участник' });
      expect(neither.statusCode).toBe(400);

      const cardA2 = await cardOf(region, s.world.schoolA2);
      expect(cardA2.groups).toEqual([
        { id: group.id, kind: 'mobile-group', name: 'Мобильная группа № 1', municipalityName: '' },
      ]);
      // A school whose staff member is in the group sees it too.
      const schoolA1 = await s.as('school-a1');
      expect((await cardOf(schoolA1, s.world.schoolA1)).groups.map((g) => g.name)).toEqual(['Мобильная группа № 1']);
      expect((await cardOf(region, s.world.schoolA1b)).groups).toEqual([]);
    });

    it('region B neither creates groups in region A, nor adds members, nor sees them', async () => {
      const create = await regionB.post('/api/groups', {
        regionId: s.world.regionA,
        kind: 'mobile-group',
        name: 'Чужая группа',
      });
      expect(create.statusCode).toBe(403);
      const add = await regionB.post(`/api/groups/${group.id}/members`, { personId: s.world.personB1 });
      expect(add.statusCode).toBe(403);
      expect((await regionB.get('/api/groups')).json()).toEqual([]);
      expect((await regionB.get(`/api/groups/${group.id}`)).statusCode).toBe(404);
      // A person of region B cannot join region A's group even through region A.
      const foreign = await region.post(`/api/groups/${group.id}/members`, { personId: s.world.personB1 });
      expect(foreign.statusCode).toBe(400);
      const kept = (await region.get(`/api/groups/${group.id}`)).json() as SupportGroupDto;
      expect(kept.members).toHaveLength(2);
      expect((await region.get('/api/groups')).json().map((g: SupportGroupDto) => g.name)).toEqual([
        'Мобильная группа № 1',
      ]);
    });
  });
});
