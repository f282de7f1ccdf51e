// The lock on saved check-ins (issue 8, docs/privacy.md): a passphrase sets it; from then on
// localStorage holds only envelopes (no answer can be read); a visit starts at the unlock
// screen; a wrong passphrase changes nothing and says so; the right one brings everything back;
// it closes again after 15 idle minutes (the page's clock, faked) and on quick exit; a change of
// passphrase loses nothing and the old one no longer opens it; a forgotten one means deleting
// everything; removing the lock makes everything plain again; a change cut off is settled at
// the next visit, and a value left plain under the lock is encrypted at unlock; a write the
// browser refuses is told. All of this is the loader's vault (embed/loader.js) since the lock's
// work left the wasm. Export after unlocking is the person's own data, plain. Every test fails on a page error or a console error (the `test`
// of checkin.mjs).
import { readFile } from "node:fs/promises";
import { expect } from "@playwright/test";
import {
  CALM,
  STORAGE_PREFIX,
  WIDGET,
  axeViolations,
  historyItems,
  historyScreen,
  localStorageSnapshot,
  open,
  openHistory,
  seeResults,
  storageNotice,
  test,
  walk,
  widget,
} from "./checkin.mjs";

const PASS = "correct horse battery";
const OTHER = "a different passphrase";
// Answer ids and field names a plain check-in or draft of CALM holds (content/questionnaire.toml).
const PLAIN_WORDS = ["answers", "time_in_recovery", "years_1_5", "more_than_weekly", "questionnaire_version", "band"];

const lockPart = (page) => widget(page).locator("[data-testid=lock]");
const unlockScreen = (page) => widget(page).locator("[data-testid=unlock]");
const lockProblem = (page) => widget(page).locator("[data-testid=lock-problem]");

/** From the welcome screen: My check-ins, then a new passphrase set (twice the same). */
async function setPassphrase(page, pass = PASS, again = pass) {
  if (!(await historyScreen(page).count())) await openHistory(page);
  await lockPart(page).locator("[data-testid=lock-set]").click();
  await fillNew(page, pass, again);
}

async function fillNew(page, pass, again = pass) {
  const form = lockPart(page);
  await form.getByLabel("New passphrase").fill(pass);
  await form.getByLabel("Type the passphrase again").fill(again);
  await form.locator("[data-testid=lock-submit]").click();
}

async function unlock(page, pass) {
  await unlockScreen(page).getByLabel("Passphrase").fill(pass);
  await unlockScreen(page).locator("[data-testid=lock-submit]").click();
}

/** The namespace's keys and values. */
async function ours(page) {
  const all = await localStorageSnapshot(page);
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith(STORAGE_PREFIX)));
}

/** Every lockable value (and the lock record) is an envelope, and no answer can be read anywhere. */
function expectOnlyEnvelopes(stored) {
  const nonces = new Set();
  let envelopes = 0;
  for (const [key, value] of Object.entries(stored)) {
    const what = key.slice(STORAGE_PREFIX.length);
    if (!/^(lock$|draft$|checkin:|aside:)/.test(what)) continue;
    const e = JSON.parse(value);
    expect(Object.keys(e), key).toEqual(["v", "alg", "salt", "iterations", "nonce", "ciphertext"]);
    expect(e.v).toBe(3);
    expect(e.alg).toBe("pbkdf2-sha256+aes-256-gcm");
    expect(e.iterations).toBeGreaterThanOrEqual(600000);
    expect(Buffer.from(e.salt, "base64")).toHaveLength(16);
    expect(Buffer.from(e.nonce, "base64")).toHaveLength(12);
    nonces.add(e.nonce);
    envelopes++;
  }
  expect(nonces.size, "a fresh nonce for every write").toBe(envelopes);
  const text = JSON.stringify(stored);
  for (const word of PLAIN_WORDS) expect(text, `"${word}" readable in storage`).not.toContain(word);
  return envelopes;
}

