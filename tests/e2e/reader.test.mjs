// The bundled reader, used the way a person would: open it, read, click, use the keyboard,
// on a desktop screen and on a phone, in light and dark.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { NARROW, start } from './harness.mjs';

const OPINION = 'A path-breaking visit';
const BLOG = "Imran Khan's Russia Visit 2022: What Happened?";
const SECTIONS = ['Background and Context', 'Objectives of the Visit', 'Key Events and Discussions',
  'Reactions and Controversies', 'Aftermath and Implications'];

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });

const firstParagraph = (page) => page.getByTestId('article-body').locator('p').first();

test('both articles are listed and the first opens with its title and text', async () => {
  const page = await app.page();
  const items = page.getByTestId('article-item');
  await assert.doesNotReject(items.nth(1).waitFor());
  assert.equal(await items.count(), 2);
  assert.match(await items.nth(0).innerText(), /A path-breaking visit/);
  assert.match(await items.nth(1).innerText(), /Jhon Lennon/);
  assert.match(await items.nth(1).innerText(), /\d+ min read/);
  assert.equal(await items.nth(0).getAttribute('aria-current'), 'true');
  assert.equal(await page.getByTestId('article-title').innerText(), OPINION);
  assert.match(await firstParagraph(page).innerText(), /^Prime Minister Imran Khan managed to pull off/);
  // textContent: the furniture must be absent from the whole article, not only what is drawn.
  const body = await page.getByTestId('article-body').textContent();
  assert.ok(!body.includes('Google Ads'), 'ad line shown');
  assert.ok(!body.includes('21-Oct-2025'), 'stray date shown');
  assert.equal(body.split(OPINION).length - 1, 1, 'title shown once');
  await app.shot(page, 'wide-opinion');
  assert.deepEqual(page.problems, []);
});

test('the app is started once, from the script at the top of the page', async () => {
  const page = await app.page();
  await page.getByTestId('article-title').waitFor();
  // crates/lectern-site, early_start.rs: the early start, and Trunk's module script waiting for it.
  assert.equal(await page.evaluate(() => window.lecternStart instanceof Promise), true);
  assert.equal(await page.evaluate(async () => (await window.lecternStart) === undefined), false);
  assert.equal(await page.locator('[data-testid=reader]').count(), 1);
  assert.equal(await page.getByTestId('article-title').count(), 1);
  assert.deepEqual(page.problems, []);
});

