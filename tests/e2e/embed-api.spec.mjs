// The JavaScript side: mount(element, options) and the handle's destroy(), which leaves no
// listener and no DOM behind; the checkin-started and checkin-completed events, which carry
// nothing; attributes changed at run time; a widget moved in the page keeps running.
import { expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { CALM, WIDGET, questionForm, results, seeResults, state, test, walk, widget } from "./checkin.mjs";

const PAGE = "/demo/mount.html";

/** Mounts a widget in #place with `options`, as a partner's module would; kept as window.__handle. */
async function mountWidget(page, options) {
  await page.evaluate(async (options) => {
    const { mount } = await import("/recovery-checkin.js");
    window.__handle = mount(document.querySelector("#place"), options);
  }, options);
  await expect(widget(page).getByRole("button", { name: "Start the check-in" })).toBeEnabled();
}

/**
 * A DevTools protocol session on `page` that knows the page's own scripts (served from its
 * origin), so that listeners Playwright itself adds while it clicks can be told apart. Call it
 * once every script of the widget has loaded.
 */
async function devtools(page) {
  const cdp = await page.context().newCDPSession(page);
  const scripts = new Map();
  cdp.on("Debugger.scriptParsed", (s) => scripts.set(s.scriptId, s.url));
  // Enabling the debugger reports every script already parsed; it is not left on (it slows the
  // WebAssembly down).
  await cdp.send("Debugger.enable");
  await cdp.send("Debugger.disable");
  cdp.origin = new URL(page.url()).origin;
  cdp.scripts = scripts;
  return cdp;
}

/** Every event listener the page's own scripts added on window, and on the document with all of
 * its nodes, shadow roots included, by type (as the Elements panel of DevTools lists them). */
async function allListeners(cdp) {
  const of = async (expression, subtree) => {
    const { result } = await cdp.send("Runtime.evaluate", { expression });
    const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId, ...(subtree ? { depth: -1, pierce: true } : {}) });
    await cdp.send("Runtime.releaseObject", { objectId: result.objectId });
    return listeners
      .filter((l) => (cdp.scripts.get(l.scriptId) ?? "").startsWith(cdp.origin))
      .map((l) => l.type)
      .sort();
  };
  return { window: await of("window", false), document: await of("document", true) };
}

test("destroy() leaves no listener and no DOM behind", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(PAGE);
  await page.evaluate(() => import("/recovery-checkin.js").then(() => customElements.whenDefined("recovery-checkin")));
  const cdp = await devtools(page);
  const before = await allListeners(cdp);
  const pageBefore = await page.evaluate(() => document.body.innerHTML);

  for (let round = 0; round < 2; round++) {
    // A namespace each time: the draft the first leaves would bring the resume offer.
    await mountWidget(page, { region: "GB", namespace: `destroy-${round}`, partnerName: "Harbour Lane" });
    // Use what adds listeners: the storage listener, every kind of event Yew delegates.
    await widget(page).getByRole("button", { name: "Help now" }).click();
    await widget(page).getByLabel("Show help for").selectOption("NZ");
    await widget(page).getByRole("button", { name: "Close help" }).first().click();
    await widget(page).getByRole("button", { name: "Start the check-in" }).click();
    await walk(page, CALM, { until: "use_30d" });
    await page.keyboard.press("Tab");
    const during = await allListeners(cdp);
    expect(during.window, "the widget listens for other tabs' changes while it runs").toContain("storage");
    expect(during.document.length).toBeGreaterThan(before.document.length);

    const left = await page.evaluate(async () => {
      const host = window.__handle.element;
      window.__handle.destroy();
      // The widget stops a microtask later (a widget moved in the page is not stopped), and Yew
      // removes its app in its scheduler: let both run.
      await new Promise((r) => setTimeout(r, 50));
      return {
        connected: host.isConnected,
        place: document.querySelector("#place").childNodes.length,
        shadow: host.shadowRoot.childNodes.length,
        widgets: document.querySelectorAll("recovery-checkin").length,
      };
    });
    expect(left).toEqual({ connected: false, place: 0, shadow: 0, widgets: 0 });
    expect(await allListeners(cdp), `listeners after destroy (round ${round + 1})`).toEqual(before);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(pageBefore);
  }
});