/** Sets the lock, then does a whole check-in; waits until it is stored, encrypted. */
async function lockedCheckIn(page) {
  await open(page);
  await setPassphrase(page);
  await expect(storageNotice(page)).toContainText("Your check-ins are locked with a passphrase now.");
  await widget(page).locator("[data-testid=leave]").click();
  await widget(page).locator("[data-testid=start]").click();
  await walk(page, CALM);
  await seeResults(page);
  await expect
    .poll(async () => Object.keys(await ours(page)).filter((k) => k.includes(":checkin:")).length)
    .toBe(1);
  // The check-in in progress is gone once the check-in is saved.
  await expect.poll(async () => Object.keys(await ours(page)).some((k) => k.endsWith(":draft"))).toBe(false);
}

test("a passphrase encrypts everything; a visit starts locked; a wrong passphrase changes nothing; the right one opens it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await lockedCheckIn(page);
  const stored = await ours(page);
  expect(stored[`${STORAGE_PREFIX}lock`]).toBeTruthy();
  expect(expectOnlyEnvelopes(stored)).toBe(2);

  // The next visit starts at the unlock screen, with the way to help and out still there.
  await page.reload();
  await expect(unlockScreen(page)).toBeVisible();
  await expect(widget(page).getByRole("button", { name: "Help now" })).toBeVisible();
  await expect(widget(page).getByRole("button", { name: "Leave quickly" })).toBeVisible();
  await expect(widget(page).locator("[data-testid=start]")).toHaveCount(0);
  expect.soft(await axeViolations(page), "the unlock screen").toEqual([]);

  // A wrong passphrase: a clear message, focus back in the field, nothing changed.
  await unlock(page, OTHER);
  await expect(lockProblem(page)).toHaveText("That passphrase is not right. Nothing was changed. Please try again.");
  await expect(lockProblem(page)).toHaveAttribute("role", "alert");
  await expect(unlockScreen(page).getByLabel("Passphrase")).toBeFocused();
  await expect(unlockScreen(page).getByLabel("Passphrase")).toHaveValue("");
  expect(await ours(page)).toEqual(stored);
  expect.soft(await axeViolations(page), "the unlock screen with a wrong passphrase").toEqual([]);

  // The right one: the welcome screen, its heading focused, and the check-in there.
  await unlock(page, PASS);
  await expect(unlockScreen(page)).toHaveCount(0);
  await expect(widget(page).getByRole("heading", { name: "How is your recovery going right now?" })).toBeFocused();
  await openHistory(page);
  await expect(historyItems(page)).toHaveCount(1);
  await expect(lockPart(page)).toContainText("Your check-ins are locked with a passphrase.");
  expect.soft(await axeViolations(page), "My check-ins with the lock on").toEqual([]);

  // Export after unlocking: the person's own check-in, plain.
  const [download] = await Promise.all([page.waitForEvent("download"), historyScreen(page).locator("[data-testid=export]").click()]);
  const file = JSON.parse(await readFile(await download.path(), "utf8"));
  expect(file.checkins).toHaveLength(1);
  expect(file.checkins[0].answers.time_in_recovery).toBe("years_1_5");
  // Still nothing plain in storage.
  expectOnlyEnvelopes(await ours(page));
});

/** Stops the widget as a panic would, then saves the check-ins from the calm message. */
async function fallbackExport(page) {
  await page.evaluate(() => dispatchEvent(new ErrorEvent("error", { error: new WebAssembly.RuntimeError("unreachable") })));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    widget(page).locator(".rc-fallback").getByRole("button", { name: "Save my check-ins to a file" }).click(),
  ]);
  return JSON.parse(await readFile(await download.path(), "utf8"));
}

