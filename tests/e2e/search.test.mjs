// Searching as a reader does: type, read the results, open one, step through matches, filter
// with chips, and come back to the same view by reload, link or back button.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { NARROW, start } from './harness.mjs';

const BLOG = "Imran Khan's Russia Visit 2022: What Happened?";

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });

const count = async (page) => Number((await page.getByTestId('result-count').innerText()).match(/\d+/)?.[0] ?? NaN);
const type = async (page, text) => {
  const box = page.getByTestId('search');
  await box.click();
  await box.pressSequentially(text);
};
const resultMarks = (page) => page.getByTestId('result').getByTestId('match').allInnerTexts();

test('typing filters as you type, with counts, marks and grouped results', async () => {
  const page = await app.page();
  await type(page, 'pipel');
  await page.getByTestId('result').first().waitFor();
  const n = await count(page);
  assert.ok(n >= 3, `count ${n}`);
  const marks = await resultMarks(page);
  assert.ok(marks.length > 0 && marks.every((m) => /^pipel/i.test(m)), marks.join(','));
  // Results are grouped under their article, the article with most matches first, and the
  // article list shows how many matches each article has: together, the total.
  const groups = await page.locator('.lectern-result-article').allInnerTexts();
  assert.deepEqual(groups, [BLOG, 'A path-breaking visit']);
  // ...and within an article, by section: each section's passages together.
  const places = await page.locator('.lectern-result-group').first().locator('.lectern-result-place').allInnerTexts();
  const seen = places.filter((p, i) => places.indexOf(p) === i);
  assert.deepEqual(places, seen.flatMap((p) => places.filter((q) => q === p)), places.join(' | '));
  const perArticle = await page.getByTestId('article-item').locator('.lectern-badge').allInnerTexts();
  const counts = perArticle.map((t) => Number(t.match(/\d+/)[0]));
  assert.equal(counts.reduce((a, b) => a + b, 0), n);
  assert.ok(counts[1] > counts[0], `blog ${counts[1]} vs opinion ${counts[0]}`);
  await app.shot(page, 'search-wide');

  // Finishing the word keeps the matches; an exclusion and a phrase narrow them.
  await type(page, 'ine "stream gas" -moscow');
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=result-count]').textContent));
  const narrowed = await resultMarks(page);
  assert.ok(narrowed.every((m) => /^(pipeline|stream|gas)$/i.test(m)), narrowed.join(','));
  assert.deepEqual(page.problems, []);
});

