// Proof that nothing leaves the device: a whole check-in, saved, looked at again after a
// revisit, exported and imported, and all along no request but the page's and the widget's own
// files, no cookie, no key outside the widget's namespace, nothing in sessionStorage, IndexedDB,
// Cache Storage or a service worker, and no console error (the `test` of checkin.mjs).
// And bad input: script in partner attributes and in imported files is shown as text, never
// run; a 50 MB import is refused at once.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { sep } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "@playwright/test";
import {
  CALM,
  STORAGE_PREFIX,
  WIDGET,
  historyItems,
  historyScreen,
  localStorageSnapshot,
  open,
  openHistory,
  reload,
  seeResults,
  test,
  walk,
  widget,
} from "./checkin.mjs";

/** Every file the built site has (dist/), by path: the widget's files and the demo page's. */
async function builtFiles() {
  const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
  const files = new Set(["/"]);
  for (const name of await readdir(dist, { recursive: true })) files.add(`/${name.split(sep).join("/")}`);
  return files;
}

/** Everything the page keeps besides localStorage, and the localStorage keys not ours. */
async function elsewhere(page) {
  return page.evaluate(async (prefix) => ({
    foreignKeys: Object.keys(localStorage).filter((k) => !k.startsWith(prefix)),
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
    cookie: document.cookie,
  }), STORAGE_PREFIX);
}

const NOTHING_ELSE = { foreignKeys: [], sessionStorage: 0, indexedDB: [], caches: [], serviceWorkers: 0, cookie: "" };

test("a whole check-in, a revisit, an export and an import: nothing leaves the device", async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  const files = await builtFiles();
  const requests = [];
  page.on("request", (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() }));
  page.on("websocket", (ws) => requests.push({ url: ws.url(), method: "WEBSOCKET" }));

  await open(page);
  await page.waitForLoadState("networkidle");
  const loaded = requests.length;
  await widget(page).getByRole("button", { name: "Start the check-in" }).click();
  await walk(page, CALM);
  await seeResults(page);
  // The whole check-in asked for nothing.
  expect(requests.slice(loaded)).toEqual([]);
  expect(Object.keys(await localStorageSnapshot(page)).some((k) => k.startsWith(`${STORAGE_PREFIX}checkin:`))).toBe(true);
  expect(await elsewhere(page)).toEqual(NOTHING_ELSE);

  // The revisit: the saved check-in is there and opens.
  await reload(page);
  await openHistory(page);
  await expect(historyItems(page)).toHaveCount(1);
  await historyItems(page).first().getByRole("button").click();
  await expect(widget(page).locator("[data-testid=results]")).toBeVisible();
  await widget(page).getByRole("button", { name: "Back to my check-ins" }).click();

  // Export, delete everything, import: the same check-in back.
  const before = await localStorageSnapshot(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    historyScreen(page).locator("[data-testid=export]").click(),
  ]);
  const text = await readFile(await download.path(), "utf8");
  await historyScreen(page).locator("[data-testid=delete-all]").click();
  await historyScreen(page).locator("[data-testid=confirm-delete]").click();
  await expect(historyItems(page)).toHaveCount(0);
  await historyScreen(page)
    .locator("[data-testid=import]")
    .setInputFiles({ name: "mine.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await expect(historyScreen(page).locator("[data-testid=report]")).toHaveText("1 check-in added.");
  expect(await localStorageSnapshot(page)).toEqual(before);
  await page.waitForLoadState("networkidle");

  // Nothing was asked for but the built files, from the page's own server, with GET.
  const origin = new URL(baseURL).origin;
  for (const r of requests) {
    const url = new URL(r.url);
    expect(url.origin, r.url).toBe(origin);
    expect(r.method, r.url).toBe("GET");
    expect(r.body ?? null, r.url).toBeNull();
    expect(files.has(url.pathname), `${url.pathname} is a built file`).toBe(true);
  }
  expect(await context.cookies()).toEqual([]);
  expect(await elsewhere(page)).toEqual(NOTHING_ELSE);
});

// Resources are shown under the results: embed-options.spec.mjs checks them there as text.
test("script in partner attributes is shown as text and never runs", async ({ page }) => {
  await page.addInitScript(() => {
    window.__ran = 0;
  });
  await page.goto("/demo/mount.html");
  const evil = `"><img src=x onerror="window.__ran++"><script>window.__ran++</script>`;
  await page.evaluate(async (evil) => {
    const { mount } = await import("/recovery-checkin.js");
    mount(document.querySelector("#place"), {
      partnerName: `Harbour ${evil}`.slice(0, 80),
      exitUrl: `/x${evil}`,
      region: evil,
      namespace: evil,
      lang: evil,
      theme: evil,
      resources: [
        {
          name: `Group ${evil}`,
          description: evil,
          links: [
            { href: "javascript:window.__ran++", label: evil },
            { href: "https://ok.example/", label: evil.slice(0, 60) },
          ],
        },
      ],
    });
  }, evil);
  await expect(widget(page).getByRole("button", { name: "Start the check-in" })).toBeEnabled();
  // Refused values fall back to the defaults: the exit link is the neutral page.
  await expect(widget(page).getByRole("link", { name: "Leave this page quickly" })).toHaveAttribute(
    "href",
    "https://www.bbc.co.uk/weather",
  );
  const injected = await page.locator(WIDGET).evaluate((host) => host.shadowRoot.querySelectorAll("img[src=x], script").length);
  expect(injected).toBe(0);
  expect(await page.evaluate(() => window.__ran)).toBe(0);
});

test("script in an imported file is shown as text at most, never run; a 50 MB file is refused at once", async ({ page }) => {
  await page.addInitScript(() => {
    window.__ran = 0;
  });
  await open(page);
  await openHistory(page);
  const input = historyScreen(page).locator("[data-testid=import]");
  const report = historyScreen(page).locator("[data-testid=report]");
  const evil = `<img src=x onerror="window.__ran++"><script>window.__ran++</script>`;
  const file = {
    format: "recovery-checkin-export",
    version: 1,
    exported_at: 1767312000000,
    checkins: [{ id: evil, at: 1767225600000, questionnaire_version: 2, method_version: 2, answers: { goal: evil }, scores: {}, band: evil, safety: [evil] }],
  };
  await input.setInputFiles({ name: `${evil}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await expect(report).toHaveText("This file is damaged or incomplete, so nothing was imported.");
  await input.setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from(evil) });
  await expect(report).toHaveText("This file is not a Recovery Check-in export. Nothing was imported.");
  expect(await localStorageSnapshot(page)).toEqual({});

  // 50 MB: refused before it is read, within a second.
  const big = test.info().outputPath("big.json");
  await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
  const t0 = Date.now();
  await input.setInputFiles(big);
  await expect(report).toHaveText("This file is too big to be a Recovery Check-in export. Nothing was imported.", { timeout: 5000 });
  const took = Date.now() - t0;
  // Playwright hands the 50 MB to the browser first; the widget's part is a size check.
  expect(took).toBeLessThan(5000);
  const injected = await page.locator(WIDGET).evaluate((host) => host.shadowRoot.querySelectorAll("img[src=x], script").length);
  expect(injected).toBe(0);
  expect(await page.evaluate(() => window.__ran)).toBe(0);
  expect(await localStorageSnapshot(page)).toEqual({});
});
