// The npm package `lectern-reader` as a web developer uses it: the tarball `cargo xtask dist`
// packs, installed into a fresh Vite project (target/vite-embed/), a bundle made with the CLI
// that dist wrote, `vite build`, and the built site served on 127.0.0.1 under a strict
// Content-Security-Policy. One page mounts a reader with `import { mount } from 'lectern-reader'`,
// another writes `<lectern-reader>` after `import 'lectern-reader'`; each is searched, clicked,
// asked through its handle, given a file to read (the worker), and checked by axe. Last, the
// installed package's folder served as a CDN would (another origin, CORS) to a plain page that
// loads index.js from there: no bundler at all.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { after, before, test } from 'node:test';
import { build, createLogger } from 'vite';
import { launch, repo, shot, shots, watchedPage } from './harness.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LIMIT = { timeout: 90_000 };

/** The package is released with the CLI: same version (`cargo xtask dist` writes it in). */
const VERSION = (() => {
  const manifest = readFileSync(join(repo, 'crates', 'lectern-cli', 'Cargo.toml'), 'utf8');
  const found = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(manifest);
  if (!found) throw new Error('crates/lectern-cli/Cargo.toml names no version = "…" under [package]');
  return found[1];
})();
const TARBALL = join(repo, 'target', 'dist', 'npm', `lectern-reader-${VERSION}.tgz`);
const CLI = join(repo, 'target', 'dist', 'lectern');
const APP = join(repo, 'target', 'vite-embed');
const OUT = join(APP, 'dist');

/** What the package holds besides package.json: the module, its types and README, and the
 *  files index.js names with `new URL("./…", import.meta.url)`, which Vite must copy. */
const MODULE = ['index.js', 'index.d.ts', 'README.md'];
const LOADED = ['lectern-reader.js', 'lectern-reader_bg.wasm', 'lectern-worker-loader.js', 'lectern-worker.js', 'lectern-worker_bg.wasm'];
/** Loaded as soon as a reader starts; the worker's three only when a file is added. */
const READER_FILES = ['lectern-reader.js', 'lectern-reader_bg.wasm'];

const TITLES = ['A path-breaking visit', "Imran Khan's Russia Visit 2022: What Happened?"];
const WORD = 'pipeline'; // in both seed articles
/** What a careful host sends (README, "Content-Security-Policy"): no inline script or style. */
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const NOTE = { name: 'harbour-note.md', mimeType: 'text/markdown', buffer: Buffer.from('A Harbour Note\n\nThe pipeline quay reopened on Tuesday.\n') };

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.lectern': 'application/octet-stream',
};

let site; // { url, close }
let browser;
/** Package file name → the path the Vite build serves its copy at (/assets/name-hash.ext). */
const emitted = {};

