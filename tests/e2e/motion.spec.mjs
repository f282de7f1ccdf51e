// With reduced motion asked for, the widget still works, and nothing in it moves.
import { test, expect } from "@playwright/test";
import { CALM, WIDGET, answerAndNext, press, questionHeading, start, state } from "./checkin.mjs";

test("prefers-reduced-motion: a short run still works, with no transitions or animations", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await start(page);
  expect(await page.evaluate(() => matchMedia("(prefers-reduced-motion: reduce)").matches)).toBe(true);
  for (let i = 0; i < 4; i++) {
    await expect(questionHeading(page)).toBeFocused();
    await answerAndNext(page, CALM);
  }
  expect((await state(page)).question).toBe("cravings");
  await press(page, "back");
  expect((await state(page)).question).toBe("use_30d");
  await expect(questionHeading(page)).toBeFocused();

  const moving = await page.locator(WIDGET).evaluate((host) =>
    [host, ...host.shadowRoot.querySelectorAll("*")]
      .map((el) => ({ el, cs: getComputedStyle(el) }))
      .filter(({ cs }) =>
        cs.transitionDuration.split(",").some((d) => parseFloat(d) > 0) ||
        (cs.animationName !== "none" && cs.animationDuration.split(",").some((d) => parseFloat(d) > 0)),
      )
      .map(({ el }) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`),
  );
  expect(moving, "elements that still move").toEqual([]);
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
});
