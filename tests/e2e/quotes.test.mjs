// Quotations as a reader meets them: marked in the text with their speakers, listed by speaker
// in the panel, used as filters beside the search, and downloaded as files.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { NARROW, start } from './harness.mjs';

const OPINION = 'A path-breaking visit';
const SPEAKERS = {
  'Shamshad Ahmad': 6,
  'the statement': 2,
  'the handout': 2,
  'one foreign ministry official': 1,
  'Zafar Hilaly': 1,
  'the official statement': 1,
};

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });

const body = (page) => page.getByTestId('article-body');
const panel = (page) => page.getByTestId('quotes-panel');
const count = async (page) => Number((await page.getByTestId('result-count').innerText()).match(/\d+/)?.[0] ?? NaN);
const tally = (names) => names.reduce((t, n) => ({ ...t, [n]: (t[n] ?? 0) + 1 }), {});

test('every quotation in the opinion piece is marked with its speaker', async () => {
  const page = await app.page();
  assert.equal(await page.getByTestId('article-title').innerText(), OPINION);
  const quotes = body(page).getByTestId('quote');
  await quotes.first().waitFor();
  assert.equal(await quotes.count(), 13);
  const speakers = await quotes.evaluateAll((qs) => qs.map((q) => q.dataset.speaker));
  assert.deepEqual(tally(speakers), SPEAKERS);
  // The marks hold the quoted words only, and say who and how on hover and focus.
  const first = quotes.first();
  assert.match(await first.innerText(), /^It was a historic opportunity .* with Moscow$/);
  assert.match(await first.getAttribute('title'), /Shamshad Ahmad, a veteran diplomat.*named after the quote/);
  const second = quotes.nth(1);
  assert.match(await second.getAttribute('title'), /Shamshad Ahmad.*from “he”/);
  await second.focus();
  const tip = await second.evaluate((q) => getComputedStyle(q, '::before').content);
  assert.match(tip, /Shamshad Ahmad/);
  // Not colour alone: each speaker has their own underline style too.
  const styles = await quotes.evaluateAll((qs) => qs.map((q) => getComputedStyle(q).textDecorationStyle));
  assert.ok(new Set(styles).size >= 4, styles.join(','));
  await app.shot(page, 'quotes-wide');
  assert.deepEqual(page.problems, []);
});

test('the quotes panel lists speakers, expands to their quotes and opens one', async () => {
  const page = await app.page();
  const rows = panel(page).locator('.lectern-speaker-toggle');
  await rows.first().waitFor();
  const listed = await rows.evaluateAll((rs) => rs.map((r) => [
    r.querySelector('.lectern-speaker-name').firstChild.textContent, Number(r.querySelector('.lectern-badge').textContent)]));
  assert.deepEqual(Object.fromEntries(listed), SPEAKERS);
  assert.equal(listed[0][0], 'Shamshad Ahmad', 'most quoted first');
  assert.match(await panel(page).innerText(), /13 quotations from 6 named speakers/);

  await rows.first().click();
  assert.equal(await rows.first().getAttribute('aria-expanded'), 'true');
  const links = panel(page).locator('.lectern-quote-link');
  assert.equal(await links.count(), 6);
  await links.nth(5).click();
  const chosen = body(page).locator('.lectern-quote-focused');
  await chosen.waitFor();
  assert.match(await chosen.innerText(), /^Remember the Cuban missile crisis/);
  await page.waitForFunction(() => {
    const q = document.querySelector('.lectern-quote-focused').getBoundingClientRect();
    const pane = document.querySelector('[data-testid=article-body]').getBoundingClientRect();
    return q.top >= pane.top && q.bottom <= pane.bottom;
  });
  await app.shot(page, 'quotes-panel-open');

  // The blog post has none, and says so; all articles together have the opinion piece's.
  await page.getByTestId('article-item').nth(1).click();
  await page.getByText('This article has no quotations.').waitFor();
  assert.equal(await body(page).getByTestId('quote').count(), 0);
  await panel(page).getByRole('button', { name: 'All articles' }).click();
  await panel(page).getByText('13 quotations from 6 named speakers').waitFor();
  assert.deepEqual(page.problems, []);
});

