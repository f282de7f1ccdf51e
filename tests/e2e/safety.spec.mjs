// A safety answer brings crisis help up at once, on the same screen, before Next; the person can
// read it, carry on, and finish; the results then open with the safety part.
import { test, expect } from "@playwright/test";
import {
  CALM,
  WIDGET,
  choose,
  option,
  press,
  questionForm,
  results,
  safetyNotice,
  seeResults,
  start,
  state,
  walk,
} from "./checkin.mjs";

test("thoughts of self-harm bring the crisis lines at once; carry on, and results start with them", async ({ page }) => {
  await start(page);
  await walk(page, CALM, { until: "self_harm" });
  await expect(safetyNotice(page)).toHaveCount(0);

  await choose(page, "once_or_twice");
  // At once: still on the same question, nothing else pressed.
  const notice = safetyNotice(page);
  await expect(notice).toBeVisible();
  expect((await state(page)).question).toBe("self_harm");
  await expect(notice).toContainText("You do not have to face this alone");
  await expect(notice.getByRole("link", { name: "Call 988" })).toHaveAttribute("href", "tel:988");
  await expect(notice.getByRole("link", { name: "Text 988" })).toHaveAttribute("href", "sms:988");
  await expect(notice.getByRole("link", { name: "Call 911" })).toHaveAttribute("href", "tel:911");
  // Announced: the notice is inside an alert, and the live region says help is shown.
  await expect(page.locator(`${WIDGET} [role=alert]:has([data-testid=safety-notice])`)).toHaveCount(1);
  await expect(page.locator(`${WIDGET} [data-testid=announcer]`)).toHaveText(/^Question \d+ of \d+\. Important help is shown below the question\.$/);
  // Below the options, above the buttons.
  const [options, box, next] = await Promise.all(
    [".rc-options", "[data-testid=safety-notice]", "[data-testid=next]"].map((s) =>
      questionForm(page).locator(s).boundingBox(),
    ),
  );
  expect(box.y).toBeGreaterThanOrEqual(options.y + options.height);
  expect(next.y).toBeGreaterThanOrEqual(box.y + box.height);

  await notice.getByRole("button", { name: "Carry on with the check-in" }).click();
  await expect(notice).toHaveCount(0);
  // The answer stays; the person goes on.
  await expect((await option(page, "once_or_twice")).locator("input")).toBeChecked();
  await press(page, "next");
  expect((await state(page)).screen).toBe("Question");
  expect((await state(page)).question).not.toBe("self_harm");
  await walk(page, CALM);
  await seeResults(page);

  const parts = await results(page).locator("[data-part]").evaluateAll((els) => els.map((e) => e.dataset.part));
  expect(parts[0]).toBe("safety");
  const first = results(page).locator("[data-part=safety]");
  await expect(first.locator("[data-flag=SuicidalThoughts]")).toBeVisible();
  await expect(first.getByRole("link", { name: "Call 988" })).toHaveAttribute("href", "tel:988");
  await expect(first.getByRole("button", { name: "Carry on with the check-in" })).toHaveCount(0);
});

test("after 'Carry on with the check-in' focus stays in the widget", async ({ page }) => {
  // WCAG 2.4.3 Focus Order: the button that had focus goes with the notice, so focus returns
  // to the question's heading instead of falling to <body>.
  await start(page);
  await walk(page, CALM, { until: "self_harm" });
  await choose(page, "often");
  const carryOn = safetyNotice(page).getByRole("button", { name: "Carry on with the check-in" });
  await carryOn.focus();
  await page.keyboard.press("Enter");
  await expect(safetyNotice(page)).toHaveCount(0);
  const focus = await page.evaluate((sel) => {
    const a = document.activeElement;
    const inside = a.matches(sel) && a.shadowRoot.activeElement;
    return inside ? "in the widget" : `on <${a.tagName.toLowerCase()}>, outside the widget`;
  }, WIDGET);
  expect(focus, "where focus is after 'Carry on with the check-in'").toBe("in the widget");
  await expect(page.locator(`${WIDGET} legend h2`)).toBeFocused();
});

test("after Next with a safety notice still open, the live region still tells the new position", async ({ page }) => {
  // While a safety notice stays open, the live region says the new position and that help is
  // still shown below the question.
  await start(page);
  await walk(page, CALM, { until: "self_harm" });
  await choose(page, "often");
  await press(page, "next");
  expect((await state(page)).question).not.toBe("self_harm");
  await expect(page.locator(`${WIDGET} [data-testid=announcer]`)).toContainText(/Question \d+ of \d+/, { timeout: 2000 });
});

// Every other answer that raises a safety message shows it at once too, before Next.
const raising = [
  { name: "self_harm: prefer not to say", until: "self_harm", answer: "prefer_not", flag: "SuicidalThoughts" },
  { name: "safe_home: sometimes unsafe", until: "safe_home", answer: "sometimes_unsafe", flag: "UnsafeAtHome" },
  {
    name: "opioid_after_break: yes",
    until: "opioid_after_break",
    answer: "yes",
    flag: "OpioidAfterBreak",
    profile: { use_30d: "one_two_days", substances_30d: ["opioids"] },
  },
  {
    name: "stop_plan: not sure",
    until: "stop_plan",
    answer: "not_sure",
    flag: "StoppingSuddenly",
    profile: { use_30d: "one_two_days", substances_30d: ["alcohol"] },
  },
];
for (const { name, until, answer, flag, profile } of raising) {
  test(`a safety answer shows its notice at once (${name})`, async ({ page }) => {
    await start(page);
    await walk(page, { ...CALM, ...profile }, { until });
    await choose(page, answer);
    await expect(safetyNotice(page).locator(`[data-flag=${flag}]`)).toBeVisible();
    expect((await state(page)).question).toBe(until);
    await expect(safetyNotice(page).getByRole("button", { name: "Carry on with the check-in" })).toBeVisible();
  });
}

test("a calm answer to a safety question raises nothing", async ({ page }) => {
  await start(page);
  await walk(page, CALM, { until: "self_harm" });
  await choose(page, "not_at_all");
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expect(safetyNotice(page)).toHaveCount(0);
});
