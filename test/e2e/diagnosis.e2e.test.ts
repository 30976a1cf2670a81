// Journey (diagnosis, issue 7): the regional coordinator opens a questionnaire campaign for the demo school in the
// browser; its director and two teachers answer on the public page by the school's code, without accounts — each
// reloads once mid-way and finds the answers kept — and submit; the school opens its risk profile and reads levels
// whose explanations follow from those answers, picks two risks and measures from the region's library, and the
// measures appear as activities on its roadmap's execution page and on the programme's dashboard.
// Screenshots go to OPORA_UI_SHOTS when it is set.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, logIn as logInAs, type RunningServer, startRealServer } from './browser.ts';

const shotsDir = process.env.OPORA_UI_SHOTS;
const demoSchool = 'МБОУ СОШ № 1 (г. Светлогорск-на-Ладе)';
const campaignTitle = 'Рисковые профили: сценарий проверки';
const equipment = 'Низкий уровень оснащения школы';
const competence = 'Недостаточная предметная и методическая компетентность педагогических работников';
const inventory = 'Инвентаризация оборудования и план его обновления с источниками финансирования';
const courses = 'Курсы повышения квалификации учителей русского языка и математики по выявленным дефицитам';

/** Yesterday as ДД.ММ.ГГГГ: the campaign is open whatever the region's time zone. */
function yesterday(): string {
  const d = new Date(Date.now() - 24 * 3600_000);
  return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
}

