// Launching Debian's Chromium for the journeys, and a real Опора server process to drive.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../services/demo.ts';

export const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? null;

/** Journeys skip with a message where no browser is installed; CI (OPORA_REQUIRE_BROWSER=1) must have one. */
export function browserAvailable(): boolean {
  if (chromiumPath) return true;
  if (process.env.OPORA_REQUIRE_BROWSER === '1')
    throw new Error('Chromium не найден: установите пакет Debian chromium.');
  console.warn('Браузерные сценарии пропущены: Chromium не найден (apt-get install chromium).');
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath!,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface RunningServer {
  url: string;
  /** The data folder the server runs on (its PGlite database lives in `pglite/` inside). */
  dataDir: string;
  output: () => string;
  /** SIGTERM and wait; a fresh data folder is removed, a given one is kept. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a power cut or the OOM killer would end it; the data folder stays for a restart. */
  kill(): Promise<void>;
}

export interface RealServerOptions {
  /**
   * Run on this data folder instead of a fresh one (a restart, or a first start the caller cleans up): it is
   * kept on stop, and start-up is awaited by the server's «работает» line, since a demo region made before is
   * not announced again.
   */
  dataDir?: string;
  /** false: return as soon as the process is spawned (to kill it while it starts); true by default. */
  waitUntilReady?: boolean;
}

const root = path.resolve(import.meta.dirname, '..', '..');

/**
 * Starts `opora serve` on a free port with a fresh data folder (demo region on) and waits for it. `env` is
 * added to the server's environment (DATABASE_URL to run on PostgreSQL instead of PGlite).
 */
export async function startRealServer(
  env: Record<string, string> = {},
  options: RealServerOptions = {},
): Promise<RunningServer> {
  if (!existsSync(path.join(root, 'dist', 'web', 'index.html')))
    throw new Error('Веб-интерфейс не собран: выполните npm run build:web (npm test делает это сам).');
  const ownFolder = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'opora-e2e-'));
  const readyLine = ownFolder ? 'Пароль' : 'работает';
  const port = 20000 + Math.floor(Math.random() * 20000);
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'bin', 'opora.js'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      OPORA_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      OPORA_LOG_LEVEL: 'warn',
      OPORA_DEMO: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b) => {
    out += b;
  });
  child.stderr?.on('data', (b) => {
    out += b;
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (options.waitUntilReady !== false) {
    if (ended()) throw new Error(`Сервер завершился: ${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Сервер не запустился за 60 с: ${out}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok && out.includes(readyLine)) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    output: () => out,
    async stop() {
      if (!ended()) child.kill('SIGTERM');
      await exited;
      if (ownFolder) rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      if (!ended()) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A new page signed in as one of the demo accounts, waiting until the layout shows the account's territory. */
export async function logIn(
  browser: Browser,
  server: RunningServer,
  login: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await browser.newPage(viewport ? { viewport } : {});
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('territory-name').waitFor();
  return page;
}
