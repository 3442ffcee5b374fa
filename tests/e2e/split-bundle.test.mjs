// Split bundles (`lectern bundle --split`): the reader fetches the head first, then only the
// index shards a query needs and the texts it shows, and says so when a part is missing or
// belongs to another build.
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startDemos } from './demos.mjs';
import { articlesFolder, dist, lectern, shot } from './harness.mjs';

const LIMIT = { timeout: 90_000 };
const HARBOUR = `Harbour <img src=x onerror="alert(1)"> Report

The harbour authority in Valparaíso reopened the northern quay on Tuesday.

“We expect the quay to carry twice the cargo by spring,” said Marisol Quenta, the port director.
`;

let demos;
let folder;
let cli;
let shardCount;
before(async () => {
  demos = await startDemos();
  folder = articlesFolder('lectern-split-', HARBOUR);
  lectern('bundle', '--split', folder, '-o', join(dist, 'e2e-split'));
  cli = JSON.parse(lectern('inspect', '--json', folder));
  shardCount = readdirSync(join(dist, 'e2e-split', 's')).length;
  // A copy whose shards all hold shard 0 (as if mixed with another build) and with an
  // article's text missing.
  const broken = join(dist, 'e2e-split-broken');
  rmSync(broken, { recursive: true, force: true });
  cpSync(join(dist, 'e2e-split'), broken, { recursive: true });
  for (let i = 1; i < shardCount; i += 1) cpSync(join(broken, 's', '0.lectern'), join(broken, 's', `${i}.lectern`));
  rmSync(join(broken, 'a', '2.lectern'));
  // A head cut short: index.html's early inflate fails, and the app's own says why.
  const cut = join(dist, 'e2e-split-cut');
  rmSync(cut, { recursive: true, force: true });
  cpSync(join(dist, 'e2e-split'), cut, { recursive: true });
  const head = readFileSync(join(cut, 'index.lectern'));
  writeFileSync(join(cut, 'index.lectern'), head.subarray(0, Math.floor(head.length * 0.7)));
});
after(async () => { await demos?.stop(); });

async function open(path, options) {
  const page = await demos.page(path, options);
  page.on('dialog', (d) => { page.problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.fetched = [];
  page.on('request', (r) => page.fetched.push(new URL(r.url()).pathname));
  return page;
}

test('a split bundle shows what the CLI reports, fetching only the parts it needs', LIMIT, async () => {
  const page = await open('docs/reader/?src=e2e-split/index.lectern');
  await page.getByTestId('article-title').waitFor();
  const listed = await page.getByTestId('article-item').allInnerTexts();
  assert.equal(listed.length, cli.articles.length);
  cli.articles.forEach((a, i) => assert.ok(listed[i].startsWith(a.title), `${listed[i]} / ${a.title}`));
  assert.match(await page.getByTestId('not-combined').innerText(), /split into parts/);
  // The first article's text came with the head.
  await page.getByTestId('article-body').locator('.lectern-section p').first().waitFor();
  assert.equal(page.fetched.filter((p) => p.includes('/e2e-split/a/')).length, 0);
  // The page's own early request for the head (index.html) is the only one.
  const heads = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/e2e-split/index.lectern')).length);
  assert.equal(heads, 1);
  // Files cannot be added to a split bundle: the store of added files is not even opened.
  assert.deepEqual(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)), []);

  const harbour = cli.articles.findIndex((a) => a.file === 'harbour.md');
  await page.getByTestId('article-item').nth(harbour).click();
  const quotes = page.getByTestId('article-body').getByTestId('quote');
  await quotes.first().waitFor();
  assert.equal(await quotes.count(), cli.articles[harbour].quotes.length);
  assert.equal(await quotes.first().getAttribute('data-speaker'), cli.articles[harbour].quotes[0].speaker);
  assert.equal(await page.getByTestId('article-title').innerText(), cli.articles[harbour].title);

  await page.getByTestId('search').fill('pipeline ');
  await page.getByTestId('result').first().waitFor();
  assert.equal(await page.getByTestId('result-count').innerText(), '6 matching passages');
  // Every listed result shows its text, with the word marked.
  await page.waitForFunction(() => !document.querySelector('.lectern-result-loading'));
  const excerpts = await page.locator('.lectern-result-excerpt').allInnerTexts();
  assert.ok(excerpts.every((e) => /pipeline/i.test(e)), excerpts.join(' | '));
  const shards = new Set(page.fetched.filter((p) => p.includes('/e2e-split/s/')));
  assert.ok(shards.size >= 1 && shards.size < shardCount / 2, `${shards.size} of ${shardCount} shards fetched`);

  // The topic filter's table is not in the head: opening that filter fetches it, once.
  const topicTable = () => page.fetched.filter((p) => p.endsWith('/e2e-split/passage-topics.lectern')).length;
  assert.equal(topicTable(), 0);
  await page.getByTestId('topic-filter-pending').click();
  const option = page.locator('.lectern-facet[open] .lectern-facet-option').first();
  await option.waitFor();
  const [topic, count] = (await option.locator('span').allInnerTexts()).map((t) => t.trim());
  await option.click();
  assert.match(await page.getByTestId('filter-chip').innerText(), new RegExp(topic));
  await page.waitForFunction((n) => document.querySelector('[data-testid=result-count]')?.innerText.startsWith(`${n} matching`), count);
  assert.equal(topicTable(), 1);
  await shot(page, 'split-bundle-topic-filter');
  await page.getByTestId('filter-chip').getByRole('button').click();
  await page.getByTestId('filter-chip').waitFor({ state: 'detached' });

  await page.getByRole('tab', { name: 'Topics' }).click();
  const labels = await page.getByTestId('topic-node').evaluateAll((ns) => ns.map((n) => n.getAttribute('data-label')));
  const cliLabels = cli.topics.map((t) => t.label);
  for (const label of labels) assert.ok(cliLabels.includes(label), label);
  await shot(page, 'split-bundle');
  assert.deepEqual(page.problems, []);
});

