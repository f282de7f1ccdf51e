// The benchmark: sizes of the release build and cold-load times in headless Chromium.
// Run by scripts/bench.sh after a release build; prints one figure a line, `name value`.
//
// Cold load: a fresh browser context (empty cache, no storage) per run; the time is measured in
// the page, from navigation start (performance.timeOrigin) to the moment the Start button is in
// the DOM, laid out (visible) and enabled (focusable), seen by a MutationObserver installed
// before any page script runs (on the document, and on the widget's shadow root as soon as it is
// attached). `_frame` figures add the wait for the next animation frame. Beside it, where the
// time goes: `cold_load_parsed` (the partner's page parsed: the module loader runs then),
// `cold_load_files` (the widget's four files all in), `cold_load_instantiated` (the wasm ready)
// and `cold_load_defined` (the element defined, its widgets starting), each from navigation start;
// `cold_load_defined_to_visible`, the widget's own start (its first render and layout). Timing
// starts once the machine is quiet (`settle()`).
//
// The widget is in the open shadow root of <recovery-checkin>: code run in the page reaches it
// through `shadowRoot`, and a click listener on window sees the element inside through
// `composedPath()` (the event's target there is the <recovery-checkin> element).
//
// Next: over BENCH_NEXT_PRESSES presses of Next (50 unless set), each after answering the
// question, the time in the page from the click on Next (a capture listener on window, before
// the widget's own) to the moment the next question's heading is in the DOM and laid out (a
// MutationObserver), and to the next animation frame. The check-in starts again when it ends.
//
// Results: over BENCH_RESULT_RUNS check-ins (10 unless set), the same from the click on "See my
// results" to the band of the results in the DOM and laid out, and to the next frame.
//
// History: with BENCH_HISTORY_CHECKINS saved check-ins (500 unless set) in localStorage, over
// BENCH_HISTORY_RUNS presses of "My check-ins" (15 unless set, at least 10), the time in the page
// from the click to the history view rendered: the list holding every check-in, the chart's SVG
// and its table with a row each, in the DOM and laid out; and to the next animation frame. The
// check-ins are real: one check-in is finished in the page with the first answers ("typical")
// and one with the longest answers there are ("longest"); their saved JSON is cloned, half and
// half, with new ids (made as the widget makes them) and one date a day back, so every one is
// valid and is read, sorted and drawn as a person's would be. "Back to the start" between runs.
// `saved_checkin_bytes_*`: the UTF-8 bytes of key plus value of those two saved check-ins.
// `wasm_memory_bytes`: the WebAssembly instance's memory `buffer.byteLength` after the runs, read
// from the instance caught by wrapping `WebAssembly.instantiate*` before any page script.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { chromiumArgs } from "../tests/e2e/chromium.mjs";
import { startServer } from "./serve.mjs";
import { measure, printSizes } from "./size.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const START = "recovery-checkin [data-testid=start]";
const WIDGET = "recovery-checkin";
const NEXT_PRESSES = Number(process.env.BENCH_NEXT_PRESSES ?? 50);
const RESULT_RUNS = Number(process.env.BENCH_RESULT_RUNS ?? 10);
const HISTORY_CHECKINS = Number(process.env.BENCH_HISTORY_CHECKINS ?? 500);
const HISTORY_RUNS = Math.max(10, Number(process.env.BENCH_HISTORY_RUNS ?? 15));
const PREFIX = "recovery-checkin:default:";

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

function watchForStart(widget) {
  window.__rcStartVisible = new Promise((resolve) => {
    const ready = () => {
      const button = document.querySelector(widget)?.shadowRoot?.querySelector("[data-testid=start]");
      return button && !button.disabled && button.getClientRects().length > 0;
    };
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      const dom = performance.now();
      requestAnimationFrame(() => resolve({ dom, frame: performance.now() }));
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
    // For the breakdown: when the wasm was instantiated and when the element was defined.
    for (const name of ["instantiate", "instantiateStreaming"]) {
      const original = WebAssembly[name];
      WebAssembly[name] = async (...args) => {
        const result = await original.apply(WebAssembly, args);
        window.__rcInstantiated = performance.now();
        return result;
      };
    }
    const define = customElements.define.bind(customElements);
    customElements.define = (...args) => {
      window.__rcDefined = performance.now();
      return define(...args);
    };
    const attachShadow = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (...args) {
      const root = attachShadow.apply(this, args);
      observer.observe(root, { childList: true, subtree: true, attributes: true });
      return root;
    };
  });
}

