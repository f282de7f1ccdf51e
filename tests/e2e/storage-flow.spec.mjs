// Saved check-ins in the ordinary flow: a check-in left unfinished is offered again after a
// reload; a finished one is saved (small), listed, opened again with its date; two check-ins
// give a trend, "since last time" and can be deleted after asking; the widget writes only its own
// keys; "Don't keep anything on this device" keeps nothing but the choice.
// Every test fails on a page error or a console error (the `test` of checkin.mjs).
import { expect } from "@playwright/test";
import {
  BAND_NAMES,
  CALM,
  HARD,
  STORAGE_PREFIX,
  WIDGET,
  answerAndNext,
  checkIn,
  historyItems,
  historyScreen,
  localStorageSnapshot,
  open,
  openHistory,
  option,
  press,
  questionForm,
  results,
  review,
  savedCheckIns,
  seeResults,
  shownDate,
  shownDateTime,
  start,
  state,
  reload,
  test,
  walk,
  widget,
} from "./checkin.mjs";

const DRAFT = `${STORAGE_PREFIX}draft`;
const SETTINGS = `${STORAGE_PREFIX}settings`;
const draftOffer = (page) => widget(page).locator("[data-testid=draft-offer]");

/** What the results say, part by part (band, scores, drivers, steps...), without the title. */
async function resultParts(page) {
  return results(page)
    .locator("[data-part]")
    .evaluateAll((parts) => parts.map((p) => `${p.dataset.part}: ${p.innerText.trim().replace(/\s+/g, " ")}`));
}

/** The text of an answer on the review, by question id. */
const reviewAnswer = (page, id) => review(page).locator(`.rc-review-row[data-question=${id}] .rc-review-answer`);

test("a check-in left unfinished is offered after a reload: Continue keeps the answers, Start over clears them", async ({ page }) => {
  // Answers that are not the first options, so an answer that was lost cannot pass as kept.
  const early = { recovery_from: ["opioids", "cannabis"], time_in_recovery: "years_1_5", goal: "cut_down" };
  await start(page);
  const labels = {};
  for (const id of ["recovery_from", "time_in_recovery", "goal"]) {
    expect((await state(page)).question).toBe(id);
    const ids = [early[id]].flat();
    labels[id] = [];
    for (const o of ids) labels[id].push((await (await option(page, o)).textContent()).trim());
    await answerAndNext(page, early);
  }
  const next = (await state(page)).question;
  expect(next).toBe("use_30d");

  // Saved after every answer, in the documented envelope, on the question the person was on.
  const draft = JSON.parse((await localStorageSnapshot(page))[DRAFT]);
  expect(draft.v).toBe(2);
  expect(draft.current).toBe(next);
  expect(Object.keys(draft.answers.values).sort()).toEqual(Object.keys(early).sort());

  await reload(page);
  await expect(draftOffer(page)).toHaveText("You have a check-in you did not finish.");
  const resume = widget(page).locator("[data-testid=resume]");
  await expect(resume).toHaveText("Continue where you left off");
  await expect(widget(page).locator("[data-testid=start]")).toHaveText("Start over");

  await resume.click();
  await expect(questionForm(page)).toHaveAttribute("data-question", next);
  // Back shows the last answer given before the reload.
  await press(page, "back");
  expect((await state(page)).question).toBe("goal");
  await expect((await option(page, "cut_down")).locator("input")).toBeChecked();
  await press(page, "next");
  expect((await state(page)).question).toBe(next);

  await walk(page, CALM);
  await expect(reviewAnswer(page, "time_in_recovery")).toHaveText(labels.time_in_recovery[0]);
  await expect(reviewAnswer(page, "goal")).toHaveText(labels.goal[0]);
  for (const label of labels.recovery_from) await expect(reviewAnswer(page, "recovery_from")).toContainText(label);

  // Reloaded at the review: offered again; Start over forgets it, in storage too.
  await reload(page);
  await expect(draftOffer(page)).toBeVisible();
  await widget(page).locator("[data-testid=start]").click();
  await expect(questionForm(page)).toHaveAttribute("data-question", "recovery_from");
  await expect(questionForm(page).locator(".rc-progress-text")).toHaveText(/^Question 1 of \d+$/);
  await expect(questionForm(page).locator("input:checked")).toHaveCount(0);
  expect(Object.keys(await localStorageSnapshot(page))).not.toContain(DRAFT);
  await reload(page);
  await expect(widget(page).getByRole("button", { name: "Start the check-in" })).toBeVisible();
  await expect(draftOffer(page)).toHaveCount(0);
});

