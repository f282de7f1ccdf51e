// Saved check-ins when storage fails: blocked (every access throws a SecurityError), full (every
// write throws a QuotaExceededError), and damaged or newer values found in storage. The check-in
// must keep working, say what happened in plain words, and never lose what was saved.
// Every test fails on a page error or a console error (the `test` of checkin.mjs).
import { expect } from "@playwright/test";
import {
  BAND_NAMES,
  CALM,
  HARD,
  STORAGE_PREFIX,
  answerAndNext,
  checkIn,
  historyItems,
  historyScreen,
  localStorageSnapshot,
  open,
  openHistory,
  results,
  savedCheckIns,
  seeResults,
  start,
  storageNotice,
  reload,
  test,
  walk,
  widget,
} from "./checkin.mjs";

const BLOCKED =
  "This browser is not letting the check-in save anything. You can still do the check-in, but it will not be kept after you leave.";
const FULL = "Your device's storage is full. Nothing you saved before was lost. You can export your check-ins to keep a copy.";
const KEPT_ASIDE = "Some saved data could not be read. We kept it aside and did not delete it.";
const NEWER = "Some saved data comes from a newer version of Recovery Check-in. It was left as it was.";

/** Makes `window.localStorage` throw a SecurityError, as a sandboxed frame's does, before any page script runs. */
function blockStorage() {
  Object.defineProperty(window, "localStorage", {
    configurable: true,
    get() {
      throw new DOMException("denied", "SecurityError");
    },
  });
}

test("storage blocked: the notice says nothing will be kept, and a whole check-in still works", async ({ page, context }) => {
  await page.addInitScript(blockStorage);
  await open(page);
  // The page really cannot reach localStorage.
  expect(await page.evaluate(() => { try { return localStorage.length; } catch (e) { return e.name; } })).toBe("SecurityError");
  await expect(storageNotice(page)).toHaveText(BLOCKED);
  await expect(storageNotice(page)).toHaveAttribute("role", "status");

  await widget(page).getByRole("button", { name: "Start the check-in" }).click();
  await walk(page, HARD);
  await seeResults(page);
  await expect(results(page).locator(".rc-band-name")).toHaveText(BAND_NAMES.many);
  await expect(storageNotice(page)).toHaveText(BLOCKED);

  // For this visit, My check-ins still has it (in memory).
  await openHistory(page);
  await expect(historyItems(page)).toHaveCount(1);
  await expect(historyItems(page).first().locator(".rc-history-band")).toHaveText(BAND_NAMES.many);

  // Nothing reached the real storage: another page of the site, with storage allowed, sees none.
  const other = await context.newPage();
  await other.goto("/");
  expect(await localStorageSnapshot(other)).toEqual({});
});