// Arms one measurement in the page: from the next click on `button` to `ready()` holding after a
// DOM change, then to the next animation frame. `window.__rcMeasured` resolves with the times.
function armMeasure({ widget, button, until }) {
  const root = document.querySelector(widget).shadowRoot;
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
      if (!event.composedPath()[0].closest?.(button)) return;
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
    const root = document.querySelector(w).shadowRoot.querySelector(".rc-widget");
    return { screen: root.dataset.screen, question: root.querySelector("[data-testid=question]")?.dataset.question ?? null };
  }, WIDGET);

// Answers the question on screen with its first option (no safety answer is a first option).
async function answerFirst(page) {
  const first = page.locator(`${WIDGET} [data-testid=question] label.rc-option`).first();
  await first.click();
  if (!(await first.locator("input").isChecked())) throw new Error("the first option did not get chosen");
}

// Waits until the widget has moved on from question `from` (to another question or the review).
const leftQuestion = (page, from) =>
  page.waitForFunction(
    ([w, from]) => {
      const root = document.querySelector(w).shadowRoot.querySelector(".rc-widget");
      return root.dataset.screen !== "Question" || root.querySelector("[data-testid=question]").dataset.question !== from;
    },
    [WIDGET, from],
  );

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
      await leftQuestion(page, at.question);
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

// Keeps a handle on the wasm instance's memory, before any page script runs, by wrapping
// `WebAssembly.instantiate*`.
function watchWasm() {
  // Release builds give the memory export a short name (scripts/short-names.mjs): find it by type.
  const memoryOf = (exports) => Object.values(exports ?? {}).find((value) => value instanceof WebAssembly.Memory);
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(this, args);
      const instance = result instanceof WebAssembly.Instance ? result : result.instance;
      const memory = memoryOf(instance?.exports);
      if (memory && !window.__rcWasm) window.__rcWasm = { memory };
      return result;
    };
  }
}

// Answers every question with its longest answer: every non-exclusive option of a pick-any
// question, the longest option id of a pick-one question, the top of a scale; carries on past
// safety notices. Leaves the page on the review.
async function answerLongest(page) {
  for (let step = 0; step < 60; step++) {
    const at = await where(page);
    if (at.screen !== "Question") break;
    const ids = await page.evaluate((w) => {
      const form = document.querySelector(w).shadowRoot.querySelector("[data-testid=question]");
      const base = form.querySelector("fieldset").getAttribute("aria-describedby").split(" ")[0].replace(/-hint$/, "");
      const multiple = !!form.querySelector(".rc-options > .rc-option input[type=checkbox]");
      const all = [...form.querySelectorAll("label.rc-option")].map((l) => l.htmlFor.slice(base.length + 1)).filter((id) => id !== "pnts");
      if (multiple) return { base, pick: all.filter((id) => id !== "none" && id !== "none_now") };
      if (form.querySelector(".rc-scale")) return { base, pick: [all[all.length - 1]] };
      return { base, pick: [all.reduce((a, b) => (b.length > a.length ? b : a))] };
    }, WIDGET);
    for (const id of ids.pick) await page.click(`${WIDGET} label.rc-option[for="${ids.base}-${id}"]`);
    const carryOn = page.locator(`${WIDGET} [data-testid=question] [data-testid=safety-notice] button`, { hasText: "Carry on" });
    if (await carryOn.count()) await carryOn.first().click();
    await page.click(`${WIDGET} [data-testid=question] [data-testid=next]`);
    await leftQuestion(page, at.question);
  }
  await page.waitForSelector(`${WIDGET} [data-testid=review]`);
}

// The saved check-ins of the page, as [key, value] pairs.
const savedPairs = (page) =>
  page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(`${prefix}checkin:`)).map((k) => [k, localStorage.getItem(k)]), PREFIX);

