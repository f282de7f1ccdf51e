// The benchmark: sizes of the release build and cold-load times in headless Chromium.
// Run by scripts/bench.sh after a release build; prints one figure a line, `name value`.
//
// Cold load: a fresh browser context (empty cache, no storage) per run; the time is measured in
// the page, from navigation start (performance.timeOrigin) to the moment the Start button is in
// the DOM, laid out (visible) and enabled (focusable), seen by a MutationObserver installed
// before any page script runs. `_frame` figures add the wait for the next animation frame.
import { chromium } from "playwright-core";
import { chromiumArgs } from "../tests/e2e/chromium.mjs";
import { startServer } from "./serve.mjs";
import { measure, printSizes } from "./size.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const START = "[data-recovery-checkin] [data-testid=start]";

function stats(name, values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const median =
    sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const fixed = (v) => v.toFixed(1);
  console.log(`${name}_median_ms ${fixed(median)}`);
  console.log(`${name}_min_ms ${fixed(sorted[0])}`);
  console.log(`${name}_p10_ms ${fixed(at(0.1))}`);
  console.log(`${name}_p90_ms ${fixed(at(0.9))}`);
  console.log(`${name}_max_ms ${fixed(sorted[sorted.length - 1])}`);
  console.log(`${name}_runs ${sorted.length}`);
}

function watchForStart(selector) {
  window.__rcStartVisible = new Promise((resolve) => {
    const ready = () => {
      const button = document.querySelector(selector);
      return button && !button.disabled && button.getClientRects().length > 0;
    };
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      const dom = performance.now();
      requestAnimationFrame(() => resolve({ dom, frame: performance.now() }));
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  });
}

printSizes(measure());

const server = await startServer({ root: "dist", port: 0 });
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs });
try {
  // One warm-up load so the first measured run does not pay for starting the browser's processes.
  const warm = await browser.newContext();
  await (await warm.newPage()).goto(url);
  await warm.close();

  const dom = [];
  const frame = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(watchForStart, START);
    await page.goto(url);
    const times = await page.evaluate(() => window.__rcStartVisible);
    const focusable = await page.evaluate((s) => {
      const b = document.querySelector(s);
      b.focus();
      return document.activeElement === b;
    }, START);
    if (!focusable) throw new Error("the Start button could not take focus");
    dom.push(times.dom);
    frame.push(times.frame);
    await context.close();
  }
  stats("cold_load_start_visible", dom);
  stats("cold_load_start_visible_frame", frame);
} finally {
  await browser.close();
  server.close();
}