test('result texts that arrive after the first view was drawn without them are shown', LIMIT, async () => {
  // The first view waits a little for its results' texts, then is drawn without them. Held
  // until then, they arrive after: the reader must show them, with nothing else happening.
  const held = [];
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const page = await open('docs/reader/?src=e2e-split/index.lectern#q=pipeline', {
    prepare: (p) => p.route('**/e2e-split/a/*.lectern', async (route) => {
      held.push(route.request().url());
      await released;
      await route.continue();
    }),
  });
  await page.locator('.lectern-result-loading').first().waitFor();
  assert.ok(held.length > 0, 'result texts were asked for before the first view was drawn');
  release();
  await page.waitForFunction(() => document.querySelector('.lectern-result-excerpt')
    && !document.querySelector('.lectern-result-loading'), null, { timeout: 10_000 });
  const excerpts = await page.locator('.lectern-result-excerpt').allInnerTexts();
  assert.ok(excerpts.every((e) => /pipeline/i.test(e)), excerpts.join(' | '));
  assert.deepEqual(page.problems, []);
});

test('a missing or mismatched part says so and keeps what is shown', LIMIT, async () => {
  const page = await open('docs/reader/?src=e2e-split-broken/index.lectern');
  await page.getByTestId('article-title').waitFor();
  await page.getByTestId('article-item').nth(2).click();
  assert.match(await page.getByTestId('notice').innerText(), /a\/2\.lectern: the server answered 404/);
  await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
  // No answer at all (the connection fails): said as well.
  await page.route('**/e2e-split-broken/a/1.lectern', (route) => route.abort());
  await page.getByTestId('article-item').nth(1).click();
  assert.match(await page.getByTestId('notice').innerText(), /a\/1\.lectern: the server did not answer/);
  await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
  // A word outside shard 0: its shard file holds shard 0, which is refused.
  await page.getByTestId('search').fill('Valparaíso ');
  assert.match(await page.getByTestId('notice').innerText(), /belongs to another build/);
  // Still a working reader: the list and the first article are there.
  await page.getByTestId('article-item').first().click();
  await page.getByTestId('article-body').locator('.lectern-section p').first().waitFor();
  assert.equal(await page.getByTestId('article-item').count(), cli.articles.length);
  await shot(page, 'split-bundle-broken');
  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource/.test(p)), []);
});

test('a part the first view needs and cannot have says so as the reader opens', LIMIT, async () => {
  // The URL opens the article whose text is missing: fetched before the first view is drawn.
  let page = await open(`docs/reader/?src=e2e-split-broken/index.lectern#article=${cli.articles[2].id}`);
  assert.match(await page.getByTestId('notice').innerText(), /a\/2\.lectern: the server answered 404/);
  assert.equal(await page.getByTestId('article-title').innerText(), cli.articles[2].title);
  assert.equal(await page.getByTestId('article-item').count(), cli.articles.length);
  // A query in the URL whose word's shard file holds shard 0.
  page = await open('docs/reader/?src=e2e-split-broken/index.lectern#q=Valpara%C3%ADso');
  assert.match(await page.getByTestId('notice').innerText(), /belongs to another build/);
  await page.getByTestId('article-body').locator('.lectern-section p').first().waitFor();
  await shot(page, 'split-bundle-first-view-notice');
  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource/.test(p)), []);
});

test('a damaged head says so', LIMIT, async () => {
  const page = await open('docs/reader/?src=e2e-split-cut/index.lectern');
  const error = page.getByTestId('error');
  await error.waitFor();
  assert.match(await error.innerText(), /e2e-split-cut\/index\.lectern could not be read: its compressed data is damaged/);
  assert.deepEqual(page.problems, []);
});