/**
 * Answers every question with its longest answer: every non-exclusive option of a pick-any
 * question, the longest option id of a pick-one question, 10 on a scale. Safety notices are
 * carried on from. The saved check-in is then as long as the questions make it.
 */
async function walkLongest(page) {
  for (let step = 0; step < 60; step++) {
    const s = await state(page);
    if (s.screen !== "Question") break;
    let choice;
    if (s.kind === "scale") choice = 10;
    else {
      const ids = await page
        .locator(`${WIDGET} [data-testid=question] label.rc-option`)
        .evaluateAll((ls, b) => ls.map((l) => l.htmlFor.slice(b.length + 1)), s.base);
      const real = ids.filter((id) => id !== "pnts");
      // "None of these" kinds are exclusive: ticking one unticks the rest.
      if (s.kind === "multiple") choice = real.filter((id) => !["none", "none_now"].includes(id));
      else choice = real.reduce((a, b) => (b.length > a.length ? b : a));
    }
    await answerAndNext(page, { [s.question]: choice });
  }
  await expect(review(page)).toBeVisible();
}

test("a finished check-in is saved small, listed with its band, and opens again with its date", async ({ page }) => {
  await start(page);
  await walkLongest(page);
  await seeResults(page);
  const before = await resultParts(page);
  const band = (await results(page).locator(".rc-band-name").textContent()).trim();

  const saved = await savedCheckIns(page);
  const keys = Object.keys(saved);
  expect(keys).toHaveLength(1);
  const [key] = keys;
  const value = (await localStorageSnapshot(page))[key];
  const checkin = saved[key];
  expect(key).toBe(`${STORAGE_PREFIX}checkin:${checkin.id}`);
  expect(checkin.v).toBe(2);
  expect(BAND_NAMES[checkin.band]).toBe(band);
  // The draft it came from is cleared.
  expect(Object.keys(await localStorageSnapshot(page))).not.toContain(DRAFT);
  // Under 2 KB in UTF-8, key included, with the longest answers there are.
  const bytes = Buffer.byteLength(key, "utf8") + Buffer.byteLength(value, "utf8");
  test.info().annotations.push({ type: "longest saved check-in", description: `${bytes} bytes` });
  expect(bytes).toBeLessThan(2048);
  // Taken just now.
  expect(Math.abs(Date.now() - checkin.at)).toBeLessThan(120_000);

  await openHistory(page);
  await expect(historyItems(page)).toHaveCount(1);
  const item = historyItems(page).first();
  const date = await shownDateTime(page, checkin.at);
  await expect(item).toHaveAttribute("data-id", checkin.id);
  await expect(item.locator(".rc-history-date")).toHaveText(date);
  await expect(item.locator(".rc-history-band")).toHaveText(band);
  // One check-in: the trend waits for a second.
  await expect(historyScreen(page).locator("[data-testid=trend]")).toHaveCount(0);
  await expect(historyScreen(page)).toContainText("Once you have two or more check-ins saved");

  await item.getByRole("button", { name: `Open the check-in from ${date}` }).click();
  await expect(results(page)).toBeVisible();
  await expect(results(page).getByRole("heading", { level: 2 })).toHaveText(`Your check-in from ${date}`);
  await expect(results(page).getByRole("heading", { level: 2 })).toBeFocused();
  await expect(results(page).getByRole("button", { name: "Print or save these results" })).toBeVisible();
  await expect(results(page).locator("[data-testid=delete-one]")).toBeVisible();
  // The whole result again, exactly as it was shown.
  expect(await resultParts(page)).toEqual(before);

  await results(page).getByRole("button", { name: "Back to my check-ins" }).click();
  await expect(historyItems(page)).toHaveCount(1);
  // And after a reload, from storage alone.
  await reload(page);
  await openHistory(page);
  await expect(historyItems(page).first().locator(".rc-history-band")).toHaveText(band);
});

