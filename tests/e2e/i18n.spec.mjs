// Languages (issue 7): every text on every kind of screen comes from the catalogs (the accented
// pseudo-locale en-XA leaves no English word), the right-to-left pseudo-locale ar-XB mirrors the
// layout and keeps it whole, a whole check-in in Spanish, the language switcher and the saved
// choice, the region's crisis lines in Spanish, axe in Spanish, and the heaviest Spanish result
// on two printed pages.
//
// The pseudo-locales and Spanish are files the loader fetches when a widget asks for one; the
// test page demo/options.html takes the options from its URL, so `?lang=en-XA` is a page in en-XA.
import { expect } from "@playwright/test";
import {
  CALM,
  HARD,
  WIDGET,
  axeViolations,
  checkIn,
  choose,
  overflow,
  questionForm,
  results,
  review,
  safetyNotice,
  state,
  test,
  waitToLeave,
  widget,
} from "./checkin.mjs";

const rcWidget = (page) => page.locator(`${WIDGET} .rc-widget`);

/** Opens `url` and waits for the welcome screen, whatever its language. */
async function open(page, url) {
  await page.goto(url);
  await expect(widget(page).locator("[data-testid=start]")).toBeEnabled();
}

/**
 * Answers every question from `profile` (the first option where it names none), in any
 * language: by option id and test id, never by a text. `each(where)` runs on every question
 * screen, and again when a safety notice came up, before "Carry on" is pressed.
 */
async function walkAny(page, profile, each = async () => {}) {
  for (let step = 0; step < 60; step++) {
    const s = await state(page);
    if (s.screen !== "Question") break;
    await each("question");
    await choose(page, profile[s.question] ?? "first", s);
    if (await safetyNotice(page).count()) {
      await each("safety");
      await safetyNotice(page).locator("[data-testid=carry-on]").click();
      await expect(safetyNotice(page)).toHaveCount(0);
    }
    await questionForm(page).locator("[data-testid=next]").click();
    await waitToLeave(page, s);
  }
  await expect(review(page)).toBeVisible();
}

/** From the welcome screen to the results, in any language. */
async function checkInAny(page, profile, each) {
  await widget(page).locator("[data-testid=start]").click();
  await expect(questionForm(page)).toBeVisible();
  await walkAny(page, profile, each);
  await each?.("review");
  await review(page).locator("[data-testid=finish]").click();
  await expect(results(page)).toBeVisible();
}

/**
 * Every text of the widget a person can see or hear (text nodes of rendered elements, the
 * visually hidden ones and the selected options included, and the aria-label, aria-valuetext,
 * title and alt attributes) that has a Latin letter outside an en-XA text ("[...]"). Texts in
 * another language on purpose (the language switcher's names, marked with their own `lang`)
 * and English month names of dates (written by the browser's Intl, data not catalog text) are
 * left out. An English word in the result is a text that did not come from the catalogs.
 */
async function untransformed(page) {
  return page.locator(WIDGET).evaluate((host) => {
    const root = host.shadowRoot;
    const lang = root.querySelector(".rc-widget").getAttribute("lang");
    const dates = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b|\b[AP]M\b/g;
    const english = (text) => {
      let left = text;
      for (let before = null; before !== left; ) {
        before = left;
        left = left.replace(/\[[^[\]]*\]/g, "");
      }
      return /[A-Za-z]/.test(left.replace(dates, ""));
    };
    const foreign = (el) => el.closest("[lang]")?.getAttribute("lang") !== lang;
    const found = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const shown = el?.tagName === "OPTION" ? el.closest("select") : el;
      if (!shown || shown.closest("style, script") || !shown.getClientRects().length || foreign(el)) continue;
      if (english(node.textContent)) found.push(node.textContent.trim());
    }
    for (const el of root.querySelectorAll("[aria-label], [aria-valuetext], [title], [alt]")) {
      for (const name of ["aria-label", "aria-valuetext", "title", "alt"]) {
        const value = el.getAttribute(name);
        if (value && !foreign(el) && english(value)) found.push(`${name}="${value}"`);
      }
    }
    return found;
  });
}

