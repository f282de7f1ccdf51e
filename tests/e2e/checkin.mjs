// A small page object for the check-in: open the demo page, answer the question on screen by its
// kind, walk to the review and to the results, and the checks several specs share (axe, target
// sizes, overflow). Answers are given by option id (content/questionnaire.toml), so a test reads
// like the answers a person would give.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const WIDGET = "[data-recovery-checkin]";

export const widget = (page) => page.locator(WIDGET);
export const questionForm = (page) => page.locator(`${WIDGET} [data-testid=question]`);
export const questionHeading = (page) => page.locator(`${WIDGET} [data-testid=question] legend h2`);
export const review = (page) => page.locator(`${WIDGET} [data-testid=review]`);
export const results = (page) => page.locator(`${WIDGET} [data-testid=results]`);
export const safetyNotice = (page) => page.locator(`${WIDGET} [data-testid=question] [data-testid=safety-notice]`);

// The calmest answers: no use, no cravings, good supports, high importance and confidence.
export const CALM = {
  recovery_from: ["alcohol"],
  time_in_recovery: "years_1_5",
  goal: "stop",
  use_30d: "none",
  cravings: "none",
  low_mood: "none",
  worry_anger: "none",
  sleep: "none",
  health: "not_at_all",
  risky_situations: "none",
  conflict: "none",
  loneliness: "none",
  life_changes: "not_at_all",
  meetings: "more_than_weekly",
  support_people: "all_seven",
  meaningful_activity: "very_much",
  home_supports: "yes",
  spirituality: "very_much",
  professional_care: ["counsellor"],
  importance: 10,
  confidence: 10,
  reasons: ["health", "family", "self_respect"],
  on_track: "very_well",
  pref_approach: "no_preference",
  pref_format: "either",
  pref_led: "either",
  pref_family: "no",
  pref_women: "no",
  self_harm: "not_at_all",
  opioid_after_break: "no",
  stop_plan: "no",
  safe_home: "safe",
};

// The hardest answers, every safety question answered yes: the heaviest result there is.
export const HARD = {
  recovery_from: ["alcohol", "opioids", "benzodiazepines"],
  time_in_recovery: "under_1_month",
  goal: "not_sure",
  use_30d: "15_days_or_more",
  substances_30d: ["alcohol", "opioids", "benzodiazepines"],
  cravings: "all_seven",
  low_mood: "all_seven",
  worry_anger: "all_seven",
  sleep: "all_seven",
  health: "very_much",
  risky_situations: "all_seven",
  conflict: "all_seven",
  loneliness: "all_seven",
  life_changes: "very_much",
  meetings: "none",
  support_people: "none",
  meaningful_activity: "not_at_all",
  home_supports: "no",
  spirituality: "not_at_all",
  professional_care: ["none"],
  importance: 0,
  confidence: 0,
  reasons: ["none_now"],
  on_track: "not_well_at_all",
  pref_approach: "secular",
  pref_format: "online",
  pref_led: "peers",
  pref_family: "yes",
  pref_women: "yes",
  self_harm: "often",
  opioid_after_break: "yes",
  stop_plan: "yes",
  safe_home: "often_unsafe",
};

/** Opens the demo partner page and waits for the widget's welcome screen. */
export async function open(page) {
  await page.goto("/");
  await expect(widget(page).getByRole("button", { name: "Start the check-in" })).toBeEnabled();
}

/** Opens the page and presses Start; the first question is on screen. */
export async function start(page) {
  await open(page);
  await widget(page).getByRole("button", { name: "Start the check-in" }).click();
  await expect(questionForm(page)).toBeVisible();
}

/** The id of the question on screen, or null when no question is. */
export async function questionId(page) {
  const form = questionForm(page);
  return (await form.count()) ? form.getAttribute("data-question") : null;
}

/** Where the flow is, in one look: the screen, and on a question its id, kind, id prefix and
 * whether a safety notice shows. */
export async function state(page) {
  return page.locator(`${WIDGET} .rc-widget`).evaluate((w) => {
    const form = w.querySelector("[data-testid=question]");
    if (!form) return { screen: w.dataset.screen, question: null };
    const kind = form.querySelector(".rc-scale")
      ? "scale"
      : form.querySelector(".rc-options > .rc-option input[type=checkbox]")
        ? "multiple"
        : "single";
    return {
      screen: w.dataset.screen,
      question: form.dataset.question,
      kind,
      // The element id prefix of the question (`rc0-q-cravings`), from its hint's id.
      base: form.querySelector("fieldset").getAttribute("aria-describedby").split(" ")[0].replace(/-hint$/, ""),
      notice: !!form.querySelector("[data-testid=safety-notice]"),
    };
  });
}

/** The kind of the question on screen (single, multiple or scale), read from its markup. */
export async function kindOf(page) {
  return (await state(page)).kind;
}

