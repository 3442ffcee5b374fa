// The topic map as a reader uses it: read it, hover, click a topic to filter the reading view,
// change what it shows, use it without a mouse, read it as a table, compare two articles, and
// download it.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { NARROW, start } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });

const map = (page) => page.getByTestId('topic-map');
const nodes = (page) => page.getByTestId('topic-node');
const labels = (page) => nodes(page).evaluateAll((ns) => ns.map((n) => n.dataset.label));
const count = async (page) => Number((await page.getByTestId('result-count').innerText()).match(/\d+/)?.[0] ?? NaN);
const viewBox = (page) => map(page).locator('svg.lectern-topic-svg').getAttribute('viewBox');

async function openMap(options) {
  const page = await app.page(options);
  await page.getByRole('tab', { name: 'Topics' }).click();
  await nodes(page).first().waitFor();
  return page;
}

test('the map shows the articles’ topics, for all articles or the open one', async () => {
  const page = await openMap();
  assert.equal(await map(page).locator('svg.lectern-topic-svg').count(), 1);
  const all = await labels(page);
  assert.equal(all.length, 30, 'about thirty topics by default');
  for (const want of ['Imran Khan', 'Vladimir Putin', 'Russia', 'Pakistan', 'Ukraine', 'United States', 'Afghanistan', 'China', 'Pakistan Stream Gas Pipeline']) {
    assert.ok(all.includes(want), `${want} in ${all}`);
  }
  for (const never of ['Khan', 'Putin', 'However', 'But', 'Friday', 'Guys']) {
    assert.ok(!all.includes(never), `${never} is not a node`);
  }
  await app.shot(page, 'topics-wide');

  await map(page).getByRole('button', { name: 'This article' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=topic-node]').length > 0
    && [...document.querySelectorAll('[data-testid=topic-node]')].some((n) => n.dataset.label === 'Shamshad Ahmad'));
  await page.getByTestId('article-item').nth(1).click();
  await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid=topic-node]')].some((n) => n.dataset.label === 'Shamshad Ahmad'));
  const blog = await labels(page);
  assert.ok(blog.includes('Imran Khan') && blog.length > 5, blog.join(', '));
  assert.deepEqual(page.problems, []);
});

test('hovering a topic keeps its neighbours bright and says how often it is mentioned', async () => {
  const page = await openMap();
  const khan = map(page).locator('[data-label="Imran Khan"]');
  await khan.hover();
  await map(page).locator('.lectern-map-tip').waitFor();
  assert.match(await map(page).locator('.lectern-map-tip').textContent(), /Imran Khan — \d+ mentions · 2 articles/);
  const faded = await nodes(page).evaluateAll((ns) => ns.filter((n) => n.classList.contains('lectern-faded')).length);
  assert.ok(faded > 0 && faded < 30, `${faded} faded`);
  assert.ok(!(await khan.getAttribute('class')).includes('lectern-faded'));
  assert.deepEqual(page.problems, []);
});

test('clicking a topic filters the reading view; the chip removes it', async () => {
  const page = await openMap();
  await map(page).locator('[data-label="Vladimir Putin"]').click();
  const chip = page.getByTestId('filter-chip');
  await chip.waitFor();
  assert.match(await chip.innerText(), /Topic\s*Vladimir Putin/i);
  assert.match(page.url(), /f=topic:Vladimir%20Putin/);
  const n = await count(page);
  assert.ok(n >= 5, `${n} passages`);
  // Excerpts without a query show a paragraph's start; the passage itself names him.
  const results = page.getByTestId('result');
  for (const i of [0, n - 1]) {
    await results.nth(i).click();
    const passage = page.getByTestId('article-body').locator('.lectern-focused');
    await passage.waitFor();
    assert.match(await passage.innerText(), /Putin|President/);
  }
  assert.equal(await map(page).locator('[data-label="Vladimir Putin"]').getAttribute('aria-pressed'), 'true');
  await app.shot(page, 'topics-filtered');
  await page.getByRole('button', { name: /Remove filter Topic: Vladimir Putin/ }).click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=filter-chip]'));
  assert.equal(await map(page).locator('[data-label="Vladimir Putin"]').getAttribute('aria-pressed'), 'false');
  assert.deepEqual(page.problems, []);
});

test('the keyboard alone chooses topics, zooms and pans', async () => {
  const page = await app.page();
  await page.getByRole('tab', { name: 'Quotes' }).focus();
  await page.keyboard.press('ArrowRight');
  await nodes(page).first().waitFor();
  assert.equal(await page.getByRole('tab', { name: 'Topics' }).getAttribute('aria-selected'), 'true');
  const focused = () => page.evaluate(() => document.activeElement?.dataset?.label ?? document.activeElement?.tagName);
  let seen = '';
  for (let i = 0; i < 25 && !(await page.evaluate(() => document.activeElement?.dataset?.testid === 'topic-node')); i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.tagName)) === 'svg') {
      const before = await viewBox(page);
      await page.keyboard.press('+');
      await page.waitForFunction((b) => document.querySelector('svg.lectern-topic-svg').getAttribute('viewBox') !== b, before);
      const zoomed = (await viewBox(page)).split(' ').map(Number);
      assert.ok(zoomed[2] < before.split(' ').map(Number)[2], 'zoomed in');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('0');
      await page.waitForFunction((b) => document.querySelector('svg.lectern-topic-svg').getAttribute('viewBox') === b, before);
      seen = 'svg';
    }
  }
  assert.equal(seen, 'svg', 'the map itself takes focus');
  const label = await focused();
  assert.ok(label && label !== 'BODY', `focused ${label}`);
  await page.keyboard.press('Enter');
  await page.getByTestId('filter-chip').waitFor();
  assert.match(await page.getByTestId('filter-chip').innerText(), new RegExp(label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await app.shot(page, 'topics-keyboard');
  assert.deepEqual(page.problems, []);
});

