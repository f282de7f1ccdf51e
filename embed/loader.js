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
// without the wasm: the way out of the fallback message.
function save(prefix) {
  const checkins = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key.startsWith(prefix + "checkin:")) continue;
      try {
        const { v, ...checkin } = JSON.parse(localStorage.getItem(key));
        // The schema versions this build reads (SCHEMA_VERSION, src/storage/schema.rs): a
        // check-in is the same in both; version 2 added a field to the settings only.
        if (v === 1 || v === 2) checkins.push(checkin);
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
    this.#id = call(() =>
      glue.mount_widget(
        root,
        ...this.#options(),
        (type) =>
          type === "exit" ? leave(root) : this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true })),
        catalog,
      ),
    );
    if (dead) fallback(root);
  }

  disconnectedCallback() {
    // A widget moved elsewhere in the page is connected again at once and keeps running.
    queueMicrotask(() => {
      if (this.isConnected) return;
      live.delete(this.shadowRoot);
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
// Defined once everything is in: the widgets on the page start at once, and until then the
// elements show whatever the partner put inside them (and :not(:defined) matches them).
ready.then(() => customElements.get("recovery-checkin") || customElements.define("recovery-checkin", RecoveryCheckin));

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
