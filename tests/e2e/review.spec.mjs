// Moving around: Change on the review goes to that question and Next comes back with the new
// answer; Back and Skip; Next on a required unanswered question explains and stays.
import { test, expect } from "@playwright/test";
import {
  CALM,
  WIDGET,
  choose,
  option,
  press,
  questionForm,
  questionHeading,
  review,
  start,
  state,
  walk,
  widget,
} from "./checkin.mjs";

test("Change on the review goes to the question, and Next returns with the new answer", async ({ page }) => {
  await start(page);
  await walk(page, CALM);
  const row = review(page).locator(".rc-review-row[data-question=cravings]");
  const question = (await row.locator(".rc-review-question").textContent()).trim();
  // The answer as the question screen words it, so a change of wording does not break this.
  const textOf = async (id) => (await (await option(page, id)).textContent()).trim();

  await review(page).getByRole("button", { name: `Change your answer to: ${question}` }).click();
  await expect(questionForm(page)).toHaveAttribute("data-question", "cravings");
  await expect(questionHeading(page)).toHaveText(question);
  await expect(questionHeading(page)).toBeFocused();
  await expect((await option(page, CALM.cravings)).locator("input")).toBeChecked();
  const before = await textOf(CALM.cravings);
  const after = await textOf("three_four");
  expect(after).not.toBe(before);
  await choose(page, "three_four");
  await press(page, "next");
  await expect(review(page)).toBeVisible();
  await expect(review(page).getByRole("heading", { level: 2 })).toBeFocused();
  await expect(row.locator(".rc-review-answer")).toHaveText(after);

  // Change, then Back: the review again, the answer as it was.
  await review(page).getByRole("button", { name: `Change your answer to: ${question}` }).click();
  await expect(questionForm(page)).toHaveAttribute("data-question", "cravings");
  await press(page, "back");
  await expect(review(page)).toBeVisible();
  await expect(row.locator(".rc-review-answer")).toHaveText(after);

  // A change that opens a new question asks it before the review.
  const use = (await review(page).locator(".rc-review-row[data-question=use_30d] .rc-review-question").textContent()).trim();
  await review(page).getByRole("button", { name: `Change your answer to: ${use}` }).click();
  await choose(page, "one_two_days");
  await press(page, "next");
  expect((await state(page)).question).toBe("substances_30d");
});

test("Skip moves on from an optional question, Back goes back, and the review shows what was skipped", async ({ page }) => {
  await start(page);
  const progress = questionForm(page).locator(".rc-progress-text");
  await expect(progress).toHaveText(/^Question 1 of \d+$/);
  expect((await state(page)).question).toBe("recovery_from");

  await press(page, "skip");
  expect((await state(page)).question).toBe("time_in_recovery");
  await expect(progress).toHaveText(/^Question 2 of \d+$/);
  await expect(page.locator(`${WIDGET} [data-testid=announcer]`)).toHaveText(/^Question 2 of \d+$/);
  await expect(questionHeading(page)).toBeFocused();
  // A required question offers no Skip.
  await expect(questionForm(page).getByRole("button", { name: "Skip this question" })).toHaveCount(0);

  await press(page, "back");
  expect((await state(page)).question).toBe("recovery_from");
  await expect(questionHeading(page)).toBeFocused();
  // Back on the first question: the welcome screen.
  await press(page, "back");
  await expect(widget(page).getByRole("button", { name: "Start the check-in" })).toBeVisible();
  await widget(page).getByRole("button", { name: "Start the check-in" }).click();
  expect((await state(page)).question).toBe("recovery_from");

  await walk(page, { ...CALM, recovery_from: "skip", goal: "skip" });
  await expect(review(page).locator(".rc-review-row[data-question=goal] .rc-review-answer")).toHaveText("Skipped");
  await expect(review(page).locator(".rc-review-row[data-question=recovery_from] .rc-review-answer")).toHaveText("Skipped");
  await expect(review(page).locator(".rc-review-row[data-question=time_in_recovery] .rc-review-answer")).toHaveText(
    "1 to 5 years ago",
  );
  await expect(review(page).locator(".rc-review-row[data-question=importance] .rc-review-answer")).toHaveText("10 out of 10");

  // Back from the review: the last question, its answer kept.
  await review(page).getByRole("button", { name: "Back to the questions" }).click();
  await expect(questionForm(page)).toHaveAttribute("data-question", "safe_home");
  await expect((await option(page, "safe")).locator("input")).toBeChecked();
});

test("Next on a required question with no answer shows the error and stays", async ({ page }) => {
  await start(page);
  await press(page, "skip");
  const form = questionForm(page);
  await expect(form).toHaveAttribute("data-question", "time_in_recovery");
  await expect(form.getByRole("alert")).toHaveCount(0);

  await form.getByRole("button", { name: "Next" }).click();
  const alert = form.getByRole("alert");
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("Please answer this question to go on.");
  await expect(form).toHaveAttribute("data-question", "time_in_recovery");
  // The fieldset is described by the error, so it is read with the question.
  const problemId = await alert.getAttribute("id");
  expect(problemId).toBeTruthy();
  await expect(form.locator("fieldset")).toHaveAttribute("aria-describedby", new RegExp(`(^| )${problemId}( |$)`));

  // Answering and Next: the next question, with no error.
  await choose(page, "months_1_3");
  await press(page, "next");
  expect((await state(page)).question).toBe("goal");
  await expect(questionForm(page).getByRole("alert")).toHaveCount(0);
});

test("a multiple-choice question keeps exclusive answers alone", async ({ page }) => {
  await start(page);
  await walk(page, CALM, { until: "professional_care" });
  await choose(page, ["counsellor", "doctor"]);
  await choose(page, ["none"]);
  await expect((await option(page, "counsellor")).locator("input")).not.toBeChecked();
  await expect((await option(page, "doctor")).locator("input")).not.toBeChecked();
  await choose(page, ["medication"]);
  await expect((await option(page, "none")).locator("input")).not.toBeChecked();
});
