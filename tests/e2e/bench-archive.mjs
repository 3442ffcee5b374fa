// Browser benchmark on generated archives loaded as split bundles (release build, headless
// Chromium, site and bundle served from 127.0.0.1 with gzip for the site's own files, as static
// hosts do; bundle parts are gzip files already). For each size N it expects target/split-N
// (scripts/bench_archive.sh makes them) and prints:
//   - bundle size: the head and all parts, as stored;
//   - first view: navigation to the first frame painted with the article's text and the query in
//     the URL answered with its first result's text, over cold loads;
//   - keystroke → results: 30 different queries typed one key at a time, 100 ms apart (a quick
//     typist); a keystroke counts once its results are answered and painted. Second figure:
//     from a query's last keystroke to its first result's text on screen (result texts are
//     fetched once typing pauses for 150 ms);
//   - transferred after those 30 queries, everything since navigation (transferSize);
//   - memory after a forced garbage collection: the JS heap, and the wasm module's memory
//     (where the articles, index and parts live).
// Usage: node tests/e2e/bench-archive.mjs [N...]   (default 100 1000 10000)
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { dist, launch, repo, shots } from './harness.mjs';
import { serve } from './server.mjs';

// Enough for a p50 that moves less between runs: on two cores, one load's time varies by
// ±50 ms.
const COLD_LOADS = 21;
// What the page logs when its first view is complete (freshPage), followed by the time.
const READY = 'lectern-first-view ';
const QUERY_COUNT = 30;

const sizes = process.argv.slice(2).map(Number);
const results = [];
for (const n of sizes.length ? sizes : [100, 1000, 10000]) {
  results.push(await measure(n));
}
console.log('\n| articles | bundle (head + parts) | first view p50 / p90 / max | keystroke → answered p50 / p95 | last key → result text p95 | transferred after 30 queries | JS heap | wasm memory |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  console.log(`| ${r.n.toLocaleString('en')} | ${mb(r.head)} + ${mb(r.total - r.head)} (${r.files.toLocaleString('en')} files) | ${r.first.p50.toFixed(0)} / ${r.first.p90.toFixed(0)} / ${r.first.max.toFixed(0)} ms | ${r.keys.p50.toFixed(1)} / ${r.keys.p95.toFixed(1)} ms | ${r.texted.p95.toFixed(1)} ms | ${mb(r.transferred)} (${r.requests} requests) | ${mb(r.heap)} | ${mb(r.wasm)} |`);
}

