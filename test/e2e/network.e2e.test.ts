// Journey: the support network and its events in the demo region. The regional coordinator marks the director
// who missed the webinar as present, and the programme dashboard's coverage indicator moves from 80 % to
// 100 %; the demo school's card shows its tutor school and its curator by order, and the tutor school's card
// shows the school it supports.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorRowDto } from '../../contract/execution.ts';
import type { EventDto } from '../../contract/network.ts';
import { browserAvailable, launchBrowser, logIn as logInAs, type RunningServer, startRealServer } from './browser.ts';

const run = browserAvailable();
const coverageName = 'Доля директоров целевых школ, принявших участие в вебинарах по анализу результатов';

describe.runIf(run)('the support network and its events in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startRealServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const logIn = (login: string): Promise<Page> => logInAs(browser, server, login);
  const api = <T>(page: Page, url: string): Promise<T> =>
    page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;

  it('marking attendance at the webinar moves the coverage indicator on the programme dashboard', async () => {
    const page = await logIn('region');
    const { items } = await api<{ items: EventDto[] }>(page, '/api/events');
    const webinar = items.find((e) => e.kind === 'webinar')!;
    const programmeId = webinar.programme!.id;
    const coverage = async () =>
      (await api<IndicatorRowDto[]>(page, `/api/programmes/${programmeId}/indicators`)).find(
        (r) => r.name === coverageName,
      )!.computed!;
    expect(await coverage()).toEqual({
      value: 80,
      explanation: 'Участвовали в мероприятиях программы (вебинар): 4 из 5 директоров целевых школ (5).',
    });

    await page.goto(`${server.url}/events`);
    await page.getByRole('link', { name: webinar.topic }).click();
    await page.getByRole('heading', { name: webinar.topic }).waitFor();
    await page.getByText('присутствовали 4 из 5').first().waitFor();
    const absent = page.getByRole('checkbox', { name: 'Присутствовал: Соколова Марина Викторовна' });
    expect(await absent.isChecked()).toBe(false);
    await absent.check();
    await page.getByRole('button', { name: 'Сохранить посещаемость' }).click();
    await page.getByText('присутствовали 5 из 5').first().waitFor();

    await page.goto(`${server.url}/programmes/${programmeId}/dashboard`);
    const row = page.getByRole('row', { name: new RegExp(coverageName) });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toMatch(/100\s%\s*рассчитано/);
    expect(await coverage()).toEqual({
      value: 100,
      explanation: 'Участвовали в мероприятиях программы (вебинар): 5 из 5 директоров целевых школ (5).',
    });
    await page.close();
  });

  it("the school's card shows its tutor school and its curator by order; the tutor's card shows the school", async () => {
    const school = await logIn('school');
    const me = await api<{ organisationId: string }>(school, '/api/auth/me');
    await school.goto(`${server.url}/organisations/${me.organisationId}`);
    const network = school.getByRole('region', { name: 'Сеть поддержки' });
    await network.getByText('МБОУ ООШ № 3 (г. Светлогорск-на-Ладе)').waitFor();
    expect(await network.innerText()).toMatch(/Лебедев Олег Игоревич[\s\S]*приказ № 27-к/);

    const region = await logIn('region');
    await region.goto(`${server.url}/network`);
    await region.getByRole('link', { name: 'МБОУ ООШ № 3 (г. Светлогорск-на-Ладе)' }).first().click();
    const tutorCard = region.getByRole('region', { name: 'Сеть поддержки' });
    await tutorCard.getByText('Поддерживает школы').waitFor();
    expect(await tutorCard.innerText()).toContain('МБОУ СОШ № 1 (г. Светлогорск-на-Ладе)');
    await school.close();
    await region.close();
  });
});
