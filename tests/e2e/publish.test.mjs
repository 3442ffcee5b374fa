// Publishing with the packaged CLI (target/dist/, written by `cargo xtask dist`) as a person
// would: `lectern build` of a mixed folder served by `lectern serve` and used (search, quotes,
// the map); the same site under a sub-path; the release archive unpacked into a bare folder and
// run with nothing on PATH; `lectern serve` on sources rebuilding after an edit, the open page
// reloading; and a busy port.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { readFileSync as read } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, repo, shot, watchedPage } from './harness.mjs';
import { serve } from './server.mjs';

const CLI = join(repo, 'target', 'dist', 'lectern');
const WORK = join(repo, 'target', 'e2e-publish');
const AXE = read(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LIMIT = { timeout: 120_000 };
const FIXTURES = join(repo, 'tests', 'e2e', 'fixtures', 'pages', 'folder');

let browser;
before(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  browser = await launch();
});
after(async () => { await browser?.close(); });

function lectern(args, options = {}) {
  try {
    return execFileSync(CLI, args, { stdio: 'pipe', encoding: 'utf8', ...options });
  } catch (error) {
    throw new Error(`lectern ${args.join(' ')} failed (${error.status}):\n${error.stderr}`);
  }
}

/** Text, Markdown, a web page and a feed. */
function mixedFolder() {
  const folder = join(WORK, 'mixed');
  mkdirSync(folder, { recursive: true });
  for (const name of readdirSync(join(repo, 'articles'))) copyFileSync(join(repo, 'articles', name), join(folder, name));
  for (const name of ['bridge.html', 'ledger-feed.xml']) copyFileSync(join(FIXTURES, name), join(folder, name));
  writeFileSync(join(folder, 'harbour.md'), '# Harbour Pilots Return\n\n"We are back on the water," said Ana Reyes, a harbour pilot.\n');
  return folder;
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `lectern serve ARGS`, once it says it is serving: { url, process, said }. */
async function lecternServe(args) {
  const port = await freePort();
  const child = spawn(CLI, ['serve', ...args, '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let said = '';
  const url = await new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      said += chunk;
      const found = /serving .*?(http:\/\/127\.0\.0\.1:\d+\/)/.exec(said);
      if (found) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`lectern serve exited with ${code}:\n${said}`)));
  });
  return { url, port, process: child, said: () => said, stop: () => child.kill() };
}

async function axe(page) {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  assert.deepEqual(found.map((v) => `${v.id}: ${v.help}`), [], 'accessibility problems');
}

