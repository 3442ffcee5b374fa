// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core, the
// release build served from 127.0.0.1, screenshots under target/screenshots/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dist = join(repo, 'dist');
export const shots = join(repo, 'target', 'screenshots');

export const WIDE = { width: 1440, height: 900 };
export const NARROW = { width: 360, height: 800 };

// Features Playwright (1.65, pinned by package-lock.json) disables itself: Chromium reads only
// the last --disable-features it is given, so the list below repeats them.
const PLAYWRIGHT_DISABLED = ['AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying',
  'AimEnabled', 'PreconnectToSearch'];
// Debian's Chromium runs headless as the whole browser (Playwright's own headless shell has no
// browser UI), and each new window starts two renderers for its address bar's popups. Each test
// and each cold load of a benchmark opens a window, so they loaded beside the page, on the same
// two cores: in a traced first view they took more CPU than the page's own main thread.
const BROWSER_UI_OFF = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      `--disable-features=${[...PLAYWRIGHT_DISABLED, ...BROWSER_UI_OFF].join(',')}`],
  });
}

/** A fresh page in its own context that records console errors, uncaught exceptions and
 *  Content-Security-Policy violations in `page.problems`. */
export async function watchedPage(browser, { viewport = WIDE, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, acceptDownloads: true });
  // Injected by the browser, not the page, so it runs under any CSP.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`uncaught: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  return page;
}

/** Run the `lectern` CLI from the repository (as `cargo run` does); gives what it printed. */
export function lectern(...args) {
  return execFileSync('cargo', ['run', '-q', '--bin', 'lectern', '--', ...args], { cwd: repo, stdio: 'pipe' });
}

/** A fresh folder of articles for the CLI: the two seeds and `harbour.md` with `harbour`. */
export function articlesFolder(prefix, harbour) {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  for (const name of ['000_2458af4d1454103a.txt', '001_8e444e78868fc76e.txt']) {
    writeFileSync(join(folder, name), readFileSync(join(repo, 'articles', name)));
  }
  writeFileSync(join(folder, 'harbour.md'), harbour);
  return folder;
}

/** A page of a demo server that fails the test if anything it shows ever runs as script
 *  (`page.problems` gets the dialog), and notes every request it or a worker it started makes. */
export async function guardedPage(demos, path, options) {
  const page = await demos.page(path, options);
  page.on('dialog', (d) => { page.problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.requested = [];
  page.on('request', (r) => page.requested.push(r.url()));
  return page;
}

/** What a hostile article would have set, had any of its script run. */
export const pwned = (page) => page.evaluate(() => window.pwned ?? null);

export const shot = (page, name, fullPage = false) => page.screenshot({ path: join(shots, `${name}.png`), fullPage });

export async function start() {
  await mkdir(shots, { recursive: true });
  const server = await serve(dist);
  const browser = await launch();
  return {
    url: server.url,
    /** A fresh page on the standalone site (`search` and `hash` added to its URL), once its
     *  reader shows. */
    async page({ viewport = WIDE, colorScheme = 'light', search = '', hash = '' } = {}) {
      const page = await watchedPage(browser, { viewport, colorScheme });
      await page.goto(server.url + search + hash);
      await page.getByTestId('reader').waitFor();
      return page;
    },
    shot,
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}