test('choosing a result opens the article at that passage; Enter steps through matches', async () => {
  const page = await app.page();
  await type(page, 'Afganistan');
  await page.getByTestId('result').first().waitFor();
  assert.ok((await resultMarks(page)).every((m) => m === 'Afghanistan'), 'misspelling finds its target');
  const results = page.getByTestId('result');
  await results.nth(2).click();
  const url = page.url();
  assert.match(url, /[#&]p=\d+/);
  const passage = url.match(/[#&]p=(\d+)/)[1];
  await page.waitForFunction((p) => {
    const r = document.querySelector(`[data-passage="${p}"]`).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, passage);
  const body = page.getByTestId('article-body');
  const total = await body.getByTestId('match').count();
  assert.ok(total >= 3);
  await page.getByTestId('search').press('Enter');
  const label = () => page.locator('.lectern-stepper-label').innerText();
  await page.waitForFunction(() => /^\d+ of \d+$/.test(document.querySelector('.lectern-stepper-label').textContent));
  const first = Number((await label()).split(' ')[0]);
  await page.getByTestId('search').press('Enter');
  await page.waitForFunction((f) => document.querySelector('.lectern-stepper-label').textContent.startsWith(`${f + 1 > Number(document.querySelector('.lectern-stepper-label').textContent.split(' of ')[1]) ? 1 : f + 1} of`), first);
  await page.getByTestId('search').press('Shift+Enter');
  await page.waitForFunction((f) => document.querySelector('.lectern-stepper-label').textContent.startsWith(`${f} of`), first);
  // The current match is marked as such and on screen.
  await page.waitForFunction(() => {
    const m = document.querySelector('[data-testid=article-body] mark[aria-current=true]');
    if (!m) return false;
    const r = m.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  await page.getByRole('button', { name: 'Next match' }).click();
  await page.waitForFunction((f) => !document.querySelector('.lectern-stepper-label').textContent.startsWith(`${f} of`), first);
  await app.shot(page, 'search-opened-result');

  // The same URL in a new tab restores query, article, passage and marks.
  const again = await app.page({ hash: new URL(page.url()).hash });
  assert.equal(await again.getByTestId('search').inputValue(), 'Afganistan');
  await again.getByTestId('article-title').filter({ hasText: /./ }).waitFor();
  assert.equal(await again.getByTestId('article-title').innerText(), await page.getByTestId('article-title').innerText());
  assert.equal(await again.getByTestId('article-body').getByTestId('match').count(), total);
  assert.deepEqual(page.problems, []);
});

test('filter chips narrow results, survive reload, and go with their remove button or Back', async () => {
  const page = await app.page();
  await type(page, 'russia ');
  await page.getByTestId('result').first().waitFor();
  const all = await count(page);
  await page.getByText('Filter by article').click();
  const option = page.locator('.lectern-facet-option').filter({ hasText: BLOG });
  const expected = Number(await option.locator('.lectern-badge').innerText());
  await option.click();
  const chip = page.getByTestId('filter-chip');
  await chip.waitFor();
  assert.match(await chip.innerText(), /Imran Khan's Russia Visit/);
  await page.waitForFunction((n) => document.querySelector('[data-testid=result-count]').textContent.startsWith(`${n} `), expected);
  assert.ok(expected < all);
  assert.match(page.url(), /f=article:001_8e444e78868fc76e/);
  await app.shot(page, 'search-chip');

  await page.reload();
  await page.getByTestId('filter-chip').waitFor();
  assert.equal(await count(page), expected);

  await page.getByRole('button', { name: /Remove filter Article/ }).click();
  await page.getByTestId('filter-chip').waitFor({ state: 'detached' });
  assert.equal(await count(page), all);
  await page.goBack();
  await page.getByTestId('filter-chip').waitFor();
  assert.equal(await count(page), expected);
});

test('long result lists grow on request', async () => {
  const page = await app.page();
  // One input event: typed key by key, a count read between keystrokes could be an earlier
  // prefix's ("the" also finds "their"), and the list it is compared with the final query's.
  await page.getByTestId('search').fill('the ');
  await page.getByTestId('result').first().waitFor();
  const total = await count(page);
  assert.ok(total > 30, `only ${total} passages`);
  assert.equal(await page.getByTestId('result').count(), 30);
  await page.getByRole('button', { name: /Show more/ }).click();
  const want = Math.min(60, total);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=result]').length === n, want, { timeout: 10_000 })
    .catch(async () => {
      // Say what the screen showed instead: a timeout alone does not tell why.
      const listed = await page.getByTestId('result').count();
      const query = await page.getByTestId('search').inputValue();
      const footer = await page.locator('.lectern-more').allInnerTexts();
      assert.fail(`${listed} results listed, not ${want}, for "${query}" (${await count(page)} passages); footer: ${footer}`);
    });
});

test('slash focuses the box, Esc clears it; no match explains and suggests', async () => {
  const page = await app.page();
  await page.locator('body').press('/');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'search');
  assert.equal(await page.getByTestId('search').inputValue(), '', 'the / is not typed into the box');
  await page.keyboard.type('putn ');
  const empty = page.locator('.lectern-no-results');
  await empty.waitFor();
  assert.match(await empty.innerText(), /No passage matches/);
  assert.equal(await count(page), 0);
  await app.shot(page, 'search-no-results');
  await page.getByRole('button', { name: 'putin' }).click();
  await page.getByTestId('result').first().waitFor();
  assert.equal(await page.getByTestId('search').inputValue(), 'putin');
  await page.getByTestId('search').press('Escape');
  assert.equal(await page.getByTestId('search').inputValue(), '');
  await page.getByTestId('result').first().waitFor({ state: 'detached' });
  assert.match(await page.getByTestId('result-count').innerText(), /2 articles/);
});

test('a hostile query is only text: nothing runs, nothing breaks', async () => {
  const page = await app.page();
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
  await type(page, '-- -x <img src=x onerror=alert(1)> "<script>alert(2)</script> .*[( 😀 \u202e');
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=result-count]').textContent));
  assert.equal(dialogs, 0);
  assert.equal(await page.locator('[data-testid=reader] img, [data-testid=reader] script').count(), 0);
  await page.getByTestId('search').fill('khan');
  await page.getByTestId('result').first().waitFor();
  assert.deepEqual(page.problems, []);
});

test('search works on a 360 px phone, in dark mode too', async () => {
  const page = await app.page({ viewport: NARROW, colorScheme: 'dark' });
  await type(page, 'neutrality');
  await page.getByTestId('result').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await app.shot(page, 'search-narrow');
  await page.getByTestId('result').nth(1).click();
  await page.waitForFunction(() => {
    const m = document.querySelector('[data-testid=article-body] [data-testid=match]');
    const r = m?.getBoundingClientRect();
    return r && r.top >= 0 && r.bottom <= window.innerHeight;
  });
  await app.shot(page, 'search-narrow-opened');
});
