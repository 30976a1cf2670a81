// Journey (identification of ШНОР): a regional coordinator loads ВПР, ОГЭ and journal results for the demo
// region from three CSV files (checked, then loaded), runs the seed-000 methodology kuzbass-2021, reads a
// school's explanation with its numbers, approves the list with its order, and sees list № 1; a municipal
// coordinator then sees only its own school of that list. Screenshots go to OPORA_UI_SHOTS when it is set.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, logIn as logInAs, type RunningServer, startRealServer } from './browser.ts';

const years = [2019, 2021];
const shotsDir = process.env.OPORA_UI_SHOTS;

/**
 * Results of every demo school, all fine (10 % «2», 5 % below the minimum) except:
 * A (ДМ-01-001) low on ВПР математика 5 and ОГЭ математика in both years → category 1;
 * B (ДМ-02-001) low on ВПР русский язык 6 and ОГЭ русский язык in both years → category 1;
 * C (ДМ-03-001) low on ВПР математика 6 in both years → category 2;
 * D (ДМ-04-001) low on two procedures in 2019 only → not listed («in each of 2019 and 2021»).
 */
const low: Record<string, Record<number, string[]>> = {
  'ДМ-01-001': { 2019: ['ВПР|математика|5', 'ОГЭ|математика'], 2021: ['ВПР|математика|5', 'ОГЭ|математика'] },
  'ДМ-02-001': {
    2019: ['ВПР|русский язык|6', 'ОГЭ|русский язык'],
    2021: ['ВПР|русский язык|6', 'ОГЭ|русский язык'],
  },
  'ДМ-03-001': { 2019: ['ВПР|математика|6'], 2021: ['ВПР|математика|6'] },
  'ДМ-04-001': { 2019: ['ВПР|математика|5', 'ОГЭ|русский язык'], 2021: [] },
};
const isLow = (code: string, year: number, key: string) => low[code]?.[year]?.includes(key) ?? false;

function resultFiles(codes: readonly string[]) {
  const vpr = ['year,school_code,subject,grade,participants,n2,n3,n4,n5'];
  const gia = ['year,school_code,exam,subject,participants,below_min'];
  const journal = ['year,school_code,subject,grade,participants,lowered,confirmed,raised'];
  for (const year of years)
    for (const code of codes) {
      for (const subject of ['русский язык', 'математика'])
        for (const grade of [5, 6]) {
          // 20 participants: 8 «2» (40 %) when low, 2 (10 %) otherwise.
          const marks = isLow(code, year, `ВПР|${subject}|${grade}`) ? '8,6,4,2' : '2,8,6,4';
          vpr.push(`${year},${code},${subject},${grade},20,${marks}`);
        }
      for (const subject of ['русский язык', 'математика'])
        gia.push(`${year},${code},ОГЭ,${subject},20,${isLow(code, year, `ОГЭ|${subject}`) ? 7 : 1}`);
      journal.push(`${year},${code},математика,5,20,1,18,1`);
    }
  return { vpr: vpr.join('\n'), gia: gia.join('\n'), journal: journal.join('\n') };
}