test("two check-ins: the trend and its table, since last time, delete one and delete everything after asking", async ({ page }) => {
  test.setTimeout(120_000);
  await checkIn(page, CALM);
  await widget(page).locator("[data-testid=start-over]").click();
  await start(page);
  await walk(page, HARD);
  await seeResults(page);
  await page.evaluate(() => localStorage.setItem("partner-key", "the partner's own value"));

  const saved = Object.values(await savedCheckIns(page)).sort((a, b) => b.at - a.at);
  expect(saved).toHaveLength(2);
  const [newer, older] = saved;
  expect(newer.band).toBe("many");
  expect(older.band).toBe("few");

  await openHistory(page);
  await expect(historyItems(page)).toHaveCount(2);
  // Newest first.
  await expect(historyItems(page).nth(0)).toHaveAttribute("data-id", newer.id);
  await expect(historyItems(page).nth(1)).toHaveAttribute("data-id", older.id);
  await expect(historyItems(page).nth(0).locator(".rc-history-band")).toHaveText(BAND_NAMES.many);
  await expect(historyItems(page).nth(1).locator(".rc-history-band")).toHaveText(BAND_NAMES.few);

  // The trend: a chart with its name and description, a legend, and the same numbers in a table.
  const trend = historyScreen(page).locator("[data-testid=trend]");
  const chart = trend.locator("svg[role=img]");
  await expect(chart).toBeVisible();
  // Named by its <title> and <desc> (aria-labelledby names both).
  await expect(chart).toHaveAccessibleName(/^How your three areas changed A line for each area/);
  await expect(chart.locator("title")).toHaveText("How your three areas changed");
  await expect(chart.locator("desc")).toContainText("The table below has the same numbers.");
  await expect(chart.locator("polyline")).toHaveCount(3);
  await expect(chart.locator("circle")).toHaveCount(6);
  await expect(trend.locator(".rc-legend li")).toHaveText([
    "What is weighing on you",
    "What is helping you",
    "What keeps you going",
  ]);
  const table = trend.locator("table");
  await expect(table.locator("thead th")).toHaveText(["Date", "What is weighing on you", "What is helping you", "What keeps you going"]);
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  const score = (v) => (v === null ? "No score" : String(v));
  for (const [i, c] of [newer, older].entries()) {
    await expect(rows.nth(i).locator("th, td")).toHaveText([
      await shownDate(page, c.at),
      score(c.scores.stressors),
      score(c.scores.supports),
      score(c.scores.motivation),
    ]);
  }
  // From the calmest answers to the hardest: at least one thing got harder, nothing better.
  const since = historyScreen(page).locator("[data-testid=since]");
  await expect(since.getByRole("heading", { name: "Since last time" })).toBeVisible();
  await expect(since.getByRole("heading", { name: "What got harder" })).toBeVisible();
  expect(await since.locator("h4:has-text('What got harder') + ul > li").count()).toBeGreaterThan(0);
  await expect(since.getByRole("heading", { name: "What got better" })).toHaveCount(0);
  await expect(since).toContainText("Urges to drink or use");

  // Delete the older one: asked first; "No, keep it" keeps it.
  const olderDate = await shownDateTime(page, older.at);
  await historyItems(page).nth(1).getByRole("button", { name: `Open the check-in from ${olderDate}` }).click();
  await expect(results(page).getByRole("heading", { level: 2 })).toHaveText(`Your check-in from ${olderDate}`);
  await results(page).locator("[data-testid=delete-one]").click();
  const confirmOne = results(page).getByRole("alertdialog");
  await expect(confirmOne).toContainText("Delete this check-in? This cannot be undone.");
  await confirmOne.locator("[data-testid=cancel-delete]").click();
  await expect(confirmOne).toHaveCount(0);
  expect(Object.keys(await savedCheckIns(page))).toHaveLength(2);
  await results(page).locator("[data-testid=delete-one]").click();
  await results(page).locator("[data-testid=confirm-delete]").click();
  await expect(historyScreen(page)).toBeVisible();
  await expect(historyItems(page)).toHaveCount(1);
  await expect(historyItems(page).first()).toHaveAttribute("data-id", newer.id);
  expect(Object.keys(await savedCheckIns(page))).toEqual([`${STORAGE_PREFIX}checkin:${newer.id}`]);
  await expect(historyScreen(page).locator("[data-testid=trend]")).toHaveCount(0);

  // Delete everything: asked first; "No, keep it" keeps everything.
  await historyScreen(page).locator("[data-testid=delete-all]").click();
  const confirmAll = historyScreen(page).getByRole("alertdialog");
  await expect(confirmAll).toContainText("This deletes every check-in saved on this device");
  await confirmAll.locator("[data-testid=cancel-delete]").click();
  await expect(confirmAll).toHaveCount(0);
  expect(Object.keys(await savedCheckIns(page))).toHaveLength(1);
  await historyScreen(page).locator("[data-testid=delete-all]").click();
  await historyScreen(page).locator("[data-testid=confirm-delete]").click();
  await expect(historyItems(page)).toHaveCount(0);
  await expect(historyScreen(page)).toContainText("No check-ins are saved on this device yet.");
  const left = await localStorageSnapshot(page);
  expect(Object.keys(left).filter((k) => k.startsWith("recovery-checkin:"))).toEqual([]);
  expect(left).toEqual({ "partner-key": "the partner's own value" });
});

