// Web pages, web archives and feeds as articles: bundled by the CLI and loaded with src=, or
// chosen and dropped in the browser; their sources link to the originals; a hostile page runs
// nothing and asks nothing of any other host.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startDemos } from './demos.mjs';
import { dist, guardedPage, lectern, NARROW, pwned, repo, shot } from './harness.mjs';

const LIMIT = { timeout: 120_000 };
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const FIXTURES = join(repo, 'tests', 'e2e', 'fixtures', 'pages');
/** Three news pages (one a web archive) and a feed of three entries, the last only a summary. */
const FOLDER = join(FIXTURES, 'folder');
const HOSTILE = readFileSync(join(FIXTURES, 'hostile.html'));
const fixture = (name) => readFileSync(join(FOLDER, name));

let demos;
/** `lectern inspect --json` on the folder; on the reader's two articles and the two files added
 *  in the browser; on the hostile page. */
let cli;
let cliAdded;
let cliHostile;
before(async () => {
  demos = await startDemos();
  lectern('bundle', FOLDER, '-o', join(dist, 'e2e-pages.lectern'));
  cli = inspect(FOLDER);
  const added = mkdtempSync(join(tmpdir(), 'lectern-pages-added-'));
  for (const name of readdirSync(join(repo, 'articles'))) writeFileSync(join(added, name), readFileSync(join(repo, 'articles', name)));
  for (const name of ['bridge.html', 'lighthouse.mhtml']) writeFileSync(join(added, name), fixture(name));
  cliAdded = inspect(added);
  const hostile = mkdtempSync(join(tmpdir(), 'lectern-pages-hostile-'));
  writeFileSync(join(hostile, 'hostile.html'), HOSTILE);
  lectern('bundle', hostile, '-o', join(dist, 'e2e-hostile.lectern'));
  cliHostile = inspect(hostile);
});
after(async () => { await demos?.stop(); });

function inspect(folder) {
  return JSON.parse(lectern('inspect', '--json', folder));
}

const open = (path, options) => guardedPage(demos, path, options);
/** Requests to anywhere but the server the reader came from. */
const elsewhere = (page) => page.requested.filter((url) => !url.startsWith(demos.pages) && !url.startsWith('blob:'));

/** What the metadata line says of an article, as the CLI reports it. */
function metaParts(a) {
  return [a.byline && `By ${a.byline}`, a.date, a.source ?? (a.url && new URL(a.url).host)].filter(Boolean);
}

/** Drop files on the reader as a person would (dragover, then drop). */
async function drop(page, files) {
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const { name, type, base64 } of files) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name, { type }));
    }
    const reader = document.querySelector('[data-testid="reader"]');
    reader.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    reader.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files.map(({ name, type, buffer }) => ({ name, type, base64: buffer.toString('base64') })));
}

/** Axe's violations on the page as it is now (as accessibility.test.mjs runs it). */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => `${v.id} (${v.impact}): ${v.help}, at ${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join('; ')}`);
  }, []);
}

/** The topic labels on the map, once it shows. */
async function mapLabels(page) {
  await page.getByRole('tab', { name: 'Topics' }).click();
  await page.getByTestId('topic-node').first().waitFor();
  return page.getByTestId('topic-node').evaluateAll((ns) => ns.map((n) => n.getAttribute('data-label')));
}