/** The clickable label of an option of the question on screen ("pnts" is "Prefer not to say"). */
export async function option(page, id, s) {
  const { base } = s ?? (await state(page));
  return page.locator(`${WIDGET} label.rc-option[for="${base}-${id}"]`);
}

/**
 * Answers the question on screen by clicking: an option id (single), a number (scale), a list of
 * option ids (multiple), "prefer_not", or "first" (the first option, whatever the kind).
 */
export async function choose(page, choice, s) {
  s ??= await state(page);
  if (choice === "first") {
    const first = page.locator(`${WIDGET} [data-testid=question] label.rc-option`).first();
    await first.click();
    await expect(first.locator("input")).toBeChecked();
    return;
  }
  const ids = choice === "prefer_not" ? ["pnts"] : Array.isArray(choice) ? choice : [String(choice)];
  if (s.kind !== "multiple" && ids.length !== 1) throw new Error(`one answer only for a ${s.kind} question`);
  for (const id of ids) {
    const label = await option(page, id, s);
    if ((await label.count()) !== 1) {
      // Fail at once, with the choices there are, rather than wait for an option that is not.
      const there = await page
        .locator(`${WIDGET} [data-testid=question] label.rc-option`)
        .evaluateAll((ls, b) => ls.map((l) => l.htmlFor.slice(b.length + 1)), s.base);
      throw new Error(`question ${s.question} has no option "${id}"; its options: ${there.join(", ")}`);
    }
    await label.click();
    await expect(label.locator("input")).toBeChecked();
  }
}

/** Waits until the flow has left `from` (another question or another screen). */
export async function waitToLeave(page, from) {
  await page.waitForFunction(
    ([sel, from]) => {
      const w = document.querySelector(`${sel} .rc-widget`);
      const q = w?.querySelector("[data-testid=question]")?.dataset.question ?? null;
      return w && (w.dataset.screen !== from.screen || q !== from.question);
    },
    [WIDGET, from],
  );
}

/** Presses a button of the question screen (next, skip, back) and waits for the flow to move. */
export async function press(page, testid) {
  const from = await state(page);
  await page.locator(`${WIDGET} [data-testid=question] [data-testid=${testid}]`).click();
  await waitToLeave(page, from);
}

/**
 * Answers the question on screen from `profile` (or "first" when the profile does not name it),
 * presses "Carry on" when a safety notice came up and `carryOn` is set, then Next. A profile
 * value of "skip" presses "Skip this question" instead. Returns the question's id.
 */
export async function answerAndNext(page, profile = {}, { carryOn = true } = {}) {
  const s = await state(page);
  const id = s.question;
  const choice = profile[id] ?? "first";
  if (choice === "skip") {
    await press(page, "skip");
    return id;
  }
  await choose(page, choice, s);
  if (carryOn && (await safetyNotice(page).count())) {
    await safetyNotice(page).getByRole("button", { name: "Carry on with the check-in" }).click();
    await expect(safetyNotice(page)).toHaveCount(0);
  }
  await page.locator(`${WIDGET} [data-testid=question] [data-testid=next]`).click();
  await waitToLeave(page, s);
  return id;
}

/**
 * Answers questions until `until` (a question id) is on screen, or until the review when
 * `until` is not given. `each(id)` runs on every question screen before it is answered.
 * Returns the ids of the questions answered.
 */
export async function walk(page, profile = {}, { until, each, carryOn = true } = {}) {
  const seen = [];
  for (let step = 0; step < 60; step++) {
    const where = await state(page);
    if (where.screen !== "Question") {
      if (until) throw new Error(`reached ${where.screen} without meeting question ${until}`);
      await expect(review(page)).toBeVisible();
      return seen;
    }
    if (where.question === until) return seen;
    if (each) await each(where.question);
    seen.push(await answerAndNext(page, profile, { carryOn }));
  }
  throw new Error("the check-in did not end after 60 questions");
}

/** From the welcome screen to the results with `profile`'s answers. */
export async function checkIn(page, profile = {}, options = {}) {
  await start(page);
  const seen = await walk(page, profile, options);
  await seeResults(page);
  return seen;
}

/** Presses "See my results" on the review screen and waits for the results. */
export async function seeResults(page) {
  await review(page).getByRole("button", { name: "See my results" }).click();
  await expect(results(page)).toBeVisible();
}

// ---- Shared checks -------------------------------------------------------------------------

