// The iframe mode: embed.html?region=GB&namespace=clinic-a&theme=dark (docs/embedding.md).
// The URL's parameters are the widget's options; the page tells its parent how tall it is,
// and nothing else, whenever that changes.
import { mount } from "./recovery-checkin.js";

const page = new CSSStyleSheet();
page.replaceSync("html,body{margin:0;padding:0;background:transparent}");
document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];

mount(document.body, Object.fromEntries(new URLSearchParams(location.search)));

if (parent !== window) {
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    parent.postMessage({ type: "recovery-checkin:height", height }, "*");
  }).observe(document.documentElement);
}
