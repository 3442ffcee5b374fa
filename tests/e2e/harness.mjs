// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core, the
// release build served from 127.0.0.1, screenshots under target/screenshots/.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dist = join(repo, 'dist');
const shots = join(repo, 'target', 'screenshots');

export const WIDE = { width: 1440, height: 900 };
export const NARROW = { width: 360, height: 800 };

export async function start() {
  await mkdir(shots, { recursive: true });
  const server = await serve(dist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    url: server.url,
    /** A fresh page that records console errors and uncaught exceptions. */
    async page({ viewport = WIDE, colorScheme = 'light', hash = '' } = {}) {
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      page.problems = [];
      page.on('pageerror', (e) => page.problems.push(`uncaught: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
      await page.goto(server.url + hash);
      await page.getByTestId('reader').waitFor();
      return page;
    },
    shot: (page, name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: false }),
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}
