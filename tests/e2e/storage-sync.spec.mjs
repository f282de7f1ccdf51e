// Saved check-ins across tabs and files: a check-in finished in one tab shows in another tab's
// My check-ins without a reload, two tabs never overwrite each other's check-ins; export gives
// the documented file, and importing it brings the same check-ins back, once; files that are
// not ours, damaged or too big are refused with their own message and change nothing.
// Every test fails on a page error or a console error (the `test` of checkin.mjs).
import { readFile } from "node:fs/promises";
import { expect } from "@playwright/test";
import {
  BAND_NAMES,
  CALM,
  HARD,
  STORAGE_PREFIX,
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
  reload,
  test,
  walk,
  widget,
} from "./checkin.mjs";

test("two tabs: a check-in saved in one shows in the other without a reload, and neither overwrites the other", async ({ context }) => {
  test.setTimeout(120_000);
  const a = await context.newPage();
  const b = await context.newPage();
  await open(b);
  await openHistory(b);
  await expect(historyScreen(b)).toContainText("No check-ins are saved on this device yet.");

  await a.bringToFront();
  await checkIn(a, CALM);
  const [first] = Object.values(await savedCheckIns(a));
  // B hears of it through the storage event: no reload, no click.
  await expect(historyItems(b)).toHaveCount(1);
  await expect(historyItems(b).first()).toHaveAttribute("data-id", first.id);
  await expect(historyItems(b).first().locator(".rc-history-band")).toHaveText(BAND_NAMES.few);

  // Both tabs check in at the same time, turn by turn (a tab in the background does not paint,
  // so the one a person would be using is brought to the front): A answers half, B all, A the
  // rest; B finishes, then A.
  await b.bringToFront();
  await historyScreen(b).locator("[data-testid=leave]").click();
  await widget(b).getByRole("button", { name: "Start the check-in" }).click();
  await a.bringToFront();
  await widget(a).locator("[data-testid=start-over]").click();
  await widget(a).getByRole("button", { name: "Start the check-in" }).click();
  await walk(a, HARD, { until: "meetings" });
  await b.bringToFront();
  await walk(b, CALM);
  await a.bringToFront();
  await walk(a, HARD);
  await b.bringToFront();
  await seeResults(b);
  await a.bringToFront();
  await seeResults(a);

  const saved = await savedCheckIns(a);
  expect(Object.keys(saved)).toHaveLength(3);
  expect(Object.values(saved).map((c) => c.band).sort()).toEqual(["few", "few", "many"]);
  expect(Object.values(saved).map((c) => c.id)).toContain(first.id);
  for (const page of [a, b]) {
    await page.bringToFront();
    await openHistory(page);
    await expect(historyItems(page)).toHaveCount(3);
  }

  // A deletes the first check-in while B has it open: B goes back to its list, one fewer.
  const date = (await historyItems(b).last().locator(".rc-history-date").textContent()).trim();
  await expect(historyItems(b).last()).toHaveAttribute("data-id", first.id);
  await historyItems(b).last().getByRole("button", { name: `Open the check-in from ${date}` }).click();
  await expect(results(b)).toBeVisible();
  await a.bringToFront();
  await historyItems(a).last().getByRole("button", { name: `Open the check-in from ${date}` }).click();
  await results(a).locator("[data-testid=delete-one]").click();
  await results(a).locator("[data-testid=confirm-delete]").click();
  await expect(historyItems(a)).toHaveCount(2);
  await expect(historyScreen(b)).toBeVisible();
  await expect(historyItems(b)).toHaveCount(2);
  expect(await historyItems(b).evaluateAll((li) => li.map((l) => l.dataset.id))).not.toContain(first.id);
});

/** One real check-in and `n - 1` valid copies with new ids and earlier dates, then a reload. */
async function seedCheckIns(page, n) {
  await checkIn(page, CALM);
  const [real] = Object.values(await savedCheckIns(page));
  await page.evaluate(
    ([prefix, real, n]) => {
      for (let i = 1; i < n; i++) {
        const copy = { ...real, id: `copy-${i}`, at: real.at - i * 86_400_000 };
        localStorage.setItem(`${prefix}checkin:${copy.id}`, JSON.stringify(copy));
      }
    },
    [STORAGE_PREFIX, real, n],
  );
  await reload(page);
}

const report = (page) => historyScreen(page).locator("[data-testid=report]");
const importInput = (page) => historyScreen(page).locator("[data-testid=import]");
const listed = (page) =>
  historyItems(page).evaluateAll((li) =>
    li.map((l) => ({
      id: l.dataset.id,
      date: l.querySelector(".rc-history-date").textContent,
      band: l.querySelector(".rc-history-band").textContent,
    })),
  );

async function exportFile(page) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    historyScreen(page).locator("[data-testid=export]").click(),
  ]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
}

async function importText(page, name, text) {
  await importInput(page).setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
}

