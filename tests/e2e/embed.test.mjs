// Lectern embedded in other people's pages (examples/), used as a visitor would: two readers
// on a page with hostile CSS, a strict Content-Security-Policy, a sub-path, another origin,
// the JavaScript API, a reader that crashes, bad attributes, and the single-file build.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { startDemos } from './demos.mjs';
import { dist, launch, repo, shot, watchedPage } from './harness.mjs';

const OPINION = 'A path-breaking visit';
const BLOG = "Imran Khan's Russia Visit 2022: What Happened?";
const BLOG_ID = '001_8e444e78868fc76e';

let demos;
before(async () => { demos = await startDemos(); });
after(async () => { await demos?.stop(); });

// A hung page fails its test instead of the whole run.
const LIMIT = { timeout: 60_000 };
const style = (locator, property) => locator.evaluate((e, p) => getComputedStyle(e)[p], property);
const count = (reader) => reader.getByTestId('result-count').innerText();

test('two readers on a hostile page work on their own, and neither side restyles the other', LIMIT, async () => {
  const page = await demos.page('two-readers.html');
  const first = page.locator('#first');
  const second = page.locator('#second');
  await first.getByTestId('article-title').waitFor();
  await second.getByTestId('article-title').waitFor();

  // Attributes: the first starts with a query, the second on the blog post, list and reader only.
  assert.equal(await first.getByTestId('search').inputValue(), 'pipeline');
  assert.match(await count(first), /^\d+ matching passages?$/);
  assert.equal(await second.getByTestId('article-title').innerText(), BLOG);
  assert.equal(await second.getByTestId('quotes-panel').count(), 0);
  assert.equal(await second.getByTestId('topic-map').count(), 0);
  assert.equal(await first.getByTestId('quotes-panel').count(), 1);

  // Typing in one leaves the other alone, and the page's URL too.
  await first.getByTestId('search').fill('Putin');
  await assert.doesNotReject(first.getByTestId('match').first().waitFor());
  assert.equal(await second.getByTestId('search').inputValue(), '');
  assert.equal(await second.getByTestId('match').count(), 0);
  await second.getByTestId('search').fill('Moscow');
  await second.getByTestId('result').first().click();
  await assert.doesNotReject(second.getByTestId('match').first().waitFor());
  assert.equal(await first.getByTestId('search').inputValue(), 'Putin');
  assert.equal(new URL(page.url()).hash, '');

  // The page's rules stop at the readers: sizes, fonts, case, marks and outlines are the reader's own.
  const reader = first.getByTestId('reader');
  assert.equal(await style(reader, 'fontSize'), '16px');
  assert.equal(await style(reader, 'fontStyle'), 'normal');
  assert.equal(await style(reader, 'textTransform'), 'none');
  assert.equal(await style(reader, 'letterSpacing'), 'normal');
  assert.doesNotMatch(await style(reader, 'fontFamily'), /Comic/);
  assert.equal(await style(first.getByTestId('search'), 'fontSize'), '16px');
  assert.notEqual(await style(first.getByTestId('match').first(), 'backgroundColor'), 'rgb(0, 255, 0)');
  assert.notEqual(await style(reader, 'outlineStyle'), 'solid');
  assert.equal(await style(reader, 'display'), 'flex');
  // Heights from the attributes: 520 (a number means pixels) and 420px.
  assert.equal(Math.round((await reader.boundingBox()).height), 520);
  assert.equal(Math.round((await second.getByTestId('reader').boundingBox()).height), 420);
  // Dark theme on the second, light on the first, whatever the system says.
  assert.equal(await style(second.getByTestId('reader'), 'backgroundColor'), 'rgb(22, 20, 18)');
  assert.equal(await style(reader, 'backgroundColor'), 'rgb(251, 248, 243)');

  // ...and the readers' rules stop at their shadow roots: the page looks as its own CSS says.
  const title = page.locator('#host-title');
  assert.equal(await style(title, 'color'), 'rgb(0, 0, 128)');
  assert.equal(await style(title, 'fontSize'), '34px');
  const text = page.locator('#host-text'); // carries class names the reader also uses
  assert.equal(await style(text, 'position'), 'static');
  assert.equal(await style(text, 'fontSize'), '19px');
  assert.equal(await style(text, 'textTransform'), 'uppercase');
  assert.equal(await style(page.locator('body'), 'backgroundColor'), 'rgb(255, 251, 230)');
  await shot(page, 'embed-two-readers', true);
  assert.deepEqual(page.problems, []);
});