// Finishes one check-in (`longest` or with the first answers) and returns its saved key and value.
async function savedCheckIn(page, longest) {
  const before = new Set((await savedPairs(page)).map(([k]) => k));
  await page.click(START);
  await page.waitForSelector(`${WIDGET} [data-testid=question]`);
  if (longest) await answerLongest(page);
  else {
    while ((await where(page)).screen === "Question") {
      const at = await where(page);
      await answerFirst(page);
      await page.click(`${WIDGET} [data-testid=question] [data-testid=next]`);
      await leftQuestion(page, at.question);
    }
  }
  await page.click(`${WIDGET} [data-testid=finish]`);
  await page.waitForSelector(`${WIDGET} [data-testid=results]`);
  const added = (await savedPairs(page)).filter(([k]) => !before.has(k));
  if (added.length !== 1) throw new Error(`expected one new saved check-in, found ${added.length}`);
  await page.click(`${WIDGET} [data-testid=start-over]`);
  await page.waitForSelector(START);
  return { key: added[0][0], value: added[0][1] };
}

// Replaces the saved check-ins with `count` clones of `models`, one a day back from now, with
// ids made as the widget makes them (time in hex, a dash, 8 random hex digits).
function seedClones({ prefix, models, count }) {
  for (const key of Object.keys(localStorage)) if (key.startsWith(`${prefix}checkin:`)) localStorage.removeItem(key);
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const at = now - i * 86_400_000 - Math.floor(Math.random() * 3_600_000);
    const id = `${at.toString(16)}-${Math.floor(Math.random() * 0xffffffff).toString(16).padStart(8, "0")}`;
    const model = JSON.parse(models[i % models.length]);
    localStorage.setItem(`${prefix}checkin:${id}`, JSON.stringify({ ...model, id, at }));
  }
}

