// Trunk post_build hook: minifies the wasm-bindgen JavaScript of a release build in Trunk's
// staging folder. Trunk 0.21 minifies CSS and HTML but leaves this file as wasm-bindgen wrote it;
// terser (pinned in package-lock.json, installed by scripts/setup.sh) takes it from about 7.0
// to 5.3 KB gzip -9; before that, scripts/short-names.mjs shortens the names that join it to
// its wasm, in both files. Each file keeps the name Trunk gave it: that hash is of the
// unminified file, which stands for exactly one minified file, so it still changes when the
// content does. Trunk has already written the file's subresource-integrity hash into
// index.html; the hook puts the new file's hash in its place, or the browser would refuse the
// file. Debug builds are left readable.
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";
import { shortenNames } from "./short-names.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("minify-js: TRUNK_STAGING_DIR is not set; run me as a Trunk hook");
  process.exit(1);
}
// Not process.exit(0) for a debug build: scripts/post-build.mjs imports this file, and exiting
// would end its process before it writes the loader.
const release = process.env.TRUNK_PROFILE === "release";

const sri = (text) => `sha384-${createHash("sha384").update(text).digest("base64")}`;
const htmlPath = join(dir, "index.html");
let html = await readFile(htmlPath, "utf8");

for (const name of await readdir(dir)) {
  if (!release || !name.endsWith(".js")) continue;
  const path = join(dir, name);
  const source = await readFile(path, "utf8");
  // The glue and its wasm first get short names for what joins them (scripts/short-names.mjs).
  let code = source;
  const wasmPath = join(dir, name.replace(/\.js$/, "_bg.wasm"));
  const wasm = await readFile(wasmPath).catch(() => null);
  if (wasm) {
    const shorter = shortenNames(new Uint8Array(wasm), source);
    code = shorter.js;
    await writeFile(wasmPath, shorter.wasm);
    // Only the default export starts the widget (embed/loader.js); `initSync`, for pages that
    // load this file themselves, goes, and terser drops what only it used.
    code = code.replace("export { initSync, __wbg_init as default };", "export { __wbg_init as default };");
    if (html.includes(sri(wasm))) html = html.split(sri(wasm)).join(sri(shorter.wasm));
    console.error(`minify-js: ${name} and its wasm: ${wasm.length} -> ${shorter.wasm.length} wasm bytes`);
  }
  // An ES module: top-level names may be shortened, exports and the import object's keys stay.
  // The imports (now keys of one or two letters) become methods, `a(n){...}` for
  // `a:function(n){...}`: the wasm only ever calls them, never with `new`.
  const compress = { ecma: 2015, unsafe_methods: /^[a-zA-Z]{1,2}$/ };
  const out = await minify(code, { module: true, compress, mangle: true, format: { comments: false } });
  if (typeof out.code !== "string" || out.code.length === 0) {
    console.error(`minify-js: terser gave nothing for ${name}`);
    process.exit(1);
  }
  await writeFile(path, out.code);
  const before = sri(source);
  if (html.includes(before)) html = html.split(before).join(sri(out.code));
  console.error(`minify-js: ${name} ${source.length} -> ${out.code.length} bytes`);
}
await writeFile(htmlPath, html);
