// Trunk's post_build hook (Trunk.toml): writes the widget's loader and its iframe page into the
// build, and takes the widget's stylesheet out of the demo page.
//
// Trunk builds the wasm, its wasm-bindgen JS and the CSS with a content hash in their names
// (cache them for a year). This adds, with stable names (cache them briefly):
//
//   recovery-checkin.js   embed/loader.js with those hashed names and styles/page.css filled in:
//                         the one script partners include
//   embed.html, embed.js  the iframe mode (embed/)
//
// and, with content-hashed names, the texts of every language but English (compiled into the
// wasm) and of the pseudo-locales: locale-<tag>-<hash>.txt, made by build.rs from
// content/locales/*.toml into Cargo's OUT_DIR, fetched by the loader when a widget needs one.
//
// The widget's CSS belongs in its shadow root, where the loader adopts it; Trunk also links it
// from the demo page's <head>, and that link goes. Comment lines and indentation of the JS go
// too (hand-written files, written so that this is safe: see embed/loader.js).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const ROOT = new URL("..", import.meta.url).pathname;
const STAGING = process.env.TRUNK_STAGING_DIR;
if (!STAGING) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; this runs as Trunk's post_build hook");
  process.exit(2);
}

// First the wasm-bindgen JS is minified (release builds), in this same process: Trunk starts the
// hooks of one stage side by side, and both rewrite files in the staging folder.
await import("./minify-js.mjs");

// Trunk writes its content hash in hex without leading zeros (15 digits one build in 16): the
// names get the zeros back, so every hashed name has the 16 digits that the rules for caching
// them (scripts/serve.mjs, docs/embedding.md) look for. Only the loader names these files, and
// the demo page's link to the CSS, which goes below.
const pagePath = join(STAGING, "index.html");
for (const name of readdirSync(STAGING)) {
  const short = /^(recovery-checkin|widget)-([0-9a-f]{1,15})((?:_bg)?\.(?:js|wasm|css))$/.exec(name);
  if (!short) continue;
  const padded = `${short[1]}-${short[2].padStart(16, "0")}${short[3]}`;
  renameSync(join(STAGING, name), join(STAGING, padded));
  writeFileSync(pagePath, readFileSync(pagePath, "utf8").split(name).join(padded));
}

const built = readdirSync(STAGING);
function one(pattern, what) {
  const found = built.filter((name) => pattern.test(name));
  if (found.length !== 1) {
    console.error(`post-build: expected one ${what} in ${STAGING}, found ${found.length}: ${found.join(", ")}`);
    process.exit(1);
  }
  return found[0];
}
const files = {
  __RC_JS__: one(/^recovery-checkin-[0-9a-f]{16}\.js$/, "wasm-bindgen JS"),
  __RC_WASM__: one(/^recovery-checkin-[0-9a-f]{16}_bg\.wasm$/, "wasm"),
  __RC_CSS__: one(/^widget-[0-9a-f]{16}\.css$/, "widget CSS"),
};

// The catalog files build.rs wrote for the wasm just built: in its OUT_DIR, found from the
// dep-info file Cargo writes beside the wasm (it names the catalog.rs the wasm included), or, if
// that is missing, the build script's newest output for this target and profile. A file for
// other keys would not be a problem the person sees (the wasm checks each file's fingerprint of
// the keys and speaks English), and the end-to-end tests would fail.
function catalogDir() {
  const metadata = JSON.parse(
    execFileSync("cargo", ["metadata", "--format-version", "1", "--no-deps", "--offline"], { cwd: ROOT, encoding: "utf8" }),
  );
  const profile = process.env.TRUNK_PROFILE === "debug" ? "debug" : "release";
  const built = join(metadata.target_directory, "wasm32-unknown-unknown", profile);
  const depInfo = join(built, "recovery-checkin.d");
  if (existsSync(depInfo)) {
    const found = readFileSync(depInfo, "utf8").match(/(\S*\/out)\/catalog\.rs/);
    if (found && existsSync(join(found[1], "locales"))) return join(found[1], "locales");
  }
  const candidates = readdirSync(join(built, "build"))
    .filter((name) => name.startsWith("recovery-checkin-"))
    .map((name) => join(built, "build", name, "out", "locales"))
    .filter((dir) => existsSync(dir))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!candidates.length) {
    console.error(`post-build: no catalog files (out/locales) under ${built}/build`);
    process.exit(1);
  }
  return candidates[0];
}
const locales = {};
const catalogs = catalogDir();
for (const file of readdirSync(catalogs).filter((name) => name.endsWith(".txt")).sort()) {
  const bytes = readFileSync(join(catalogs, file));
  const tag = file.slice(0, -".txt".length);
  const name = `locale-${tag}-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.txt`;
  writeFileSync(join(STAGING, name), bytes);
  locales[tag] = name;
}

/** Hand-written JS without its comment lines, indentation and empty lines. */
export function compactJs(source) {
  return source
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("//"))
    .join("\n")
    .concat("\n");
}

/** CSS without comments and with runs of white space made one space. */
export function compactCss(source) {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};])\s*/g, "$1")
    .trim();
}

const source = (path) => readFileSync(join(ROOT, path), "utf8");

let loader = compactJs(source("embed/loader.js"));
for (const [placeholder, name] of Object.entries(files)) loader = loader.replace(`"${placeholder}"`, JSON.stringify(name));
loader = loader.replace('"__RC_PAGE_CSS__"', JSON.stringify(compactCss(source("styles/page.css"))));
loader = loader.replace('"__RC_LOCALES__"', JSON.stringify(locales));
if (loader.includes("__RC_")) {
  console.error("post-build: a placeholder of embed/loader.js was left unfilled");
  process.exit(1);
}
// Release builds: terser as for the glue (local names shortened, exports kept), about 200
// bytes gzip less than the compacted text.
async function shipped(code) {
  if (process.env.TRUNK_PROFILE !== "release") return code;
  const out = await minify(code, { module: true, compress: true, mangle: true, format: { comments: false } });
  if (typeof out.code !== "string" || out.code.length === 0) {
    console.error("post-build: terser gave nothing for the loader");
    process.exit(1);
  }
  return out.code;
}
writeFileSync(join(STAGING, "recovery-checkin.js"), await shipped(loader));
writeFileSync(join(STAGING, "embed.js"), await shipped(compactJs(source("embed/embed.js"))));
copyFileSync(join(ROOT, "embed/embed.html"), join(STAGING, "embed.html"));

// The demo page: no link to the widget's CSS in the page (it is the shadow root's), and not the
// <link data-trunk rel="rust"> Trunk leaves when it injects no script.
const page = join(STAGING, "index.html");
const html = readFileSync(page, "utf8");
const css = new RegExp(`<link[^>]*href="?[^"> ]*${files.__RC_CSS__.replace(".", "\\.")}"?[^>]*>`);
if (!css.test(html)) {
  console.error(`post-build: no link to ${files.__RC_CSS__} found in index.html to take out`);
  process.exit(1);
}
writeFileSync(page, html.replace(css, "").replace(/<link[^>]*\brel="?rust\b[^>]*>/, ""));
console.error(
  `post-build: wrote recovery-checkin.js (loads ${Object.values(files).join(", ")}; on demand ${Object.values(locales).join(", ")} from ${catalogs}), embed.html, embed.js`,
);
