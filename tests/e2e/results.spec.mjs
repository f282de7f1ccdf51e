// The results follow the answers: the calmest answers and the hardest give different bands,
// scores, strengths and order of help. "Start a new check-in" begins again from nothing.
import { test, expect } from "@playwright/test";
import { CALM, HARD, WIDGET, checkIn, results, seeResults, state, walk, widget } from "./checkin.mjs";

/** What the results screen says, in figures. */
async function readResults(page) {
  return results(page).evaluate((r) => {
    const score = (d) => r.querySelector(`.rc-domain[data-domain=${d}]`)?.dataset.score ?? null;
    return {
      band: r.querySelector(".rc-band-name")?.dataset.band ?? null,
      stressors: score("Stressors"),
      supports: score("Supports"),
      motivation: score("Motivation"),
      meters: r.querySelectorAll(".rc-domain meter").length,
      strengths: r.querySelectorAll("[data-part=strengths] li").length,
      drivers: r.querySelectorAll(".rc-drivers li").length,
      professionalFirst: r.querySelector("[data-part=professional]")?.dataset.first ?? null,
      parts: [...r.querySelectorAll("[data-part]")].map((p) => p.dataset.part),
      flags: [...r.querySelectorAll("[data-part=safety] [data-flag]")].map((f) => f.dataset.flag),
    };
  });
}

test("calm and hard answers give different results; a new check-in starts from nothing", async ({ page }) => {
  test.setTimeout(45_000);
  await checkIn(page, CALM);
  const calm = await readResults(page);

  await results(page).getByRole("button", { name: "Start a new check-in" }).click();
  await expect(widget(page).getByRole("button", { name: "Start the check-in" })).toBeVisible();
  await widget(page).getByRole("button", { name: "Start the check-in" }).click();
  // Nothing of the first check-in is kept.
  expect((await state(page)).question).toBe("recovery_from");
  await expect(page.locator(`${WIDGET} [data-testid=question] input:checked`)).toHaveCount(0);
  await walk(page, HARD);
  await seeResults(page);
  const hard = await readResults(page);
  test.info().annotations.push({ type: "results", description: JSON.stringify({ calm, hard }) });

  // Bands: the fewest and the most warning signs.
  expect(calm.band).toBe("Few");
  expect(hard.band).toBe("Many");
  // Scores: three meters each; stressors low for calm and high for hard, the others the reverse.
  expect(calm.meters).toBe(3);
  expect(hard.meters).toBe(3);
  expect(Number(calm.stressors)).toBeLessThan(Number(hard.stressors));
  expect(Number(calm.stressors)).toBe(0);
  expect(Number(hard.stressors)).toBe(100);
  expect(Number(calm.supports)).toBeGreaterThan(Number(hard.supports));
  expect(Number(calm.motivation)).toBeGreaterThan(Number(hard.motivation));
  // Strengths named in the calm run; drivers in the hard one.
  expect(calm.strengths).toBeGreaterThanOrEqual(3);
  expect(hard.strengths).toBe(0);
  expect(hard.drivers).toBeGreaterThan(calm.drivers);
  // Professional help: first (right after the band) in the hard run, after the groups in the calm one.
  expect(hard.professionalFirst).toBe("true");
  expect(calm.professionalFirst).toBe("false");
  expect(hard.parts.indexOf("professional")).toBe(hard.parts.indexOf("band") + 1);
  expect(calm.parts.indexOf("professional")).toBeGreaterThan(calm.parts.indexOf("groups"));
  // Safety: first in the hard run, with all four messages; none in the calm run.
  expect(hard.parts[0]).toBe("safety");
  expect(hard.flags.sort()).toEqual(["OpioidAfterBreak", "StoppingSuddenly", "SuicidalThoughts", "UnsafeAtHome"]);
  expect(calm.parts).not.toContain("safety");
  expect(calm.parts[0]).toBe("band");
  // Both end with the note and the crisis lines.
  for (const run of [calm, hard]) expect(run.parts.slice(-2)).toEqual(["about", "crisis"]);
});

test("the meters are labelled with their scores", async ({ page }) => {
  await checkIn(page, CALM);
  const meter = results(page).locator(".rc-domain[data-domain=Stressors] meter");
  await expect(meter).toHaveAttribute("value", "0");
  await expect(meter).toHaveAccessibleName(/\b0 out of 100\b/);
  await expect(results(page).getByRole("heading", { level: 2 })).toBeFocused();
});
