// Printing the results: a heavy result fits on two A4 or Letter pages, and only the widget
// prints, not the partner page around it.
import { test, expect } from "@playwright/test";
import { HARD, WIDGET, checkIn, results } from "./checkin.mjs";

/** Pages in a PDF: the page objects (`/Type /Page`, not `/Pages`), cross-checked with the
 * page tree's `/Count`. Chromium writes neither into a compressed object stream. */
function pageCount(pdf) {
  const text = pdf.toString("latin1");
  const objects = (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) =>
    Number(m[1] ?? m[2]),
  );
  return { objects, count: counts.length ? Math.max(...counts) : null };
}

test("a heavy result prints on at most two pages, A4 and Letter, without the partner page", async ({ page }) => {
  test.setTimeout(60_000);
  await checkIn(page, HARD);
  await expect(results(page).locator("[data-part=safety] [data-flag]")).toHaveCount(4);
  expect(await results(page).locator(".rc-drivers li").count()).toBeGreaterThanOrEqual(6);

  await page.evaluate(() => {
    window.__printCalls = 0;
    window.print = () => {
      window.__printCalls += 1;
    };
  });
  const print = results(page).getByRole("button", { name: "Print or save these results" });
  // Without margins, as the brief's page.pdf, and with the 0.4 in a browser's print dialog uses.
  const cases = ["A4", "Letter"].flatMap((format) => [
    { format, name: format },
    { format, name: `${format} with 0.4 in margins`, margin: { top: "0.4in", bottom: "0.4in", left: "0.4in", right: "0.4in" } },
  ]);
  for (const { format, name, margin } of cases) {
    // Print marks the page for printing the widget alone. Making a PDF fires afterprint, which
    // takes the marks away again, as after a real print: so Print before each PDF.
    await print.click();
    await expect(page.locator("html")).toHaveAttribute("data-rc-printing", "");
    const pdf = await page.pdf({ format, margin, printBackground: true });
    const { objects, count } = pageCount(pdf);
    test.info().annotations.push({ type: "pages", description: `${name}: ${objects} pages (/Count ${count})` });
    expect(objects, `page objects in the ${name} PDF`).toBeGreaterThan(0);
    if (count !== null) expect(count, `/Count agrees with the page objects (${name})`).toBe(objects);
    expect(objects, `${name}: pages`).toBeLessThanOrEqual(2);
    await expect(page.locator("html")).not.toHaveAttribute("data-rc-printing", "");
  }
  expect(await page.evaluate(() => window.__printCalls)).toBe(cases.length);

  await print.click();
  // On paper: the partner's own content is gone, the results are there, the buttons are not.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { name: "Meetings this week" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Check in with yourself" })).toBeHidden();
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.locator(WIDGET)).toBeVisible();
  await expect(results(page).getByRole("heading", { level: 2 })).toBeVisible();
  await expect(results(page).locator("[data-part=safety]")).toBeVisible();
  await expect(results(page).locator("[data-part=band] .rc-band-name")).toBeVisible();
  await expect(results(page).getByRole("button", { name: "Print or save these results" })).toBeHidden();
  await expect(page.locator(`${WIDGET} [data-testid=help-toggle]`)).toBeHidden();

  // Back on screen the partner page is whole again, and after printing the marks go.
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("heading", { name: "Meetings this week" })).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect(page.locator("html")).not.toHaveAttribute("data-rc-printing", "");
  await expect(page.locator("[data-rc-print-path]")).toHaveCount(0);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { name: "Meetings this week" })).toBeVisible();
});