test.describe("the accented pseudo-locale", () => {
  test("no untransformed English reaches any kind of screen", async ({ page }) => {
    test.setTimeout(90_000);
    const seen = new Set();
    const check = async (where) => {
      seen.add(where);
      expect(await untransformed(page), `English on the ${where} screen`).toEqual([]);
      // 40% longer texts still fit: nothing reaches past the page's edge.
      expect(await overflow(page), `overflow on the ${where} screen`).toEqual({ excess: 0, past: [] });
    };
    await open(page, "/demo/options.html?lang=en-XA&region=US");
    await expect(rcWidget(page)).toHaveAttribute("lang", "en-XA");
    await expect(widget(page).locator("[data-testid=start]")).toHaveText(/^\[Šţåŕţ ţĥé çĥéçķ-îñ .*\]$/);
    await check("welcome");

    await widget(page).locator("[data-testid=help-toggle]").click();
    await expect(widget(page).locator("[data-testid=crisis-panel]")).toBeVisible();
    await check("crisis panel");
    await widget(page).locator("[data-testid=help-toggle]").click();

    // Two answers in, and Next pressed without an answer between (the problem box is text
    // too); then back later: the welcome screen offers to continue.
    await widget(page).locator("[data-testid=start]").click();
    await expect(questionForm(page)).toBeVisible();
    for (const id of ["recovery_from", "time_in_recovery"]) {
      const s = await state(page);
      expect(s.question).toBe(id);
      if (id === "time_in_recovery") {
        await questionForm(page).locator("[data-testid=next]").click();
        await expect(questionForm(page).locator(".rc-problem")).toBeVisible();
        await check("question with a problem");
      }
      await choose(page, HARD[id], s);
      await questionForm(page).locator("[data-testid=next]").click();
      await waitToLeave(page, s);
    }
    await page.reload();
    await expect(widget(page).locator("[data-testid=resume]")).toBeVisible();
    await check("welcome with a check-in to continue");
    await widget(page).locator("[data-testid=start]").click();

    // Every question, each safety notice, the review and the heaviest results.
    await walkAny(page, HARD, check);
    await check("review");
    await review(page).locator("[data-testid=finish]").click();
    await expect(results(page)).toBeVisible();
    await check("results");

    // My check-ins with the one just saved, and that check-in opened.
    await results(page).locator("[data-testid=open-history]").click();
    await expect(widget(page).locator("[data-testid=history-list] > li")).toHaveCount(1);
    await check("my check-ins");
    await widget(page).locator("[data-testid=history-list] > li button").first().click();
    await expect(widget(page).locator("[data-testid=delete-one]")).toBeVisible();
    await check("a saved check-in");
    expect([...seen]).toEqual(
      expect.arrayContaining(["welcome", "crisis panel", "question", "safety", "review", "results", "my check-ins"]),
    );
  });
});

