// axe-core finds no violation on any kind of screen of the check-in, in the light and the dark
// colour scheme: every question kind, the required-answer error, the safety notice in the flow,
// the crisis panel over a question, the review and the results with and without safety parts.
// Soft assertions, so one run lists every screen that fails, each under its own name.
import { test, expect } from "@playwright/test";
import {
  CALM,
  HARD,
  axeViolations,
  choose,
  kindOf,
  questionForm,
  questionId,
  results,
  review,
  safetyNotice,
  seeResults,
  start,
  walk,
  widget,
} from "./checkin.mjs";

for (const scheme of ["light", "dark"]) {
  test.describe(`${scheme} colour scheme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    test("every kind of question screen passes axe", async ({ page }) => {
      await start(page);
      expect(await kindOf(page)).toBe("multiple");
      expect.soft(await axeViolations(page), `${scheme}: multiple-choice question`).toEqual([]);

      await walk(page, CALM, { until: "time_in_recovery" });
      expect(await kindOf(page)).toBe("single");
      expect.soft(await axeViolations(page), `${scheme}: single-choice question`).toEqual([]);

      // Next with no answer to a required question: the error is shown and the screen stays.
      await questionForm(page).getByRole("button", { name: "Next" }).click();
      await expect(questionForm(page).getByRole("alert")).toBeVisible();
      expect.soft(await axeViolations(page), `${scheme}: required-answer error`).toEqual([]);

      // The crisis panel over a question.
      await widget(page).getByRole("button", { name: "Help now" }).click();
      await expect(widget(page).getByRole("region", { name: "Help right now" })).toBeVisible();
      expect.soft(await axeViolations(page), `${scheme}: crisis panel over a question`).toEqual([]);
      expect.soft(await axeViolations(page, { fullPage: true }), `${scheme}: whole page, panel over a question`).toEqual([]);
      await widget(page).getByRole("button", { name: "Close help" }).first().click();

      await walk(page, CALM, { until: "importance" });
      expect(await kindOf(page)).toBe("scale");
      await choose(page, 7);
      expect.soft(await axeViolations(page), `${scheme}: 0-10 scale`).toEqual([]);

      await walk(page, CALM, { until: "self_harm" });
      await choose(page, "once_or_twice");
      await expect(safetyNotice(page)).toBeVisible();
      expect(await questionId(page)).toBe("self_harm");
      expect.soft(await axeViolations(page), `${scheme}: safety notice in the flow`).toEqual([]);
      expect.soft(await axeViolations(page, { fullPage: true }), `${scheme}: whole page, safety notice`).toEqual([]);
    });

    test("the review and results with safety parts pass axe", async ({ page }) => {
      await start(page);
      await walk(page, HARD);
      await expect(review(page)).toBeVisible();
      expect.soft(await axeViolations(page), `${scheme}: review`).toEqual([]);
      await seeResults(page);
      await expect(results(page).locator("[data-part=safety]")).toBeVisible();
      expect.soft(await axeViolations(page), `${scheme}: results with safety parts`).toEqual([]);
      expect.soft(await axeViolations(page, { fullPage: true }), `${scheme}: whole page, results`).toEqual([]);
    });

    test("results without safety parts pass axe", async ({ page }) => {
      await start(page);
      await walk(page, CALM);
      await seeResults(page);
      await expect(results(page).locator("[data-part=band]")).toBeVisible();
      await expect(results(page).locator("[data-part=safety]")).toHaveCount(0);
      expect.soft(await axeViolations(page), `${scheme}: results without safety parts`).toEqual([]);
    });
  });
}
