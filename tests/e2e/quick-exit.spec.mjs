// Quick exit (GOV.UK's "Exit this page"): a "Leave quickly" button first in the widget's tab
// order, Shift pressed three times, and a visually hidden link for assistive technology. Each
// hides the page at once and replaces it with the partner's exit-url (location.replace: Back
// does not return), the top page from an iframe too. And the fallback: when the widget stops
// working (a panic ends the WebAssembly), a calm message with crisis lines, the way out and an
// export of the saved check-ins, never a blank box.
// Every test fails on a page error or a console error (the `test` of checkin.mjs).
import { readFile } from "node:fs/promises";
import { expect } from "@playwright/test";
import { CALM, STORAGE_PREFIX, WIDGET, checkIn, localStorageSnapshot, open, start, test, widget } from "./checkin.mjs";

const WEATHER = "https://www.bbc.co.uk/weather";

/** Serves every page off this machine with a tiny page instead (nothing leaves the machine);
 * `delay` holds the answer back, to look at the page being left meanwhile. Returns the URLs
 * asked for. */
async function neutralPages(page, delay = 0) {
  const asked = [];
  await page.context().route(/^https:\/\//, async (route) => {
    asked.push(route.request().url());
    if (delay) await new Promise((done) => setTimeout(done, delay));
    await route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Weather</title><p>Sunny" });
  });
  return asked;
}

const leaveButton = (page) => widget(page).locator("[data-testid=quick-exit]");