test.describe("the right-to-left pseudo-locale", () => {
  /** Where each element starts and how wide it is, measured from the widget's start edge (its
   * left in a left-to-right language, its right in a right-to-left one), and what reaches
   * outside the widget. */
  async function layout(page) {
    return page.locator(WIDGET).evaluate((host) => {
      const root = host.shadowRoot;
      const widget = root.querySelector(".rc-widget");
      const rtl = getComputedStyle(widget).direction === "rtl";
      const w = widget.getBoundingClientRect();
      const at = {};
      const selectors = {
        brand: ".rc-brand",
        help: "[data-testid=help-toggle]",
        title: ".rc-title",
        start: "[data-testid=start]",
        history: "[data-testid=open-history]",
        progress: "[data-testid=progress] progress",
        option: "[data-testid=question] label.rc-option",
        next: "[data-testid=next]",
        back: "[data-testid=back]",
        skip: "[data-testid=skip]",
      };
      for (const [name, selector] of Object.entries(selectors)) {
        const b = root.querySelector(selector)?.getBoundingClientRect();
        if (b && b.width) at[name] = { start: Math.round(rtl ? w.right - b.right : b.left - w.left), width: Math.round(b.width) };
      }
      const outside = [...root.querySelectorAll(".rc-widget *")]
        .map((el) => [el, el.getBoundingClientRect()])
        .filter(([, b]) => b.width && (b.left < w.left - 0.5 || b.right > w.right + 0.5))
        .filter(([el]) => !el.closest(".rc-visually-hidden"))
        .map(([el, b]) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} ${b.left}..${b.right}`);
      return { rtl, at, outside };
    });
  }

  function expectMirrored(ltr, rtl) {
    for (const [name, box] of Object.entries(ltr.at)) {
      expect(rtl.at[name], `${name} is there in ar-XB`).toBeTruthy();
      expect(Math.abs(rtl.at[name].start - box.start), `${name}: mirrored (${JSON.stringify([box, rtl.at[name]])})`).toBeLessThanOrEqual(3);
      expect(Math.abs(rtl.at[name].width - box.width), `${name}: as wide`).toBeLessThanOrEqual(3);
    }
  }

  test("ar-XB is right to left: the layout is the left-to-right one mirrored, and whole", async ({ page }, info) => {
    test.setTimeout(60_000);
    // The same texts left to right (en) and right to left (ar-XB: English letters, each word
    // mirrored), so each element should sit at the mirror image of its place.
    await open(page, "/demo/options.html?lang=en&region=US");
    const ltrWelcome = await layout(page);
    await info.attach("welcome-ltr", { body: await widget(page).screenshot(), contentType: "image/png" });
    await widget(page).locator("[data-testid=start]").click();
    await expect(questionForm(page)).toBeVisible();
    const ltrQuestion = await layout(page);

    await open(page, "/demo/options.html?lang=ar-XB&region=US");
    await expect(rcWidget(page)).toHaveAttribute("dir", "rtl");
    await expect(rcWidget(page)).toHaveAttribute("lang", "ar-XB");
    const rtlWelcome = await layout(page);
    await info.attach("welcome-rtl", { body: await widget(page).screenshot(), contentType: "image/png" });
    expect(ltrWelcome.rtl).toBe(false);
    expect(rtlWelcome.rtl).toBe(true);
    expect(rtlWelcome.outside).toEqual([]);
    expect(Object.keys(ltrWelcome.at)).toEqual(expect.arrayContaining(["brand", "help", "title", "start", "history"]));
    expectMirrored(ltrWelcome, rtlWelcome);
    // The brand at the right, "Help now" at the left.
    const header = await widget(page).evaluate((host) => {
      const r = host.shadowRoot;
      return [r.querySelector(".rc-brand"), r.querySelector("[data-testid=help-toggle]")].map((e) => e.getBoundingClientRect().left);
    });
    expect(header[0]).toBeGreaterThan(header[1]);

    await widget(page).locator("[data-testid=start]").click();
    await expect(questionForm(page)).toBeVisible();
    const rtlQuestion = await layout(page);
    await info.attach("question-rtl", { body: await widget(page).screenshot(), contentType: "image/png" });
    expect(rtlQuestion.outside).toEqual([]);
    expectMirrored(ltrQuestion, rtlQuestion);

    // Whole on every kind of screen: nothing past the page's edge, nothing outside the widget.
    await walkAny(page, HARD, async () => {
      expect((await layout(page)).outside).toEqual([]);
    });
    await review(page).locator("[data-testid=finish]").click();
    await expect(results(page)).toBeVisible();
    expect((await layout(page)).outside).toEqual([]);
    expect(await overflow(page)).toEqual({ excess: 0, past: [] });
    await info.attach("results-rtl", { body: await widget(page).screenshot(), contentType: "image/png" });
  });
});

/**
 * Where the trend chart's parts are on screen: its oldest and newest dates, each score label and
 * its grid line, the stressors line's dots (oldest first), and the chart's own box.
 */
const chartGeometry = (page) =>
  widget(page).evaluate((host) => {
    const svg = host.shadowRoot.querySelector("[data-testid=trend] svg");
    const box = (e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right };
    };
    const dates = [...svg.querySelectorAll(".rc-axis-date")].map(box);
    return {
      svg: box(svg),
      oldest: dates[0],
      newest: dates[dates.length - 1],
      grid: [...svg.querySelectorAll(".rc-grid")].map((g) => ({ label: box(g.querySelector("text")), line: box(g.querySelector("line")) })),
      dots: [...svg.querySelectorAll(".rc-line-stressors circle")].map(box),
    };
  });

test.describe("the trend chart", () => {
  test("runs from left to right, and in a right-to-left language from right to left, its labels beside it", async ({ page }) => {
    test.setTimeout(120_000);
    await checkIn(page, CALM);
    await widget(page).locator("[data-testid=start-over]").click();
    await widget(page).locator("[data-testid=start]").click();
    await walkAny(page, HARD);
    await review(page).locator("[data-testid=finish]").click();
    await expect(results(page)).toBeVisible();
    await widget(page).locator("[data-testid=open-history]").click();
    await expect(widget(page).locator("[data-testid=trend] svg")).toBeVisible();

    for (const lang of ["en", "ar-XB"]) {
      await widget(page).evaluate((host, l) => host.setAttribute("lang", l), lang);
      await expect(rcWidget(page)).toHaveAttribute("lang", lang);
      await expect(widget(page).locator("[data-testid=trend] svg")).toBeVisible();
      const c = await chartGeometry(page);
      const rtl = lang === "ar-XB";
      expect(c.dots, lang).toHaveLength(2);
      if (rtl) {
        // Time runs from right to left: the oldest date and dot at the right.
        expect(c.oldest.left, `${lang}: the oldest date right of the newest`).toBeGreaterThan(c.newest.right);
        expect(c.dots[0].left, lang).toBeGreaterThan(c.dots[1].right);
      } else {
        expect(c.oldest.right, `${lang}: the oldest date left of the newest`).toBeLessThan(c.newest.left);
        expect(c.dots[0].right, lang).toBeLessThan(c.dots[1].left);
      }
      for (const { label, line } of c.grid) {
        // Each score beside its grid line, on the side the language starts from, not across it.
        if (rtl) expect(label.left, `${lang}: a score label right of the grid`).toBeGreaterThanOrEqual(line.right);
        else expect(label.right, `${lang}: a score label left of the grid`).toBeLessThanOrEqual(line.left);
      }
      // Nothing outside the chart's own box.
      for (const part of [c.oldest, c.newest, ...c.grid.map((g) => g.label)]) {
        expect(part.left, lang).toBeGreaterThanOrEqual(c.svg.left - 0.5);
        expect(part.right, lang).toBeLessThanOrEqual(c.svg.right + 0.5);
      }
    }
  });
});

test.describe("Spanish", () => {
  test.use({ locale: "es-US" });

  test("a Spanish speaker in the US: a whole check-in in Spanish, 988 and SAMHSA's Spanish line, dates in Spanish", async ({ page }) => {
    test.setTimeout(90_000);
    // No lang attribute and no region: both from the browser (es-US).
    await open(page, "/demo/options.html");
    await expect(rcWidget(page)).toHaveAttribute("lang", "es");
    await expect(rcWidget(page)).toHaveAttribute("dir", "ltr");
    await expect(widget(page).getByRole("heading", { name: "¿Cómo va tu recuperación en este momento?" })).toBeVisible();
    await expect(widget(page).locator("[data-testid=language]")).toHaveValue("es");

    await widget(page).getByRole("button", { name: "Ayuda ahora" }).click();
    const help = widget(page).getByRole("region", { name: "Ayuda ahora mismo" });
    await expect(help.getByRole("heading", { name: "988 Línea de Prevención del Suicidio y Crisis" })).toBeVisible();
    await expect(help.getByRole("heading", { name: "Línea Nacional de Ayuda de SAMHSA" })).toBeVisible();
    await expect(help).toContainText("en inglés y en español");
    await expect(help.getByRole("link", { name: "Llamar al 988" })).toHaveAttribute("href", "tel:988");
    await expect(help.getByRole("link", { name: "Llamar al 1-800-662-4357" })).toHaveAttribute("href", "tel:18006624357");
    await expect(help.getByRole("link", { name: "Llamar al 911" })).toBeVisible();
    await widget(page).getByRole("button", { name: "Cerrar ayuda" }).first().click();

    await checkInAny(page, CALM, async (where) => {
      if (where === "question") await expect(widget(page).locator("[data-testid=progress] p")).toHaveText(/^Pregunta \d+ de \d+$/);
      if (where === "review") await expect(review(page).getByRole("heading", { name: "Revisa tus respuestas" })).toBeVisible();
    });
    await expect(results(page).locator("[data-part=band] .rc-band-name")).toHaveText("Pocas señales de alerta por ahora");
    await expect(results(page).locator("[data-part=crisis]")).toContainText("988 Línea de Prevención del Suicidio y Crisis");
    await expect(results(page)).not.toContainText("Suicide & Crisis Lifeline");

    // The saved check-in's date, written as Latin American Spanish writes it: "26 nov 2026".
    await results(page).locator("[data-testid=open-history]").click();
    await expect(widget(page).getByRole("heading", { name: "Mis chequeos" })).toBeVisible();
    const today = await page.evaluate(() => new Date().toLocaleDateString("es-419", { dateStyle: "medium" }));
    expect(today).toMatch(/^\d{1,2} [a-z]+\.? \d{4}$/);
    await expect(widget(page).locator("[data-testid=history]")).toContainText(today);
  });

  test("the language switcher changes the language at once, and the choice outlasts a reload", async ({ page }) => {
    await open(page, "/demo/options.html?region=US");
    await expect(rcWidget(page)).toHaveAttribute("lang", "es");
    const switcher = widget(page).getByRole("combobox", { name: "Idioma" });
    await expect(switcher.locator("option")).toHaveText(["English", "Español"]);
    await expect(switcher.locator("option[value=en]")).toHaveAttribute("lang", "en");
    await expect(switcher.locator("option[value=es]")).toHaveAttribute("lang", "es");

    // English, picked: at once, on the screen the person is on, and saved.
    await switcher.selectOption("en");
    await expect(rcWidget(page)).toHaveAttribute("lang", "en");
    await expect(widget(page).getByRole("heading", { name: "How is your recovery going right now?" })).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem("recovery-checkin:default:settings")))
      .toBe('{"v":2,"keep_nothing":false,"locale":"en"}');
    await page.reload();
    await expect(widget(page).getByRole("button", { name: "Start the check-in" })).toBeEnabled();

    // Mid check-in, back to Spanish: the question stays, in Spanish, and so after a reload.
    await widget(page).locator("[data-testid=start]").click();
    await expect(questionForm(page)).toBeVisible();
    const question = (await state(page)).question;
    await choose(page, "first");
    await widget(page).getByRole("combobox", { name: "Language" }).selectOption("es");
    await expect(rcWidget(page)).toHaveAttribute("lang", "es");
    expect((await state(page)).question).toBe(question);
    await expect(questionForm(page).locator("[data-testid=next]")).toHaveText("Siguiente");
    await page.reload();
    await expect(widget(page).locator("[data-testid=resume]")).toHaveText("Seguir donde lo dejaste");
  });

  test("the lang attribute comes before the saved choice, and the saved choice before the browser", async ({ page }) => {
    await page.goto("/demo/options.html");
    await page.evaluate(() => localStorage.setItem("recovery-checkin:default:settings", '{"v":2,"keep_nothing":false,"locale":"en"}'));
    await open(page, "/demo/options.html");
    await expect(rcWidget(page)).toHaveAttribute("lang", "en");
    await open(page, "/demo/options.html?lang=es");
    await expect(rcWidget(page)).toHaveAttribute("lang", "es");
    // A version-1 value (before the language was saved) still reads: the browser's language.
    await page.evaluate(() => localStorage.setItem("recovery-checkin:default:settings", '{"v":1,"keep_nothing":false}'));
    await open(page, "/demo/options.html");
    await expect(rcWidget(page)).toHaveAttribute("lang", "es");
  });

  test("Spanish passes axe on every kind of screen", async ({ page }) => {
    test.setTimeout(90_000);
    await open(page, "/demo/options.html?region=US");
    const scan = async (where) => expect(await axeViolations(page), `axe on the ${where} screen`).toEqual([]);
    await scan("welcome");
    await widget(page).locator("[data-testid=help-toggle]").click();
    await scan("crisis panel");
    await widget(page).locator("[data-testid=help-toggle]").click();
    let first = true;
    await checkInAny(page, HARD, async (where) => {
      if (where === "safety" || where === "review" || first) await scan(where);
      first = false;
    });
    await scan("results");
    await results(page).locator("[data-testid=open-history]").click();
    await expect(widget(page).locator("[data-testid=history]")).toBeVisible();
    await scan("my check-ins");
  });

  test("the heaviest Spanish result prints on two A4 or Letter pages", async ({ page }) => {
    test.setTimeout(90_000);
    await open(page, "/");
    await widget(page).evaluate((host) => host.setAttribute("lang", "es"));
    await expect(rcWidget(page)).toHaveAttribute("lang", "es");
    await checkInAny(page, HARD);
    await expect(results(page).locator("[data-part=safety] [data-flag]")).toHaveCount(4);
    await page.evaluate(() => {
      window.print = () => {};
    });
    const print = results(page).locator("[data-testid=print]");
    for (const format of ["A4", "Letter"]) {
      for (const margin of [undefined, { top: "0.4in", bottom: "0.4in", left: "0.4in", right: "0.4in" }]) {
        await print.click();
        await expect(page.locator("html")).toHaveAttribute("data-rc-printing", "");
        const pdf = (await page.pdf({ format, margin, printBackground: true })).toString("latin1");
        const pages = (pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
        test.info().annotations.push({ type: "pages", description: `${format}${margin ? " with 0.4 in margins" : ""}: ${pages}` });
        expect(pages, `${format}${margin ? " with margins" : ""}`).toBeGreaterThan(0);
        expect(pages, `${format}${margin ? " with margins" : ""}`).toBeLessThanOrEqual(2);
      }
    }
  });
});
