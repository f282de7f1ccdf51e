// The benchmark: sizes of the release build and cold-load times in headless Chromium.
// Run by scripts/bench.sh after a release build; prints one figure a line, `name value`.
//
// Cold load: a fresh browser context (empty cache, no storage) per run; the time is measured in
// the page, from navigation start (performance.timeOrigin) to the moment the Start button is in
// the DOM, laid out (visible) and enabled (focusable), seen by a MutationObserver installed
// before any page script runs. `_frame` figures add the wait for the next animation frame.
//
// Next: over BENCH_NEXT_PRESSES presses of Next (50 unless set), each after answering the
// question, the time in the page from the click on Next (a capture listener on window, before
// the widget's own) to the moment the next question's heading is in the DOM and laid out (a
// MutationObserver), and to the next animation frame. The check-in starts again when it ends.
//
// Results: over BENCH_RESULT_RUNS check-ins (10 unless set), the same from the click on "See my
// results" to the band of the results in the DOM and laid out, and to the next frame.
import { chromium } from "playwright-core";
import { chromiumArgs } from "../tests/e2e/chromium.mjs";
import { startServer } from "./serve.mjs";
import { measure, printSizes } from "./size.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const START = "[data-recovery-checkin] [data-testid=start]";
const WIDGET = "[data-recovery-checkin]";
const NEXT_PRESSES = Number(process.env.BENCH_NEXT_PRESSES ?? 50);
const RESULT_RUNS = Number(process.env.BENCH_RESULT_RUNS ?? 10);

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

// Arms one measurement in the page: from the next click on `button` to `ready()` holding after a
// DOM change, then to the next animation frame. `window.__rcMeasured` resolves with the times.
function armMeasure({ widget, button, until }) {
  const root = document.querySelector(widget);
  const before = root.querySelector("[data-testid=question]")?.dataset.question ?? null;
  const ready = () => {
    if (until === "results") {
      const band = root.querySelector("[data-testid=results] .rc-band-name, [data-testid=results] [data-part=band]");
      return band && band.getClientRects().length > 0 ? "results" : null;
    }
    if (root.querySelector("[data-testid=review]")) return "review";
    const form = root.querySelector("[data-testid=question]");
    if (!form || form.dataset.question === before) return null;
    const heading = form.querySelector("legend h2");
    return heading && heading.textContent && heading.getClientRects().length > 0 ? form.dataset.question : null;
  };
  window.__rcMeasured = new Promise((resolve) => {
    let start = null;
    const onClick = (event) => {
      if (!event.target.closest?.(button)) return;
      start = performance.now();
      window.removeEventListener("click", onClick, true);
    };
    window.addEventListener("click", onClick, true);
    const observer = new MutationObserver(() => {
      if (start === null) return;
      const to = ready();
      if (!to) return;
      observer.disconnect();
      const dom = performance.now();
      requestAnimationFrame(() => resolve({ to, dom: dom - start, frame: performance.now() - start }));
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

// Where the widget is: the screen and the question on it.
const where = (page) =>
  page.evaluate((w) => {
    const root = document.querySelector(`${w} .rc-widget`);
    return { screen: root.dataset.screen, question: root.querySelector("[data-testid=question]")?.dataset.question ?? null };
  }, WIDGET);

// Answers the question on screen with its first option (no safety answer is a first option).
async function answerFirst(page) {
  const first = page.locator(`${WIDGET} [data-testid=question] label.rc-option`).first();
  await first.click();
  if (!(await first.locator("input").isChecked())) throw new Error("the first option did not get chosen");
}

// One check-in from the welcome screen to the results, measuring up to `presses` Next presses
// and the press of "See my results". Returns the Next times and the results time.
async function measuredCheckIn(page, presses) {
  await page.click(START);
  await page.waitForSelector(`${WIDGET} [data-testid=question]`);
  const next = [];
  for (let step = 0; step < 60; step++) {
    const at = await where(page);
    if (at.screen !== "Question") break;
    await answerFirst(page);
    const button = `${WIDGET} [data-testid=question] [data-testid=next]`;
    if (next.length < presses) {
      await page.evaluate(armMeasure, { widget: WIDGET, button: "[data-testid=next]", until: "question" });
      await page.click(button);
      const times = await page.evaluate(() => window.__rcMeasured);
      // The last press leads to the review, not to a question: not a question render.
      if (times.to !== "review") next.push(times);
    } else {
      await page.click(button);
      await page.waitForFunction(
        ([w, from]) => {
          const root = document.querySelector(`${w} .rc-widget`);
          return root.dataset.screen !== "Question" || root.querySelector("[data-testid=question]").dataset.question !== from;
        },
        [WIDGET, at.question],
      );
    }
  }
  await page.waitForSelector(`${WIDGET} [data-testid=review]`);
  await page.evaluate(armMeasure, { widget: WIDGET, button: "[data-testid=finish]", until: "results" });
  await page.click(`${WIDGET} [data-testid=finish]`);
  const results = await page.evaluate(() => window.__rcMeasured);
  await page.click(`${WIDGET} [data-testid=start-over]`);
  await page.waitForSelector(START);
  return { next, results };
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

  // Next and "See my results", in one page kept open across check-ins.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector(START);
  const next = [];
  const finish = [];
  while (next.length < NEXT_PRESSES || finish.length < RESULT_RUNS) {
    const run = await measuredCheckIn(page, NEXT_PRESSES - next.length);
    next.push(...run.next);
    finish.push(run.results);
  }
  stats("next_question_dom", next.map((t) => t.dom));
  stats("next_question_frame", next.map((t) => t.frame));
  stats("see_results_dom", finish.map((t) => t.dom));
  stats("see_results_frame", finish.map((t) => t.frame));
  await context.close();
} finally {
  await browser.close();
  server.close();
}
