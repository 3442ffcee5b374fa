// Readers' own articles: a bundle made by the CLI and loaded with src=, damaged bundles, and
// files added in the browser (chosen or dropped), kept across a reload and removed again.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startDemos } from './demos.mjs';
import { articlesFolder, dist, guardedPage, lectern, pwned, shot } from './harness.mjs';

const LIMIT = { timeout: 90_000 };
const XSS_TITLE = 'Harbour <img src=x onerror="alert(1)"> Report';
const ADDED = `${XSS_TITLE}

The harbour authority in Valparaíso reopened the northern quay on Tuesday.

“We expect the quay to carry twice the cargo by spring,” said Marisol Quenta, the port director.
Quenta said <script>window.pwned=2</script> the work cost less than planned.

[Read more](javascript:window.pwned=3) about Valparaíso and its quay.
`;

let demos;
let folder;
let corpus;
before(async () => {
  demos = await startDemos();
  folder = articlesFolder('lectern-e2e-', ADDED);
  corpus = join(dist, 'e2e-corpus.lectern');
  lectern('bundle', folder, '-o', corpus);
  // Damaged copies, each to be refused with its own message.
  const bytes = readFileSync(corpus);
  writeFileSync(join(dist, 'e2e-truncated.lectern'), bytes.subarray(0, bytes.length - 100));
  const flipped = Buffer.from(bytes);
  flipped[flipped.length - 50] ^= 0x20;
  writeFileSync(join(dist, 'e2e-corrupt.lectern'), flipped);
  const other = Buffer.from(bytes);
  other.writeUInt16LE(1, 8);
  writeFileSync(join(dist, 'e2e-version.lectern'), other);
});
after(async () => { await demos?.stop(); });

function inspect() {
  return JSON.parse(lectern('inspect', '--json', folder));
}

const open = (path, options) => guardedPage(demos, path, options);
/** Has the page (or a worker it started) asked for the worker's wasm? */
const fetchedWorker = (page) => page.requested.some((url) => url.endsWith('/lectern-worker_bg.wasm'));

/** About 4.8 MB of plain prose (the limit is 5 MB), varied enough to index like an article. */
function bigArticle() {
  const words = ('harbour authority reopened the northern quay cargo port director minister pipeline energy ' +
    'talks Moscow Islamabad visit trade gas wheat sanctions officials said council budget river bridge').split(' ');
  let seed = 7;
  const pick = () => words[(seed = (seed * 1103515245 + 12345) % 2147483648) % words.length];
  const paragraphs = ['A Very Long Harbour Report'];
  let size = 0;
  while (size < 4.8 * 1024 * 1024) {
    const sentence = Array.from({ length: 60 }, pick).join(' ');
    paragraphs.push(`${sentence[0].toUpperCase()}${sentence.slice(1)}.`);
    size += sentence.length + 3;
  }
  return paragraphs.join('\n\n');
}

test('a bundle made by the CLI shows the articles, quotes and topics the CLI reports', LIMIT, async () => {
  const cli = inspect();
  const page = await open('docs/reader/?src=e2e-corpus.lectern');
  await page.getByTestId('article-title').waitFor();
  const listed = await page.getByTestId('article-item').allInnerTexts();
  assert.equal(listed.length, cli.articles.length);
  cli.articles.forEach((a, i) => assert.ok(listed[i].startsWith(a.title), `${listed[i]} / ${a.title}`));

  // The harbour article: its quote, attributed as the CLI says, and its text shown as text.
  const harbour = cli.articles.findIndex((a) => a.file === 'harbour.md');
  await page.getByTestId('article-item').nth(harbour).click();
  assert.equal(await page.getByTestId('article-title').innerText(), XSS_TITLE);
  const quotes = page.getByTestId('article-body').getByTestId('quote');
  assert.equal(await quotes.count(), cli.articles[harbour].quotes.length);
  assert.equal(await quotes.first().getAttribute('data-speaker'), cli.articles[harbour].quotes[0].speaker);

  // Every topic on the map is one the CLI lists, as many as the map shows (30 at most).
  await page.getByRole('tab', { name: 'Topics' }).click();
  await page.getByTestId('topic-node').first().waitFor();
  const labels = await page.getByTestId('topic-node').evaluateAll((ns) => ns.map((n) => n.getAttribute('data-label')));
  const cliLabels = cli.topics.map((t) => t.label);
  assert.equal(labels.length, Math.min(30, cliLabels.length));
  for (const label of labels) assert.ok(cliLabels.includes(label), label);
  // The added article's own topic made the map.
  assert.ok(labels.includes('quay'), labels.join(', '));

  await page.getByTestId('search').fill('quay');
  assert.match(await page.getByTestId('result-count').innerText(), /^\d+ matching passages?$/);
  await shot(page, 'own-bundle-src');
  assert.equal(await pwned(page), null);
  assert.deepEqual(page.problems, []);
});