test('the fixtures are what the tests say: pages, an archive and a feed, with quotes and links', () => {
  const byFile = (file) => cli.articles.filter((a) => a.file === file);
  assert.equal(cli.articles.length, 6, cli.articles.map((a) => a.file).join(', '));
  assert.equal(byFile('ledger-feed.xml').length, 3);
  assert.deepEqual(cli.articles.filter((a) => a.summary).map((a) => a.title), ['Council Approves the New Ferry Timetable']);
  const speakers = cli.articles.flatMap((a) => a.quotes.map((q) => q.speaker));
  for (const name of ['Ana Ruiz', 'Helena Costa', 'Declan Murphy', 'Ewa Lis', 'Nils Hansen']) assert.ok(speakers.includes(name), speakers.join(', '));
  for (const a of cli.articles) assert.match(a.url ?? '', /^https:\/\//, a.title);
  assert.equal(cliHostile.articles.length, 1);
  assert.equal(cliHostile.articles[0].url ?? null, null, 'the javascript: canonical URL is dropped');
});

test('a bundle of pages and a feed shows the titles, bylines, dates, links, quotes and topics the CLI reports', LIMIT, async () => {
  const page = await open('docs/reader/?src=e2e-pages.lectern');
  await page.getByTestId('article-title').waitFor();
  const items = page.getByTestId('article-item');
  const listed = await items.allInnerTexts();
  assert.equal(listed.length, cli.articles.length);
  // The list's items are links themselves: the source in them is text, not another link.
  assert.equal(await items.locator('a').count(), 0);
  for (const [i, a] of cli.articles.entries()) {
    assert.ok(listed[i].startsWith(a.title), `${listed[i]} / ${a.title}`);
    for (const part of metaParts(a)) assert.ok(listed[i].includes(part), `${a.title}: ${part} in ${listed[i]}`);

    await items.nth(i).click();
    await page.getByTestId('article-title').filter({ hasText: a.title }).waitFor();
    const header = page.locator('.lectern-article-header .lectern-meta');
    const meta = await header.innerText();
    for (const part of metaParts(a)) assert.ok(meta.includes(part), `${a.title}: ${part} in ${meta}`);
    // The source links to the original, in a new tab that cannot reach back.
    const link = header.getByTestId('original-link').first();
    assert.equal(await link.getAttribute('href'), a.url);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer nofollow');
    assert.equal(await link.getAttribute('aria-label'), `Original at ${metaParts(a).at(-1)} (opens in a new tab)`);
    assert.equal(await header.getByTestId('summary-only').count(), a.summary ? 1 : 0, a.title);

    const quotes = page.getByTestId('article-body').locator('.lectern-article [data-testid="quote"]');
    assert.equal(await quotes.count(), a.quotes.length, a.title);
    const speakers = await quotes.evaluateAll((qs) => qs.map((q) => q.getAttribute('data-speaker')));
    assert.deepEqual(speakers, a.quotes.map((q) => q.speaker ?? null), a.title);
  }

  // The summary-only feed entry: a note, and the full article one click away.
  const summary = cli.articles.findIndex((a) => a.summary);
  await items.nth(summary).click();
  const note = page.locator('.lectern-article-header').getByTestId('summary-only');
  assert.match(await note.innerText(), /^Summary only · read the full article$/);
  assert.equal(await note.getByRole('link').getAttribute('aria-label'), 'Read the full article at Northern Ledger (opens in a new tab)');
  // In the list (whose items are links) the note is text alone.
  assert.equal(await items.nth(summary).getByTestId('summary-only').innerText(), 'Summary only');
  await shot(page, 'pages-summary-only');

  // Every topic on the map is one the CLI lists, as many as the map shows (30 at most).
  const labels = await mapLabels(page);
  const cliLabels = cli.topics.map((t) => t.label);
  assert.equal(labels.length, Math.min(30, cliLabels.length));
  for (const label of labels) assert.ok(cliLabels.includes(label), label);
  assert.equal(await pwned(page), null);
  assert.deepEqual(elsewhere(page), []);
  assert.deepEqual(page.problems, []);
});

test('the metadata line links to the original: light and dark, wide and on a phone, and passes axe', LIMIT, async () => {
  const bridge = cli.articles.findIndex((a) => a.file === 'bridge.html');
  for (const colorScheme of ['light', 'dark']) {
    for (const [size, viewport] of [['wide', undefined], ['phone', NARROW]]) {
      const page = await open('docs/reader/?src=e2e-pages.lectern', { colorScheme, viewport });
      await page.getByTestId('article-title').waitFor();
      await page.getByTestId('article-item').nth(bridge).click();
      const header = page.locator('.lectern-article-header');
      await header.getByTestId('original-link').waitFor();
      assert.deepEqual(await violations(page), [], `accessibility problems, ${colorScheme}, ${size}`);
      // Reached with the keyboard, it shows its focus ring.
      await header.getByTestId('original-link').focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'original-link');
      await header.scrollIntoViewIfNeeded();
      await header.screenshot({ path: join(repo, 'target', 'screenshots', `pages-meta-${colorScheme}-${size}.png`) });
      if (size === 'wide') await shot(page, `pages-article-${colorScheme}`);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    }
  }
});