test("a widget that stops working while the lock is open saves the check-ins under it; while it is closed, none", async ({
  page,
}) => {
  await lockedCheckIn(page);
  const stored = await ours(page);
  // Open (it was just set): the message's export reads through the vault, decrypted.
  const file = await fallbackExport(page);
  expect(file.format).toBe("recovery-checkin-export");
  expect(file.checkins).toHaveLength(1);
  expect(file.checkins[0].answers.time_in_recovery).toBe("years_1_5");
  expect(Object.keys(stored)).toContain(`${STORAGE_PREFIX}checkin:${file.checkins[0].id}`);
  expect(await ours(page)).toEqual(stored);

  // Closed (a new visit starts locked): no key, so nothing under the lock goes into the file.
  await page.reload();
  await expect(unlockScreen(page)).toBeVisible();
  expect((await fallbackExport(page)).checkins).toEqual([]);
  expect(await ours(page)).toEqual(stored);
});

test("the check-in in progress is encrypted too, and is offered again after unlocking", async ({ page }) => {
  await open(page);
  await setPassphrase(page);
  await expect(storageNotice(page)).toContainText("locked with a passphrase now");
  await widget(page).locator("[data-testid=leave]").click();
  await widget(page).locator("[data-testid=start]").click();
  await walk(page, CALM, { until: "goal" });
  await expect.poll(async () => Object.keys(await ours(page)).some((k) => k.endsWith(":draft"))).toBe(true);
  expectOnlyEnvelopes(await ours(page));
  await page.reload();
  await unlock(page, PASS);
  await expect(widget(page).locator("[data-testid=resume]")).toBeVisible();
});

test("setting a passphrase: too short, or not the same twice, is refused with a clear message", async ({ page }) => {
  await open(page);
  await setPassphrase(page, "short", "short");
  await expect(lockProblem(page)).toHaveText("The passphrase needs at least 8 characters. Nothing was changed.");
  await expect(lockPart(page).getByLabel("New passphrase")).toBeFocused();
  await fillNew(page, PASS, `${PASS}!`);
  await expect(lockProblem(page)).toHaveText(
    "The two passphrases are not the same. Nothing was changed. Please type them again.",
  );
  expect.soft(await axeViolations(page), "the passphrase form with a problem").toEqual([]);
  expect(Object.keys(await ours(page)).some((k) => k.endsWith(":lock"))).toBe(false);
  await lockPart(page).locator("[data-testid=lock-cancel]").click();
  await expect(lockPart(page).locator("[data-testid=lock-set]")).toBeVisible();
});

test("the lock closes after 15 idle minutes, and not while the person is using it", async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await open(page);
  await setPassphrase(page);
  await expect(storageNotice(page)).toContainText("locked with a passphrase now");

  await page.clock.fastForward("14:00");
  await expect(historyScreen(page)).toBeVisible();
  // Something done starts the timer again.
  await widget(page).getByRole("button", { name: "Help now" }).click();
  await widget(page).getByRole("button", { name: "Close help" }).first().click();
  await page.clock.fastForward("14:00");
  await expect(historyScreen(page)).toBeVisible();
  await expect(unlockScreen(page)).toHaveCount(0);
  await page.clock.fastForward("01:30");
  await expect(unlockScreen(page)).toBeVisible();
  await expect(historyScreen(page)).toHaveCount(0);
  await expect(widget(page).getByRole("heading", { name: "Your check-ins are locked" })).toBeFocused();
  // Opens again with the passphrase.
  await unlock(page, PASS);
  await expect(widget(page).locator("[data-testid=start]")).toBeVisible();
});

