// Sizes of the widget's files in dist/: raw, gzip -9 and brotli, one figure a line.
//
//   node scripts/size.mjs            prints the figures
//   node scripts/size.mjs --check    also fails when the gzip -9 total is over perf-budget.json
//
// What counts: every .wasm, .js and .css under dist/ except the demo partner page's own files
// (dist/demo/). Compression is zlib's gzip at level 9 and brotli at its highest quality.
// The catalogs of the languages other than English (locale-<tag>-<hash>.txt) are listed on
// their own lines and not counted: a widget fetches one only when it speaks that language, and
// then only that one.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, extname } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const ROOT = new URL("..", import.meta.url).pathname;
const DIST = join(ROOT, "dist");

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

export function widgetFiles(dist = DIST) {
  return [...walk(dist)]
    .filter((path) => [".wasm", ".js", ".css"].includes(extname(path)))
    .filter((path) => !relative(dist, path).startsWith("demo/"))
    .sort();
}

export function measure(dist = DIST) {
  const totals = { wasm: zero(), js: zero(), css: zero() };
  for (const path of widgetFiles(dist)) {
    const bytes = readFileSync(path);
    const kind = extname(path).slice(1);
    totals[kind].raw += bytes.length;
    totals[kind].gzip += gzipSync(bytes, { level: 9 }).length;
    totals[kind].brotli += brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length;
  }
  const all = zero();
  for (const t of Object.values(totals)) for (const k of Object.keys(all)) all[k] += t[k];
  return { ...totals, total: all };
}

function zero() {
  return { raw: 0, gzip: 0, brotli: 0 };
}

export function printSizes(sizes) {
  for (const [kind, t] of Object.entries(sizes)) {
    console.log(`size_${kind}_raw_bytes ${t.raw}`);
    console.log(`size_${kind}_gzip9_bytes ${t.gzip}`);
    console.log(`size_${kind}_brotli_bytes ${t.brotli}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = widgetFiles();
  if (!files.some((f) => f.endsWith(".wasm"))) {
    console.error("size: no .wasm in dist/; build the release widget first (trunk build --release)");
    process.exit(2);
  }
  const sizes = measure();
  printSizes(sizes);
  for (const path of [...walk(DIST)].filter((p) => /\/locale-.*\.txt$/.test(p)).sort()) {
    const tag = path.match(/locale-(.*)-[0-9a-f]{16}\.txt$/)[1];
    const bytes = readFileSync(path);
    console.log(`size_locale_${tag}_raw_bytes ${bytes.length}`);
    console.log(`size_locale_${tag}_gzip9_bytes ${gzipSync(bytes, { level: 9 }).length}`);
  }
  if (process.argv.includes("--check")) {
    const budget = JSON.parse(readFileSync(join(ROOT, "perf-budget.json"), "utf8")).gzip9_total_max_bytes;
    const used = sizes.total.gzip;
    if (used > budget) {
      console.error(`size budget: FAILED, ${used} bytes gzip -9 is over the budget of ${budget} (perf-budget.json)`);
      process.exit(1);
    }
    console.log(`size budget: ok, ${used} of ${budget} bytes gzip -9 (${((100 * used) / budget).toFixed(1)}%)`);
  }
}