test('an embedded reader loads the same bundle with src=', LIMIT, async () => {
  const page = await open('strict-csp.html');
  await page.evaluate(() => {
    const element = document.createElement('lectern-reader');
    element.id = 'own';
    element.setAttribute('src', '/docs/reader/e2e-corpus.lectern');
    document.body.append(element);
  });
  const reader = page.locator('#own');
  await reader.getByTestId('article-title').waitFor();
  assert.equal(await reader.getByTestId('article-item').count(), 3);
  const found = await page.evaluate(() => window.Lectern.mount(document.getElementById('own')).search('Valparaíso'));
  assert.ok(found.total >= 2);
  // Under a strict Content-Security-Policy, the worker that reads added files still starts.
  const note = { name: 'note.md', mimeType: 'text/markdown', buffer: Buffer.from('A Strict Note\n\nThe quay reopened.\n') };
  await reader.getByTestId('add-articles').setInputFiles([note]);
  await reader.getByTestId('added-item').waitFor();
  assert.equal(await reader.getByTestId('article-item').count(), 4);
  assert.deepEqual(page.problems, []);
});

test('damaged, foreign, missing and unreachable bundles each say what is wrong', LIMIT, async () => {
  const page = await open('two-readers.html');
  await page.locator('#first').getByTestId('article-title').waitFor();
  const cases = {
    truncated: ['/docs/reader/e2e-truncated.lectern', /cut short/],
    corrupt: ['/docs/reader/e2e-corrupt.lectern', /checksum does not match/],
    version: ['/docs/reader/e2e-version.lectern', /format version 1, but this reader reads version \d+/],
    foreign: ['/docs/reader/index.html', /not a Lectern bundle/],
    missing: ['/docs/reader/nothing-here.lectern', /answered 404/],
    unreachable: ['http://127.0.0.1:9/corpus.lectern', /did not answer/],
  };
  await page.evaluate((cases) => {
    for (const [id, [src]] of Object.entries(cases)) {
      const element = document.createElement('lectern-reader');
      element.id = id;
      element.setAttribute('src', src);
      document.body.append(element);
    }
  }, Object.fromEntries(Object.entries(cases).map(([k, [src]]) => [k, [src]])));
  for (const [id, [, expected]] of Object.entries(cases)) {
    const error = page.locator(`#${id}`).getByTestId('error');
    await error.waitFor();
    assert.match(await error.innerText(), expected, id);
  }
  // The readers that were already there still work.
  await page.locator('#first').getByTestId('search').fill('Moscow');
  await page.locator('#first').getByTestId('match').first().waitFor();
  await shot(page, 'own-bad-bundles', true);
  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(p)), []);
});