test('an added page and web archive are read, listed, kept, searched, quoted and mapped', LIMIT, async () => {
  const page = await open('docs/reader/');
  await page.getByTestId('article-title').waitFor();
  const input = page.getByTestId('add-articles');
  const accept = await input.getAttribute('accept');
  for (const ending of ['.html', '.htm', '.mhtml', '.mht', '.xml', '.rss', '.atom', '.json', '.txt', '.md', 'text/html']) {
    assert.ok(accept.split(',').includes(ending), `${ending} in ${accept}`);
  }
  assert.match(await page.locator('.lectern-add-hint').innerText(), /web pages and feeds/);

  // One chosen, one dropped.
  await input.setInputFiles([{ name: 'bridge.html', mimeType: 'text/html', buffer: fixture('bridge.html') }]);
  await page.getByTestId('added-item').first().waitFor();
  await drop(page, [{ name: 'lighthouse.mhtml', type: 'multipart/related', buffer: fixture('lighthouse.mhtml') }]);
  await page.getByTestId('added-item').nth(1).waitFor();
  const titles = (file) => cliAdded.articles.find((a) => a.file === file).title;
  assert.deepEqual(await page.locator('.lectern-added-title').allInnerTexts(), [titles('bridge.html'), titles('lighthouse.mhtml')]);
  assert.equal(await page.getByTestId('article-title').innerText(), titles('lighthouse.mhtml'));
  await shot(page, 'pages-added');

  await page.reload();
  await page.getByTestId('added-item').nth(1).waitFor();
  assert.equal(await page.getByTestId('article-item').count(), cliAdded.articles.length);

  // Search finds words from both.
  for (const word of ['girders', 'prisms']) {
    await page.getByTestId('search').fill(word);
    await page.getByTestId('result').first().waitFor();
    assert.match(await page.getByTestId('result-count').innerText(), /^\d+ matching passages?$/, word);
  }
  await page.getByTestId('search').fill('');

  // Their quotes, with the speakers the CLI finds.
  for (const file of ['bridge.html', 'lighthouse.mhtml']) {
    const a = cliAdded.articles.find((x) => x.file === file);
    await page.getByTestId('article-item').filter({ hasText: a.title }).click();
    await page.getByTestId('article-title').filter({ hasText: a.title }).waitFor();
    const quotes = page.getByTestId('article-body').locator('.lectern-article [data-testid="quote"]');
    assert.ok(a.quotes.length > 0, file);
    assert.deepEqual(await quotes.evaluateAll((qs) => qs.map((q) => q.getAttribute('data-speaker'))), a.quotes.map((q) => q.speaker ?? null), file);
    assert.equal(await page.locator('.lectern-article-header').getByTestId('original-link').getAttribute('href'), a.url);
  }

  // The map is the CLI's for the same articles, and shows topics only the added ones have.
  const labels = await mapLabels(page);
  const cliLabels = cliAdded.topics.map((t) => t.label);
  assert.equal(labels.length, Math.min(30, cliLabels.length));
  for (const label of labels) assert.ok(cliLabels.includes(label), label);
  const base = readdirSync(join(repo, 'articles')).map((n) => readFileSync(join(repo, 'articles', n), 'utf8').toLowerCase()).join('\n');
  const addedText = cliAdded.articles.filter((a) => ['bridge.html', 'lighthouse.mhtml'].includes(a.file))
    .map((a) => a.sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs]).join('\n') + a.title).join('\n').toLowerCase();
  const theirs = labels.filter((l) => addedText.includes(l.toLowerCase()) && !base.includes(l.toLowerCase()));
  assert.ok(theirs.length > 0, `no topic of the added articles on the map: ${labels.join(', ')}`);
  await shot(page, 'pages-added-map');
  assert.equal(await pwned(page), null);
  assert.deepEqual(elsewhere(page), []);
  assert.deepEqual(page.problems, []);
});