test('a speaker is a filter with a chip and a URL; quotes only narrows a search', async () => {
  const page = await app.page();
  await panel(page).getByRole('button', { name: 'Filter: passages quoting Zafar Hilaly' }).click();
  const chip = page.getByTestId('filter-chip');
  await chip.waitFor();
  assert.match(await chip.innerText(), /Speaker\s*Zafar Hilaly/i);
  assert.equal(await count(page), 1);
  assert.match(page.url(), /f=speaker:Zafar%20Hilaly/);
  await page.reload();
  await page.getByTestId('filter-chip').waitFor();
  assert.equal(await count(page), 1, 'the filter survives a reload');
  await page.getByRole('button', { name: /Remove filter Speaker: Zafar Hilaly/ }).click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=filter-chip]'));

  const box = page.getByTestId('search');
  await box.click();
  await box.pressSequentially('washington');
  await page.getByTestId('result').first().waitFor();
  const all = await count(page);
  const toggle = page.getByRole('button', { name: /^Quotes only/ });
  const offered = Number((await toggle.innerText()).match(/\d+/)[0]);
  await toggle.click();
  await page.waitForFunction((n) => /\d/.test(document.querySelector('[data-testid=result-count]').textContent)
    && !document.querySelector('[data-testid=result-count]').textContent.startsWith(`${n} `), all);
  const quoted = await count(page);
  assert.ok(quoted > 0 && quoted < all, `${quoted} of ${all}`);
  assert.equal(quoted, offered, 'the toggle said how many it would give');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  // Every result's marked word sits inside a quotation in its article.
  for (const excerpt of await page.getByTestId('result').allInnerTexts()) {
    assert.match(excerpt, /Washington/);
  }
  await app.shot(page, 'quotes-only');
  assert.deepEqual(page.problems, []);
});

test('quotes download as CSV, JSON and Markdown, made in the browser', async () => {
  const page = await app.page();
  const save = async (label) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      panel(page).getByRole('button', { name: `Download quotes as ${label}` }).click(),
    ]);
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  };
  const json = await save('JSON');
  assert.match(json.name, /^quotes-000.*\.json$/);
  const rows = JSON.parse(json.text);
  assert.equal(rows.length, 13);
  assert.deepEqual(tally(rows.map((r) => r.speaker)), SPEAKERS);
  assert.equal(rows[0].article, OPINION);
  assert.match(rows[0].quote, /^It was a historic opportunity/);
  assert.ok(rows.every((r) => Number.isInteger(r.paragraph) && r.paragraph > 0));

  const csv = await save('CSV');
  const lines = csv.text.trim().split('\r\n');
  assert.equal(lines[0], 'speaker,description,quote,article,paragraph');
  assert.equal(lines.length, 14);
  assert.match(lines[1], /^"Shamshad Ahmad","a veteran diplomat and Pakistan’s former foreign secretary","It was a historic/);

  const md = await save('Markdown');
  assert.match(md.text, /^# Quotes: 000/);
  assert.match(md.text, /## Shamshad Ahmad \(6\)/);
  assert.equal((md.text.match(/^> — \*A path-breaking visit\*, paragraph \d+$/gm) ?? []).length, 13);
  assert.deepEqual(page.problems, []);
});

test('on a phone the panel follows the article, with nothing wider than the screen', async () => {
  const page = await app.page({ viewport: NARROW });
  await panel(page).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `overflows by ${overflow}px`);
  await panel(page).scrollIntoViewIfNeeded();
  await app.shot(page, 'quotes-narrow');
  const dark = await app.page({ colorScheme: 'dark' });
  await body(dark).getByTestId('quote').first().waitFor();
  await app.shot(dark, 'quotes-dark');
  assert.deepEqual(page.problems, []);
});
