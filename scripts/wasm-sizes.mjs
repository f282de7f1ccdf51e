// Where the wasm's bytes are: its sections, its code by crate (and by module of this crate), and
// its largest functions, each raw and gzip -9 on its own (a function's share of the gzipped
// file is smaller: gzip finds repeats across functions too).
//
//   node scripts/wasm-sizes.mjs [FILE] [TOP]
//
// FILE defaults to target/wasm-bindgen/release/recovery-checkin_bg.wasm: what wasm-bindgen wrote
// in the last release build (`trunk build --release`), before wasm-opt, with the function names
// still in it (the shipped file has none). wasm-opt makes the code smaller by about a tenth, much
// the same everywhere, so the ranking holds. TOP: how many functions (40 unless given).
// twiggy 0.7 cannot read this module (it stops on a duplicate item), hence this script.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const file = process.argv[2] ?? "target/wasm-bindgen/release/recovery-checkin_bg.wasm";
const top = Number(process.argv[3] ?? 40);
const bytes = readFileSync(file);
const gzip = (part) => gzipSync(part, { level: 9 }).length;

let at = 8; // after the magic number and the version
function leb() {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
}
const skip = (n) => (at += n);
const name = () => {
  const length = leb();
  const text = bytes.subarray(at, at + length).toString("utf8");
  skip(length);
  return text;
};
// A table's or a memory's limits: a flag, the minimum, and the maximum if the flag says so.
const limits = () => {
  const flags = leb();
  leb();
  if (flags & 1) leb();
};

const SECTIONS = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "data count"];
const sections = [];
let importedFunctions = 0;
const bodies = [];
const names = new Map();
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const start = at;
  let label = SECTIONS[id] ?? `section ${id}`;
  if (id === 0) label = `custom "${name()}"`;
  if (id === 2) {
    for (let n = leb(); n > 0; n--) {
      name();
      name();
      const kind = bytes[at++];
      if (kind === 0) {
        leb();
        importedFunctions++;
      } else if (kind === 1) {
        skip(1);
        limits();
      } else if (kind === 2) limits();
      else skip(2); // a global: its type and mutability
    }
  }
  if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const length = leb();
      bodies.push([at, length]);
      skip(length);
    }
  }
  if (label === 'custom "name"') {
    while (at < start + size) {
      const subsection = bytes[at++];
      const end = leb() + at;
      if (subsection === 1) {
        for (let n = leb(); n > 0; n--) {
          const index = leb();
          names.set(index, name());
        }
      }
      at = end;
    }
  }
  sections.push({ label, raw: size, gzip: gzip(bytes.subarray(start, start + size)) });
  at = start + size;
}

const row = (raw, gz, text) => console.log(`${String(raw).padStart(8)} ${String(gz).padStart(8)}  ${text}`);
console.log(`${file}: ${bytes.length} bytes, ${gzip(bytes)} gzip -9`);
console.log("\nsections (raw, gzip -9 alone)");
for (const s of sections) row(s.raw, s.gzip, s.label);
if (!names.size) console.log("\n(no function names in this file: give the one wasm-bindgen wrote, before wasm-opt)");

const functions = bodies.map(([start, length], i) => ({
  name: names.get(importedFunctions + i) ?? `function ${importedFunctions + i}`,
  raw: length,
  gzip: gzip(bytes.subarray(start, start + length)),
}));
// The crate a function belongs to: the first path in its name (`<a::B as c::D>::f` is a's, and
// `<u32 as c::D>::f` c's), and for this crate its module too. Hashes in brackets
// (`core[c5930c85a12de822]`) are left out.
function owner(full) {
  let path = full.replace(/\[[0-9a-f]+\]/g, "");
  const impl = path.match(/^_?<&?(?:mut )?(.+?) as (.+?)>::/);
  if (impl) path = impl[1].includes("::") ? impl[1] : impl[2];
  path = path.replace(/^[<_{&(\s]+/, "");
  const parts = path.split("::");
  if (parts.length < 2) return "(no crate path)";
  return parts[0] === "recovery_checkin" && parts.length > 2 ? `${parts[0]}::${parts[1]}` : parts[0];
}
const byOwner = new Map();
for (const f of functions) {
  const key = owner(f.name);
  const total = byOwner.get(key) ?? { raw: 0, gzip: 0, count: 0 };
  total.raw += f.raw;
  total.gzip += f.gzip;
  total.count++;
  byOwner.set(key, total);
}
console.log("\ncode by crate (raw, sum of each function's gzip -9 alone, functions)");
for (const [key, t] of [...byOwner].sort((a, b) => b[1].raw - a[1].raw).slice(0, 30)) row(t.raw, t.gzip, `${key} (${t.count})`);
console.log(`\nlargest ${top} functions (raw, gzip -9 alone)`);
for (const f of functions.sort((a, b) => b.raw - a.raw).slice(0, top)) row(f.raw, f.gzip, f.name.replace(/::h[0-9a-f]{16}$/, ""));
