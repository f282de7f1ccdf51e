// Two widgets on one page, with different namespaces and languages (demo/two.html): each keeps its
// own answers and check-ins and shows its own region's help; neither sees the other's.
import { expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { test } from "./checkin.mjs";

const PAGE = "/demo/two.html";
const START = { name: "Start the check-in" };
// The second widget speaks Spanish.
const EMPEZAR = { name: "Empezar el chequeo" };

test("two widgets with different namespaces and languages share no answers", async ({ page }) => {
  test.setTimeout(90_000);
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto(PAGE);
  const a = page.locator("#harbour");
  const b = page.locator("#bridge");
  await expect(a.getByRole("button", START)).toBeEnabled();
  await expect(b.getByRole("button", EMPEZAR)).toBeEnabled();
  await page.evaluate(() => {
    window.__events = [];
    document.addEventListener("checkin-started", (e) => window.__events.push(`${e.target.id} ${e.type}`));
    document.addEventListener("checkin-completed", (e) => window.__events.push(`${e.target.id} ${e.type}`));
  });

  // Each speaks its own language, with no warning.
  expect(warnings).toEqual([]);
  await expect(a.locator(".rc-widget")).toHaveAttribute("lang", "en");
  await expect(b.locator(".rc-widget")).toHaveAttribute("lang", "es");

  // Each shows its own region's help lines: the region, not the language, decides.
  await a.getByRole("button", { name: "Help now" }).click();
  await b.getByRole("button", { name: "Ayuda ahora" }).click();
  await expect(a.getByRole("region", { name: "Help right now" })).toContainText("988");
  await expect(b.getByRole("region", { name: "Ayuda ahora mismo" })).toContainText("Samaritans");
  await expect(a.getByRole("region", { name: "Help right now" })).not.toContainText("Samaritans");
  await a.getByRole("button", { name: "Close help" }).first().click();
  await b.getByRole("button", { name: "Cerrar ayuda" }).first().click();

  // An answer in A: saved under A's namespace only; B still at its start, with nothing to resume.
  await a.getByRole("button", START).click();
  await a.locator("label.rc-option").first().click();
  await expect(a.locator("label.rc-option input").first()).toBeChecked();
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).sort())).toEqual(["recovery-checkin:harbour-lane:draft"]);
  await expect(b.getByRole("button", EMPEZAR)).toBeVisible();
  await expect(b.locator("[data-testid=question]")).toHaveCount(0);

  // After a reload A offers to continue; B does not.
  await page.reload();
  await expect(a.getByRole("button", { name: "Continue where you left off" })).toBeVisible();
  await expect(b.getByRole("button", EMPEZAR)).toBeEnabled();
  await expect(b.getByRole("button", { name: "Seguir donde lo dejaste" })).toHaveCount(0);
  await page.evaluate(() => {
    window.__events = [];
    document.addEventListener("checkin-started", (e) => window.__events.push(`${e.target.id} ${e.type}`));
    document.addEventListener("checkin-completed", (e) => window.__events.push(`${e.target.id} ${e.type}`));
  });

  // A whole check-in in B: listed in B's check-ins, not in A's.
  await b.getByRole("button", EMPEZAR).click();
  await walkIn(b);
  await b.getByRole("button", { name: "Ver mis resultados" }).click();
  await expect(b.locator("[data-testid=results]")).toBeVisible();
  await b.locator("[data-testid=open-history]").click();
  await expect(b.locator("[data-testid=history-list] > li")).toHaveCount(1);
  await a.locator("[data-testid=open-history]").click();
  await expect(a.locator("[data-testid=history]")).toBeVisible();
  await expect(a.locator("[data-testid=history-list] > li")).toHaveCount(0);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.filter((k) => k.startsWith("recovery-checkin:bridge-street:checkin:"))).toHaveLength(1);
  expect(keys.filter((k) => k.startsWith("recovery-checkin:harbour-lane:checkin:"))).toHaveLength(0);

  // Each widget told the page about its own check-in, on its own element.
  expect(await page.evaluate(() => window.__events)).toEqual(["bridge checkin-started", "bridge checkin-completed"]);
});

test("the page with two widgets passes an axe scan", async ({ page }) => {
  await page.goto(PAGE);
  await expect(page.locator("#harbour").getByRole("button", START)).toBeEnabled();
  await expect(page.locator("#bridge").getByRole("button", EMPEZAR)).toBeEnabled();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

// Answers every question of `widget` with its first option (never a safety answer) up to the
// review, with locators inside that widget only.
async function walkIn(widget) {
  const form = widget.locator("[data-testid=question]");
  await expect(form).toBeVisible();
  for (let step = 0; step < 60 && (await form.count()); step++) {
    const id = await form.getAttribute("data-question");
    const first = form.locator("label.rc-option").first();
    await first.click();
    await expect(first.locator("input")).toBeChecked();
    await form.locator("[data-testid=next]").click();
    await expect(widget.locator(`[data-testid=question][data-question="${id}"]`)).toHaveCount(0);
  }
  await expect(widget.locator("[data-testid=review]")).toBeVisible();
}
