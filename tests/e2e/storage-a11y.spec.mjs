// The saved check-in screens for everyone: axe-core finds no violation on the welcome screen with
// the resume offer, My check-ins with a chart and its table, a saved result, each delete
// confirmation, the import report and the storage notices, in the light and the dark colour
// scheme; at 320 px the history screen fits without sideways scrolling and every target is at
// least 24 x 24 px. Soft assertions, so one run lists every screen that fails.
// Every test fails on a page error or a console error (the `test` of checkin.mjs).
import { expect } from "@playwright/test";
import {
  CALM,
  HARD,
  STORAGE_PREFIX,
  answerAndNext,
  axeViolations,
  checkIn,
  historyItems,
  historyScreen,
  open,
  openHistory,
  overflow,
  results,
  seeResults,
  smallTargets,
  start,
  storageNotice,
  reload,
  test,
  walk,
  widget,
} from "./checkin.mjs";

const SCHEMES = ["light", "dark"];

/** axe in each colour scheme, each result under its own name. */
async function scan(page, what) {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect.soft(await axeViolations(page), `${colorScheme}: ${what}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** Two check-ins far apart (the calmest, then the hardest), and My check-ins open. */
async function twoCheckIns(page) {
  await checkIn(page, CALM);
  await widget(page).locator("[data-testid=start-over]").click();
  await start(page);
  await walk(page, HARD);
  await seeResults(page);
  await openHistory(page);
  await expect(historyItems(page)).toHaveCount(2);
  await expect(historyScreen(page).locator("[data-testid=trend] svg")).toBeVisible();
}

test("My check-ins, a saved result and the delete confirmations pass axe in light and dark", async ({ page }) => {
  test.setTimeout(120_000);
  await twoCheckIns(page);
  await expect(historyScreen(page).locator("[data-testid=since] li").first()).toBeVisible();
  await scan(page, "My check-ins with since last time, chart and table");
  expect.soft(await axeViolations(page, { fullPage: true }), "whole page, My check-ins").toEqual([]);

  await historyScreen(page).locator("[data-testid=delete-all]").click();
  await expect(historyScreen(page).getByRole("alertdialog")).toBeVisible();
  await scan(page, "Delete everything, asking");
  await historyScreen(page).locator("[data-testid=cancel-delete]").click();

  await historyScreen(page).getByRole("checkbox", { name: "Don't keep anything on this device" }).check();
  await importText(page, JSON.stringify({ hello: 1 }));
  await expect(historyScreen(page).locator("[data-testid=report]")).toBeVisible();
  await scan(page, "keep nothing ticked, and an import report");
  await historyScreen(page).getByRole("checkbox", { name: "Don't keep anything on this device" }).uncheck();

  await historyItems(page).first().getByRole("button").click();
  await expect(results(page)).toBeVisible();
  await scan(page, "a saved result");
  await results(page).locator("[data-testid=delete-one]").click();
  await expect(results(page).getByRole("alertdialog")).toBeVisible();
  await scan(page, "Delete this check-in, asking");
});

async function importText(page, text) {
  await historyScreen(page)
    .locator("[data-testid=import]")
    .setInputFiles({ name: "file.json", mimeType: "application/json", buffer: Buffer.from(text) });
}

test("the welcome screen with the resume offer and a storage notice passes axe in light and dark", async ({ page }) => {
  await start(page);
  await answerAndNext(page, CALM);
  await page.evaluate((p) => localStorage.setItem(`${p}checkin:broken`, "{"), STORAGE_PREFIX);
  await reload(page);
  await expect(widget(page).locator("[data-testid=resume]")).toBeVisible();
  await scan(page, "welcome with the resume offer");
  // A damaged value found: the notice shows over My check-ins (empty).
  await openHistory(page);
  await expect(storageNotice(page)).toBeVisible();
  await scan(page, "My check-ins, empty, with a storage notice");
});

test("the storage-blocked notice passes axe in light and dark", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("denied", "SecurityError");
      },
    });
  });
  await open(page);
  await expect(storageNotice(page)).toBeVisible();
  await scan(page, "welcome with the storage-blocked notice");
  expect.soft(await axeViolations(page, { fullPage: true }), "whole page, storage blocked").toEqual([]);
});

/** The history screen at 320 px, then with each confirmation open; `check(what)` on each. */
async function at320(page, check) {
  await twoCheckIns(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await check("My check-ins");
  await historyScreen(page).locator("[data-testid=delete-all]").click();
  await expect(historyScreen(page).getByRole("alertdialog")).toBeVisible();
  await check("Delete everything, asking");
  await historyScreen(page).locator("[data-testid=cancel-delete]").click();
  await historyItems(page).first().getByRole("button").click();
  await results(page).locator("[data-testid=delete-one]").click();
  await expect(results(page).getByRole("alertdialog")).toBeVisible();
  await check("a saved result, Delete this check-in asking");
}

test("at 320 px My check-ins and its confirmations fit the width", async ({ page }) => {
  test.setTimeout(120_000);
  await at320(page, async (what) => {
    expect.soft(await overflow(page), `${what}: nothing wider than 320 px`).toEqual({ excess: 0, past: [] });
  });
});

test("at 320 px every target of My check-ins and its confirmations is at least 24 x 24 px", async ({ page }) => {
  test.setTimeout(120_000);
  await at320(page, async (what) => {
    expect.soft(await smallTargets(page), `${what}: targets of 24 px or more`).toEqual([]);
  });
});
