// Journey (issue 4): a regional coordinator uploads seed 004 as a DOCX made by our own export, previews it,
// saves it, edits an activity's deadline and sees the new reading — in the real UI, in Chromium.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeProgrammeDocx } from '../../adapters/docx/write-programme.ts';
import { readTxt } from '../../adapters/txt/read-txt.ts';
import { readProgramme } from '../../domain/programme/read-programme.ts';
import { seedFile, seedsPresent } from '../seeds/seed-files.ts';
import { browserAvailable, launchBrowser, logIn, type RunningServer, startRealServer } from './browser.ts';

describe.runIf(seedsPresent && browserAvailable())('a programme from a Word document', () => {
  let server: RunningServer;
  let browser: Browser;
  let dir: string;
  let docxPath: string;

  beforeAll(async () => {
    const seed = seedFile('004');
    dir = mkdtempSync(path.join(tmpdir(), 'opora-e2e-docx-'));
    docxPath = path.join(dir, 'план-график-2023.docx');
    writeFileSync(docxPath, await writeProgrammeDocx(readProgramme(readTxt(seed.text, seed.name))));
    server = await startRealServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('uploads, previews, saves, edits a deadline and shows the new reading', async () => {
    const page = await logIn(browser, server, 'region');

    await page.goto(`${server.url}/programmes/import`);
    await page.getByLabel('Документ программы').setInputFiles(docxPath);
    await page.getByRole('button', { name: 'Прочитать' }).click();
    // The preview: 32 actions, the three warnings on actions 30–32 dated 2022.
    const warnings = page.getByTestId('import-warnings');
    await warnings.waitFor();
    expect(await warnings.innerText()).toContain('01.03-30.12.2022');
    expect(await page.getByTestId('import-summary').innerText()).toMatch(/32/);
    await page.getByRole('button', { name: 'Сохранить программу' }).click();

    // The programme card: the saved activities, then an edit of action 1's deadline.
    await page.waitForURL(/\/programmes\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: /Изменить мероприятие 1\.?$/ }).click();
    const deadline = page.getByLabel('Срок', { exact: true });
    await deadline.fill('До 20.02.2023');
    const reading = page.getByTestId('deadline-reading');
    await expect.poll(() => reading.innerText()).toContain('20.02.2023');
    await deadline.fill('Ежеквартально');
    await expect.poll(() => reading.innerText()).toMatch(/регулярно/i);
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();

    // Saved on the server: the API gives the activity its new wording and a recurring reading.
    const saved = await page.evaluate(async () => {
      const id = location.pathname.split('/').pop();
      const p = await (await fetch(`/api/programmes/${id}`)).json();
      const a = p.sections[0].activities[0];
      return {
        text: a.deadlineText,
        kind: a.deadline.kind,
        windows: a.deadline.windows.length,
        total: p.sections.reduce((n: number, s: { activities: unknown[] }) => n + s.activities.length, 0),
      };
    });
    expect(saved).toEqual({ text: 'Ежеквартально', kind: 'recurring', windows: 4, total: 32 });
    await page.close();
  }, 120_000);
});
