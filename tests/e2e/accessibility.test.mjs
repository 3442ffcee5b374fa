// What a screen reader, a keyboard and weak eyes rely on, checked by axe-core in each of the
// reader's views: names and roles, text contrast, the page's landmarks and headings. Light and
// dark, wide and on a phone, searching and not, every panel, a split bundle and an error. Any
// violation fails the test with axe's own account of it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startDemos } from './demos.mjs';
import { NARROW, articlesFolder, dist, lectern, start } from './harness.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LIMIT = { timeout: 90_000 };

let app;
before(async () => {
  app = await start();
  lectern('bundle', '--split', articlesFolder('lectern-a11y-', 'Harbour Report\n\nThe harbour reopened on Tuesday.\n'), '-o', join(dist, 'e2e-a11y-split'));
});
after(async () => { await app?.stop(); });

/** Axe's violations on the page as it is now, one line each, with where (inside shadow roots
 *  too). Axe is evaluated through the DevTools protocol, which a page's CSP does not govern. */
async function violations(page, skip = []) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async (skip) => {
    const rules = Object.fromEntries(skip.map((id) => [id, { enabled: false }]));
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'], rules });
    return violations.map((v) => `${v.id} (${v.impact}): ${v.help}, at ${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join('; ')}`);
  }, skip);
}

async function expectNone(page, view, skip) {
  assert.deepEqual(await violations(page, skip), [], `accessibility problems in ${view}`);
}

for (const colorScheme of ['light', 'dark']) {
  for (const [size, viewport] of [['wide', undefined], ['phone', NARROW]]) {
    test(`${colorScheme}, ${size}: reading, searching, filters, quotes and the map`, LIMIT, async () => {
      const page = await app.page({ viewport, colorScheme, hash: '#q=Khan' });
      await page.getByTestId('result').first().waitFor();
      await expectNone(page, 'a search with results');
      for (const summary of await page.locator('.lectern-filters summary').all()) await summary.click();
      await expectNone(page, 'the filters opened');
      const help = page.getByRole('button', { name: 'How to search' });
      await help.click();
      await expectNone(page, 'the search help');
      await help.click();
      assert.equal(await help.getAttribute('aria-expanded'), 'false');
      await page.getByTestId('search').fill('Lennon');
      await page.locator('.lectern-badge-zero').first().waitFor();
      await expectNone(page, 'a search without results (articles with no matches)');
      await page.getByTestId('search').fill('');
      await page.getByTestId('quotes-panel').getByRole('button', { name: 'All articles' }).click();
      const closed = page.getByTestId('quotes-panel').locator('.lectern-speaker-toggle[aria-expanded=false]');
      for (let open = 0; open < 20 && (await closed.count()) > 0; open += 1) await closed.first().click();
      assert.equal(await closed.count(), 0, 'every speaker opened');
      await expectNone(page, 'every quotation listed by speaker');
      await page.getByRole('tab', { name: 'Topics' }).click();
      await page.getByTestId('topic-node').first().waitFor();
      await expectNone(page, 'the topic map');
      await page.getByTestId('topic-map').getByRole('button', { name: 'List' }).click();
      await expectNone(page, 'the topics as a table');
      await page.getByTestId('topic-map').getByRole('button', { name: 'Compare' }).click();
      await expectNone(page, 'two articles compared');
    });
  }
}

test('a split bundle and a bundle that cannot be loaded', LIMIT, async () => {
  const split = await app.page({ search: '?src=e2e-a11y-split/index.lectern', hash: '#q=harbour' });
  await split.getByTestId('result').first().waitFor();
  await expectNone(split, 'a split bundle searched');
  const broken = await app.page({ colorScheme: 'dark', search: '?src=no-such-bundle.lectern' });
  await broken.getByTestId('error').waitFor();
  await expectNone(broken, 'the message for a bundle that is not there');
});

test('readers embedded in host pages, one or two to a page, light and dark', LIMIT, async () => {
  const demos = await startDemos();
  try {
    for (const [path, colorScheme] of [['strict-csp.html', 'light'], ['sub-path.html', 'dark'], ['api.html', 'light'], ['two-readers.html', 'dark']]) {
      const page = await demos.page(path, { colorScheme });
      await page.getByTestId('article-title').first().waitFor();
      // Two readers of one page have landmarks of the same names (their search, their own
      // articles): telling them apart would take a name for each reader, which the embedding
      // attributes do not give yet.
      await expectNone(page, `${path} (${colorScheme})`, path === 'two-readers.html' ? ['landmark-unique'] : []);
      await page.context().close();
    }
  } finally {
    await demos.stop();
  }
});