test('added files are read, searched, kept across a reload and removed; bad ones are named', LIMIT, async () => {
  const page = await open('docs/reader/');
  await page.getByTestId('article-title').waitFor();
  const files = [
    { name: 'harbour.md', mimeType: 'text/markdown', buffer: Buffer.from(ADDED) },
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) },
    { name: 'blob.txt', mimeType: 'text/plain', buffer: Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]) },
    { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from('Caf\xe9 society\n\nA paragraph.\n', 'latin1') },
    { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(20 * 1024 * 1024, 'a') },
  ];
  // The worker that reads files is fetched when a file is added, not before.
  assert.equal(await fetchedWorker(page), false);
  await page.getByTestId('add-articles').setInputFiles(files);
  await page.getByTestId('added-item').first().waitFor();
  assert.equal(await fetchedWorker(page), true);
  assert.equal(await page.getByTestId('article-title').innerText(), XSS_TITLE);
  const errors = await page.getByTestId('error').innerText();
  assert.match(errors, /photo\.png is not an article file \(text, Markdown, a web page, a web archive or a feed\)/);
  assert.match(errors, /blob\.txt: this is a binary file/);
  assert.match(errors, /latin1\.txt: .*UTF-8/);
  assert.match(errors, /huge\.txt is 20\.0 MB; files over 5 MB are not added/);
  assert.equal(await page.getByTestId('article-item').count(), 3);

  // Search, quotes and the map know it at once.
  await page.getByTestId('search').fill('quay');
  await page.getByTestId('result').first().waitFor();
  assert.equal(await page.getByTestId('article-body').getByTestId('quote').first().getAttribute('data-speaker'), 'Marisol Quenta');
  await page.getByRole('tab', { name: 'Topics' }).click();
  await page.locator('[data-testid="topic-node"][data-label="quay"]').waitFor();
  await shot(page, 'own-added');

  await page.reload();
  await page.getByTestId('added-item').first().waitFor();
  assert.equal(await page.getByTestId('article-item').count(), 3);
  await page.getByTestId('remove-added').click();
  assert.equal(await page.getByTestId('article-item').count(), 2);
  await page.reload();
  await page.getByTestId('article-title').waitFor();
  await page.getByTestId('add-articles').waitFor({ state: 'attached' });
  assert.equal(await page.getByTestId('added-item').count(), 0);
  assert.equal(await page.getByTestId('article-item').count(), 2);
  assert.equal(await pwned(page), null);
  assert.deepEqual(page.problems, []);
});

test('dropped files are added; without IndexedDB the reader says they will not be kept', LIMIT, async () => {
  // As in a private window that refuses storage.
  const noStorage = () => Object.defineProperty(window, 'indexedDB', { get: () => undefined });
  const page = await demos.page('docs/reader/', { init: noStorage });
  await page.getByTestId('article-title').waitFor();
  await page.getByTestId('not-kept').waitFor();
  assert.match(await page.getByTestId('not-kept').innerText(), /will not be kept after this page closes/);
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }));
    const reader = document.querySelector('[data-testid="reader"]');
    reader.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    reader.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, ADDED.replace(XSS_TITLE, 'A Dropped Harbour Report'));
  await page.getByTestId('added-item').first().waitFor();
  assert.equal(await page.getByTestId('article-title').innerText(), 'A Dropped Harbour Report');
  assert.equal(await page.getByTestId('article-item').count(), 3);
  await shot(page, 'own-dropped-not-kept');
  assert.equal(await pwned(page), null);
  assert.deepEqual(page.problems, []);
});

test('a big file is read in a worker: the page keeps drawing and answering meanwhile', LIMIT, async () => {
  const page = await open('docs/reader/');
  await page.getByTestId('article-title').waitFor();
  // The longest wait between two frames drawn while the file was being read and indexed.
  await page.evaluate(() => {
    window.longestBusyFrame = 0;
    let last = performance.now();
    let busy = false;
    const tick = (now) => {
      const busyNow = document.querySelector('[data-testid="add-progress"]') !== null;
      if (busy && busyNow) window.longestBusyFrame = Math.max(window.longestBusyFrame, now - last);
      [busy, last] = [busyNow, now];
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.getByTestId('add-articles').setInputFiles([{ name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.from(bigArticle()) }]);
  await page.getByTestId('add-progress').waitFor();
  await shot(page, 'own-big-file-progress');
  // Searching works while the worker reads.
  await page.getByTestId('search').fill('Moscow');
  await page.getByTestId('result').first().waitFor();
  await page.getByTestId('added-item').waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('add-progress').count(), 0);
  assert.equal(await page.locator('.lectern-added-title').innerText(), 'A Very Long Harbour Report');
  // Reading the same file on the page's own thread stalled it for seconds.
  const longest = await page.evaluate(() => window.longestBusyFrame);
  assert.ok(longest > 0 && longest < 500, `a frame took ${Math.round(longest)} ms while the file was read`);
  assert.deepEqual(page.problems, []);
});
