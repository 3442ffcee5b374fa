// Browser benchmark: time from a keystroke to the updated results being painted, on the
// release build served from 127.0.0.1, over a fixed list of queries typed one key at a time.
// Prints p50 and p95. Run after `trunk build --release`:  node tests/e2e/bench-keystroke.mjs
import { start } from './harness.mjs';

const QUERIES = ['pipeline', 'imran khan', '"gas pipeline"', 'russia -ukraine', 'afganistan',
  'shanghai cooperation organisation', 'neutrality', 'putin visit moscow'];
const ROUNDS = 3;

const app = await start();
const page = await app.page();
await page.evaluate(() => {
  // Stamp each keydown. Yew re-renders in microtasks right after the input event, so a task
  // queued then runs once the DOM is updated ("rendered"); the next animation frame runs just
  // before paint, and a task queued from it runs just after ("painted"). Every keystroke
  // counts, including those that change nothing on screen.
  window.__rendered = [];
  window.__painted = [];
  const input = document.querySelector('[data-testid=search]');
  input.addEventListener('keydown', (e) => { window.__pressed = e.timeStamp; }, { capture: true });
  input.addEventListener('input', () => {
    const pressed = window.__pressed;
    if (pressed === undefined) return; // a programmatic clear, not a keystroke
    window.__pressed = undefined;
    setTimeout(() => window.__rendered.push(performance.now() - pressed));
    requestAnimationFrame(() => setTimeout(() => window.__painted.push(performance.now() - pressed)));
  });
});
const box = page.getByTestId('search');
for (let round = 0; round < ROUNDS; round += 1) {
  for (const query of QUERIES) {
    await box.fill('');
    await page.waitForFunction(() => !document.querySelector('[data-testid=result]'));
    for (const key of query) {
      const before = await page.evaluate(() => window.__painted.length);
      await page.keyboard.type(key);
      await page.waitForFunction((n) => window.__painted.length > n, before);
    }
  }
}
const { rendered, painted } = await page.evaluate(() => ({ rendered: window.__rendered, painted: window.__painted }));
await app.stop();
const pct = (xs, p) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
};
const line = (name, xs) => `  ${name.padEnd(34)} p50 ${pct(xs, 50).toFixed(1).padStart(5)} ms   p95 ${pct(xs, 95).toFixed(1).padStart(5)} ms   max ${Math.max(...xs).toFixed(1).padStart(5)} ms`;
console.log(`${painted.length} keystrokes (${QUERIES.length} queries typed ${ROUNDS} times), seeds, release build, headless Chromium:`);
console.log(line('keystroke → results rendered', rendered));
console.log(line('keystroke → results painted', painted));
console.log(`  target p95 < 16 ms (painted): ${pct(painted, 95) < 16 ? 'within' : 'OVER'}`);