/** Makes every `localStorage.setItem` of the page throw a QuotaExceededError from now on. */
async function fillStorage(page) {
  await page.evaluate(() => {
    window.__rcRealSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
}

/** A full storage, met part way through a second check-in (one already saved). */
async function fullPartWay(page) {
  await checkIn(page, CALM);
  await page.evaluate(() => localStorage.setItem("partner-key", "kept"));
  await widget(page).locator("[data-testid=start-over]").click();
  await start(page);
  await answerAndNext(page, HARD);
  await answerAndNext(page, HARD);
  const before = await localStorageSnapshot(page);
  expect(Object.keys(before)).toContain(`${STORAGE_PREFIX}draft`);
  await fillStorage(page);
  await walk(page, HARD);
  await seeResults(page);
  return before;
}

test("storage full: finishing says so with an Export button, and nothing saved before is lost", async ({ page }) => {
  test.setTimeout(90_000);
  const before = await fullPartWay(page);
  await expect(results(page).locator(".rc-band-name")).toHaveText(BAND_NAMES.many);
  await expect(storageNotice(page)).toContainText(FULL);
  const exportButton = storageNotice(page).getByRole("button", { name: "Export all check-ins" });
  await expect(exportButton).toBeVisible();

  // The check-in saved before, and the partner's key, are exactly as they were; nothing new.
  const after = await localStorageSnapshot(page);
  const without = (all) => Object.fromEntries(Object.entries(all).filter(([k]) => k !== `${STORAGE_PREFIX}draft`));
  expect(without(after)).toEqual(without(before));

  // Export from the notice gives a file with the check-in saved before.
  const [download] = await Promise.all([page.waitForEvent("download"), exportButton.click()]);
  const file = JSON.parse(await (await download.createReadStream()).toArray().then((b) => Buffer.concat(b).toString("utf8")));
  const [saved] = Object.values(await savedCheckIns(page));
  expect(file.checkins.map((c) => c.id)).toEqual([saved.id]);

  // My check-ins still lists it.
  await openHistory(page);
  await expect(historyItems(page)).toHaveCount(1);
  await expect(historyItems(page).first()).toHaveAttribute("data-id", saved.id);
});

test("storage full: the answers of the check-in that could not be saved are not deleted either", async ({ page }) => {
  test.setTimeout(90_000);
  const before = await fullPartWay(page);
  expect(await localStorageSnapshot(page)).toEqual(before);
});

/** A valid saved check-in, made by finishing one in the page. */
async function realCheckIn(page) {
  await checkIn(page, CALM);
  const all = await localStorageSnapshot(page);
  const key = Object.keys(all).find((k) => k.startsWith(`${STORAGE_PREFIX}checkin:`));
  return { key, text: all[key], value: JSON.parse(all[key]) };
}

test("damaged values are kept aside, a newer one is left alone, and the good ones are listed", async ({ page }) => {
  const good = await realCheckIn(page);
  const clone = { ...good.value, id: "good2", at: good.value.at - 86_400_000 };
  const { v, ...rest } = good.value;
  const seeds = {
    [`${STORAGE_PREFIX}checkin:good2`]: JSON.stringify(clone),
    // Truncated.
    [`${STORAGE_PREFIX}checkin:bad1`]: '{"v":1,"id":',
    // Whole JSON, wrong types.
    [`${STORAGE_PREFIX}checkin:bad2`]: JSON.stringify({ v, ...rest, id: "bad2", at: "yesterday", band: 7, scores: "high" }),
    // Not JSON at all.
    [`${STORAGE_PREFIX}checkin:bad3`]: "not json",
    // From a newer storage schema.
    [`${STORAGE_PREFIX}checkin:future1`]: JSON.stringify({ v: 99, id: "future1", at: 1, shape: { of: "things to come" } }),
    "partner-key": "kept",
  };
  await page.evaluate((seeds) => {
    for (const [k, value] of Object.entries(seeds)) localStorage.setItem(k, value);
  }, seeds);
  await reload(page);
  await openHistory(page);

  await expect(historyItems(page)).toHaveCount(2);
  await expect(historyItems(page).nth(0)).toHaveAttribute("data-id", good.value.id);
  await expect(historyItems(page).nth(1)).toHaveAttribute("data-id", "good2");
  await expect(storageNotice(page)).toContainText(KEPT_ASIDE);
  await expect(storageNotice(page)).toContainText(NEWER);
  // The trend works with the good ones.
  await expect(historyScreen(page).locator("[data-testid=trend] tbody tr")).toHaveCount(2);

  const after = await localStorageSnapshot(page);
  for (const bad of ["bad1", "bad2", "bad3"]) {
    expect(after[`${STORAGE_PREFIX}aside:checkin:${bad}:1`], `${bad} kept aside verbatim`).toBe(seeds[`${STORAGE_PREFIX}checkin:${bad}`]);
    expect(after[`${STORAGE_PREFIX}checkin:${bad}`], `${bad} no longer in the way`).toBeUndefined();
  }
  expect(after[`${STORAGE_PREFIX}checkin:future1`]).toBe(seeds[`${STORAGE_PREFIX}checkin:future1`]);
  expect(Object.keys(after).filter((k) => k.includes("future1"))).toEqual([`${STORAGE_PREFIX}checkin:future1`]);
  expect(after[good.key]).toBe(good.text);
  expect(after[`${STORAGE_PREFIX}checkin:good2`]).toBe(seeds[`${STORAGE_PREFIX}checkin:good2`]);
  expect(after["partner-key"]).toBe("kept");

  // Opening the list again copies nothing twice and loses nothing.
  await historyScreen(page).locator("[data-testid=leave]").click();
  await openHistory(page);
  await expect(historyItems(page)).toHaveCount(2);
  expect(await localStorageSnapshot(page)).toEqual(after);
  // A good one still opens.
  await historyItems(page).nth(1).getByRole("button").click();
  await expect(results(page)).toBeVisible();
});

test("a damaged draft and damaged settings are kept aside on load: no resume offer, the check-in works", async ({ page }) => {
  // The widget has read the empty storage first, so the values below are met on the reload.
  await open(page);
  const draft = '{"v":1,"answers":{"questionnaire_version":2,"values":{"goal":{"choice":';
  const settings = '{"v":1,"keep_nothing":"perhaps"}';
  await page.evaluate(
    ([p, d, s]) => {
      localStorage.setItem(`${p}draft`, d);
      localStorage.setItem(`${p}settings`, s);
    },
    [STORAGE_PREFIX, draft, settings],
  );
  await reload(page);
  await expect(storageNotice(page)).toContainText(KEPT_ASIDE);
  await expect(widget(page).locator("[data-testid=resume]")).toHaveCount(0);
  const after = await localStorageSnapshot(page);
  expect(after).toEqual({
    [`${STORAGE_PREFIX}aside:draft:1`]: draft,
    [`${STORAGE_PREFIX}aside:settings:1`]: settings,
  });
  await widget(page).getByRole("button", { name: "Start the check-in" }).click();
  await answerAndNext(page, CALM);
  expect(Object.keys(await localStorageSnapshot(page))).toContain(`${STORAGE_PREFIX}draft`);
});
