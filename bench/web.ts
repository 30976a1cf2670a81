// bench/web: the web UI on the national dataset, in headless Chromium (Debian's `chromium`) against the real
// server on 127.0.0.1 — the JavaScript a first visit downloads (compressed bytes on the wire, as Chromium
// counts them), and the time from opening a page to its rows on screen for the regional coordinator of the
// largest region: «Мониторинг» (every programme of the region) and the regional roadmap's dashboard. The
// baseline of a page is the API request behind it, made from the same browser: what the page adds to its data.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildServer } from '../server/app.ts';
import type { Database } from '../storage/database.ts';
import { chromiumPath, launchBrowser } from '../test/e2e/browser.ts';
import type { BenchRow } from './measure.ts';
import type { Nation } from './national.ts';

const webDir = path.resolve(import.meta.dirname, '..', 'dist', 'web');
const RUNS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Compressed bytes of the scripts and style sheets a first visit to the sign-in page downloads. */
async function firstLoadBytes(browser: Browser, url: string): Promise<{ js: number; css: number; files: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sizes: Promise<{ type: string; bytes: number }>[] = [];
  page.on('requestfinished', (request) => {
    const type = request.resourceType();
    if (type === 'script' || type === 'stylesheet')
      sizes.push(request.sizes().then((s) => ({ type, bytes: s.responseBodySize })));
  });
  await page.goto(`${url}/login`, { waitUntil: 'networkidle' });
  const all = await Promise.all(sizes);
  await context.close();
  const sum = (type: string) => all.filter((s) => s.type === type).reduce((n, s) => n + s.bytes, 0);
  return { js: sum('script'), css: sum('stylesheet'), files: all.length };
}

async function signIn(browser: Browser, url: string, login: string, password: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${url}/login`);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('territory-name').waitFor();
  return page;
}

/** From navigation to the page's rows on screen, median of runs after a warm-up (scripts cached, as in use). */
async function renderTime(page: Page, url: string, shown: (page: Page) => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    await page.goto(url);
    await shown(page);
    if (i > 0) times.push(performance.now() - t0);
  }
  return median(times);
}

async function apiTime(page: Page, api: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const ms = await page.evaluate(async (u) => {
      const t0 = performance.now();
      const res = await fetch(u);
      await res.json();
      return performance.now() - t0;
    }, api);
    if (i > 0) times.push(ms);
  }
  return median(times);
}

export async function benchWeb(d: Database, nation: Nation, engine: 'PGlite' | 'PostgreSQL'): Promise<BenchRow[]> {
  if (!chromiumPath) {
    console.warn('bench/web пропущен: Chromium не найден (apt-get install chromium).');
    return [];
  }
  const app = await buildServer(d, {
    secure: false,
    sessionHours: 8,
    uploadLimitMb: 20,
    trustProxy: false,
    webDir,
    logLevel: 'silent',
    version: 'bench',
    loginRateLimit: 1000,
    now: () => new Date(`${nation.today}T09:00:00Z`),
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser();
  try {
    const rows: BenchRow[] = [];
    const bytes = await firstLoadBytes(browser, url);
    rows.push({
      operation: `Веб-интерфейс: JavaScript при первом входе, сжатый (файлов JS и CSS: ${bytes.files}; CSS ещё ${(bytes.css / 1024).toFixed(0)} КБ)`,
      ours: bytes.js / 1024,
      baselineName: '—',
      baseline: null,
      target: '≤ 300 КБ',
      met: bytes.js / 1024 <= 300,
      unit: 'КБ',
    });
    const region = nation.largest;
    const page = await signIn(browser, url, region.coordinator, nation.password);
    const pages = [
      {
        label: '«Мониторинг»',
        path: '/dashboard',
        api: '/api/dashboard',
        shown: (p: Page) => p.getByTestId('dashboard-programme').first().waitFor(),
      },
      {
        label: 'панель региональной дорожной карты',
        path: `/programmes/${region.programmeId}/dashboard`,
        api: `/api/programmes/${region.programmeId}/dashboard`,
        shown: (p: Page) => p.getByTestId('dashboard-territories').locator('tbody tr').first().waitFor(),
      },
    ];
    for (const p of pages) {
      const render = await renderTime(page, `${url}${p.path}`, p.shown);
      const api = await apiTime(page, p.api);
      rows.push({
        operation: `Страница ${p.label} крупнейшего региона в Chromium: от перехода до строк на экране (${engine})`,
        ours: render,
        baselineName: 'запрос данных страницы из того же браузера',
        baseline: api,
        target: '≤ 1 500 мс',
        met: render <= 1500,
      });
    }
    return rows;
  } finally {
    await browser.close();
    await app.close();
  }
}