test('an added feed gives one article per entry, a summary-only entry marked as such', LIMIT, async () => {
  const page = await open('docs/reader/');
  await page.getByTestId('article-title').waitFor();
  const before = await page.getByTestId('article-item').count();
  const entries = cli.articles.filter((a) => a.file === 'ledger-feed.xml');
  assert.ok(entries.length > 1 && entries.some((a) => a.summary), 'the fixture feed has several entries, one a summary');
  await drop(page, [{ name: 'ledger-feed.xml', type: 'application/rss+xml', buffer: fixture('ledger-feed.xml') }]);
  await page.getByTestId('added-item').first().waitFor();
  assert.match(await page.locator('.lectern-added-title').innerText(), new RegExp(`^${entries.length} articles from `));
  await page.getByTestId('article-item').nth(before + entries.length - 1).waitFor();
  assert.equal(await page.getByTestId('article-item').count(), before + entries.length);
  const summary = entries.find((a) => a.summary);
  await page.getByTestId('article-item').filter({ hasText: summary.title }).click();
  await page.getByTestId('article-title').filter({ hasText: summary.title }).waitFor();
  await page.locator('.lectern-article-header').getByTestId('summary-only').waitFor();
  assert.deepEqual(page.problems, []);
});

/** Nothing of the hostile page ran or was fetched, and nothing it carried became markup. */
async function harmless(page) {
  const body = page.getByTestId('article-body');
  assert.equal(await body.locator('script, iframe, object, embed, img, svg, form, input, link, style').count(), 0);
  assert.equal(await page.locator('a[href^="javascript:" i], a[href^="data:" i]').count(), 0);
  assert.equal(await page.locator('.lectern-article-header').getByTestId('original-link').count(), 0);
  assert.equal(await pwned(page), null);
  assert.deepEqual(elsewhere(page), []);
  assert.deepEqual(page.problems, []);
}

test('a hostile page runs nothing and fetches nothing, added in the browser or bundled', LIMIT, async () => {
  const [hostile] = cliHostile.articles;
  const added = await open('docs/reader/');
  await added.getByTestId('article-title').waitFor();
  await added.getByTestId('add-articles').setInputFiles([{ name: 'hostile.html', mimeType: 'text/html', buffer: HOSTILE }]);
  await added.getByTestId('added-item').waitFor();
  assert.equal(await added.getByTestId('article-title').innerText(), hostile.title);
  assert.ok(hostile.title.includes('Harbour Gate'), hostile.title);
  await added.getByTestId('search').fill('hinges');
  await added.getByTestId('result').first().waitFor();
  await added.getByTestId('search').fill('');
  await added.reload();
  await added.getByTestId('added-item').waitFor();
  await added.getByTestId('article-item').filter({ hasText: 'Harbour Gate' }).click();
  await added.getByTestId('article-title').filter({ hasText: 'Harbour Gate' }).waitFor();
  await shot(added, 'pages-hostile-added');
  await harmless(added);

  const bundled = await open('docs/reader/?src=e2e-hostile.lectern');
  await bundled.getByTestId('article-title').waitFor();
  assert.equal(await bundled.getByTestId('article-title').innerText(), hostile.title);
  await mapLabels(bundled);
  await bundled.getByRole('tab', { name: 'Quotes' }).click();
  await harmless(bundled);
});