test("Leave quickly is first in the tab order, hides the page at once and replaces it", async ({ page }) => {
  await neutralPages(page, 1500);
  await page.goto("/");
  // A page visited before, so that Back has somewhere to go.
  await open(page);
  await page.evaluate(() => history.pushState(null, "", "#before"));
  await page.goto("/");
  await open(page);
  const length = await page.evaluate(() => history.length);

  // First in the widget's tab order: Tab from the element before the widget reaches it.
  await page.locator(WIDGET).evaluate((host) => {
    const before = document.createElement("button");
    before.textContent = "before";
    before.id = "before-widget";
    host.before(before);
    before.focus();
  });
  await page.keyboard.press("Tab");
  await expect(leaveButton(page)).toBeFocused();
  await expect(leaveButton(page)).toHaveText("Leave quickly");
  // The widget says what quick exit does and does not do.
  await expect(widget(page).locator(".rc-exit-note")).toContainText("does not clear your browser history");

  // Whether the page was hidden before it was left: told as soon as it is.
  const seen = [];
  await page.exposeFunction("__seen", (v) => seen.push(v));
  await page.evaluate(() =>
    new MutationObserver(() => window.__seen(getComputedStyle(document.documentElement).visibility)).observe(
      document.documentElement,
      { attributes: true },
    ),
  );
  const leaving = page.waitForURL(WEATHER);
  await leaveButton(page).click({ noWaitAfter: true });
  await leaving;
  expect(seen).toContain("hidden");
  await expect(page.locator("p")).toHaveText("Sunny");
  // Replaced, not added: the history is as long, and Back goes to the page before, not here.
  expect(await page.evaluate(() => history.length)).toBe(length);
  await page.goBack();
  expect(page.url()).toMatch(/#before$/);
});

test("Shift three times leaves; Shift with other keys between does not; the partner's exit-url is used", async ({ page }) => {
  const asked = await neutralPages(page);
  await page.goto("/demo/mount.html");
  await page.evaluate(async () => {
    const { mount } = await import("/recovery-checkin.js");
    window.__handle = mount(document.querySelector("#place"), { exitUrl: "https://example.org/news?x=1" });
  });
  await expect(widget(page).getByRole("button", { name: "Start the check-in" })).toBeEnabled();

  // Typing capitals and Shift+Tab press Shift with other keys: never a quick exit.
  for (let i = 0; i < 4; i++) await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await page.keyboard.press("a");
  await page.keyboard.press("Shift");
  await page.waitForTimeout(300);
  expect(asked).toEqual([]);
  expect(page.url()).toMatch(/mount\.html$/);

  const leaving = page.waitForURL("https://example.org/news?x=1");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  await leaving;
});

test("the listener for Shift goes with the widget", async ({ page }) => {
  const asked = await neutralPages(page);
  await page.goto("/demo/mount.html");
  await page.evaluate(async () => {
    const { mount } = await import("/recovery-checkin.js");
    mount(document.querySelector("#place"), {}).destroy();
  });
  await page.evaluate(() => new Promise((done) => setTimeout(done, 50)));
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
  await page.waitForTimeout(300);
  expect(asked).toEqual([]);
});

test("the link for assistive technology leaves too", async ({ page }) => {
  await neutralPages(page);
  await start(page);
  const link = widget(page).getByRole("link", { name: "Leave this page quickly" });
  await expect(link).toHaveAttribute("href", WEATHER);
  await expect(link).toHaveAttribute("tabindex", "-1");
  const leaving = page.waitForURL(WEATHER);
  // Visually hidden: activated as a screen reader does, without a pointer.
  await link.evaluate((a) => a.click());
  await leaving;
});

test("from an iframe, the top page is left", async ({ page }) => {
  await neutralPages(page);
  await page.goto("/demo/frame.html");
  const frame = page.frameLocator("iframe");
  await expect(frame.locator(WIDGET).getByRole("button", { name: "Start the check-in" })).toBeEnabled();
  const leaving = page.waitForURL(WEATHER);
  await frame.locator(`${WIDGET} [data-testid=quick-exit]`).click({ noWaitAfter: true });
  await leaving;
});

test("the check-in in progress is deleted on quick exit only when the person chose that", async ({ page }) => {
  await neutralPages(page);
  const DRAFT = `${STORAGE_PREFIX}draft`;
  const CHOICE = `${STORAGE_PREFIX}exit-clears-draft`;
  // From the welcome screen, fresh or with a draft ("Start over" has the same test id).
  const answerOne = async () => {
    await page.goto("/");
    await widget(page).locator("[data-testid=start]").click();
    await expect(page.locator(`${WIDGET} [data-testid=question]`)).toBeVisible();
    await page.locator(`${WIDGET} [data-testid=question] label.rc-option`).first().click();
    await page.locator(`${WIDGET} [data-testid=question] [data-testid=next]`).click();
    await expect.poll(async () => (await localStorageSnapshot(page))[DRAFT]).toBeTruthy();
  };

  // Not chosen: the draft is there after leaving.
  await answerOne();
  await leaveButton(page).click({ noWaitAfter: true });
  await page.waitForURL(WEATHER);
  await page.goto("/");
  await expect(widget(page).locator("[data-testid=draft-offer]")).toBeVisible();

  // Chosen in My check-ins: the draft goes, and only the draft.
  await widget(page).locator("[data-testid=open-history]").click();
  const box = widget(page).locator("[data-testid=exit-clears-draft]");
  await expect(box).not.toBeChecked();
  await widget(page).getByText("When I leave quickly, also delete the check-in I have not finished").click();
  await expect(box).toBeChecked();
  expect((await localStorageSnapshot(page))[CHOICE]).toBe('{"v":2}');
  await answerOne();
  await leaveButton(page).click({ noWaitAfter: true });
  await page.waitForURL(WEATHER);
  await page.goto("/");
  await expect(widget(page).getByRole("button", { name: "Start the check-in" })).toBeVisible();
  const kept = await localStorageSnapshot(page);
  expect(kept[DRAFT]).toBeUndefined();
  expect(kept[CHOICE]).toBe('{"v":2}');
  // The choice is shown as made.
  await widget(page).locator("[data-testid=open-history]").click();
  await expect(box).toBeChecked();
});

// ---- When the widget stops working -----------------------------------------------------------

const fallback = (page) => widget(page).locator(".rc-fallback");

test("a widget that stops working shows a calm message with crisis lines, the way out and an export", async ({ page, errors }) => {
  await checkIn(page, CALM);
  const saved = await localStorageSnapshot(page);
  const [key] = Object.keys(saved).filter((k) => k.startsWith(`${STORAGE_PREFIX}checkin:`));
  expect(key).toBeTruthy();

  // A call into the WebAssembly that throws (here: a warning the wasm logs, made to throw, as a
  // panic would) stops it; the loader shows the message written beforehand.
  await page.evaluate(() => {
    console.warn = () => {
      throw new Error("stopped");
    };
  });
  await page.locator(WIDGET).evaluate((host) => host.setAttribute("region", "nowhere"));
  await expect(fallback(page)).toBeVisible();
  await expect(widget(page).locator(".rc-body")).toHaveCount(1);
  await expect(fallback(page).getByRole("heading", { name: "Something went wrong" })).toBeVisible();
  await expect(fallback(page)).toContainText("This is not something you did.");
  // region="US" on the demo page: the US lines.
  await expect(fallback(page)).toContainText("988");
  await expect(fallback(page).getByRole("link", { name: "Leave quickly" })).toHaveAttribute("href", WEATHER);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    fallback(page).getByRole("button", { name: "Save my check-ins to a file" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^recovery-checkins-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(await readFile(await download.path(), "utf8"));
  expect(file.format).toBe("recovery-checkin-export");
  expect(file.version).toBe(1);
  const { v, ...stored } = JSON.parse(saved[key]);
  expect(v).toBe(2);
  expect(file.checkins).toEqual([stored]);

  // Nothing happens once it stopped: attributes and Shift reach no dead code.
  await page.locator(WIDGET).evaluate((host) => host.setAttribute("region", "GB"));
  await expect(fallback(page)).toBeVisible();
  expect(errors).toEqual([]);
});

test("a trap reported to the page (a panic in an event handler) shows the message in every widget", async ({ page }) => {
  await page.goto("/demo/two.html");
  await expect(page.locator(WIDGET)).toHaveCount(2);
  // One in English, one in Spanish: found by test id.
  for (const w of await page.locator(WIDGET).all()) await expect(w.locator("[data-testid=start]")).toBeEnabled();
  await page.evaluate(() => dispatchEvent(new ErrorEvent("error", { error: new WebAssembly.RuntimeError("unreachable") })));
  for (const w of await page.locator(WIDGET).all()) {
    await expect(w.locator(".rc-fallback")).toBeVisible();
    await expect(w.locator(".rc-fallback .rc-contacts li").first()).toBeVisible();
    await expect(w.locator("[data-testid=start]")).toHaveCount(0);
  }
  // Each message is in the language its widget spoke (the second one asks for Spanish).
  await expect(page.locator(WIDGET).nth(0).locator(".rc-fallback")).toHaveAttribute("lang", "en");
  await expect(page.locator(WIDGET).nth(1).locator(".rc-fallback")).toHaveAttribute("lang", "es");
  await expect(page.locator(WIDGET).nth(1).locator(".rc-fallback h2")).toHaveText("Algo salió mal");
});

test("a trap in the page's own WebAssembly is not the widget's", async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    const error = new WebAssembly.RuntimeError("unreachable");
    Object.defineProperty(error, "stack", { value: "RuntimeError: unreachable\n    at f (https://partner.example/app_bg.wasm:wasm-function[7]:0x1f)" });
    dispatchEvent(new ErrorEvent("error", { error }));
  });
  await expect(widget(page).locator("[data-testid=start]")).toBeVisible();
  await expect(fallback(page)).toHaveCount(0);
  // One of its own is (the stack names the widget's file).
  await page.evaluate(() => {
    const file = performance.getEntriesByType("resource").find((r) => r.name.endsWith("_bg.wasm")).name;
    const error = new WebAssembly.RuntimeError("unreachable");
    Object.defineProperty(error, "stack", { value: `RuntimeError: unreachable\n    at f (${file}:wasm-function[7]:0x1f)` });
    dispatchEvent(new ErrorEvent("error", { error }));
  });
  await expect(fallback(page)).toBeVisible();
});

test("the exported file from the message can be imported again", async ({ page, browser }) => {
  await checkIn(page, CALM);
  const before = await localStorageSnapshot(page);
  await page.evaluate(() => dispatchEvent(new ErrorEvent("error", { error: new WebAssembly.RuntimeError("unreachable") })));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    fallback(page).getByRole("button", { name: "Save my check-ins to a file" }).click(),
  ]);
  const text = await readFile(await download.path(), "utf8");

  const fresh = await browser.newPage();
  await open(fresh);
  await fresh.locator(WIDGET).locator("[data-testid=open-history]").click();
  await fresh
    .locator(`${WIDGET} [data-testid=import]`)
    .setInputFiles({ name: "back.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await expect(fresh.locator(`${WIDGET} [data-testid=report]`)).toHaveText("1 check-in added.");
  expect(await localStorageSnapshot(fresh)).toEqual(
    Object.fromEntries(Object.entries(before).filter(([k]) => k.includes(":checkin:"))),
  );
  await fresh.close();
});