test('the wheel zooms around the pointer and a drag pans', async () => {
  const page = await openMap();
  const svg = map(page).locator('svg.lectern-topic-svg');
  const box = await svg.boundingBox();
  const start = (await viewBox(page)).split(' ').map(Number);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -200);
  await page.waitForFunction((w) => Number(document.querySelector('svg.lectern-topic-svg').getAttribute('viewBox').split(' ')[2]) < w, start[2]);
  const zoomed = (await viewBox(page)).split(' ').map(Number);
  await page.mouse.move(box.x + 40, box.y + 40);
  await page.mouse.down();
  await page.mouse.move(box.x + 140, box.y + 90, { steps: 5 });
  await page.mouse.up();
  const panned = (await viewBox(page)).split(' ').map(Number);
  assert.ok(panned[0] < zoomed[0] && panned[1] < zoomed[1], `${zoomed} → ${panned}`);
  assert.equal(panned[2], zoomed[2], 'a drag does not zoom');
  await map(page).getByRole('button', { name: 'Reset zoom and pan' }).click();
  await page.waitForFunction((v) => document.querySelector('svg.lectern-topic-svg').getAttribute('viewBox') === v, start.join(' '));
  assert.deepEqual(page.problems, []);
});

test('controls change what is shown, and the list shows the same topics and links', async () => {
  const page = await openMap();
  await map(page).getByLabel('How many topics to show').selectOption('10');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=topic-node]').length === 10);
  const shown = await labels(page);
  const lines = await map(page).locator('line.lectern-link').count();
  await map(page).getByRole('button', { name: 'List' }).click();
  const rows = map(page).locator('tbody tr');
  await rows.first().waitFor();
  assert.deepEqual(await rows.evaluateAll((rs) => rs.map((r) => r.dataset.topic)), shown);
  const partners = await map(page).locator('.lectern-topic-links').evaluateAll((cs) =>
    cs.reduce((n, c) => n + (c.textContent ? c.textContent.split(', ').length : 0), 0));
  assert.equal(partners, 2 * lines, 'every link listed from both ends');
  await app.shot(page, 'topics-list');
  await map(page).getByRole('button', { name: 'Map', exact: true }).click();
  await map(page).getByLabel('Weakest link shown').fill('100');
  await page.waitForFunction(() => document.querySelectorAll('line.lectern-link').length < 3);
  assert.deepEqual(page.problems, []);
});

test('two articles compared: topics both cover and topics only one covers', async () => {
  const page = await openMap();
  await map(page).getByRole('button', { name: 'Compare' }).click();
  const both = map(page).getByRole('region', { name: 'In both articles' });
  await both.waitFor();
  assert.match(await both.innerText(), /Pakistan/);
  assert.match(await map(page).getByRole('region', { name: 'Only in the first article' }).innerText(), /Shamshad Ahmad/);
  await app.shot(page, 'topics-compare');
  assert.deepEqual(page.problems, []);
});

test('the map downloads as SVG, PNG, CSV and JSON', async () => {
  const page = await openMap();
  const save = async (name) => {
    const [file] = await Promise.all([page.waitForEvent('download'), map(page).getByRole('button', { name }).click()]);
    return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
  };
  const svg = await save('Download the map as SVG');
  assert.match(svg.name, /\.svg$/);
  assert.match(svg.bytes.toString(), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg.bytes.toString(), /Imran Khan/);
  const png = await save('Download the map as PNG');
  assert.deepEqual([...png.bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG');
  const json = JSON.parse((await save('Download topics and links as JSON')).bytes.toString());
  assert.equal(json.topics.length, 30);
  assert.ok(json.edges.every((e) => e.source < 30 && e.target < 30 && e.weight >= 0.3));
  const csv = (await save('Download topics and links as CSV')).bytes.toString();
  assert.match(csv, /^kind,topic,other,mentions,weight,cluster\r\ntopic,"Pakistan",/);
  assert.deepEqual(page.problems, []);
});

test('on a phone the map fits the screen; in the dark it stays legible', async () => {
  const page = await openMap({ viewport: NARROW });
  const svgBox = await map(page).locator('svg.lectern-topic-svg').boundingBox();
  assert.ok(svgBox.width <= 360 && svgBox.width > 250, `width ${svgBox.width}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `overflows by ${overflow}px`);
  await map(page).scrollIntoViewIfNeeded();
  await app.shot(page, 'topics-narrow');
  const dark = await openMap({ colorScheme: 'dark' });
  await app.shot(dark, 'topics-dark');
  assert.deepEqual([...page.problems, ...dark.problems], []);
});