async function measure(n) {
  const folder = join(repo, 'target', `split-${n}`);
  const { total, files } = await folderSize(folder);
  const head = (await stat(join(folder, 'index.lectern'))).size;
  const queries = await queriesFor(n);
  const server = await serve(dist, { mounts: { '/archive/': folder }, gzip: true });
  const browser = await launch();
  await sayBrowserUi(browser);
  const firstViews = [];
  // One load first, not timed: this test server compresses each of the site's files on its
  // first request (a static host serves them compressed already), which the first timed load
  // would otherwise wait for.
  for (let i = -1; i < COLD_LOADS; i += 1) {
    const { page, context } = await freshPage(browser);
    // Told by a console message: waitForFunction or evaluate would have Playwright compile its
    // helper script in the page (some 10 ms of main thread) in the middle of the load timed.
    const ready = page.waitForEvent('console', { predicate: (m) => m.text().startsWith(READY), timeout: 60000 });
    await page.goto(`${server.url}?src=archive/index.lectern#q=${encodeURIComponent(queries[Math.max(i, 0)])}`, { waitUntil: 'commit' });
    const shown = Number((await ready).text().slice(READY.length));
    if (i >= 0) firstViews.push(shown);
    await context.close();
  }
  const { page, context } = await freshPage(browser);
  await page.goto(`${server.url}?src=archive/index.lectern`);
  await page.waitForFunction(() => window.__articleShown !== undefined, null, { timeout: 60000 });
  await page.evaluate(stampKeystrokes);
  const box = page.getByTestId('search');
  await box.click();
  const texted = [];
  let typed = 0;
  for (const query of queries) {
    await box.fill('');
    await page.waitForFunction(() => !document.querySelector('[data-testid=result]'));
    await box.pressSequentially(query, { delay: 100 });
    typed += query.length;
    await page.waitForFunction((k) => window.__answered.length >= k, typed, { timeout: 30000 });
    await page.waitForFunction(() => {
      const excerpt = document.querySelector('.lectern-result-excerpt');
      return !excerpt || (excerpt.textContent.length > 0 && !excerpt.querySelector('.lectern-result-loading'));
    }, null, { timeout: 30000, polling: 'raf' });
    texted.push(await page.evaluate(() => performance.now() - window.__lastPressed));
  }
  await page.screenshot({ path: join(shots, `bench-archive-${n}.png`) });
  const timings = await page.evaluate(() => ({ answered: window.__answered }));
  timings.texted = texted;
  const transfer = await page.evaluate(() => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    const kind = (name) => (/\/archive\/s\//.test(name) ? 'shards' : /\/archive\/a\//.test(name) ? 'texts'
      : /\/archive\/index/.test(name) ? 'head' : 'app');
    const by = {};
    for (const e of entries) by[kind(e.name)] = (by[kind(e.name)] ?? 0) + e.transferSize;
    const count = (k) => entries.filter((e) => kind(e.name) === k).length;
    return { bytes: entries.reduce((sum, e) => sum + e.transferSize, 0), requests: entries.length, by, shards: count('shards'), texts: count('texts') };
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasmMemory = await page.evaluate(() => window.__wasm.memory.buffer.byteLength);
  await context.close();
  await browser.close();
  await server.close();
  const r = {
    n, total, files, head,
    first: { p50: pct(firstViews, 50), p90: pct(firstViews, 90), max: Math.max(...firstViews) },
    keys: { p50: pct(timings.answered, 50), p95: pct(timings.answered, 95) },
    texted: { p95: pct(timings.texted, 95) },
    transferred: transfer.bytes, requests: transfer.requests, by: transfer.by,
    heap: heap.usedSize, wasm: wasmMemory,
  };
  console.log(`${n} articles: first view ${firstViews.map((t) => t.toFixed(0)).join(', ')} ms; `
    + `${timings.answered.length} keystrokes, answered p95 ${r.keys.p95.toFixed(1)} ms, with text p95 ${r.texted.p95.toFixed(1)} ms; `
    + `${mb(r.transferred)} in ${r.requests} requests (app ${mb(r.by.app ?? 0)}, head ${mb(r.by.head ?? 0)}, `
    + `${transfer.shards} shards ${mb(r.by.shards ?? 0)}, ${transfer.texts} texts ${mb(r.by.texts ?? 0)}); heap ${mb(r.heap)}, wasm memory ${mb(r.wasm)}`);
  return r;
}

/** A page with no cache that says on its console when the first view is complete: the frame
 *  with the open article's text and, with a query in the URL, its results answered with text,
 *  is painted. */
async function freshPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => {
    performance.setResourceTimingBufferSize(100000);
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
    const check = () => {
      const text = document.querySelector('.lectern-article .lectern-section p')?.textContent ?? '';
      const count = document.querySelector('[data-testid=result-count]');
      const excerpt = document.querySelector('.lectern-result-excerpt');
      const articleShown = text.length > 0;
      if (articleShown && window.__articleShown === undefined) window.__articleShown = performance.now();
      const wantsQuery = location.hash.includes('q=');
      const answered = !wantsQuery || (count && !count.hasAttribute('aria-busy')
        && (!excerpt || (excerpt.textContent.length > 0 && !excerpt.querySelector('.lectern-result-loading'))));
      if (articleShown && answered) {
        // This callback runs before the frame's style, layout and paint; a task queued from it
        // runs after them, when the frame is drawn (as keystrokes are timed below).
        setTimeout(() => console.debug(`lectern-first-view ${performance.now()}`));
        return;
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  return { context, page: await context.newPage() };
}

/** In the page: for each keystroke, the time from keydown to the first frame painted with its
 *  results answered (`__answered`). */
function stampKeystrokes() {
  window.__answered = [];
  const input = document.querySelector('[data-testid=search]');
  input.addEventListener('keydown', (e) => { window.__pressed = e.timeStamp; window.__lastPressed = e.timeStamp; }, { capture: true });
  window.addEventListener('input', () => {
    const pressed = window.__pressed;
    if (pressed === undefined) return;
    window.__pressed = undefined;
    const frame = () => {
      const count = document.querySelector('[data-testid=result-count]');
      if (count && !count.hasAttribute('aria-busy')) {
        setTimeout(() => window.__answered.push(performance.now() - pressed));
        return;
      }
      requestAnimationFrame(frame);
    };
    // After the reader's own input listener has re-rendered (microtasks), wait for a frame.
    queueMicrotask(() => requestAnimationFrame(frame));
  });
}

/** Thirty different queries a reader of this archive might type: content words of article
 *  titles (one or two; not the generator's function words, "the", "between"…) and the names
 *  of people quoted, from articles spread through the archive. */
async function queriesFor(n) {
  const folder = join(repo, 'target', `archive-${n}`);
  const generator = await readFile(join(repo, 'crates', 'xtask', 'src', 'archive.rs'), 'utf8');
  const stop = new Set(generator.match(/const FUNCTION_WORDS: &str = "([^"]*)";/)[1].trim().split(/\s+/));
  const queries = new Set();

  for (let i = 0; queries.size < QUERY_COUNT; i += 1) {
    const file = join(folder, `article-${String((i * 7919) % n).padStart(5, '0')}.md`);
    const text = await readFile(file, 'utf8');
    const title = text.match(/^title: (.*)$/m)[1].toLowerCase().split(' ').filter((w) => w.length > 3 && !stop.has(w));
    const speaker = text.match(/said ([A-Z]\w+ [A-Z]\w+)/)?.[1].toLowerCase();
    const choice = [title[0], title.slice(0, 2).join(' '), speaker][i % 3];
    if (choice) queries.add(choice);
  }
  console.log(`${n} articles, queries: ${[...queries].join(', ')}`);
  return [...queries];
}

async function folderSize(folder) {
  let total = 0;
  let files = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      total += (await stat(join(entry.parentPath ?? entry.path, entry.name))).size;
      files += 1;
    }
  }
  return { total, files };
}

/** Say so when Chromium's own browser-UI renderers (harness.mjs turns them off) are running: they
 *  load beside each cold load, on the same cores, and the first view's figures would include them. */
async function sayBrowserUi(browser) {
  const { page, context } = await freshPage(browser);
  await page.goto('about:blank');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{}] });
  const ui = targetInfos.filter((t) => t.type === 'browser_ui').map((t) => t.url);
  if (ui.length) console.log(`note: browser-UI renderers running beside the page (${ui.join(', ')})`);
  await cdp.detach();
  await context.close();
}

function pct(xs, p) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

function mb(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}
