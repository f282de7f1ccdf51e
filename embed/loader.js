// Recovery Check-in: the one script a partner page includes (docs/embedding.md).
//
// It defines the <recovery-checkin> element and exports mount(element, options). Reading and
// checking the options, and the widget itself, are in the wasm (src/web/element.rs). This file
// has a stable name and is cached briefly; scripts/post-build.mjs writes it into dist/ with
// the content-hashed names of the files it loads, which may be cached for a year.
//
// No line of this file may start with // unless the whole line is a comment: post-build drops
// comment lines and indentation.

// All three downloads start at once; the files are found next to this one.
const at = (file) => new URL(file, import.meta.url);
const wasmUrl = at("__RC_WASM__").href;
const wasm = fetch(wasmUrl);
let glue;
let adopted;
const ready = Promise.all([
  import(at("__RC_JS__")).then(async (module) => {
    await module.default({ module_or_path: wasm });
    glue = module;
  }),
  fetch(at("__RC_CSS__"))
    .then((response) => response.text())
    .then((css) => {
      // A constructable stylesheet: shared by every widget's shadow root, allowed by a strict
      // style-src, and in place before the first render.
      adopted = new CSSStyleSheet();
      adopted.replaceSync(css);
    }),
]);
// A widget reads the browser's storage as it starts, and the first read of a page loads all of
// it (2 to 3 ms here): done now, while the files above are on their way, it is not on the way to
// the first screen. Nothing is read or written but the number of keys.
setTimeout(() => {
  try {
    localStorage.length;
  } catch {}
});
// Trusted Types: on a page whose policy requires them (require-trusted-types-for 'script'),
// the widget writes markup only through this policy, which the page allows by its name
// (trusted-types recovery-checkin, docs/embedding.md). The wasm makes that markup from escaped
// text alone (src/web/markup.rs), so the policy passes it on as it is. Where the page requires
// Trusted Types and does not allow this policy, the widget does not start, and says why.
let policy;
try {
  policy = trustedTypes.createPolicy("recovery-checkin", { createHTML: (html) => html });
} catch {}
const html = (element, markup) => (element.innerHTML = policy ? policy.createHTML(markup) : markup);
const refused = () => {
  try {
    html(document.createElement("template"), "");
  } catch {
    console.error("recovery-checkin: this page requires Trusted Types; allow the widget's policy with trusted-types recovery-checkin (docs/embedding.md)");
    return true;
  }
};
// Resources given to mount() as a value, by widget (a <script> child is read otherwise).
const given = new WeakMap();
// Every language but English is a file of its own (content-hashed, next to this one), fetched
// once, when a widget asks for it (the wasm decides which language a widget speaks), and handed
// to the wasm as text; an empty text when it cannot be had, and the widget speaks English.
const catalogs = "__RC_LOCALES__";
const fetched = {};
const catalog = (tag) =>
  (fetched[tag] ??= fetch(at(catalogs[tag]))
    .then((response) => (response.ok ? response.text() : ""))
    .catch(() => "")
    .then((text) => call(() => glue.catalog_loaded(tag, text))));
// The widgets on the page, and whether the wasm stopped. A Rust panic ends the wasm for good
// (panic = "abort": a WebAssembly trap, which JavaScript sees as a WebAssembly.RuntimeError, or
// an error thrown out of a call into it): every widget then shows the calm message the wasm
// wrote into its shadow root beforehand (src/web/element.rs, fallback_markup), never a blank box.
const live = new Set();
let dead = false;
function stop() {
  if (dead) return;
  dead = true;
  for (const root of live) fallback(root);
}
// The calm message in place of the widget, once the wasm has stopped, from the <template> the
// wasm keeps it in; or, where the wasm wrote none, whatever the partner put inside the element.
function fallback(root) {
  const template = root.querySelector("template");
  if (!template) return root.querySelector(".rc-fallback") || root.replaceChildren(document.createElement("slot"));
  const message = template.content.firstElementChild;
  root.replaceChildren(message);
  message.querySelector("button").onclick = () => save(template.dataset.ns);
}
// A trap in an event handler or a scheduled render reaches the window, not the caller. One
// whose stack names another WebAssembly file is the page's own (Safari names none).
const trap = (error) =>
  error instanceof WebAssembly.RuntimeError && (!/\.wasm\b/.test(error.stack) || error.stack.includes(wasmUrl)) && stop();
addEventListener("error", (event) => trap(event.error));
addEventListener("unhandledrejection", (event) => trap(event.reason));
// Calls into the wasm, none once it stopped.
function call(run) {
  if (dead) return -1;
  try {
    return run();
  } catch {
    stop();
    return -1;
  }
}

