// Trunk post_build hook: minifies the wasm-bindgen JavaScript of a release build in Trunk's
// staging folder. Trunk 0.21 minifies CSS and HTML but leaves this file as wasm-bindgen wrote it;
// terser (pinned in package-lock.json, installed by scripts/setup.sh) takes it from about 7.0
// to 5.3 KB gzip -9. The file keeps the name Trunk gave it: that hash is of the unminified
// file, which stands for exactly one minified file, so it still changes when the content does.
// Trunk has already written the file's subresource-integrity hash into index.html; the hook
// puts the minified file's hash in its place, or the browser would refuse the file. Debug
// builds are left readable.
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";

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
  // An ES module: top-level names may be shortened, exports and the wasm import names stay.
  const out = await minify(source, { module: true, compress: true, mangle: true, format: { comments: false } });
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