describe.runIf(browserAvailable())(
  'diagnosis in the browser: questionnaires, risk profile, anti-risk programme',
  () => {
    let server: RunningServer;
    let browser: Browser;
    let code = '';
    let programmeId = '';

    beforeAll(async () => {
      server = await startRealServer();
      browser = await launchBrowser();
      if (shotsDir) mkdirSync(shotsDir, { recursive: true });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });
    const logIn = (login: string): Promise<Page> => logInAs(browser, server, login);
    const shot = async (page: Page, name: string) => {
      if (shotsDir) await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
    };

    it('the region opens a campaign for the demo school', async () => {
      const page = await logIn('region');
      await page.getByRole('link', { name: 'Диагностика' }).click();
      await page.getByTestId('campaign-create').click();
      const form = page.getByRole('dialog', { name: 'Новая кампания анкетирования' });
      await form.getByLabel('Название кампании').fill(campaignTitle);
      await form.getByLabel('Открывается').fill(yesterday());
      await form.getByText('Выбрать школы', { exact: true }).click();
      const schools = form.getByPlaceholder('Начните вводить наименование или код школы');
      await schools.fill('Светлогорск');
      await page.getByRole('option', { name: new RegExp(demoSchool.replace(/[()]/g, '\\$&')) }).click();
      await page.keyboard.press('Escape');
      await form.getByTestId('campaign-create-submit').click();
      await page.waitForURL(/\/diagnosis\/campaigns\//);
      await page.getByRole('heading', { name: campaignTitle }).waitFor();
      expect(await page.getByText('идёт', { exact: true }).count()).toBeGreaterThan(0);
      const row = page
        .getByTestId('campaign-schools')
        .getByRole('row', { name: new RegExp(demoSchool.replace(/[()]/g, '\\$&')) });
      code = (await row.getByTestId('school-access-code').innerText()).trim();
      expect(code).toMatch(/^[A-Z0-9]{10}$/);
      await shot(page, 'diagnosis-campaign');
      await page.close();
    }, 60_000);

    /** A respondent without an account: a fresh browser context, the public page, the school's code. */
    async function respondent(group: 'Руководитель школы' | 'Учитель') {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/survey`);
      await page.getByLabel('Код школы').fill(code.toLowerCase());
      await page.getByRole('button', { name: 'Открыть анкету' }).click();
      await page.getByRole('heading', { name: campaignTitle }).waitFor();
      await page.getByRole('button', { name: new RegExp(`^${group}`) }).click();
      return { page, close: () => context.close() };
    }
    const question = (page: Page, key: string) => page.getByTestId(`question-${key}`);
    const choose = (page: Page, key: string, option: string) =>
      question(page, key).getByRole('radio', { name: option, exact: true }).check();
    const tick = (page: Page, key: string, option: string) =>
      question(page, key).getByRole('checkbox', { name: option, exact: true }).check();
    const saved = (page: Page) =>
      page
        .getByTestId('survey-save-status')
        .getByText(/^Сохранено в \d\d:\d\d$/)
        .waitFor();
    const submit = async (page: Page) => {
      await page.getByRole('button', { name: 'Отправить анкету' }).click();
      await page.getByTestId('survey-submit-confirm').click();
      await page.getByTestId('survey-thanks').waitFor();
    };
    /** Reloads mid-way and checks that the answers given so far are back (from the browser and the server). */
    const reloadKeeps = async (page: Page, answered: [string, string][]) => {
      await saved(page);
      await page.reload();
      await question(page, answered[0]![0]).waitFor();
      for (const [key, option] of answered)
        expect(await question(page, key).getByRole('radio', { name: option, exact: true }).isChecked()).toBe(true);
      await saved(page);
    };

    it('the director and two teachers answer on the public page by the code, reload mid-way and submit', async () => {
      const director = await respondent('Руководитель школы');
      await choose(director.page, 'd-internet', 'Нет');
      await choose(director.page, 'd-computers', 'Нет');
      await reloadKeeps(director.page, [
        ['d-internet', 'Нет'],
        ['d-computers', 'Нет'],
      ]);
      await choose(director.page, 'd-lab', 'Нет');
      await question(director.page, 'd-vacancies').getByRole('textbox').fill('0');
      await saved(director.page);
      await shot(director.page, 'diagnosis-survey-director');
      await submit(director.page);
      await director.close();

      const first = await respondent('Учитель');
      await choose(first.page, 't-difficulty-subject', 'Часто');
      await choose(first.page, 't-assessment', 'Нет');
      await reloadKeeps(first.page, [
        ['t-difficulty-subject', 'Часто'],
        ['t-assessment', 'Нет'],
      ]);
      await tick(first.page, 't-equipment', 'Интернета');
      await tick(first.page, 't-equipment', 'Учебников и пособий');
      await saved(first.page);
      await submit(first.page);
      await first.close();

      const second = await respondent('Учитель');
      await choose(second.page, 't-difficulty-subject', 'Иногда');
      await reloadKeeps(second.page, [['t-difficulty-subject', 'Иногда']]);
      await choose(second.page, 't-assessment', 'Частично');
      await tick(second.page, 't-equipment', 'Интернета');
      await tick(second.page, 't-equipment', 'Проектора или интерактивной доски');
      await tick(second.page, 't-equipment', 'Лабораторного оборудования');
      await saved(second.page);
      await submit(second.page);
      await second.close();

      const region = await logIn('region');
      await region.getByRole('link', { name: 'Диагностика' }).click();
      await region.getByRole('link', { name: campaignTitle }).click();
      const row = region
        .getByTestId('campaign-schools')
        .getByRole('row', { name: new RegExp(demoSchool.replace(/[()]/g, '\\$&')) });
      await expect.poll(async () => (await row.getByRole('cell').nth(1).innerText()).trim()).toBe('1');
      expect((await row.getByRole('cell').nth(2).innerText()).trim()).toBe('2');
      await region.close();
    }, 120_000);

    it('the school sees levels with explanations that follow from the answers', async () => {
      const page = await logIn('school');
      const me = (await page.evaluate(async () => (await fetch('/api/auth/me')).json())) as { organisationId: string };
      await page.goto(`${server.url}/organisations/${me.organisationId}`);
      await page.getByRole('link', { name: 'Рисковый профиль, SWOT и антирисковая программа' }).click();
      // The first visit loads the profile's screen and chart; CI runs it beside the crash and fuzz suites.
      await page.getByTestId('risk-factors').waitFor({ timeout: 55_000 });
      await page.getByTestId('risk-profile-chart').waitFor({ timeout: 55_000 });
      expect(await page.getByTestId('profile-respondents').innerText()).toContain('руководитель — 1, учителя — 2');
      const table = page.getByTestId('risk-factors');
      const equipmentRow = table.getByRole('row', { name: new RegExp(`^${equipment}`) });
      expect(await equipmentRow.innerText()).toMatch(/высокий\s+92,2/);
      // Director: no internet, no computers, no lab equipment (100, 100, 80 → 93,3); teachers: 40 + 40 and
      // 40 + 30 + 30 of missing equipment (80 and 100 → 90); weights 2 and 1 → 92,2, above the high threshold 60.
      await page.getByRole('button', { name: `Почему такой уровень: ${equipment}` }).click();
      expect(await page.getByTestId('explanation-equipment').innerText()).toContain(
        `«${equipment}»: 92,2 из 100 — высокий риск (высокий — от 60, средний — от 35). Показатели: «Оснащённость по оценке руководителя» — 93,3 (вес 2); «Нехватка оборудования по оценке учителей» — 90 (вес 1).`,
      );
      // Teachers: «часто» and «иногда» have difficulties (100, 50), cannot or partly can set criteria (100, 50).
      await page.getByRole('button', { name: `Почему такой уровень: ${competence}` }).click();
      const why = await page.getByTestId('explanation-competence').innerText();
      expect(why).toContain(
        `«${competence}»: 75 из 100 — высокий риск (высокий — от 60, средний — от 35). Показатели: «Затруднения учителей в предмете и оценивании» — 75.`,
      );
      expect(why).toMatch(
        /Испытываете ли вы затруднения в преподавании отдельных тем предмета\?\s+1\s+75\s+2 человека/,
      );
      // Nobody answered on parents: no data, not a level.
      expect(await table.getByRole('row', { name: /^Низкий уровень вовлеченности родителей/ }).innerText()).toContain(
        'нет данных',
      );
      await shot(page, 'diagnosis-profile');
      await page.close();
    }, 60_000);

    it('the school picks two risks and measures; they appear on the roadmap execution page and dashboard', async () => {
      const page = await logIn('school');
      const me = (await page.evaluate(async () => (await fetch('/api/auth/me')).json())) as { organisationId: string };
      await page.goto(`${server.url}/organisations/${me.organisationId}/risk-profile`);
      await page.getByRole('tab', { name: 'Антирисковая программа' }).click();
      await page.getByTestId('risk-option-equipment').getByRole('checkbox', { name: equipment }).check();
      await page.getByTestId('risk-option-competence').getByRole('checkbox', { name: competence }).check();
      await page.getByRole('checkbox', { name: new RegExp(`^${inventory}`) }).check();
      await page.getByRole('checkbox', { name: new RegExp(`^${courses}`) }).check();
      await page.getByTestId('anti-risk-include').click();
      const chosen = page.getByTestId('anti-risk-programme');
      await chosen.waitFor();
      expect(await chosen.innerText()).toMatch(new RegExp(`${equipment}[\\s\\S]*${inventory}`));
      expect(await chosen.innerText()).toMatch(new RegExp(`${competence}[\\s\\S]*${courses}`));
      await shot(page, 'diagnosis-anti-risk');

      await chosen.getByRole('link', { name: 'Исполнение мероприятий' }).click();
      await page.waitForURL(/\/programmes\/[^/]+\/execution/);
      programmeId = page.url().split('/programmes/')[1]!.split('/')[0]!;
      await page.getByRole('heading', { name: `1. Антирисковая программа: ${equipment}` }).waitFor();
      await page.getByRole('heading', { name: `2. Антирисковая программа: ${competence}` }).waitFor();
      await page.getByText(inventory, { exact: true }).waitFor();
      await page.getByText(courses, { exact: true }).waitFor();
      await shot(page, 'diagnosis-execution');

      await page.goto(`${server.url}/organisations/${me.organisationId}/risk-profile?tab=anti-risk`);
      await page.getByTestId('anti-risk-programme').getByRole('link', { name: 'Дашборд программы' }).click();
      await page.waitForURL(new RegExp(`/programmes/${programmeId}/dashboard`));
      const rows = page.getByTestId('timeline-row');
      await rows.first().waitFor();
      const labels = await rows.evaluateAll((els) => els.map((e) => e.querySelector('[title]')?.getAttribute('title')));
      expect(labels).toEqual([`1.1. ${inventory}`, `2.1. ${courses}`]);
      await shot(page, 'diagnosis-dashboard');
      await page.close();
    }, 60_000);
  },
);
