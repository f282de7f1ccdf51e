// The iframe mode: embed.html takes the options as URL parameters and tells its parent how tall
// it is; demo/frame.js (the parent's listener partners copy) sizes the frame, so the frame's
// height follows the content on every screen, with no scrollbar in the frame.
import { expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { test } from "./checkin.mjs";

const PAGE = "/demo/frame.html";

async function heights(page) {
  const frameHeight = await page.locator("iframe").evaluate((f) => f.getBoundingClientRect().height);
  const frame = page.frame({ url: /embed\.html/ });
  const content = await frame.evaluate(() => ({
    height: document.documentElement.getBoundingClientRect().height,
    scrolls: document.documentElement.scrollHeight > innerHeight,
  }));
  return { frameHeight, contentHeight: content.height, scrolls: content.scrolls };
}

/** Waits until the frame is as tall as its content (to the next whole pixel), and returns it. */
async function followed(page) {
  await expect
    .poll(async () => {
      const h = await heights(page);
      return Math.abs(h.frameHeight - Math.ceil(h.contentHeight)) < 0.5 && !h.scrolls;
    })
    .toBe(true);
  return heights(page);
}

test("the frame's height follows its content, and the URL's options apply", async ({ page }) => {
  await page.addInitScript(() => {
    window.__messages = [];
    window.__violations = [];
    addEventListener("message", (e) => window.__messages.push(e.data));
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective), true);
  });
  await page.goto(PAGE);
  const widget = page.frameLocator("iframe").locator("recovery-checkin");
  await expect(widget.getByRole("button", { name: "Start the check-in" })).toBeEnabled();
  const welcome = await followed(page);
  expect(welcome.frameHeight).toBeGreaterThan(300);

  await widget.getByRole("button", { name: "Help now" }).click();
  // region=GB: the UK's lines.
  await expect(widget.getByRole("region", { name: "Help right now" })).toContainText("Samaritans");
  const help = await followed(page);
  expect(help.frameHeight).toBeGreaterThan(welcome.frameHeight + 300);

  await widget.getByRole("button", { name: "Close help" }).first().click();
  await widget.getByRole("button", { name: "Start the check-in" }).click();
  await expect(widget.locator("[data-testid=question]")).toBeVisible();
  const question = await followed(page);
  expect(question.frameHeight).not.toBe(help.frameHeight);
  await widget.locator("[data-testid=back]").click();
  await expect(widget.getByRole("button", { name: "Start the check-in" })).toBeVisible();
  expect((await followed(page)).frameHeight).toBe(welcome.frameHeight);

  // theme=dark: the dark colours, whatever the system's; namespace=framed: its own keys.
  const bg = await widget.locator(".rc-widget").evaluate((w) => getComputedStyle(w).backgroundColor);
  expect(bg).toBe("rgb(21, 32, 36)");
  const frame = page.frame({ url: /embed\.html/ });
  expect(await frame.evaluate(() => document.querySelector("recovery-checkin").getAttribute("partner-name"))).toBe("Harbour Lane Recovery Community");
  await widget.getByRole("button", { name: "Start the check-in" }).click();
  await widget.locator("label.rc-option").first().click();
  await expect.poll(() => frame.evaluate(() => Object.keys(localStorage))).toEqual(["recovery-checkin:framed:draft"]);

  // The messages carry the height and nothing else; no policy was broken, in the page or the frame.
  const messages = await page.evaluate(() => window.__messages);
  expect(messages.length).toBeGreaterThan(3);
  for (const m of messages) expect(Object.keys(m).sort()).toEqual(["height", "type"]);
  expect(messages.every((m) => m.type === "recovery-checkin:height" && Number.isInteger(m.height))).toBe(true);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(await frame.evaluate(() => window.__violations)).toEqual([]);
  expect(await frame.evaluate(() => document.querySelector("recovery-checkin").shadowRoot.querySelectorAll("[style]").length)).toBe(0);
});

test("the iframe page passes an axe scan, the frame included", async ({ page }) => {
  await page.goto(PAGE);
  const widget = page.frameLocator("iframe").locator("recovery-checkin");
  await expect(widget.getByRole("button", { name: "Start the check-in" })).toBeEnabled();
  await followed(page);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