test("export, delete everything, import: the same check-ins back; a second import adds nothing", async ({ page }) => {
  await seedCheckIns(page, 3);
  await openHistory(page);
  await expect(historyItems(page)).toHaveCount(3);
  const before = await localStorageSnapshot(page);
  const list = await listed(page);

  const file = await exportFile(page);
  const today = await page.evaluate(() => new Date());
  expect(file.name).toMatch(/^recovery-checkins-\d{4}-\d{2}-\d{2}\.json$/);
  const day = file.name.slice("recovery-checkins-".length, -".json".length);
  // The file's date is today's (in UTC or in the page's time zone).
  const days = [today.toISOString().slice(0, 10), new Date(today.getTime() - today.getTimezoneOffset() * 60_000).toISOString().slice(0, 10)];
  expect(days).toContain(day);
  const exported = JSON.parse(file.text);
  expect(exported.format).toBe("recovery-checkin-export");
  expect(exported.version).toBe(1);
  expect(Math.abs(exported.exported_at - Date.now())).toBeLessThan(120_000);
  // Newest first, each the stored check-in without its "v".
  expect(exported.checkins.map((c) => c.id)).toEqual(list.map((c) => c.id));
  for (const entry of exported.checkins) {
    const { v, ...stored } = JSON.parse(before[`${STORAGE_PREFIX}checkin:${entry.id}`]);
    expect(v).toBe(2);
    expect(entry).toEqual(stored);
  }

  await historyScreen(page).locator("[data-testid=delete-all]").click();
  await historyScreen(page).locator("[data-testid=confirm-delete]").click();
  await expect(historyItems(page)).toHaveCount(0);
  expect(await localStorageSnapshot(page)).toEqual({});

  await importText(page, file.name, file.text);
  await expect(report(page)).toHaveText("3 check-ins added.");
  await expect(report(page)).toHaveAttribute("role", "status");
  await expect(historyItems(page)).toHaveCount(3);
  expect(await listed(page)).toEqual(list);
  // Byte for byte what was there before.
  expect(await localStorageSnapshot(page)).toEqual(before);

  // Again: all already here, nothing added, nothing changed.
  await importText(page, file.name, file.text);
  await expect(report(page)).toContainText("3 check-ins were already here.");
  await expect(report(page)).not.toContainText("3 check-ins added.");
  await expect(historyItems(page)).toHaveCount(3);
  expect(await localStorageSnapshot(page)).toEqual(before);

  // Still there after a reload.
  await reload(page);
  await openHistory(page);
  expect(await listed(page)).toEqual(list);
});

test("files that are not an export, damaged, edited, newer or too big are refused and change nothing", async ({ page }) => {
  await seedCheckIns(page, 2);
  await openHistory(page);
  const file = await exportFile(page);
  const exported = JSON.parse(file.text);
  const before = await localStorageSnapshot(page);

  // An entry whose band does not follow from its answers (the file was edited by hand).
  const edited = structuredClone(exported);
  edited.checkins[0].band = "many";
  // A new entry in an otherwise good file with a wrong type: all or nothing.
  const partly = structuredClone(exported);
  partly.checkins.push({ ...exported.checkins[0], id: "new-one", at: "yesterday" });
  // Over 5 MB: valid JSON, refused before it is read.
  const big = JSON.stringify({ format: "recovery-checkin-export", version: 1, padding: "x".repeat(5 * 1024 * 1024 + 16) });

  const cases = [
    ["hello.json", JSON.stringify({ hello: 1 }), "This file is not a Recovery Check-in export. Nothing was imported."],
    ["picture.json", "\u0089PNG\r\n\u001a\n not json", "This file is not a Recovery Check-in export. Nothing was imported."],
    ["cut.json", file.text.slice(0, Math.floor(file.text.length / 2)), "This file is damaged or incomplete, so nothing was imported."],
    ["edited.json", JSON.stringify(edited), "This file is damaged or incomplete, so nothing was imported."],
    ["partly.json", JSON.stringify(partly), "This file is damaged or incomplete, so nothing was imported."],
    ["newer.json", JSON.stringify({ ...exported, version: 99 }), "This file was made by a newer version of Recovery Check-in. Nothing was imported."],
    ["big.json", big, "This file is too big to be a Recovery Check-in export. Nothing was imported."],
  ];
  for (const [name, text, message] of cases) {
    await importText(page, name, text);
    await expect(report(page), name).toHaveText(message);
    await expect(historyItems(page), name).toHaveCount(2);
    expect(await localStorageSnapshot(page), name).toEqual(before);
    // The next file's report must be its own: clear this one by leaving and coming back.
    await historyScreen(page).locator("[data-testid=leave]").click();
    await openHistory(page);
    await expect(report(page)).toHaveCount(0);
  }
  expect(Buffer.byteLength(big)).toBeGreaterThan(5 * 1024 * 1024);
});