test("checkin-started and checkin-completed reach the page and carry nothing", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(PAGE);
  await mountWidget(page, { region: "US", namespace: "events-test" });
  await page.evaluate(() => {
    window.__events = [];
    for (const type of ["checkin-started", "checkin-completed"]) {
      window.addEventListener(type, (e) =>
        window.__events.push({ type: e.type, target: e.target.localName, bubbles: e.bubbles, composed: e.composed, detail: e.detail, keys: Object.keys(e) }),
      );
    }
  });
  await widget(page).getByRole("button", { name: "Start the check-in" }).click();
  await walk(page, CALM);
  await seeResults(page);
  const event = { target: "recovery-checkin", bubbles: true, composed: true, detail: null, keys: ["isTrusted"] };
  expect(await page.evaluate(() => window.__events)).toEqual([
    { type: "checkin-started", ...event },
    { type: "checkin-completed", ...event },
  ]);
});

test("attributes changed at run time update the running widget", async ({ page }) => {
  test.setTimeout(60_000);
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(PAGE);
  await mountWidget(page, {
    region: "US",
    namespace: "first",
    theme: "light",
    partnerName: "Harbour Lane",
    resources: [{ name: "Family group", when: "Thursdays, 7 pm", links: [{ href: "tel:555 0100" }] }],
  });
  const host = page.locator(WIDGET);
  const background = () => widget(page).locator(".rc-widget").evaluate((w) => getComputedStyle(w).backgroundColor);
  expect(await background(), "theme=light on a dark system").toBe("rgb(255, 255, 255)");
  await host.evaluate((h) => h.setAttribute("theme", "dark"));
  expect(await background()).toBe("rgb(21, 32, 36)");
  await host.evaluate((h) => h.setAttribute("theme", "auto"));
  expect(await background(), "auto follows the system").toBe("rgb(21, 32, 36)");

  // In the middle of a check-in: the region and the partner change, the check-in stays.
  await widget(page).getByRole("button", { name: "Start the check-in" }).click();
  await walk(page, CALM, { until: "cravings" });
  await host.evaluate((h) => h.setAttribute("region", "NZ"));
  await widget(page).getByRole("button", { name: "Help now" }).click();
  await expect(widget(page).getByRole("region", { name: "Help right now" })).toContainText("1737");
  await widget(page).getByRole("button", { name: "Close help" }).first().click();
  expect((await state(page)).question).toBe("cravings");
  await walk(page, CALM);
  await seeResults(page);
  await expect(results(page).locator("[data-part=partner] h3")).toHaveText("From Harbour Lane");
  await host.evaluate((h) => h.setAttribute("partner-name", "Harbour Lane Recovery Community"));
  await expect(results(page).locator("[data-part=partner] h3")).toHaveText("From Harbour Lane Recovery Community");
  await expect(results(page)).toBeVisible();

  // A bad value: a warning, once, and the widget carries on as it was.
  await host.evaluate((h) => h.setAttribute("lang", "fr"));
  await host.evaluate((h) => h.setAttribute("theme", "light"));
  await expect(results(page)).toBeVisible();
  expect(warnings).toEqual([`recovery-checkin: "lang" "fr" is not one of en, es; using the visitor's language`]);

  // A new namespace is another person's storage: the widget starts afresh there.
  await results(page).getByRole("button", { name: "Start a new check-in" }).click();
  await widget(page).getByRole("button", { name: "Start the check-in" }).click();
  await questionForm(page).locator("label.rc-option").first().click();
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(":draft")))).toEqual(["recovery-checkin:first:draft"]);
  await host.evaluate((h) => h.setAttribute("namespace", "second"));
  await expect(widget(page).getByRole("button", { name: "Start the check-in" })).toBeVisible();
  await expect(widget(page).getByRole("button", { name: "Continue where you left off" })).toHaveCount(0);
  await host.evaluate((h) => h.setAttribute("namespace", "first"));
  await expect(widget(page).getByRole("button", { name: "Continue where you left off" })).toBeVisible();
});

test("a widget moved in the page keeps running; mount options in camelCase; axe", async ({ page }) => {
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto(PAGE);
  await mountWidget(page, { region: "AU", exitUrl: "https://www.example.org/", partnerName: "Harbour Lane", colour: "teal" });
  expect(warnings).toEqual(['recovery-checkin: "colour" is not an option of the widget; ignored']);
  expect(await page.locator(WIDGET).evaluate((h) => [h.getAttribute("exit-url"), h.getAttribute("partner-name")])).toEqual([
    "https://www.example.org/",
    "Harbour Lane",
  ]);
  await widget(page).getByRole("button", { name: "Start the check-in" }).click();
  await walk(page, CALM, { until: "goal" });
  await page.evaluate(() => document.querySelector("#elsewhere").append(document.querySelector("recovery-checkin")));
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  expect(await page.locator("#elsewhere recovery-checkin").count()).toBe(1);
  expect((await state(page)).question, "still on the same question after the move").toBe("goal");

  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
