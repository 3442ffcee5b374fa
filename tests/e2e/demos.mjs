// The example host pages (examples/), served by demo-server.mjs exactly as people try
// them: pages on one origin with the build under /docs/reader/, the build again on a second
// origin with CORS, and strict-csp.html sent with a strict Content-Security-Policy header.
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { dist, launch, repo, shot, shots, watchedPage } from './harness.mjs';

export async function startDemos() {
  await mkdir(shots, { recursive: true });
  const server = spawn(process.execPath, [join(repo, 'tests', 'e2e', 'demo-server.mjs'), '--dist', dist], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve, reject) => {
    server.on('exit', (code) => reject(new Error(`demo-server.mjs exited with ${code}`)));
    createInterface({ input: server.stdout }).once('line', resolve);
  });
  const urls = JSON.parse(line);
  const browser = await launch();
  return {
    ...urls,
    /** A watched page at `path` on the pages origin (waits for the load event only);
     *  `init` runs in it before any of the page's own scripts, `prepare` (given the page)
     *  before it is opened. */
    async page(path, { init, prepare, ...options } = {}) {
      const page = await watchedPage(browser, options);
      if (init) await page.context().addInitScript(init);
      if (prepare) await prepare(page);
      page.response = await page.goto(urls.pages + path);
      return page;
    },
    browser,
    shot,
    async stop() {
      await browser.close();
      server.kill();
    },
  };
}