describe.runIf(browserAvailable())('identification of low-results schools in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'opora-e2e-results-'));
    if (shotsDir) mkdirSync(shotsDir, { recursive: true });
    server = await startRealServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const logIn = (login: string): Promise<Page> => logInAs(browser, server, login, { width: 1440, height: 900 });

  const shot = async (page: Page, name: string) => {
    if (shotsDir) await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
  };
  const text = async (page: Page, testId: string) =>
    (await page.getByTestId(testId).innerText()).replace(/\u00a0/g, ' ');

  let listUrl = '';

  it('loads three results files, runs kuzbass-2021, explains a school and approves list № 1', async () => {
    const page = await logIn('region');
    const codes = await page.evaluate(async () => {
      const body = await (await fetch('/api/organisations?kind=school&pageSize=500')).json();
      return (body.items as { code: string }[]).map((o) => o.code).sort();
    });
    expect(codes).toHaveLength(40);
    const files = resultFiles(codes);

    await page.getByRole('link', { name: 'Выявление ШНОР' }).click();
    await page.getByTestId('results-summary').waitFor();
    await shot(page, 'e2e-1-overview');

    const uploads = [
      ['vpr', 'ВПР', 'Файл: Результаты ВПР', 320],
      ['gia', 'ОГЭ и ЕГЭ', 'Файл: Результаты ГИА (ОГЭ, ЕГЭ)', 160],
      ['journal', 'ВПР и журнал', 'Файл: Сопоставление отметок ВПР и журнала', 80],
    ] as const;
    for (const [kind, tab, label, records] of uploads) {
      const file = path.join(dir, `${kind}.csv`);
      writeFileSync(file, files[kind]);
      await page.getByRole('tab', { name: tab, exact: true }).click();
      const panel = page.getByRole('tabpanel', { name: tab, exact: true });
      await panel.getByLabel(label).setInputFiles(file);
      await panel.getByRole('button', { name: 'Проверить' }).click();
      const report = panel.getByTestId('results-report');
      await report.waitFor();
      const checked = (await report.innerText()).replace(/\u00a0/g, ' ');
      expect(checked).toContain('Ошибок не найдено');
      expect(checked).toContain(`Записей результатов\n${records}`);
      expect(checked).toContain('2019, 2021 гг.');
      await expect.poll(() => panel.getByTestId('results-mapping').locator('tbody tr').count()).toBeGreaterThan(5);
      if (kind === 'vpr') await shot(page, 'e2e-2-check');
      await panel.getByRole('button', { name: 'Загрузить' }).click();
      const loaded = panel.getByTestId('results-loaded');
      await loaded.waitFor();
      expect((await loaded.innerText()).replace(/\u00a0/g, ' ')).toContain(`Сохранено записей: ${records}`);
    }
    await expect.poll(() => text(page, 'results-summary')).toContain('vpr.csv');

    // A new run of the seed-000 methodology for 2021, the latest year.
    await page.getByRole('combobox', { name: 'Методика' }).click();
    await page.getByRole('option', { name: /^Кузбасс, 2021/ }).click();
    expect(await page.getByRole('combobox', { name: 'Год расчёта (Y)' }).inputValue()).toBe('2021');
    await page.getByRole('button', { name: 'Выполнить расчёт' }).click();
    await page.waitForURL(/\/identification\/runs\/[0-9a-f-]{36}$/);

    expect(await text(page, 'total-listed')).toContain('3 из 40 школ');
    await page.getByTestId('municipality-chart').locator('canvas').waitFor();
    const table = page.getByTestId('run-schools');
    await page.getByText('Включены', { exact: true }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    const rows = (await table.locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    // Listed first by category, then by municipality name (Берёзовский before Городской округ …).
    expect(rows.map((r) => [r.match(/ДМ-\d\d-\d{3}/)?.[0], r.match(/Категория \d/)?.[0]])).toEqual([
      ['ДМ-02-001', 'Категория 1'],
      ['ДМ-01-001', 'Категория 1'],
      ['ДМ-03-001', 'Категория 2'],
    ]);
    await shot(page, 'e2e-3-run');

    // The explanation of school A: its rule and each low result with its numbers.
    await table
      .locator('tr', { hasText: 'ДМ-01-001' })
      .getByRole('button', { name: /^Объяснение/ })
      .click();
    const explanation = page.getByTestId('school-explanation');
    await explanation.waitFor();
    const explained = (await explanation.innerText()).replace(/\u00a0/g, ' ');
    expect(explained).toContain('Категория 1');
    expect(explained).toContain(
      'ВПР математика 5 кл., 2019: «2» получили 8 из 20 участников — 40 % (порог: не менее 30 %).',
    );
    expect(explained).toContain(
      'ОГЭ математика, 2021: не преодолели минимальный порог 7 из 20 участников — 35 % (порог: не менее 30 %).',
    );
    expect(await page.getByTestId('evidence-table').locator('td[data-low]').count()).toBe(4);
    await shot(page, 'e2e-4-explanation');
    await page.keyboard.press('Escape');
    await explanation.waitFor({ state: 'hidden' });

    // Approval with the order's number and date.
    await page.getByRole('button', { name: 'Утвердить перечень' }).click();
    const dialog = page.getByRole('dialog', { name: 'Утверждение перечня' });
    expect(await dialog.getByLabel('Название перечня').inputValue()).toContain('низкими образовательными');
    await dialog.getByLabel('Номер приказа').fill('3872');
    await dialog.getByLabel('Дата приказа').fill('30.12.2021');
    await shot(page, 'e2e-5-approve');
    await dialog.getByRole('button', { name: 'Утвердить' }).click();
    await page.waitForURL(/\/identification\/lists\/[0-9a-f-]{36}$/);
    listUrl = page.url();
    await page.getByRole('heading', { name: 'Перечень № 1' }).waitFor();
    await page.getByTestId('list-members').waitFor();
    expect(await page.getByTestId('list-members').locator('tbody tr').count()).toBe(3);
    const details = await page.locator('main').innerText();
    expect(details).toContain('№ 3872 от 30.12.2021');
    await shot(page, 'e2e-6-list');

    await page.getByRole('link', { name: 'К списку перечней' }).click();
    const lists = page.getByTestId('school-lists-table');
    await lists.locator('tbody tr').first().waitFor();
    expect((await lists.locator('tbody tr').allInnerTexts()).join(' ')).toMatch(/^1\s/);
    await page.close();
  }, 180_000);

  it('shows a municipal coordinator only its own schools of the list', async () => {
    const page = await logIn('municipality');
    await page.getByRole('link', { name: 'Выявление ШНОР' }).click();
    // Runs and results are the region's: the section opens on the approved lists.
    await page.waitForURL(/\/identification\/lists$/);
    await page.getByTestId('school-lists-table').getByRole('link').first().click();
    await page.waitForURL(listUrl);
    await page.getByTestId('list-members').waitFor();
    const rows = await page.getByTestId('list-members').locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('ДМ-01-001');
    await shot(page, 'e2e-7-municipality');
    await page.close();
  }, 60_000);
});