// Arms one measurement: from the next click on "My check-ins" to the history view holding
// `count` list items, the chart and a table row each, laid out; then to the next frame.
function armHistory({ widget, count }) {
  const root = document.querySelector(widget).shadowRoot;
  const ready = () => {
    const history = root.querySelector("[data-testid=history]");
    if (!history) return false;
    const list = history.querySelector("[data-testid=history-list]");
    const chart = history.querySelector("[data-testid=trend] svg");
    const rows = history.querySelectorAll("[data-testid=trend] table tbody tr").length;
    // The view lists the newest 20 (the rest behind "Show all") and charts every check-in.
    const shown = Math.min(count, 20);
    const lines = history.querySelectorAll("[data-testid=trend] svg polyline").length;
    return !!list && list.children.length === shown && !!chart && rows === shown && lines > 0 && list.getClientRects().length > 0 && chart.getClientRects().length > 0;
  };
  window.__rcMeasured = new Promise((resolve) => {
    let start = null;
    const onClick = (event) => {
      if (!event.composedPath()[0].closest?.("[data-testid=open-history]")) return;
      start = performance.now();
      window.removeEventListener("click", onClick, true);
    };
    window.addEventListener("click", onClick, true);
    const observer = new MutationObserver(() => {
      if (start === null || !ready()) return;
      observer.disconnect();
      const dom = performance.now();
      requestAnimationFrame(() => resolve({ dom: dom - start, frame: performance.now() - start }));
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

const utf8 = (text) => Buffer.byteLength(text, "utf8");

// The share of the last `ms` in which the machine's CPUs were busy (Linux /proc/stat), or null.
async function cpuBusy(ms) {
  const sample = () => {
    const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number);
    return { idle: fields[3] + fields[4], total: fields.reduce((a, b) => a + b, 0) };
  };
  try {
    const before = sample();
    await new Promise((done) => setTimeout(done, ms));
    const after = sample();
    return 1 - (after.idle - before.idle) / Math.max(1, after.total - before.total);
  } catch {
    return null;
  }
}

// Cold loads are timed on a quiet machine: a build just before (scripts/bench.sh) leaves work
// behind for a while (files written out, compilers exiting); one run right after a build gave a
// median of 164.7 ms, the next, a minute later, 131.1. Waits until the CPUs were under 10% busy
// for two seconds in a row, at most BENCH_SETTLE_S seconds (60 unless set), and prints how busy
// they were when timing began.
async function settle() {
  const started = Date.now();
  const limit = Number(process.env.BENCH_SETTLE_S ?? 60) * 1000;
  let quiet = 0;
  let busy = await cpuBusy(1000);
  while (busy !== null && quiet < 2 && Date.now() - started < limit) {
    quiet = busy < 0.1 ? quiet + 1 : 0;
    if (quiet < 2) busy = await cpuBusy(1000);
  }
  console.log(`bench_settle_ms ${Date.now() - started}`);
  if (busy !== null) console.log(`bench_cpu_busy_before_cold_loads_pct ${(100 * busy).toFixed(1)}`);
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

  await settle();
  const dom = [];
  const frame = [];
  const breakdown = {};
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(watchForStart, WIDGET);
    await page.goto(url);
    const times = await page.evaluate(() => window.__rcStartVisible);
    const focusable = await page.evaluate((w) => {
      const root = document.querySelector(w).shadowRoot;
      const b = root.querySelector("[data-testid=start]");
      b.focus();
      return root.activeElement === b;
    }, WIDGET);
    if (!focusable) throw new Error("the Start button could not take focus");
    dom.push(times.dom);
    frame.push(times.frame);
    const steps = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const files = performance.getEntriesByType("resource").filter((e) => /recovery-checkin|widget-/.test(e.name));
      return {
        parsed: nav.domContentLoadedEventStart,
        files: Math.max(...files.map((e) => e.responseEnd)),
        instantiated: window.__rcInstantiated,
        defined: window.__rcDefined,
      };
    });
    for (const [step, time] of Object.entries(steps)) (breakdown[step] ??= []).push(time);
    // The widget's own start: from the element defined to the Start button visible.
    (breakdown.defined_to_visible ??= []).push(times.dom - steps.defined);
    await context.close();
  }
  stats("cold_load_start_visible", dom);
  stats("cold_load_start_visible_frame", frame);
  // Where a cold load's time goes, each from navigation start: the partner's page parsed (the
  // module loader runs then), the widget's files all in, the wasm instantiated, the element
  // defined (its widgets start at once); and the widget's start, from defined to visible.
  for (const [step, times] of Object.entries(breakdown)) stats(`cold_load_${step}`, times);

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

  // My check-ins with HISTORY_CHECKINS saved check-ins.
  const historyContext = await browser.newContext();
  const historyPage = await historyContext.newPage();
  await historyPage.addInitScript(watchWasm);
  await historyPage.goto(url);
  await historyPage.waitForSelector(START);
  const typical = await savedCheckIn(historyPage, false);
  const longest = await savedCheckIn(historyPage, true);
  await historyPage.evaluate(seedClones, { prefix: PREFIX, models: [typical.value, longest.value], count: HISTORY_CHECKINS });
  const seeded = await savedPairs(historyPage);
  if (seeded.length !== HISTORY_CHECKINS) throw new Error(`seeded ${seeded.length} check-ins, not ${HISTORY_CHECKINS}`);
  await historyPage.reload();
  await historyPage.waitForSelector(START);
  const open = [];
  for (let run = 0; run < HISTORY_RUNS; run++) {
    await historyPage.evaluate(armHistory, { widget: WIDGET, count: HISTORY_CHECKINS });
    await historyPage.click(`${WIDGET} [data-testid=open-history]`);
    open.push(await historyPage.evaluate(() => window.__rcMeasured));
    const problems = await historyPage.locator(`${WIDGET} [data-testid=storage-notice]`).count();
    if (problems) throw new Error("a storage notice showed: the seeded check-ins were not all read");
    await historyPage.click(`${WIDGET} [data-testid=leave]`);
    await historyPage.waitForSelector(START);
  }
  console.log(`history_checkins ${HISTORY_CHECKINS}`);
  stats("history_open_dom", open.map((t) => t.dom));
  stats("history_open_frame", open.map((t) => t.frame));
  console.log(`saved_checkin_bytes_typical ${utf8(typical.key) + utf8(typical.value)}`);
  console.log(`saved_checkin_bytes_longest ${utf8(longest.key) + utf8(longest.value)}`);
  console.log(`saved_checkins_${HISTORY_CHECKINS}_bytes ${seeded.reduce((sum, [k, v]) => sum + utf8(k) + utf8(v), 0)}`);
  const memoryBytes = await historyPage.evaluate(() => window.__rcWasm?.memory.buffer.byteLength);
  if (!memoryBytes) throw new Error("the wasm instance's memory could not be reached");
  console.log(`wasm_memory_bytes ${memoryBytes}`);
  await historyContext.close();
} finally {
  await browser.close();
  server.close();
}
