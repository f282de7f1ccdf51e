// The demo partner page: the widget loads inside other content, the welcome screen is whole and
// accessible, help is one step away, and the page talks to no one but its own origin.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

const WIDGET = "recovery-checkin";

test("welcome screen shows inside the partner page", async ({ page }) => {
  await page.goto("/");
  const widget = page.locator(WIDGET);
  // The partner's own content is around the widget, not replaced by it.
  await expect(page.getByRole("heading", { level: 1, name: "Check in with yourself" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Meetings this week" })).toBeVisible();

  await expect(widget.getByRole("heading", { name: "How is your recovery going right now?" })).toBeVisible();
  const start = widget.getByRole("button", { name: "Start the check-in" });
  await expect(start).toBeVisible();
  await expect(start).toBeEnabled();
  await expect(widget).toContainText("about five minutes");
  await expect(widget).toContainText("Nothing is sent anywhere");
  await expect(widget).toContainText("not a diagnosis");
  // Loading the widget must not pull focus away from the partner's page.
  await expect(widget.getByRole("heading", { level: 2 })).not.toBeFocused();
  await expect(page.locator("body")).toBeFocused();
});

test("help contacts are one step away", async ({ page }) => {
  await page.goto("/");
  const widget = page.locator(WIDGET);
  const help = widget.getByRole("button", { name: "Help now" });
  await help.click();
  const panel = widget.getByRole("region", { name: "Help right now" });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("link", { name: "Call 988" })).toHaveAttribute("href", "tel:988");
  await expect(panel.getByRole("link", { name: "Text 988" })).toHaveAttribute("href", "sms:988");
  await expect(panel.getByRole("link", { name: "Call 911" })).toHaveAttribute("href", "tel:911");
  await expect(panel.getByRole("heading", { name: "Help right now" })).toBeFocused();

  await panel.getByLabel("Show help for").selectOption("NZ");
  await expect(panel.getByRole("link", { name: "Call 1737" })).toBeVisible();
  await expect(panel).toContainText("111");

  await widget.getByRole("button", { name: "Close help" }).first().click();
  await expect(panel).toBeHidden();
  await expect(help).toBeFocused();
});

test("the page passes an axe scan with the help panel closed and open", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator(WIDGET).getByRole("button", { name: "Start the check-in" })).toBeVisible();
  const closed = await new AxeBuilder({ page }).analyze();
  expect(closed.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.locator(WIDGET).getByRole("button", { name: "Help now" }).click();
  await expect(page.getByRole("region", { name: "Help right now" })).toBeVisible();
  const open = await new AxeBuilder({ page }).analyze();
  expect(open.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("the dark colour scheme passes an axe scan too", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await page.locator(WIDGET).getByRole("button", { name: "Help now" }).click();
  await expect(page.getByRole("region", { name: "Help right now" })).toBeVisible();
  const results = await new AxeBuilder({ page }).include(WIDGET).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("the page requests nothing but its own files", async ({ page, baseURL }) => {
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto("/");
  await expect(page.locator(WIDGET).getByRole("button", { name: "Start the check-in" })).toBeVisible();
  await page.locator(WIDGET).getByRole("button", { name: "Help now" }).click();
  await page.locator(WIDGET).getByRole("button", { name: "Start the check-in" }).click();
  await page.waitForLoadState("networkidle");

  const origin = new URL(baseURL).origin;
  const foreign = requests.filter((url) => new URL(url).origin !== origin);
  expect(foreign).toEqual([]);
  // Only the page, its stylesheet and the widget's own files: html, css, js, wasm.
  const kinds = new Set(requests.map((url) => new URL(url).pathname.split(".").pop()));
  for (const kind of kinds) expect(["/", "html", "css", "js", "wasm"]).toContain(kind);
  expect(requests.some((url) => url.endsWith(".wasm"))).toBe(true);
});

test("the widget fits a 320 px wide screen", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/");
  const start = page.locator(WIDGET).getByRole("button", { name: "Start the check-in" });
  await expect(start).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.locator(WIDGET).getByRole("button", { name: "Help now" }).click();
  const stillFits = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(stillFits).toBeLessThanOrEqual(0);
});