function run(command, args, options) {
  try {
    return execFileSync(command, args, { cwd: repo, stdio: 'pipe', encoding: 'utf8', ...options });
  } catch (error) {
    throw new Error(`${[command, ...args].join(' ')} failed (${error.status ?? error.code}):\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

/** The scratch Vite project: the installed package, a bundle in public/, two pages. */
function makeApp() {
  rmSync(APP, { recursive: true, force: true });
  mkdirSync(join(APP, 'public'), { recursive: true });
  writeFileSync(join(APP, 'package.json'), `${JSON.stringify({ name: 'vite-embed', private: true, type: 'module' }, null, 2)}\n`);
  // No dependencies, so nothing comes from the network: --offline makes sure of it.
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-update-notifier', TARBALL], { cwd: APP });
  run(CLI, ['bundle', 'articles', '-o', join(APP, 'public', 'articles.lectern')]);
  cpSync(join(repo, 'static', 'favicon.svg'), join(APP, 'public', 'favicon.svg'));

  const page = (title, body, script) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
  <main>
    <h1>${title}</h1>
${body}
  </main>
  <script type="module" src="/${script}"></script>
</body>
</html>
`;
  writeFileSync(join(APP, 'index.html'), page('Reading room', '    <div id="reader"></div>', 'main.js'));
  writeFileSync(join(APP, 'main.js'), `import { mount } from 'lectern-reader';

const element = document.getElementById('reader');
// What the page heard, for the test to read.
window.heard = { ready: null, changes: [] };
element.addEventListener('lectern:ready', (e) => { window.heard.ready = e.detail; });
element.addEventListener('lectern:change', (e) => { window.heard.changes.push(e.detail); });
window.reader = mount(element, { src: 'articles.lectern', height: 600 });
`);
  writeFileSync(join(APP, 'element.html'), page('Reading room, as an element',
    '    <lectern-reader src="articles.lectern" query="Moscow" panels="list reader" theme="dark" height="520"></lectern-reader>',
    'element.js'));
  writeFileSync(join(APP, 'element.js'), `import 'lectern-reader';

window.heard = { ready: null };
document.addEventListener('lectern:ready', (e) => { window.heard.ready = e.detail; });
`);
}

/** `vite build` through its API; gives what Vite warned about. */
async function viteBuild() {
  const logger = createLogger('warn');
  const warnings = [];
  const keep = (say) => (message, options) => { warnings.push(message); say(message, options); };
  logger.warn = keep(logger.warn);
  logger.warnOnce = keep(logger.warnOnce);
  await build({
    root: APP,
    configFile: false,
    logLevel: 'warn',
    customLogger: logger,
    build: {
      outDir: OUT,
      emptyOutDir: true,
      rolldownOptions: { input: { main: join(APP, 'index.html'), element: join(APP, 'element.html') } },
    },
  });
  return warnings;
}

/** Serve `root` as a static host would, with `headers` on every answer. */
async function serve(root, headers = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

before(async () => {
  assert.ok(existsSync(TARBALL), `${TARBALL} is missing: run \`cargo xtask dist\` first (it packs the npm package)`);
  assert.ok(existsSync(CLI), `${CLI} is missing: run \`cargo xtask dist\` first (it writes the lectern CLI)`);
  mkdirSync(shots, { recursive: true });
  makeApp();
  const warnings = await viteBuild();
  // A file index.js names that Vite could not find stays unresolved, with this warning.
  assert.deepEqual(warnings.filter((w) => /doesn't exist at build time|lectern/i.test(w)), [], 'vite build warned about the package');

  // Each file the module loads was copied, byte for byte, into the build's assets under a
  // hashed name: not inlined as a data: URL (a worker cannot start from one, nor a strict
  // policy allow it), nor left behind in node_modules.
  const installed = join(APP, 'node_modules', 'lectern-reader');
  const assets = readdirSync(join(OUT, 'assets'));
  for (const name of LOADED) {
    const bytes = readFileSync(join(installed, name));
    const stem = name.slice(0, -extname(name).length);
    const copy = assets.find((a) => a.startsWith(`${stem}-`) && a.endsWith(extname(name)) && readFileSync(join(OUT, 'assets', a)).equals(bytes));
    assert.ok(copy, `vite build wrote no copy of ${name} to dist/assets/ (${assets.join(', ')}): inlined as a data: URL, or not named with new URL("./${name}", import.meta.url)?`);
    emitted[name] = `/assets/${copy}`;
  }
  // The built site, with the strict policy on every answer.
  site = await serve(OUT, { 'content-security-policy': CSP });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** A page of the built site that records every request (the worker's too) and every failure. */
async function open(path) {
  const page = await watchedPage(browser);
  page.requested = [];
  page.failed = [];
  page.on('request', (r) => page.requested.push(new URL(r.url())));
  page.on('requestfailed', (r) => page.failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && page.failed.push(`${r.url()}: ${r.status()}`));
  // The first thing to go wrong, to end a wait early with what it was.
  page.trouble = new Promise((resolve) => {
    page.on('pageerror', (e) => resolve(`uncaught: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && resolve(`console: ${m.text()}`));
    page.on('requestfailed', (r) => resolve(`${r.url()}: ${r.failure()?.errorText}`));
    page.on('response', (r) => r.status() >= 400 && resolve(`${r.url()}: ${r.status()}`));
  });
  await page.goto(site.url + path);
  return page;
}

/** Axe's violations on the page as it is now (inside shadow roots too), one line each. It is
 *  evaluated through the DevTools protocol, which the page's policy does not govern. */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => `${v.id} (${v.impact}): ${v.help}, at ${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join('; ')}`);
  });
}

/** Paths of the site the page asked for (no query: the glue is imported with ?instance=N). */
const paths = (page) => page.requested.filter((u) => u.origin === new URL(site.url).origin).map((u) => u.pathname);

/** Give the reader a file to read, as a visitor would: it is read in the worker. */
async function addNote(page, reader) {
  await reader.getByTestId('add-articles').setInputFiles([NOTE]);
  const outcome = await Promise.race([
    reader.getByTestId('added-item').waitFor().then(() => 'added'),
    reader.getByTestId('error').waitFor().then(async () => `the reader says: ${await reader.getByTestId('error').innerText()}`),
    page.trouble,
  ]);
  assert.equal(outcome, 'added', `the file was not read in the worker: ${outcome}`);
  await reader.getByTestId('article-title').filter({ hasText: 'A Harbour Note' }).waitFor();
}

function expectServedFromBuild(page, names) {
  const asked = paths(page);
  for (const name of names) {
    assert.ok(asked.includes(emitted[name]), `${name} was not loaded from the build's ${emitted[name]}; asked for: ${asked.join(', ')}`);
  }
  assert.deepEqual(asked.filter((p) => p.includes('node_modules')), [], 'nothing may come from node_modules');
  assert.deepEqual(page.requested.filter((u) => u.protocol === 'data:'), [], 'nothing may be loaded from a data: URL');
}

test('the packed tarball holds the module, its types, its README and the WebAssembly and worker files', () => {
  const listed = run('tar', ['-tzf', TARBALL]).split('\n').filter(Boolean).sort();
  const expected = ['package.json', ...MODULE, ...LOADED].map((f) => `package/${f}`).sort();
  assert.deepEqual(listed, expected);
  const manifest = JSON.parse(run('tar', ['-xzOf', TARBALL, 'package/package.json']));
  assert.equal(manifest.name, 'lectern-reader');
  assert.equal(manifest.version, VERSION, 'the package has the CLI\'s version');
  assert.deepEqual(manifest.dependencies ?? {}, {}, 'the package installs without dependencies');
  const { size } = statSync(TARBALL);
  const unpacked = LOADED.concat(MODULE).reduce((sum, f) => sum + statSync(join(APP, 'node_modules', 'lectern-reader', f)).size, 0);
  console.log(`lectern-reader-${VERSION}.tgz: ${(size / 1024).toFixed(0)} KiB packed, ${(unpacked / 1024).toFixed(0)} KiB unpacked`
    + ` (${LOADED.map((f) => `${f} ${(statSync(join(APP, 'node_modules', 'lectern-reader', f)).size / 1024).toFixed(0)} KiB`).join(', ')})`);
});

test("in a Vite app: import { mount } from 'lectern-reader', search, open, the handle, a file added", LIMIT, async () => {
  const page = await open('');
  const host = page.locator('#reader');
  // Playwright's CSS locators pierce the open shadow root.
  await host.locator('[data-testid=reader]').waitFor();
  await host.getByTestId('article-title').waitFor();
  const ready = await page.evaluate(() => window.reader.ready);
  assert.equal(ready.articles, 2);
  assert.deepEqual(await page.evaluate(() => window.heard.ready), ready, 'lectern:ready reached the page with the same detail');
  assert.equal(await host.getByTestId('article-item').count(), 2);
  assert.ok(TITLES.includes(await host.getByTestId('article-title').innerText()));
  assert.equal(Math.round((await host.getByTestId('reader').boundingBox()).height), 600, 'the height option');

  // Typing a word gives results with their matches marked.
  await host.getByTestId('search').pressSequentially(WORD);
  await host.getByTestId('result').first().waitFor();
  await host.getByTestId('result').getByTestId('match').first().waitFor();
  assert.match(await host.getByTestId('result-count').innerText(), /^\d+ matching passages?$/);
  assert.match(await host.getByTestId('result').getByTestId('match').first().innerText(), /^pipelines?$/i);
  await page.waitForFunction((word) => window.heard.changes.some((c) => c.query === word && c.matches > 0), WORD);

  // Clicking a result opens its article, the word marked in the reading pane.
  await host.getByTestId('result').first().click();
  await host.getByTestId('article-body').getByTestId('match').first().waitFor();
  assert.ok(TITLES.includes(await host.getByTestId('article-title').innerText()));
  const opened = await page.waitForFunction(() => window.heard.changes.at(-1)?.article).then((h) => h.jsonValue());
  assert.match(opened, /^\d{3}_[0-9a-f]{16}$/);

  // The handle: search() from the page's own script.
  const found = await page.evaluate((word) => window.reader.search(word, { limit: 3 }), WORD);
  assert.ok(found.total >= found.results.length && found.results.length > 0 && found.results.length <= 3);
  assert.deepEqual(Object.keys(found.results[0]), ['article', 'section', 'heading', 'passage', 'excerpt', 'matches', 'score']);
  for (const { excerpt, matches } of found.results) {
    assert.ok(matches.length > 0);
    for (const [start, end] of matches) assert.match(excerpt.slice(start, end), /^pipelines?$/i);
  }
  expectServedFromBuild(page, READER_FILES);
  assert.deepEqual(await violations(page), [], 'accessibility problems with search results and an open article');
  await shot(page, 'package-vite-mount');

  // A visitor's own file is read in the worker, whose files also come from the build.
  await addNote(page, host);
  expectServedFromBuild(page, LOADED);
  assert.deepEqual(page.failed, [], 'failed requests');
  assert.deepEqual(page.problems, [], 'console errors, uncaught exceptions or CSP violations');
});

test("in a Vite app: import 'lectern-reader' and <lectern-reader> with attributes", LIMIT, async () => {
  const page = await open('element.html');
  const element = page.locator('lectern-reader');
  await element.locator('[data-testid=reader]').waitFor();
  await element.getByTestId('article-title').waitFor();
  assert.ok(await page.evaluate(() => document.querySelector('lectern-reader') instanceof customElements.get('lectern-reader')), 'the element is defined and upgraded');

  // The attributes: a starting query, two panels, the dark theme, a height.
  assert.equal(await element.getByTestId('search').inputValue(), 'Moscow');
  await element.getByTestId('result').first().waitFor();
  assert.ok(await element.getByTestId('match').count() > 0);
  assert.equal(await element.getByTestId('quotes-panel').count(), 0);
  assert.equal(await element.getByTestId('topic-map').count(), 0);
  assert.equal(Math.round((await element.getByTestId('reader').boundingBox()).height), 520);
  assert.equal(await element.getByTestId('reader').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(22, 20, 18)');
  await page.waitForFunction(() => window.heard.ready?.query === 'Moscow');

  // Typing and clicking, as on the other page.
  await element.getByTestId('search').fill('');
  await element.getByTestId('search').pressSequentially(WORD);
  await element.getByTestId('result').getByTestId('match').first().waitFor();
  await element.getByTestId('result').first().click();
  await element.getByTestId('article-body').getByTestId('match').first().waitFor();
  assert.ok(TITLES.includes(await element.getByTestId('article-title').innerText()));

  // The element's handle, and steering it by attribute.
  const found = await page.evaluate((word) => document.querySelector('lectern-reader').lectern.search(word), WORD);
  assert.ok(found.total > 0 && found.results.length > 0);
  await page.evaluate(() => document.querySelector('lectern-reader').setAttribute('query', 'Putin'));
  await element.getByTestId('result').getByTestId('match').filter({ hasText: /^Putin$/ }).first().waitFor();
  expectServedFromBuild(page, READER_FILES);
  assert.deepEqual(await violations(page), [], 'accessibility problems in the element, dark, searching');
  await shot(page, 'package-vite-element');

  await addNote(page, element);
  expectServedFromBuild(page, LOADED);
  assert.deepEqual(page.failed, [], 'failed requests');
  assert.deepEqual(page.problems, [], 'console errors, uncaught exceptions or CSP violations');
});

test('from a CDN path: the installed package on another origin, no bundler', LIMIT, async () => {
  // The package's folder as a CDN serves it (unpkg, jsDelivr: CORS on every file), and a plain
  // page on another origin that loads index.js from there and writes the element.
  const files = await serve(join(APP, 'node_modules', 'lectern-reader'), { 'access-control-allow-origin': '*' });
  const pages = join(APP, 'cdn-page');
  rmSync(pages, { recursive: true, force: true });
  mkdirSync(pages, { recursive: true });
  cpSync(join(APP, 'public', 'articles.lectern'), join(pages, 'articles.lectern'));
  writeFileSync(join(pages, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>From a CDN</title><link rel="icon" href="data:,">
<script type="module" src="${files.url}index.js"></script></head>
<body><main><h1>From a CDN</h1><lectern-reader src="articles.lectern" height="560"></lectern-reader></main></body></html>
`);
  const host = await serve(pages);
  const page = await watchedPage(browser);
  const failed = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.url()}: ${r.status()}`));
  try {
    await page.goto(host.url);
    const element = page.locator('lectern-reader');
    await element.getByTestId('article-title').waitFor();
    await element.getByTestId('search').pressSequentially(WORD);
    await element.getByTestId('result').getByTestId('match').first().waitFor();
    // The worker comes from the CDN too (started from a blob, as workers must be same-origin).
    await element.getByTestId('add-articles').setInputFiles([NOTE]);
    await element.getByTestId('article-title').filter({ hasText: 'A Harbour Note' }).waitFor();
    await shot(page, 'package-cdn');
    assert.deepEqual(failed, [], 'failed requests');
    assert.deepEqual(page.problems, [], 'console errors or uncaught exceptions');
  } finally {
    await page.context().close();
    await host.close();
    await files.close();
  }
});
