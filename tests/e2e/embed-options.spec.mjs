// Bad configuration (demo/bad-options.html: an unknown region, a refused namespace, theme and
// language, a javascript: exit URL, an unknown attribute, partner texts full of markup, a
// javascript: link, a resource without a name): a console warning that names each attribute,
// the defaults, and a widget that still works, with the partner's texts shown as text.
import { expect } from "@playwright/test";
import { CALM, WIDGET, checkIn, results, test, widget } from "./checkin.mjs";

const PAGE = "/demo/bad-options.html";

test("bad options: a warning naming each attribute, the defaults, and a working widget", async ({ page }) => {
  test.setTimeout(60_000);
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  page.on("dialog", (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  await checkIn(page, CALM, { url: PAGE });

  const named = (attribute) => warnings.filter((w) => w.startsWith(`recovery-checkin: "${attribute}" `));
  for (const attribute of ["region", "namespace", "theme", "lang", "exit-url", "regoin"]) {
    expect(named(attribute), `one warning for ${attribute}: ${warnings.join(" | ")}`).toHaveLength(1);
  }
  expect(named("exit-url")[0]).toContain('"javascript:alert(1)" refused');
  expect(named("resources")).toEqual([
    'recovery-checkin: "resources" item 1: link 1 "javascript:alert(1)" refused: only https:, tel: and sms: links are allowed; left out',
    'recovery-checkin: "resources" item 2: "nam" is not a field of a resource; ignored',
    'recovery-checkin: "resources" item 2: "name" is empty; left out',
  ]);
  expect(warnings).toHaveLength(9);

  // The defaults: the visitor's region (the browser says en-US), the default namespace, English.
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.length).toBeGreaterThan(0);
  expect(keys.every((k) => k.startsWith("recovery-checkin:default:")), keys.join(", ")).toBe(true);
  await expect(widget(page).locator(".rc-widget")).toHaveAttribute("lang", "en");
  await expect(results(page).locator("[data-part=crisis]")).toContainText("988");

  // The partner's texts, markup and all, as text.
  const partner = results(page).locator("[data-part=partner]");
  await expect(partner.locator("h3")).toHaveText("From <b>Harbour</b> <img src=x onerror=alert(1)>");
  await expect(partner.locator(".rc-partner-name")).toHaveText(["<script>alert(1)</script> Family group"]);
  await expect(partner.locator(".rc-partner-when")).toHaveText("<i>Thursdays</i>");
  await expect(partner).toContainText("<img src=x onerror=alert(1)> For family and friends.");
  await expect(partner.getByRole("link", { name: "<b>About the group</b>" })).toHaveAttribute("href", "https://harbourlane.example/families");
  await expect(partner.getByRole("link")).toHaveCount(1);
  const made = await widget(page).evaluate((host) => ({
    elements: host.shadowRoot.querySelectorAll("img, b, i, script, iframe, object, embed").length,
    javascript: [...host.shadowRoot.querySelectorAll("[href]")].filter((a) => !/^(https:|tel:|sms:)/.test(a.getAttribute("href"))).length,
    styles: host.shadowRoot.querySelectorAll("[style]").length,
  }));
  expect(made).toEqual({ elements: 0, javascript: 0, styles: 0 });
});

test("invalid resource JSON: a warning, and the widget works without the resources", async ({ page }) => {
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto("/demo/mount.html");
  await page.evaluate(async () => {
    const { mount } = await import("/recovery-checkin.js");
    mount(document.querySelector("#place"), { region: "IE", partnerName: "Harbour Lane", resources: '[{"name": "Group",}' });
  });
  await expect(widget(page).getByRole("button", { name: "Start the check-in" })).toBeEnabled();
  expect(warnings).toEqual(['recovery-checkin: "resources" is not valid JSON (trailing comma); no resources are shown']);
  await widget(page).getByRole("button", { name: "Start the check-in" }).click();
  await expect(widget(page).locator("[data-testid=question]")).toBeVisible();
  expect(await page.locator(`${WIDGET} [data-part=partner]`).count()).toBe(0);
});