test('a crash in one reader shows an error there; the other reader and the page carry on', LIMIT, async () => {
  const page = await demos.page('two-readers.html');
  const first = page.locator('#first');
  const second = page.locator('#second');
  await first.getByTestId('article-title').waitFor();
  await second.getByTestId('article-title').waitFor();
  const failed = page.evaluate(() => new Promise((resolve) => {
    document.getElementById('first').addEventListener('lectern:error', (e) => resolve(e.detail.message));
  }));
  await page.evaluate(() => document.getElementById('first').lectern.crashForTesting());
  assert.match(await failed, /crash was requested for testing/);
  await assert.doesNotReject(first.getByTestId('error').waitFor());
  assert.match(await first.getByTestId('error').innerText(), /Lectern stopped working/);
  assert.equal(await first.getByTestId('search').count(), 0);
  await assert.rejects(page.evaluate(() => document.getElementById('first').lectern.search('gas')), /crash/);

  await second.getByTestId('search').fill('pipeline');
  await assert.doesNotReject(second.getByTestId('match').first().waitFor());
  assert.match(await count(second), /^\d+ matching passages?$/);
  const results = await page.evaluate(() => window.Lectern.mount(document.getElementById('second')).search('pipeline'));
  assert.ok(results.total > 0);
  await page.locator('#host-button').click();
  await shot(page, 'embed-crash-isolated', true);
  // The panic itself is reported on the console; nothing else may be.
  assert.deepEqual(page.problems.filter((p) => !/crash was requested for testing|unreachable/.test(p)), []);
});