test("the widget keeps only its own keys: no sessionStorage, IndexedDB, caches or cookies", async ({ page, context }) => {
  await open(page);
  await page.evaluate(() => localStorage.setItem("partner-key", "42"));
  await checkIn(page, CALM);
  await openHistory(page);
  const date = await historyItems(page).first().locator(".rc-history-date").textContent();
  await historyItems(page).first().getByRole("button", { name: `Open the check-in from ${date}` }).click();
  await expect(results(page)).toBeVisible();
  await results(page).getByRole("button", { name: "Back to my check-ins" }).click();
  await historyScreen(page).locator("[data-testid=leave]").click();
  await expect(widget(page).getByRole("button", { name: "Start the check-in" })).toBeVisible();
  // A check-in left part way too, so a draft is written.
  await widget(page).getByRole("button", { name: "Start the check-in" }).click();
  await answerAndNext(page, CALM);

  const all = await localStorageSnapshot(page);
  const others = Object.keys(all).filter((k) => !k.startsWith(STORAGE_PREFIX));
  expect(others).toEqual(["partner-key"]);
  expect(all["partner-key"]).toBe("42");
  expect(Object.keys(all).filter((k) => k.startsWith(`${STORAGE_PREFIX}checkin:`))).toHaveLength(1);
  expect(Object.keys(all)).toContain(`${STORAGE_PREFIX}draft`);

  const elsewhere = await page.evaluate(async () => ({
    session: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    cookie: document.cookie,
  }));
  expect(elsewhere).toEqual({ session: 0, indexedDB: [], caches: [], cookie: "" });
  expect(await context.cookies()).toEqual([]);
});

test("a second check-in in the same visit with the same answers is saved too", async ({ page }) => {
  test.setTimeout(90_000);
  // Results -> My check-ins -> Back to the start -> Start the check-in: a new check-in, in the
  // same page, without "Start a new check-in".
  await checkIn(page, CALM);
  expect(Object.keys(await savedCheckIns(page))).toHaveLength(1);
  await openHistory(page);
  await historyScreen(page).locator("[data-testid=leave]").click();
  await widget(page).getByRole("button", { name: "Start the check-in" }).click();
  await walk(page, CALM);
  await seeResults(page);
  const keys = Object.keys(await localStorageSnapshot(page));
  expect.soft(keys).not.toContain(DRAFT);
  expect(keys.filter((k) => k.startsWith(`${STORAGE_PREFIX}checkin:`))).toHaveLength(2);
});