test("quick exit closes the lock at once", async ({ page }) => {
  await page.context().route(/^https:\/\//, async (route) => {
    await new Promise((done) => setTimeout(done, 1500));
    await route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Weather</title><p>Sunny" });
  });
  await open(page);
  await setPassphrase(page);
  await expect(storageNotice(page)).toContainText("locked with a passphrase now");
  await expect(historyScreen(page)).toBeVisible();
  // Before the page is even gone, the widget is locked: what was shown is gone (told as soon
  // as it is: Playwright's locators wait for the navigation under way).
  const seen = [];
  await page.exposeFunction("__locked", (v) => seen.push(v));
  await page.locator(WIDGET).evaluate((host) =>
    new MutationObserver(() => {
      const root = host.shadowRoot;
      if (root.querySelector("[data-testid=unlock]")) window.__locked(!!root.querySelector("[data-testid=history]"));
    }).observe(host.shadowRoot, { childList: true, subtree: true }),
  );
  const leaving = page.waitForURL("https://www.bbc.co.uk/weather");
  await widget(page).locator("[data-testid=quick-exit]").click({ noWaitAfter: true });
  await leaving;
  expect(seen[0], "the unlock screen replaced My check-ins").toBe(false);
  await page.goto("/");
  await expect(unlockScreen(page)).toBeVisible();
});

test("changing the passphrase loses nothing; the old one no longer opens it, the new one does", async ({ page }) => {
  test.setTimeout(120_000);
  await lockedCheckIn(page);
  await page.reload();
  await unlock(page, PASS);
  await openHistory(page);
  await lockPart(page).locator("[data-testid=lock-change]").click();
  await expect(lockPart(page)).toContainText("If you forget your passphrase, no one can open your check-ins again");
  expect.soft(await axeViolations(page), "the form for a new passphrase").toEqual([]);
  await fillNew(page, OTHER);
  await expect(storageNotice(page)).toContainText("Your passphrase was changed.");
  const stored = await ours(page);
  expect(Object.keys(stored).filter((k) => /:(lock-next|next:)/.test(k))).toEqual([]);
  expectOnlyEnvelopes(stored);

  await page.reload();
  await unlock(page, PASS);
  await expect(lockProblem(page)).toContainText("That passphrase is not right.");
  await unlock(page, OTHER);
  await openHistory(page);
  await expect(historyItems(page)).toHaveCount(1);
});

test("a forgotten passphrase: delete everything and start again, after a plain warning", async ({ page }) => {
  await lockedCheckIn(page);
  await page.reload();
  await unlockScreen(page).locator("[data-testid=forgot]").click();
  await expect(unlockScreen(page).getByRole("alertdialog")).toContainText("No one can recover a forgotten passphrase");
  expect.soft(await axeViolations(page), "the forgotten passphrase's question").toEqual([]);
  // "No, keep it" keeps everything.
  const before = await ours(page);
  await unlockScreen(page).locator("[data-testid=cancel-lock]").click();
  expect(await ours(page)).toEqual(before);
  await unlockScreen(page).locator("[data-testid=forgot]").click();
  await unlockScreen(page).locator("[data-testid=confirm-lock]").click();
  await expect(widget(page).locator("[data-testid=start]")).toBeVisible();
  expect(await ours(page)).toEqual({});
  // A new check-in is saved plain, as with no lock.
  await page.reload();
  await expect(widget(page).locator("[data-testid=start]")).toBeVisible();
});

test("removing the lock makes every value plain again", async ({ page }) => {
  test.setTimeout(120_000);
  await lockedCheckIn(page);
  await openHistory(page);
  await lockPart(page).locator("[data-testid=lock-remove]").click();
  await expect(lockPart(page).getByRole("alertdialog")).toContainText("Remove the lock?");
  await lockPart(page).locator("[data-testid=confirm-lock]").click();
  await expect(storageNotice(page)).toContainText("The lock was removed.");
  const stored = await ours(page);
  expect(stored[`${STORAGE_PREFIX}lock`]).toBeUndefined();
  const [checkin] = Object.entries(stored).filter(([k]) => k.includes(":checkin:"));
  expect(JSON.parse(checkin[1]).answers.time_in_recovery).toBe("years_1_5");
  await page.reload();
  await expect(unlockScreen(page)).toHaveCount(0);
  await openHistory(page);
  await expect(historyItems(page)).toHaveCount(1);
  await expect(lockPart(page).locator("[data-testid=lock-set]")).toBeVisible();
});