/** axe-core on the widget (or the whole page), as readable lines: rule id, help, where. */
export async function axeViolations(page, { fullPage = false } = {}) {
  let builder = new AxeBuilder({ page });
  if (!fullPage) builder = builder.include(WIDGET);
  const { violations } = await builder.analyze();
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

/**
 * Interactive elements of the widget that are visible and smaller than `min` CSS px on either
 * side (WCAG 2.5.8 asks for 24 x 24). A radio or checkbox counts by its label (`.rc-option`),
 * which is what a person taps.
 */
export async function smallTargets(page, min = 24) {
  return page.locator(WIDGET).evaluate((root, min) => {
    const name = (el) => {
      const text = (el.getAttribute("aria-label") || el.textContent || "").trim().replace(/\s+/g, " ");
      const cls = el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
      return `${el.tagName.toLowerCase()}${cls} "${text.slice(0, 50)}"`;
    };
    const targets = [
      ...root.querySelectorAll("button, a[href], select, label.rc-option, input:not(label.rc-option input)"),
    ];
    const small = [];
    for (const el of targets) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not rendered
      if (el.closest(".rc-visually-hidden")) continue;
      if (box.width < min || box.height < min) {
        small.push(`${name(el)} is ${box.width.toFixed(1)} x ${box.height.toFixed(1)}`);
      }
    }
    return small;
  }, min);
}

/** How far the page is wider than the viewport, and which widget elements reach past it. */
export async function overflow(page) {
  return page.evaluate((sel) => {
    const width = window.innerWidth;
    const excess = document.documentElement.scrollWidth - width;
    const past = [];
    for (const el of document.querySelectorAll(`${sel} *`)) {
      const box = el.getBoundingClientRect();
      if (box.width && (box.right > width + 0.5 || box.left < -0.5)) {
        past.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} ${box.left.toFixed(0)}..${box.right.toFixed(0)}`);
      }
    }
    return { excess, past: past.slice(0, 10) };
  }, WIDGET);
}

// ---- Saved check-ins (storage*.spec.mjs) ------------------------------------------------------

/** Every key the widget of the demo page (namespace "default") may use starts with this. */
export const STORAGE_PREFIX = "recovery-checkin:default:";

export const historyScreen = (page) => page.locator(`${WIDGET} [data-testid=history]`);
export const historyItems = (page) => page.locator(`${WIDGET} [data-testid=history-list] > li`);
export const storageNotice = (page) => page.locator(`${WIDGET} [data-testid=storage-notice]`);

/** The band names on screen, by the band id saved with a check-in (content/locales/en.toml). */
export const BAND_NAMES = {
  few: "Few warning signs right now",
  some: "Some warning signs",
  several: "Several warning signs",
  many: "Many warning signs right now",
};

/**
 * Collects what would show a broken page: uncaught errors of any page of `context` and console
 * messages of type "error" (warnings, such as Chromium's about `integrity` on preloads, are not
 * errors). Returns the list, filled as they come.
 */
export function watchErrors(context) {
  const errors = [];
  context.on("weberror", (e) => errors.push(`page error: ${e.error().message ?? e.error()}`));
  context.on("console", (m) => {
    if (m.type() === "error") errors.push(`console error: ${m.text()}`);
  });
  return errors;
}

/** The page's whole localStorage, key by key (throws when the page cannot read it). */
export async function localStorageSnapshot(page) {
  return page.evaluate(() => {
    const all = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      all[key] = localStorage.getItem(key);
    }
    return all;
  });
}

/** The saved check-ins in localStorage, parsed, by key. */
export async function savedCheckIns(page) {
  const all = await localStorageSnapshot(page);
  return Object.fromEntries(
    Object.entries(all)
      .filter(([k]) => k.startsWith(`${STORAGE_PREFIX}checkin:`))
      .map(([k, v]) => [k, JSON.parse(v)]),
  );
}

/** Presses "My check-ins" (welcome or results) and waits for the history screen. */
export async function openHistory(page) {
  await widget(page).locator("[data-testid=open-history]").click();
  await expect(historyScreen(page)).toBeVisible();
}

/**
 * A date as the widget writes it (`format_date_time`: the locale's medium date and short time),
 * computed in the page so it uses the page's time zone.
 */
export async function shownDateTime(page, at) {
  return page.evaluate((at) => new Date(at).toLocaleString("en", { dateStyle: "medium", timeStyle: "short" }), at);
}

/** The same for a date alone (`format_date`, on the chart and in its table). */
export async function shownDate(page, at) {
  return page.evaluate((at) => new Date(at).toLocaleDateString("en", { dateStyle: "medium" }), at);
}

/**
 * Playwright's `test` with every page of the test watched by `watchErrors`: a test fails when
 * any page threw or logged a console error, after its own checks. The list is the `errors`
 * fixture, for a test that wants to look at it sooner.
 */
export const test = base.extend({
  errors: [
    async ({ context }, use) => {
      const errors = watchErrors(context);
      await use(errors);
      expect(errors, "no page errors and no console errors").toEqual([]);
    },
    { auto: true },
  ],
});

/** Reloads the page and waits for the widget's welcome screen (Start, or the resume offer). */
export async function reload(page) {
  await page.reload();
  await expect(widget(page).locator("[data-testid=start]")).toBeEnabled();
}