test.describe("Don't keep anything on this device", () => {
  test("removes the draft, saves no check-in, and is remembered after a reload", async ({ page }) => {
    test.setTimeout(90_000);
    await checkIn(page, CALM);
    await widget(page).locator("[data-testid=start-over]").click();
    await widget(page).getByRole("button", { name: "Start the check-in" }).click();
    await answerAndNext(page, CALM);
    await answerAndNext(page, CALM);
    expect(Object.keys(await localStorageSnapshot(page))).toContain(DRAFT);
    await reload(page);
    await expect(draftOffer(page)).toBeVisible();

    await openHistory(page);
    const keep = historyScreen(page).getByRole("checkbox", { name: "Don't keep anything on this device" });
    await expect(keep).not.toBeChecked();
    await keep.check();
    await expect(keep).toBeChecked();
    const after = await localStorageSnapshot(page);
    expect(Object.keys(after)).not.toContain(DRAFT);
    expect(JSON.parse(after[SETTINGS])).toEqual({ v: 2, keep_nothing: true });
    // The check-in saved before stays until the person deletes it.
    expect(Object.keys(await savedCheckIns(page))).toHaveLength(1);
    const snapshot = await localStorageSnapshot(page);

    // A whole check-in: it works, and nothing is written, not even a draft.
    await historyScreen(page).locator("[data-testid=leave]").click();
    await widget(page).locator("[data-testid=start]").click();
    await walk(page, HARD);
    await seeResults(page);
    await expect(results(page).locator(".rc-band-name")).toHaveText(BAND_NAMES.many);
    expect(await localStorageSnapshot(page)).toEqual(snapshot);

    // Remembered: still ticked after a reload, and still nothing saved.
    await reload(page);
    await expect(draftOffer(page)).toHaveCount(0);
    await openHistory(page);
    await expect(historyItems(page)).toHaveCount(1);
    await expect(keep).toBeChecked();
    await historyScreen(page).locator("[data-testid=leave]").click();
    await widget(page).getByRole("button", { name: "Start the check-in" }).click();
    await answerAndNext(page, CALM);
    expect(await localStorageSnapshot(page)).toEqual(snapshot);

    // Unticked: saving again.
    await reload(page);
    await openHistory(page);
    await keep.uncheck();
    expect(JSON.parse((await localStorageSnapshot(page))[SETTINGS])).toEqual({ v: 2, keep_nothing: false });
  });

  test("after ticking it, the start screen no longer offers the check-in it removed", async ({ page }) => {
    await start(page);
    await answerAndNext(page, CALM);
    await reload(page);
    await expect(draftOffer(page)).toBeVisible();
    await openHistory(page);
    await historyScreen(page).getByRole("checkbox", { name: "Don't keep anything on this device" }).check();
    expect(Object.keys(await localStorageSnapshot(page))).not.toContain(DRAFT);
    await historyScreen(page).locator("[data-testid=leave]").click();
    await expect(widget(page).locator("[data-testid=open-history]")).toBeVisible();
    await expect(draftOffer(page)).toHaveCount(0);
    await expect(widget(page).locator("[data-testid=resume]")).toHaveCount(0);
    await expect(widget(page).getByRole("button", { name: "Start the check-in" })).toBeVisible();
  });

  test("ticked, then Delete everything: the choice is still kept after a reload", async ({ page }) => {
    await checkIn(page, CALM);
    await openHistory(page);
    const keep = historyScreen(page).getByRole("checkbox", { name: "Don't keep anything on this device" });
    await keep.check();
    await historyScreen(page).locator("[data-testid=delete-all]").click();
    await historyScreen(page).locator("[data-testid=confirm-delete]").click();
    await expect(historyItems(page)).toHaveCount(0);
    await expect(keep).toBeChecked();
    const left = await localStorageSnapshot(page);
    expect.soft(JSON.parse(left[SETTINGS] ?? "null")).toEqual({ v: 2, keep_nothing: true });
    await reload(page);
    await openHistory(page);
    await expect(keep).toBeChecked();
  });
});
