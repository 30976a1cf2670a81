// Journey: every role logs in through the real UI and sees only its own territory; a school account gets
// 403 from the API for another school's records.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../services/demo.ts';
import { browserAvailable, launchBrowser, logIn as logInAs, type RunningServer, startRealServer } from './browser.ts';

const run = browserAvailable();

describe.runIf(run)('roles in the browser', () => {
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

  async function organisationRows(page: Page): Promise<string[]> {
    await page.goto(`${server.url}/organisations`);
    const table = page.getByTestId('organisations-table');
    await table.locator('tbody tr').first().waitFor();
    return table.locator('tbody tr').allInnerTexts();
  }

  /** The organisations the role's session may list through the API (all pages of 500). */
  async function apiOrganisations(page: Page): Promise<{ total: number; municipalities: string[] }> {
    return page.evaluate(async () => {
      const res = await fetch('/api/organisations?pageSize=500');
      const body = await res.json();
      return {
        total: body.total as number,
        municipalities: [
          ...new Set((body.items as { municipalityName: string | null }[]).map((o) => o.municipalityName ?? '—')),
        ],
      };
    });
  }

  it('prints the demo logins at start', () => {
    expect(server.output()).toContain('демонстрационные данные');
    expect(server.output()).toContain(DEMO_PASSWORD);
  });

  it('admin sees the whole system', async () => {
    const page = await logIn('admin');
    expect(await page.getByTestId('territory-name').textContent()).toContain('Все регионы');
    const api = await apiOrganisations(page);
    expect(api.total).toBe(41);
    await page.close();
  });

  it('regional coordinator sees its region: 40 schools and the ИРО', async () => {
    const page = await logIn('region');
    expect(await page.getByTestId('territory-name').textContent()).toContain('Демонстрационная область');
    expect((await apiOrganisations(page)).total).toBe(41);
    await page.close();
  });

  it('municipal coordinator sees only its municipality', async () => {
    const page = await logIn('municipality');
    expect(await page.getByTestId('territory-name').textContent()).toContain('Светлогорск');
    const api = await apiOrganisations(page);
    expect(api.total).toBe(12);
    expect(api.municipalities).toEqual(['Городской округ Светлогорск-на-Ладе']);
    const rows = await organisationRows(page);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).not.toContain('Берёзов');
    await page.close();
  });

  it('school sees only itself, and the API refuses another school with 403', async () => {
    const page = await logIn('school');
    const rows = await organisationRows(page);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('СОШ № 1');
    const result = await page.evaluate(async () => {
      const all = await (await fetch('/api/organisations?pageSize=500')).json();
      const me = await (await fetch('/api/auth/me')).json();
      return {
        mine: all.items[0].id as string,
        total: all.total as number,
        organisationId: me.organisationId as string,
      };
    });
    expect(result.total).toBe(1);
    expect(result.mine).toBe(result.organisationId);
    await page.close();
  });

  it('curator and observer see their own territory only', async () => {
    const curator = await logIn('curator');
    // The demo curator's own institute and the two schools assigned to them by order.
    expect((await apiOrganisations(curator)).total).toBe(3);
    await curator.close();
    const observer = await logIn('observer');
    expect((await apiOrganisations(observer)).total).toBe(41);
    // The observer reads but cannot write.
    const status = await observer.evaluate(async () => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch('/api/people', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ regionId: me.regionId, fullName: 'Проба' }),
      });
      return res.status;
    });
    expect(status).toBe(403);
    await observer.close();
  });

  it('a school session gets 403 for another school record through the API', async () => {
    // The region coordinator finds another school's id; the school's session then asks for it.
    const region = await logIn('region');
    const otherId = await region.evaluate(async () => {
      const me = await (await fetch('/api/organisations?q=ДМ-02-001')).json();
      return me.items[0].id as string;
    });
    await region.close();
    const school = await logIn('school');
    const answer = await school.evaluate(async (id) => {
      const res = await fetch(`/api/organisations/${id}`);
      return { status: res.status, body: await res.json() };
    }, otherId);
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('access.denied');
    await school.close();
  });
});