test("Lock now closes it; the lock works at 320 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await open(page);
  await setPassphrase(page);
  await expect(storageNotice(page)).toContainText("locked with a passphrase now");
  await lockPart(page).locator("[data-testid=lock-now]").click();
  await expect(unlockScreen(page)).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
});

/** Replaces the namespace's keys with `values` (the widget reads them at the next load). */
async function plant(page, values) {
  await page.evaluate(
    ([prefix, values]) => {
      for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
      for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
    },
    [STORAGE_PREFIX, values],
  );
}

test("a change of passphrase cut off is settled at the next visit: undone before the switch, finished after it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await lockedCheckIn(page);
  const before = await ours(page);
  const [key] = Object.keys(before).filter((k) => k.includes(":checkin:"));
  const staged = STORAGE_PREFIX + "next:" + key.slice(STORAGE_PREFIX.length);
  await openHistory(page);
  await lockPart(page).locator("[data-testid=lock-change]").click();
  await fillNew(page, OTHER);
  await expect(storageNotice(page)).toContainText("Your passphrase was changed.");
  const after = await ours(page);
  const record = `${STORAGE_PREFIX}lock`;
  const next = `${STORAGE_PREFIX}lock-next`;

  // Cut off before the switch: the copies and the new record are written, the lock record is
  // still the old one. The copies go, and the old passphrase opens everything.
  await plant(page, { ...before, [next]: after[record], [staged]: after[key] });
  await page.reload();
  await expect(unlockScreen(page)).toBeVisible();
  expect(await ours(page)).toEqual(before);
  await unlock(page, OTHER);
  await expect(lockProblem(page)).toContainText("That passphrase is not right.");
  await unlock(page, PASS);
  await openHistory(page);
  await expect(historyItems(page)).toHaveCount(1);

  // Cut off after the switch: the lock record is the new one, the check-in still the old
  // copy, its new copy staged. The new copy takes its place, and the new passphrase opens it.
  await plant(page, { ...before, [record]: after[record], [next]: after[record], [staged]: after[key] });
  await page.reload();
  await expect(unlockScreen(page)).toBeVisible();
  expect(await ours(page)).toEqual(after);
  await unlock(page, OTHER);
  await openHistory(page);
  await expect(historyItems(page)).toHaveCount(1);
  expectOnlyEnvelopes(await ours(page));

  // A lock cut off while being removed left a value plain: it is encrypted again at unlock.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await widget(page).locator("[data-testid=start]").click();
  await walk(page, CALM);
  await seeResults(page);
  await expect.poll(async () => Object.keys(await ours(page)).some((k) => k.includes(":checkin:"))).toBe(true);
  const plainOne = await ours(page);
  await plant(page, { ...plainOne, [record]: after[record] });
  await page.reload();
  await unlock(page, OTHER);
  await openHistory(page);
  await expect(historyItems(page)).toHaveCount(1);
  await expect.poll(async () => JSON.stringify(await ours(page))).not.toContain("years_1_5");
  expectOnlyEnvelopes(await ours(page));
});

test("a write the browser refuses under the lock is told to the person as a failed save", async ({ page }) => {
  await open(page);
  await setPassphrase(page);
  await expect(storageNotice(page)).toContainText("locked with a passphrase now");
  // From now on the browser refuses to store a check-in (as a full storage would).
  await page.evaluate(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.includes(":checkin:")) throw new DOMException("full", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
  });
  await widget(page).locator("[data-testid=leave]").click();
  await widget(page).locator("[data-testid=start]").click();
  await walk(page, CALM);
  await seeResults(page);
  await expect(storageNotice(page)).toContainText("Something went wrong with the storage in this browser just now.");
  // Told once: the widget started afresh by the lock does not tell it again.
  await openHistory(page);
  await lockPart(page).locator("[data-testid=lock-now]").click();
  await unlock(page, PASS);
  await expect(widget(page).locator("[data-testid=start]")).toBeVisible();
  await expect(storageNotice(page)).toHaveCount(0);
});
