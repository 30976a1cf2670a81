// Journey (running a programme, seed 004): the regional coordinator's Kaliningrad plan-schedule is loaded into
// the demo region and approved, with item 1 executed by three schools. In the browser the school reports
// item 1 with a scanned order and its date, the curator asks a question in the thread, and the coordinator
// opens the round of 30.06.2023, sees execution against «не менее 30–40 %» and downloads the analytic report;
// the DOCX carries the same figures as the page. Screenshots go to OPORA_UI_SHOTS when it is set.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../adapters/document/read-document.ts';
import { DEMO_PASSWORD } from '../../services/demo.ts';
import { seedFile, seedsDir, seedsPresent } from '../seeds/seed-files.ts';
import { browserAvailable, launchBrowser, logIn as logInAs, type RunningServer, startRealServer } from './browser.ts';

const shotsDir = process.env.OPORA_UI_SHOTS;

/** A signed-in API client of the real server, for setting the stage the journey starts from. */
async function apiAs(server: RunningServer, login: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async (method: string, url: string, body?: unknown, raw?: { body: BodyInit; type?: string }) => {
    const r = await fetch(`${server.url}${url}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: raw ? raw.body : body !== undefined ? JSON.stringify(body) : undefined,
    });
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  return { call };
}

describe.runIf(browserAvailable() && seedsPresent)('running seed 004 in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let programmeId = '';
  let schoolUnitId = '';

  beforeAll(async () => {
    if (shotsDir) mkdirSync(shotsDir, { recursive: true });
    server = await startRealServer();
    browser = await launchBrowser();
    const region = await apiAs(server, 'region');
    const me = await region.call('GET', '/api/auth/me');
    const form = new FormData();
    const file = seedFile('004').name;
    form.append('file', new Blob([readFileSync(path.join(seedsDir, file))]), file);
    const preview = await region.call('POST', '/api/programmes/import/preview?level=region', undefined, { body: form });
    const saved = await region.call('POST', '/api/programmes', {
      draft: preview.draft,
      owner: { regionId: me.regionId, municipalityId: null, organisationId: null },
      sourceName: file,
    });
    programmeId = saved.id;
    // Item 1 («100 % от количества школ участниц») is done by each school: the demo school and two others.
    const school = await (await apiAs(server, 'school')).call('GET', '/api/auth/me');
    const schools = (await region.call('GET', '/api/organisations?kind=school&pageSize=100')).items as { id: string }[];
    const targets = [
      school.organisationId,
      ...schools
        .map((s) => s.id)
        .filter((id) => id !== school.organisationId)
        .slice(0, 2),
    ];
    const first = saved.sections[0].activities[0];
    const activity = await region.call('PUT', `/api/activities/${first.id}/targets`, {
      targetKind: 'schools',
      territoryIds: targets,
      version: first.version,
    });
    schoolUnitId = activity.units.find(
      (u: { organisationId: string }) => u.organisationId === school.organisationId,
    ).id;
    await region.call('POST', `/api/programmes/${programmeId}/approval`, { action: 'approve', version: saved.version });
    // The region's own work before 30.06: item 3 (the letter about the meeting) and item 7 (a ВКС, a link).
    const own = (await region.call('GET', `/api/programmes/${programmeId}/execution`)).activities as {
      number: string;
      units: { id: string; version: number }[];
    }[];
    const close = async (number: string, evidence: unknown, completedOn: string) => {
      const unit = own.find((a) => a.number === number)!.units[0]!;
      await region.call('POST', `/api/executions/${unit.id}/evidence/link`, evidence);
      await region.call('POST', `/api/executions/${unit.id}/report`, {
        status: 'done',
        completedOn,
        version: unit.version,
      });
    };
    await close(
      '3.',
      {
        kind: 'document',
        title: 'Письмо о проведении установочного совещания',
        documentNumber: '01-12/345',
        documentDate: '2023-02-03',
      },
      '2023-02-20',
    );
    await close('7.', { kind: 'link', title: 'Запись ВКС', url: 'https://koiro.example/vks-1' }, '2023-03-15');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const logIn = (login: string): Promise<Page> => logInAs(browser, server, login, { width: 1440, height: 900 });
  const shot = async (page: Page, name: string) => {
    if (shotsDir) await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
  };
  const text = async (page: Page, testId: string) =>
    (await page.getByTestId(testId).first().innerText()).replace(/\u00a0/g, ' ');

  it('the school reports item 1 with a scanned order and its date', async () => {
    const page = await logIn('school');
    await page.goto(`${server.url}/programmes/${programmeId}/execution?unit=${schoolUnitId}`);
    // The drawer's root is a zero-size portal anchor; its dialog is what a user sees.
    const drawer = page.getByRole('dialog');
    await drawer.waitFor();
    expect(await text(page, 'evidence-expected')).toContain('Приказы о назначении ответственных');
    await drawer.getByTestId('evidence-upload').setInputFiles({
      name: 'Приказ о назначении ответственных.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 приказ № 12-од от 10.02.2023'),
    });
    await drawer.getByTestId('evidence-upload-submit').click();
    await drawer.getByTestId('evidence-item').first().waitFor();
    await drawer.getByText('Выполнено', { exact: true }).click();
    await drawer.getByLabel('Дата исполнения').fill('10.02.2023');
    await drawer.getByTestId('report-submit').click();
    await page.getByTestId('unit-status').filter({ hasText: 'Выполнено' }).first().waitFor();
    await shot(page, 'execution-school-reported');
    await page.close();
  });

  it('the assigned curator asks in the thread, and the school reads it', async () => {
    const curator = await logIn('curator');
    await curator.goto(`${server.url}/programmes/${programmeId}/execution?unit=${schoolUnitId}`);
    const drawer = curator.getByRole('dialog');
    await drawer.waitFor();
    await drawer.getByRole('tab', { name: /Обсуждение/ }).click();
    await drawer.getByTestId('thread-input').fill('Спасибо! Приложите, пожалуйста, и лист ознакомления с приказом.');
    await drawer.getByTestId('thread-submit').click();
    await drawer.getByTestId('thread-message').filter({ hasText: 'лист ознакомления' }).waitFor();
    await shot(curator, 'execution-curator-thread');
    await curator.close();
    const school = await logIn('school');
    await school.goto(`${server.url}/programmes/${programmeId}/execution?unit=${schoolUnitId}`);
    await school
      .getByRole('dialog')
      .getByRole('tab', { name: /Обсуждение/ })
      .click();
    await school.getByTestId('thread-message').filter({ hasText: 'лист ознакомления' }).waitFor();
    await school.close();
  });

  it('the round of 30.06.2023 shows execution against 30–40 %, and the DOCX report says the same', async () => {
    const page = await logIn('region');
    await page.goto(`${server.url}/programmes/${programmeId}/rounds`);
    await page
      .getByRole('row', { name: /30\.06\.2023/ })
      .getByTestId('round-link')
      .click();
    await page.getByTestId('round-figures').waitFor();
    const percent = await text(page, 'round-execution-percent');
    const parts = await text(page, 'round-execution-text');
    const figures = await text(page, 'round-figures');
    // 32 activities, none cancelled; items 3 and 7 are done; item 1 is done by one school of three only.
    expect(parts).toContain('2 из 32');
    expect(figures).toMatch(/30–40 %/);
    expect(await text(page, 'round-threshold')).toContain('не выполнен');
    expect(await page.getByTestId('round-threshold').getAttribute('data-meets')).toBe('false');
    await shot(page, 'execution-round');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('round-report-docx').click(),
    ]);
    const bytes = readFileSync((await download.path())!);
    const doc = (await readDocument('справка.docx', bytes)).blocks
      .map((b) => (b.kind === 'paragraph' ? b.text : JSON.stringify(b)))
      .join('\n')
      .replace(/\u00a0/g, ' ');
    const shown = percent.match(/\d+(,\d)? %/)![0];
    expect(doc).toContain(shown);
    expect(doc).toContain('30–40 %');
    expect(doc).toContain('30.06.2023');
    await page.close();
  });
});