/** Open `url`, search, open a result, the quotes panel and the map: what a reader does. */
async function useTheSite(url, name) {
  const page = await watchedPage(browser);
  const failed = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  await page.goto(url);
  await page.getByTestId('article-item').first().waitFor();
  assert.equal(await page.title(), 'Harbour & Field Reports');
  assert.equal(await page.locator('.lectern-name').innerText(), 'Harbour & Field Reports');
  assert.equal(await page.getByTestId('article-item').count() >= 5, true);
  await page.getByTestId('search').fill('harbour');
  await page.getByTestId('result').first().waitFor();
  assert.ok((await page.getByTestId('match').count()) > 0);
  await page.getByTestId('result').first().click();
  await page.getByTestId('article-body').getByTestId('match').first().waitFor();
  await page.getByTestId('search').fill('');
  await page.getByTestId('quotes-panel').getByRole('button', { name: 'All articles' }).click();
  await page.getByTestId('quotes-panel').locator('.lectern-speaker-toggle').first().waitFor();
  await page.getByRole('tab', { name: 'Topics' }).click();
  await page.getByTestId('topic-node').first().waitFor();
  const label = await page.getByTestId('topic-node').first().getAttribute('data-label');
  await page.getByTestId('topic-node').first().click();
  await page.getByTestId('filter-chip').filter({ hasText: label }).waitFor();
  await axe(page);
  await shot(page, name);
  assert.deepEqual(failed, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
}

test('lectern build of a mixed folder, served by lectern serve, is read, searched and mapped', LIMIT, async () => {
  const site = join(WORK, 'site');
  const said = lectern(['build', mixedFolder(), '-o', site, '--title', 'Harbour & Field Reports'], { stdio: 'pipe' });
  assert.equal(said, '', 'nothing on stdout');
  const server = await lecternServe([site]);
  try {
    const wasm = await fetch(new URL(readdirSync(site).find((f) => f.endsWith('_bg.wasm')), server.url), { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.equal(wasm.headers.get('content-encoding'), 'gzip');
    await useTheSite(server.url, 'publish-site');
  } finally {
    server.stop();
  }
});

test('the built site works unchanged under a sub-path, and with --base-url', LIMIT, async () => {
  const root = join(WORK, 'host');
  lectern(['build', '--quiet', mixedFolder(), '-o', join(root, 'news', 'reports'), '--title', 'Harbour & Field Reports']);
  const host = await serve(root);
  try {
    await useTheSite(`${host.url}news/reports/`, 'publish-sub-path');
  } finally {
    await host.close();
  }
  const absolute = join(WORK, 'absolute');
  const other = await serve(absolute);
  try {
    lectern(['build', '--quiet', mixedFolder(), '-o', join(absolute, 'cdn'), '--title', 'Harbour & Field Reports', '--base-url', `${other.url}cdn/`]);
    // The page alone, elsewhere, still finds its files at the base URL.
    mkdirSync(join(absolute, 'elsewhere'), { recursive: true });
    copyFileSync(join(absolute, 'cdn', 'index.html'), join(absolute, 'elsewhere', 'index.html'));
    await useTheSite(`${other.url}elsewhere/`, 'publish-base-url');
  } finally {
    await other.close();
  }
});

test('the release archive works from a bare folder with nothing on PATH', LIMIT, async () => {
  const archive = readdirSync(join(repo, 'target', 'dist')).find((f) => /^lectern-.*\.tar\.gz$/.test(f));
  assert.ok(archive, 'cargo xtask dist wrote the archive');
  const bare = mkdtempSync(join(tmpdir(), 'lectern-bare-'));
  execFileSync('tar', ['-xzf', join(repo, 'target', 'dist', archive), '-C', bare]);
  const folder = join(bare, archive.replace(/\.tar\.gz$/, ''));
  assert.deepEqual(readdirSync(folder).sort(), ['README.md', 'lectern']);
  const sources = mixedFolder();
  const env = { PATH: '', HOME: bare };
  execFileSync(join(folder, 'lectern'), ['build', sources, '-o', 'site', '--title', 'Harbour & Field Reports'], { cwd: bare, env, stdio: 'pipe' });
  const host = await serve(join(bare, 'site'));
  try {
    await useTheSite(host.url, 'publish-bare');
  } finally {
    await host.close();
    rmSync(bare, { recursive: true, force: true });
  }
});

test('lectern serve rebuilds after a source changes, and the open page shows the change', LIMIT, async () => {
  const sources = join(WORK, 'watched');
  mkdirSync(sources, { recursive: true });
  for (const name of readdirSync(join(repo, 'articles'))) copyFileSync(join(repo, 'articles', name), join(sources, name));
  writeFileSync(join(sources, 'harbour.md'), '# Harbour Pilots Return\n\nThe pilots went back to work on Monday.\n');
  const server = await lecternServe([sources, '--title', 'Watched']);
  const page = await watchedPage(browser);
  try {
    await page.goto(server.url);
    const titles = page.getByTestId('article-item');
    await titles.filter({ hasText: 'Harbour Pilots Return' }).waitFor();
    writeFileSync(join(sources, 'harbour.md'), '# Harbour Pilots Strike Again\n\nThe pilots stopped work on Friday.\n');
    // No reload by the test: the page reloads itself when the rebuild is done.
    await titles.filter({ hasText: 'Harbour Pilots Strike Again' }).waitFor({ timeout: 30_000 });
    assert.equal(await titles.filter({ hasText: 'Harbour Pilots Return' }).count(), 0);
    assert.match(server.said(), /built 3 articles \(1 read again\)/);
    await shot(page, 'publish-serve-rebuilt');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
    server.stop();
  }
});

test('lectern serve on a busy port says so and suggests another', LIMIT, async () => {
  const blocker = createServer();
  await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address();
  try {
    const out = (() => {
      try {
        execFileSync(CLI, ['serve', join(repo, 'articles'), '--port', String(port)], { stdio: 'pipe', encoding: 'utf8' });
        return null;
      } catch (error) {
        return error;
      }
    })();
    assert.ok(out, 'lectern serve failed');
    assert.equal(out.status, 1);
    assert.match(out.stderr, new RegExp(`port ${port} is in use; try --port \\d+`));
  } finally {
    blocker.close();
  }
});