// The export file of docs/storage.md, section 6, written from this namespace's check-ins
// without the wasm: the way out of the fallback message. Read through the namespace's vault, as
// the widget read them: while its lock is open, the check-ins under it are there, decrypted.
function save(prefix) {
  const checkins = [];
  try {
    const store = vaults[prefix] ?? localStorage;
    const count = store.length;
    for (let i = 0; i < count; i++) {
      const key = store.key(i);
      if (!key?.startsWith(prefix + "checkin:")) continue;
      try {
        const { v, ...checkin } = JSON.parse(store.getItem(key));
        // Plain check-ins of storage schema 1 and 2; an encrypted one ("v":3: the lock is
        // closed) stays out.
        if (v > 0 && v < 3) checkins.push(checkin);
      } catch {}
    }
  } catch {}
  checkins.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
  const now = Date.now();
  // The same fields as the widget's own export, on one line.
  const text = JSON.stringify({ format: "recovery-checkin-export", version: 1, exported_at: now, checkins });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  link.download = `recovery-checkins-${new Date(now).toISOString().slice(0, 10)}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1e4);
}

// Quick exit: the page is hidden at once, then replaced by the exit URL (read from the widget's
// own link, data-exit, which the wasm wrote from the checked exit-url option) with
// location.replace, so Back does not come here. The top window is left, not only a frame: a
// frame of another site may do that after a click. Where the browser refuses, the frame goes.
function leave(root) {
  document.documentElement.style.setProperty("visibility", "hidden", "important");
  const url = root.querySelector("[data-exit]")?.href ?? "about:blank";
  try {
    top.location.replace(url);
  } catch {}
  if (top !== self) setTimeout(() => location.replace(url), 500);
}

// The lock on saved check-ins (docs/privacy.md, docs/storage.md): all of it is here, in
// WebCrypto, so that the WebAssembly carries no cryptography and neither the passphrase nor a
// key ever enters its memory. One vault per namespace (its key prefix), shared by the widgets
// of that namespace, which read and write it as they would localStorage (the same methods).
// While no lock record is stored, it is localStorage. While one is and the lock is open, the
// values under the lock (the check-in in progress, each check-in, and their aside copies) are
// served from memory, decrypted at unlock; each write changes memory at once and is encrypted
// (AES-GCM-256, a fresh 12-byte nonce) and stored behind the writes before it. While it is
// closed, they are the envelopes as stored, which the wasm leaves alone ("alg").
const b64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const bytes = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const utf8 = (text) => new TextEncoder().encode(text);
const CHECK = "recovery-checkin lock";
const IDLE = 9e5;
const vaults = {};
const isEnvelope = (text) => {
  try {
    return !!JSON.parse(text).alg;
  } catch {}
};
// A key from a passphrase: PBKDF2-HMAC-SHA256 over the salt, non-extractable, with the salt
// and iteration count the envelopes name.
async function derive(pass, salt = b64(crypto.getRandomValues(new Uint8Array(16))), iterations = 6e5) {
  if (!(iterations >= 6e5 && iterations <= 1e7)) throw 0;
  const base = await crypto.subtle.importKey("raw", utf8(pass), "PBKDF2", false, ["deriveKey"]);
  const params = { name: "PBKDF2", hash: "SHA-256", salt: bytes(salt), iterations };
  const key = await crypto.subtle.deriveKey(params, base, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
  return { key, salt, iterations };
}
async function seal(text, { key, salt, iterations }) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = b64(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, utf8(text)));
  return JSON.stringify({ v: 3, alg: "pbkdf2-sha256+aes-256-gcm", salt, iterations, nonce: b64(iv), ciphertext });
}
async function unseal(text, { key }) {
  const { nonce, ciphertext } = JSON.parse(text);
  return new TextDecoder().decode(await crypto.subtle.decrypt({ name: "AES-GCM", iv: bytes(nonce) }, key, bytes(ciphertext)));
}
// The vault of namespace `ns`. A change of passphrase cut off last time is settled first: its
// copies (`next:<what>`) and new record (`lock-next`) are written before anything else changes,
// and the switch is the one write of `lock-next`'s value to `lock`. So if `lock` and `lock-next`
// hold the same record, the switch was made: each copy still there replaces its value. If not,
// the old passphrase still holds: the copies go.
function vault(ns) {
  if (vaults[ns]) return vaults[ns];
  const ls = localStorage;
  const record = ns + "lock";
  const staged = ns + "lock-next";
  const all = () => Array.from({ length: ls.length }, (_, i) => ls.key(i));
  const settle = () => {
    const next = ls.getItem(staged);
    if (next == null) return;
    const switched = next === ls.getItem(record);
    for (const k of all())
      if (k.startsWith(ns + "next:")) {
        if (switched) ls.setItem(ns + k.slice(ns.length + 5), ls.getItem(k));
        ls.removeItem(k);
      }
    ls.removeItem(staged);
  };
  settle();
  const mine = (k) => k.startsWith(ns) && /^(aside:)?(draft(:|$)|checkin:)/.test(k.slice(ns.length));
  const on = () => ls.getItem(record) != null;
  let plain = null;
  let held = null;
  let chain = Promise.resolve();
  let timer;
  let touched;
  let listed = [];
  const serial = (task) => {
    const done = chain.then(task);
    chain = done.catch(() => {});
    return done;
  };
  const write = (k, text) => serial(async () => ls.setItem(k, await seal(text, held))).catch(() => tell(ns, "write_failed"));
  // Stores every value of `values` (key to text) that is not an envelope yet, encrypted.
  const sealAll = async (values, key) => {
    for (const [k, text] of values) isEnvelope(text) || ls.setItem(k, await seal(text, key));
  };
  const sync = () => plain && !on() && close(true);
  const close = (quiet) => {
    if (!plain) return;
    plain = null;
    clearTimeout(timer);
    serial(() => plain || (held = null));
    quiet || tell(ns, "restart_widget");
  };
  const idle = () => (timer = setTimeout(() => (Date.now() - touched < IDLE ? idle() : close()), touched + IDLE - Date.now()));
  const open = (values, key) => {
    held = key;
    plain = values;
    touched = Date.now();
    idle();
  };
  const take = (form, fresh) => {
    const { p, c } = form.elements;
    const pass = p.value;
    const code = fresh && (pass.length < 8 ? 1 : c.value !== pass && 2);
    form.reset();
    code && p.focus();
    return [pass, code];
  };
  const list = () => {
    sync();
    const keys = all().filter((k) => !plain || !mine(k));
    return (listed = plain ? [...keys, ...plain.keys()] : keys);
  };
  const ops = {
    state: () => (sync(), on() ? (plain ? 2 : 1) : 0),
    now: () => close(),
    touch: () => (touched = Date.now()),
    async unlock(form) {
      const [pass] = take(form);
      try {
        const text = ls.getItem(record);
        const { salt, iterations } = JSON.parse(text);
        const key = await derive(pass, salt, iterations);
        if ((await unseal(text, key)) !== CHECK) throw 0;
        await serial(async () => {
          if (plain) return;
          const values = new Map();
          const found = [];
          for (const k of all().filter(mine)) {
            const text = ls.getItem(k);
            let value = text;
            if (!isEnvelope(text)) found.push(k);
            else
              try {
                value = await unseal(text, key);
              } catch {}
            values.set(k, value);
          }
          open(values, key);
          for (const k of found) write(k, values.get(k));
        });
        tell(ns, "restart_widget");
        return 0;
      } catch {
        form.elements.p.focus();
        return 3;
      }
    },
    async set(form) {
      const [pass, code] = take(form, true);
      if (code) return code;
      const key = await derive(pass);
      const check = await seal(CHECK, key);
      return serial(async () => {
        if (!on()) {
          const values = new Map(all().filter(mine).map((k) => [k, ls.getItem(k)]));
          ls.setItem(record, check);
          open(values, key);
          await sealAll(values, key);
          return 0;
        }
        if (!plain) return 4;
        try {
          ls.setItem(staged, check);
          const copies = [];
          for (const [k, text] of plain)
            if (!isEnvelope(text)) {
              const copy = ns + "next:" + k.slice(ns.length);
              ls.setItem(copy, await seal(text, key));
              copies.push([copy, text]);
            }
          if ((await unseal(ls.getItem(staged), key)) !== CHECK) throw 0;
          for (const [copy, text] of copies) if ((await unseal(ls.getItem(copy), key)) !== text) throw 0;
          ls.setItem(record, check);
          held = key;
        } catch {}
        settle();
        return held === key ? 0 : 4;
      });
    },
    remove: () =>
      serial(async () => {
        try {
          for (const [k, text] of plain) ls.setItem(k, text);
          ls.removeItem(record);
          close(true);
          return 0;
        } catch {
          await sealAll(plain, held);
          return 4;
        }
      }),
  };
  return (vaults[ns] = {
    ops,
    get length() {
      return list().length;
    },
    key: (i) => listed[i] ?? null,
    getItem: (k) => (sync(), plain && mine(k) ? (plain.get(k) ?? null) : ls.getItem(k)),
    setItem(k, text) {
      if (!mine(k) || !on()) return ls.setItem(k, text);
      if (!plain) throw Error("locked");
      plain.set(k, text);
      write(k, text);
    },
    removeItem(k) {
      plain?.delete(k);
      ls.removeItem(k);
      if (mine(k)) serial(() => ls.removeItem(k));
    },
  });
}
// Tells every widget of namespace `ns` (the wasm's restart_widget or write_failed), once the
// call into the wasm that led here has returned.
const widgets = new Set();
const tell = (ns, what) =>
  queueMicrotask(() => {
    for (const widget of widgets) widget.ns === ns && call(() => glue[what](widget.id));
  });

class RecoveryCheckin extends HTMLElement {
  static observedAttributes = ["lang", "region", "namespace", "theme", "exit-url", "partner-name"];
  // The widget's number in the wasm; -1 while none runs.
  #id = -1;
  // When Shift was last pressed, for quick exit: three times within five seconds.
  #shifts = [];
  #keys = (event) => {
    if (event.key !== "Shift") return (this.#shifts = []);
    if (event.repeat) return;
    this.#shifts = [...this.#shifts.filter((t) => event.timeStamp - t < 5000), event.timeStamp];
    if (this.#shifts.length < 3) return;
    this.#shifts = [];
    this.#exit();
  };
  // The link for assistive technology (data-exit), in the widget and in the fallback message.
  #clicks = (event) => {
    if (!event.target.closest("[data-exit]")) return;
    event.preventDefault();
    this.#exit();
  };

  // This widget's number and namespace, for the vault to reach it.
  #entry = { id: -1 };
  // The person is using the widget: the lock's idle timer starts again.
  #touch = () => vaults[this.#entry.ns]?.ops.touch();

  // Through the widget's own button, as a click would (it deletes what the person asked to have
  // deleted); straight out if the widget has stopped.
  #exit() {
    const button = this.shadowRoot.querySelector("[data-testid=quick-exit]");
    button && !dead ? button.click() : leave(this.shadowRoot);
  }

  connectedCallback() {
    if (this.#id >= 0) return;
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [adopted];
    live.add(root);
    root.addEventListener("click", this.#clicks);
    addEventListener("keydown", this.#keys, true);
    for (const type of ["pointerdown", "keydown", "input"]) root.addEventListener(type, this.#touch);
    const entry = this.#entry;
    widgets.add(entry);
    entry.id = this.#id = call(() =>
      glue.mount_widget(
        root,
        ...this.#options(),
        (type) =>
          type === "exit"
            ? (vaults[entry.ns]?.ops.now(), leave(root))
            : this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true })),
        catalog,
        // Where the widget keeps its values: the vault of its namespace (localStorage where
        // there is no WebCrypto: not a secure context), or null where storage is refused.
        (ns) => {
          entry.ns = ns;
          try {
            return crypto.subtle ? vault(ns) : localStorage;
          } catch {
            return null;
          }
        },
        // The lock's operations (the vault's ops above); none without WebCrypto.
        crypto.subtle && ((op, form) => vaults[entry.ns]?.ops[op](form)),
        html,
      ),
    );
    if (dead) fallback(root);
  }

  disconnectedCallback() {
    // A widget moved elsewhere in the page is connected again at once and keeps running.
    queueMicrotask(() => {
      if (this.isConnected) return;
      live.delete(this.shadowRoot);
      widgets.delete(this.#entry);
      removeEventListener("keydown", this.#keys, true);
      if (this.#id < 0) return;
      call(() => glue.unmount_widget(this.#id));
      this.#id = -1;
    });
  }

  attributeChangedCallback() {
    if (this.#id >= 0) call(() => glue.update_widget(this.#id, ...this.#options()));
  }

  // Every attribute, as a JSON list of name, value, name, value..., the resources JSON text,
  // and the browser's languages in the person's order.
  #options() {
    const data = this.querySelector(":scope > script[type='application/json']");
    const attributes = this.getAttributeNames().flatMap((name) => [name, this.getAttribute(name)]);
    return [JSON.stringify(attributes), given.get(this) ?? data?.textContent, navigator.languages.join()];
  }
}

// Rules for the partner's page (styles/page.css): print rules, inert until a widget prints.
const page = new CSSStyleSheet();
page.replaceSync("__RC_PAGE_CSS__");
document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];
// Defined once everything is in, where the page takes the widget's markup: the widgets on the
// page start at once, and until then the elements show whatever the partner put inside them
// (and :not(:defined) matches them).
ready.then(() => customElements.get("recovery-checkin") || refused() || customElements.define("recovery-checkin", RecoveryCheckin));

// Adds a widget at the end of `element`, configured by `options`: the attributes' names
// (or camelCase: partnerName), and `resources` as a list or as JSON text. Returns a handle
// whose destroy() removes the widget and everything it added.
export function mount(element, options = {}) {
  const widget = document.createElement("recovery-checkin");
  for (const [key, value] of Object.entries(options)) {
    if (key === "resources") {
      given.set(widget, typeof value === "string" ? value : JSON.stringify(value));
      continue;
    }
    try {
      widget.setAttribute(key.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase()), value);
    } catch {
      console.warn(`recovery-checkin: option "${key}" is not an attribute name; ignored`);
    }
  }
  element.append(widget);
  return { element: widget, destroy: () => widget.remove() };
}
