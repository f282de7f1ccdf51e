// Gives the names that join the wasm and its wasm-bindgen JS one- or two-letter names, in both
// files at once (release builds; run by scripts/minify-js.mjs before terser).
//
// wasm-bindgen names each import after the function and a 16-hex-digit hash
// (`__wbg_addEventListener_847fd86b8c33ec43`), its import module after the file
// (`./recovery-checkin_bg.js`, repeated for every import), and some exports after a hash too.
// Each name is written twice, in the wasm's import or export section and in the JS, and the
// hashes do not compress: shortening them takes about 4 KB off the gzipped files. Nothing
// outside these two files sees the names; the functions the JS exports keep theirs.
//
// A name is only renamed where the JS uses it in the one way this understands (an import: one
// `name:` key; an export: only ever `.name`); anything else keeps its name, so a change in
// wasm-bindgen's output costs bytes, never a broken build.

/** The wasm binary and the JS with shorter names; `wasm` is a Uint8Array, `js` a string. */
export function shortenNames(wasm, js) {
  const sections = readSections(wasm);
  const importSection = sections.find((s) => s.id === 2);
  const exportSection = sections.find((s) => s.id === 7);
  if (!importSection || !exportSection) return { wasm, js };
  const ident = (name) => new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`, "g");
  const names = shortNames();

  // Imports: one module, and each field a key of that module's object in the JS.
  const imports = readImports(importSection.body);
  const modules = new Set(imports.map((i) => i.module));
  const moduleKey = (name) => `${JSON.stringify(name)}:`;
  let module = null;
  if (modules.size === 1) {
    const [only] = modules;
    if (js.split(moduleKey(only)).length === 2) {
      module = "a";
      js = js.replace(moduleKey(only), `${module}:`);
    }
  }
  for (const entry of imports) {
    if (module !== null) entry.module = module;
    const key = new RegExp(`(?<![\\w$])${escape(entry.field)}:`);
    if (js.match(ident(entry.field))?.length === 1 && key.test(js)) {
      const short = names.next().value;
      js = js.replace(key, `${short}:`);
      entry.field = short;
    }
  }

  // Exports: wasm-bindgen's own (a `__` in the name) and the memory, renamed where the JS reads
  // them as properties (`wasm.name`); a local function of the same name is terser's to shorten.
  // Never when the name is also written as a string.
  const exportNames = shortNames();
  // An export the JS never names (`main`, `__abort_handler`...) is read by nothing: it goes.
  const exports = readExports(exportSection.body).filter((entry) => ident(entry.name).test(js));
  for (const entry of exports) {
    const dotted = new RegExp(`\\.${escape(entry.name)}(?![\\w$])`, "g");
    const ours = entry.name.includes("__") || entry.name === "memory";
    if (!ours || !dotted.test(js) || /["'`]/.test(quotedAround(js, entry.name))) continue;
    let short = exportNames.next().value;
    while (exports.some((e) => e.name === short)) short = exportNames.next().value;
    js = js.replace(dotted, `.${short}`);
    entry.name = short;
  }

  importSection.body = writeImports(imports);
  exportSection.body = writeExports(exports);
  return { wasm: writeSections(wasm.subarray(0, 8), sections), js };
}

/** The characters just before and after each whole-word use of `name`. */
function quotedAround(js, name) {
  let around = "";
  for (const m of js.matchAll(new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`, "g"))) {
    around += js[m.index - 1] ?? "";
    around += js[m.index + name.length] ?? "";
  }
  return around;
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** a, b, ... z, A ... Z, then two letters. */
function* shortNames() {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (const a of letters) yield a;
  for (const a of letters) for (const b of letters) yield a + b;
  throw new Error("short-names: more than 2,756 names");
}

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [utf8.decode(bytes.subarray(start, start + length)), start + length];
}

function name(text) {
  const bytes = encoder.encode(text);
  return [...leb(bytes.length), ...bytes];
}

function readSections(wasm) {
  const sections = [];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    sections.push({ id, body: wasm.subarray(start, start + size) });
    at = start + size;
  }
  return sections;
}

function writeSections(header, sections) {
  const parts = [header];
  for (const { id, body } of sections) parts.push(Uint8Array.from([id, ...leb(body.length)]), body);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Each import's module and field, and its description kept as bytes. */
function readImports(body) {
  let [count, at] = readLeb(body, 0);
  const imports = [];
  while (count-- > 0) {
    let module, field;
    [module, at] = readName(body, at);
    [field, at] = readName(body, at);
    const start = at;
    const kind = body[at++];
    const limits = () => {
      let flags;
      [flags, at] = readLeb(body, at);
      [, at] = readLeb(body, at);
      if (flags & 1) [, at] = readLeb(body, at);
    };
    if (kind === 0) [, at] = readLeb(body, at);
    else if (kind === 1) {
      at += 1;
      limits();
    } else if (kind === 2) limits();
    else if (kind === 3) at += 2;
    else if (kind === 4) [, at] = readLeb(body, at + 1);
    else throw new Error(`short-names: unknown import kind ${kind}`);
    imports.push({ module, field, desc: body.subarray(start, at) });
  }
  return imports;
}

function writeImports(imports) {
  const out = [...leb(imports.length)];
  for (const { module, field, desc } of imports) out.push(...name(module), ...name(field), ...desc);
  return Uint8Array.from(out);
}

function readExports(body) {
  let [count, at] = readLeb(body, 0);
  const exports = [];
  while (count-- > 0) {
    let exportName;
    [exportName, at] = readName(body, at);
    const start = at;
    [, at] = readLeb(body, at + 1);
    exports.push({ name: exportName, desc: body.subarray(start, at) });
  }
  return exports;
}

function writeExports(exports) {
  const out = [...leb(exports.length)];
  for (const { name: exportName, desc } of exports) out.push(...name(exportName), ...desc);
  return Uint8Array.from(out);
}
