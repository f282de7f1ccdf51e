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
const wasm = fetch(at("__RC_WASM__"));
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
    .then((text) => glue.catalog_loaded(tag, text)));

class RecoveryCheckin extends HTMLElement {
  static observedAttributes = ["lang", "region", "namespace", "theme", "exit-url", "partner-name"];
  // The widget's number in the wasm; -1 while none runs.
  #id = -1;

  connectedCallback() {
    if (this.#id >= 0) return;
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [adopted];
    this.#id = glue.mount_widget(
      root,
      ...this.#options(),
      (type) => this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true })),
      catalog,
    );
  }

  disconnectedCallback() {
    // A widget moved elsewhere in the page is connected again at once and keeps running.
    queueMicrotask(() => {
      if (this.isConnected || this.#id < 0) return;
      glue.unmount_widget(this.#id);
      this.#id = -1;
    });
  }

  attributeChangedCallback() {
    if (this.#id >= 0) glue.update_widget(this.#id, ...this.#options());
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
