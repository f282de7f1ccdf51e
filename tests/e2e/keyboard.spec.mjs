// A whole check-in with the keyboard alone: Tab, Shift+Tab, arrow keys, Space and Enter through
// page.keyboard, never a click. On every new question focus is on its heading; arrow keys move
// the choice within a radio group; choosing alone does not move on; Enter submits.
import { test, expect } from "@playwright/test";
import { WIDGET, open, questionHeading, results, review, state } from "./checkin.mjs";

/** What has focus: tag, type, id, checked, test id and text, enough to assert on. Inside the
 * widget's shadow root, the document's active element is the widget itself: look inside. */
const focused = (page) =>
  page.evaluate(() => {
    let a = document.activeElement;
    while (a.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return {
      tag: a.tagName.toLowerCase(),
      type: a.getAttribute("type"),
      id: a.id,
      checked: a.checked ?? null,
      testid: a.dataset?.testid ?? null,
      text: (a.textContent ?? "").trim(),
      inLegend: !!a.closest("legend") && a.tagName === "H2",
      inWidget: a.getRootNode().host?.localName === "recovery-checkin",
    };
  });

/** Presses Tab (or Shift+Tab) until `done(focus)` holds; at most `limit` times. */
async function tabUntil(page, done, { limit = 80, key = "Tab" } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (done(f)) return f;
  }
  throw new Error(`${key} ${limit} times never reached the element`);
}

/** Two animation frames: long enough for the widget to have re-rendered after a key. */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test("a whole check-in with the keyboard alone", async ({ page }) => {
  test.setTimeout(60_000);
  await open(page);

  // From the top of the partner page, Tab reaches Start; Enter starts.
  await tabUntil(page, (f) => f.testid === "start");
  await page.keyboard.press("Enter");

  let arrowsChecked = false;
  let requiredChecked = false;
  let shiftTabChecked = false;
  const answered = [];
  for (let step = 0; step < 60; step++) {
    const s = await state(page);
    if (s.screen !== "Question") break;
    // Each new question: focus is on its heading, the h2 inside the legend.
    await expect(questionHeading(page), `focus on the heading of ${s.question}`).toBeFocused();
    expect((await focused(page)).inLegend).toBe(true);

    // Tab from the heading goes to the first option.
    await page.keyboard.press("Tab");
    let f = await focused(page);
    expect(f.tag, `Tab from the heading of ${s.question} reaches an option`).toBe("input");
    expect(f.id.startsWith(s.base)).toBe(true);

    if (s.kind === "multiple") {
      expect(f.type).toBe("checkbox");
      await page.keyboard.press("Space");
      await expect(page.locator(`#${f.id}`)).toBeChecked();
      // Tab on to Next; Shift+Tab goes back to the options, Tab again to Next.
      f = await tabUntil(page, (g) => g.testid === "next", { limit: 15 });
      if (!shiftTabChecked) {
        await page.keyboard.press("Shift+Tab");
        expect((await focused(page)).type, "Shift+Tab from Next goes back to the options").toBe("checkbox");
        await page.keyboard.press("Tab");
        expect((await focused(page)).testid).toBe("next");
        shiftTabChecked = true;
      }
      await page.keyboard.press("Enter");
    } else {
      expect(f.type).toBe("radio");
      if (!requiredChecked && s.question === "time_in_recovery") {
        // A required question, nothing chosen yet: Enter shows the error and stays.
        expect(f.checked).toBe(false);
        await page.keyboard.press("Enter");
        await expect(page.locator(`${WIDGET} [data-testid=question] [role=alert].rc-problem`)).toBeVisible();
        expect((await state(page)).question).toBe("time_in_recovery");
        requiredChecked = true;
      }
      // Arrow keys move the choice within the group: down (or right) chooses the next option,
      // up (or left) the one before. The first option is left chosen.
      const forward = s.kind === "scale" ? "ArrowRight" : "ArrowDown";
      const backward = s.kind === "scale" ? "ArrowLeft" : "ArrowUp";
      const first = f.id;
      await page.keyboard.press(forward);
      const second = await focused(page);
      expect(second.id, `${forward} moves to the next option of ${s.question}`).not.toBe(first);
      expect(second.checked).toBe(true);
      await page.keyboard.press(backward);
      f = await focused(page);
      expect(f.id, `${backward} moves back to the first option of ${s.question}`).toBe(first);
      expect(f.checked).toBe(true);
      await expect(page.locator(`#${second.id}`)).not.toBeChecked();
      if (!arrowsChecked) {
        // Choosing alone does not move on.
        await settle(page);
        await page.waitForTimeout(300);
        expect((await state(page)).question, "choosing alone must not move on").toBe(s.question);
        arrowsChecked = true;
      }
      // Enter on the chosen radio submits the form: the next question.
      await page.keyboard.press("Enter");
    }
    await page.waitForFunction(
      ([sel, q]) => {
        const w = document.querySelector(sel).shadowRoot.querySelector(".rc-widget");
        return w.dataset.screen !== "Question" || w.querySelector("[data-testid=question]").dataset.question !== q;
      },
      [WIDGET, s.question],
    );
    answered.push(s.question);
  }
  expect(arrowsChecked && requiredChecked && shiftTabChecked).toBe(true);
  expect(answered.length).toBeGreaterThanOrEqual(25);

  // The review: focus on its heading; Tab to "See my results" and Enter.
  await expect(review(page)).toBeVisible();
  await expect(review(page).getByRole("heading", { level: 2 })).toBeFocused();
  await tabUntil(page, (f) => f.testid === "finish", { limit: 80 });
  await page.keyboard.press("Enter");

  await expect(results(page)).toBeVisible();
  await expect(results(page).getByRole("heading", { level: 2, })).toBeFocused();
  await expect(results(page).locator(".rc-band-name")).toBeVisible();
});