test('clicking the second article opens it with byline, sections and contents', async () => {
  const page = await app.page();
  await page.getByTestId('article-item').nth(1).click();
  await page.getByTestId('article-title').filter({ hasText: BLOG }).waitFor();
  assert.match(await firstParagraph(page).innerText(), /^In February 2022, former Pakistani Prime Minister/);
  assert.equal(await page.getByTestId('article-item').nth(1).getAttribute('aria-current'), 'true');
  assert.equal(await page.getByTestId('article-item').nth(0).getAttribute('aria-current'), null);
  const headings = await page.getByTestId('article-body').locator('h3.lectern-heading').allTextContents();
  assert.deepEqual(headings, SECTIONS);
  const contents = page.getByRole('navigation', { name: 'Contents' }).getByRole('button');
  assert.deepEqual(await contents.allInnerTexts(), SECTIONS);
  assert.match(await page.getByTestId('article-body').innerText(), /By Jhon Lennon/);
  assert.ok(!(await page.getByTestId('article-body').textContent()).includes('47 views'));
  assert.match(page.url(), /#article=001_8e444e78868fc76e$/);
  await app.shot(page, 'wide-blog');

  // The table of contents moves the reader to the section, focus included.
  await contents.filter({ hasText: 'Aftermath and Implications' }).click();
  await page.waitForFunction(() => {
    const heading = document.activeElement;
    if (heading?.textContent !== 'Aftermath and Implications') return false;
    const top = heading.getBoundingClientRect().top;
    return top >= 0 && top < 150;
  });
  // On a wide screen the article scrolls on its own: the list stays in view beside it.
  const item = await page.getByTestId('article-item').nth(0).boundingBox();
  assert.ok(item.y >= 0 && item.y < 900, `article list scrolled away (item at y=${item.y})`);
  await app.shot(page, 'wide-blog-contents-jump');

  // A reload keeps the open article; back returns to the previous one.
  await page.reload();
  await page.getByTestId('article-title').filter({ hasText: BLOG }).waitFor();
  await page.goBack();
  await page.getByTestId('article-title').filter({ hasText: OPINION }).waitFor();
  assert.deepEqual(page.problems, []);
});

test('opening a link adds no history entry: the URL it was opened with is completed in place', async () => {
  const page = await app.page({ hash: '#q=gas' });
  await page.getByTestId('result').first().waitFor();
  // The article the reader chose joins the URL once the first view is drawn...
  await page.waitForFunction(() => /[#&]article=/.test(location.hash));
  assert.match(page.url(), /#q=gas&article=/);
  // ...in place of the link's own entry: Back leaves the reader, not for the same view again.
  await page.goBack();
  assert.doesNotMatch(page.url(), /#q=gas/);
  assert.deepEqual(page.problems, []);
});

test('the opinion piece has no contents box; a link to a missing article explains itself', async () => {
  const page = await app.page({ hash: '#article=no-such-article' });
  await page.getByRole('status').filter({ hasText: 'no-such-article' }).waitFor();
  assert.equal(await page.getByTestId('article-title').innerText(), OPINION);
  assert.equal(await page.getByRole('navigation', { name: 'Contents' }).count(), 0);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('status').waitFor({ state: 'detached' });
});

test('on a 360 px phone the list and the article stack without sideways scrolling', async () => {
  const page = await app.page({ viewport: NARROW });
  const list = await page.getByRole('navigation', { name: 'Articles' }).boundingBox();
  const pane = await page.getByTestId('article-body').boundingBox();
  assert.ok(list.y + list.height <= pane.y + 1, 'list above the article');
  assert.ok(pane.width <= NARROW.width, `pane ${pane.width}px wide`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await app.shot(page, 'narrow-list');
  await page.getByTestId('article-item').nth(1).click();
  await page.getByTestId('article-title').filter({ hasText: BLOG }).waitFor();
  // Opening an article on a phone brings its title on screen.
  await page.waitForFunction(() => {
    const r = document.querySelector('[data-testid=article-title]').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  await app.shot(page, 'narrow-blog');
  assert.deepEqual(page.problems, []);
});

test('dark mode follows the system setting', async () => {
  const page = await app.page({ colorScheme: 'dark' });
  const luminance = await page.getByTestId('reader').evaluate((el) => {
    const [r, g, b] = getComputedStyle(el).backgroundColor.match(/\d+/g).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  });
  assert.ok(luminance < 0.2, `background luminance ${luminance}`);
  await app.shot(page, 'wide-dark');
  const light = await app.page({ colorScheme: 'light' });
  const lightLum = await light.getByTestId('reader').evaluate((el) => {
    const [r, g, b] = getComputedStyle(el).backgroundColor.match(/\d+/g).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  });
  assert.ok(lightLum > 0.8, `light background luminance ${lightLum}`);
});

test('the keyboard alone reaches, moves through and opens articles, with visible focus', async () => {
  const page = await app.page();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to article');
  // Then the search box and its help button, "Add articles…", then the first article.
  const focused = () => page.evaluate(() => document.activeElement.dataset.testid);
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'search');
  const passed = [];
  for (let i = 0; i < 4 && (await focused()) !== 'article-item'; i += 1) {
    await page.keyboard.press('Tab');
    passed.push(await focused());
  }
  assert.ok(passed.includes('add-articles'), passed.join(', '));
  assert.equal(await focused(), 'article-item');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focused item shows a focus ring');
  await page.keyboard.press('ArrowDown');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /Jhon Lennon/);
  await app.shot(page, 'wide-keyboard-focus');
  await page.keyboard.press('Enter');
  await page.getByTestId('article-title').filter({ hasText: BLOG }).waitFor();
  // Focus follows to the article's title, so a screen reader announces it.
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'article-title');

  // The skip link jumps straight to the article.
  await page.reload();
  await page.getByTestId('reader').waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'article-title');
});