test('under a strict Content-Security-Policy the reader, its map and its downloads work', LIMIT, async () => {
  const page = await demos.page('strict-csp.html');
  assert.match(page.response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  const reader = page.locator('lectern-reader');
  await reader.getByTestId('article-title').waitFor();
  assert.equal(await reader.getByTestId('search').inputValue(), 'Moscow');
  assert.match(await count(reader), /^\d+ matching passages$/);
  await reader.getByRole('tab', { name: 'Topics' }).click();
  const node = reader.getByTestId('topic-node').first();
  await node.waitFor();
  const label = await node.getAttribute('data-label');
  await node.click();
  await assert.doesNotReject(reader.getByTestId('filter-chip').filter({ hasText: label }).waitFor());
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    reader.getByRole('button', { name: 'Download the map as PNG' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^topic-map-.*\.png$/);
  const bytes = await new Promise(async (resolve) => {
    const chunks = [];
    const stream = await download.createReadStream();
    stream.on('data', (c) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
  });
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  assert.ok(bytes.length > 5000, `a PNG of ${bytes.length} bytes is too small to hold the map`);
  await shot(page, 'embed-strict-csp');
  assert.deepEqual(page.problems, [], 'console errors or CSP violations');
});

test('from a sub-path: the embed and the standalone site both find their files', LIMIT, async () => {
  const page = await demos.page('sub-path.html');
  const reader = page.locator('lectern-reader');
  await reader.getByTestId('article-title').waitFor();
  assert.equal(await reader.getByTestId('article-item').count(), 2);
  assert.equal(await reader.getByTestId('quotes-panel').count(), 0);
  assert.equal(Math.round((await reader.getByTestId('reader').boundingBox()).height), 512); // 32em
  await reader.getByTestId('article-item').nth(1).click();
  assert.equal(await reader.getByTestId('article-title').innerText(), BLOG);
  assert.deepEqual(page.problems, []);

  const site = await demos.page('docs/reader/#q=gas');
  await site.getByTestId('article-title').waitFor();
  assert.equal(await site.getByTestId('search').inputValue(), 'gas');
  await site.getByTestId('result').first().click();
  assert.match(site.url(), /\/docs\/reader\/#q=gas&article=/);
  await shot(site, 'embed-sub-path-site');
  assert.deepEqual(site.problems, []);
});

test('from another origin, with CORS, as a tag and in an iframe', LIMIT, async () => {
  const page = await demos.page('cross-origin.html');
  const reader = page.locator('lectern-reader');
  await reader.getByTestId('article-title').waitFor();
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
  const embed = scripts.find((s) => s.endsWith('/embed.js'));
  assert.equal(new URL(embed).origin, new URL(demos.reader).origin);
  assert.notEqual(new URL(demos.reader).origin, new URL(page.url()).origin);
  assert.equal(await reader.getByTestId('search').inputValue(), 'gas');
  assert.match(await count(reader), /^\d+ matching passages$/);
  await assert.doesNotReject(reader.getByTestId('topic-map').waitFor());
  assert.equal(await reader.getByTestId('quotes-panel').count(), 0);
  // Adding a file works here too: a worker must come from the page's own origin, so the one
  // that reads files starts from a blob that loads it from the reader's host.
  const note = { name: 'note.md', mimeType: 'text/markdown', buffer: Buffer.from('A Cross-Origin Note\n\nThe gas quay reopened.\n') };
  await reader.getByTestId('add-articles').setInputFiles([note]);
  await reader.getByTestId('added-item').waitFor();
  assert.equal(await reader.getByTestId('article-title').innerText(), 'A Cross-Origin Note');

  const framed = page.frameLocator('#framed');
  await framed.getByTestId('article-title').waitFor();
  assert.equal(await framed.getByTestId('search').inputValue(), 'Moscow');
  assert.match(await framed.getByTestId('result-count').innerText(), /^\d+ matching passages$/);
  await shot(page, 'embed-cross-origin', true);
  // Trunk's preload hint warns about `integrity` in Chromium; warnings are not errors.
  assert.deepEqual(page.problems, []);
});

test('the JavaScript API: ready and change events, search, setQuery, open, destroy', LIMIT, async () => {
  const page = await demos.page('api.html');
  await assert.doesNotReject(page.getByText('Ready with 2 articles.').waitFor());
  const reader = page.locator('#reader');

  await page.locator('#question').fill('Putin');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const answers = page.locator('#answers .answer');
  await answers.first().waitFor();
  // Each answer shows the excerpt sliced at its first match range: the word itself.
  assert.match(await answers.first().innerText(), /…Putin…/);
  await assert.doesNotReject(page.getByText(/query “Putin”, \d+ matches/).waitFor());
  assert.equal(await reader.getByTestId('search').inputValue(), 'Putin');

  const found = await page.evaluate(() => window.Lectern.mount(document.getElementById('reader')).search('gas pipeline', { limit: 3 }));
  assert.ok(found.total >= found.results.length && found.results.length === 3);
  const top = found.results[0];
  assert.deepEqual(Object.keys(top), ['article', 'section', 'heading', 'passage', 'excerpt', 'matches', 'score']);
  assert.ok(top.matches.length > 0);
  for (const [s, e] of top.matches) assert.match(top.excerpt.slice(s, e), /^(gas|pipelines?)$/i);

  await page.getByRole('button', { name: 'Open the second article' }).click();
  await assert.doesNotReject(reader.getByTestId('article-title').filter({ hasText: BLOG }).waitFor());
  await assert.doesNotReject(page.getByText(`Showing ${BLOG_ID}`).waitFor());
  await assert.rejects(
    page.evaluate(() => window.Lectern.mount(document.getElementById('reader')).open('no-such-article')),
    /There is no article “no-such-article”/,
  );
  await shot(page, 'embed-api');

  await page.getByRole('button', { name: 'Remove the reader' }).click();
  assert.equal(await reader.getByTestId('reader').count(), 0);
  assert.deepEqual(page.problems, []);
});

test('bad attributes and bad bundles get a clear message in their own reader', LIMIT, async () => {
  const page = await demos.page('two-readers.html');
  await page.locator('#first').getByTestId('article-title').waitFor();
  await page.evaluate(() => {
    const add = (id, attributes) => {
      const element = document.createElement('lectern-reader');
      element.id = id;
      for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, v);
      document.body.append(element);
    };
    add('odd', { theme: 'purple', panels: 'list,sidebar', height: 'tall; color: red' });
    add('missing', { src: '/docs/reader/no-such.lectern' });
    add('not-a-bundle', { src: '/docs/reader/embed.js' });
  });
  const odd = page.locator('#odd');
  await odd.getByTestId('article-title').waitFor();
  const problems = odd.getByTestId('error').locator('li');
  assert.equal(await problems.count(), 3);
  assert.match(await problems.nth(0).innerText(), /“sidebar” is not a panel/);
  assert.match(await problems.nth(1).innerText(), /theme="purple" is not light, dark or auto/);
  assert.match(await problems.nth(2).innerText(), /height="tall; color: red" is not a height/);
  assert.equal(await odd.getByTestId('article-item').count(), 2);

  const missing = page.locator('#missing').getByTestId('error');
  await missing.waitFor();
  assert.match(await missing.innerText(), /answered 404/);
  const wrong = page.locator('#not-a-bundle').getByTestId('error');
  await wrong.waitFor();
  assert.match(await wrong.innerText(), /not a Lectern bundle/);
  // The readers already there are untouched.
  assert.equal(await page.locator('#first').getByTestId('search').inputValue(), 'pipeline');
  await shot(page, 'embed-bad-attributes', true);
  assert.deepEqual(page.problems.filter((p) => !/404/.test(p)), []);
});

test('the single-file build works opened from disk', LIMIT, async () => {
  const file = join(repo, 'target', 'e2e-single-file.html');
  // Written by the packaged CLI (cargo xtask dist), from the bundled articles.
  execFileSync(join(repo, 'target', 'dist', 'lectern'), ['build', '--quiet', '--single-file', join(repo, 'articles'), '-o', file]);
  const browser = await launch();
  try {
    const page = await watchedPage(browser);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${pathToFileURL(file).href}#q=pipeline`);
    await page.getByTestId('article-title').waitFor();
    assert.equal(await page.getByTestId('article-title').innerText(), OPINION);
    assert.equal(await page.getByTestId('search').inputValue(), 'pipeline');
    assert.match(await page.getByTestId('result-count').innerText(), /^\d+ matching passages$/);
    await page.getByTestId('article-item').nth(1).click();
    assert.equal(await page.getByTestId('article-title').innerText(), BLOG);
    // Adding a file works: the worker that reads it is inside the file too.
    const note = { name: 'note.md', mimeType: 'text/markdown', buffer: Buffer.from('An Offline Note\n\nRead from disk.\n') };
    await page.getByTestId('add-articles').setInputFiles([note]);
    await page.getByTestId('added-item').waitFor();
    assert.equal(await page.getByTestId('article-title').innerText(), 'An Offline Note');
    // Everything came from the one file: no other file or host was asked for anything.
    assert.deepEqual(requests.filter((u) => !/^(file:.*e2e-single-file\.html|blob:)/.test(u)), []);
    await shot(page, 'single-file');
    assert.deepEqual(page.problems, []);
  } finally {
    await browser.close();
  }
});
