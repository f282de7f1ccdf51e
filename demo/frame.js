// The partner's side of the iframe mode (docs/embedding.md gives this file): each Recovery
// Check-in frame is made as tall as its content, which it reports with postMessage. A file of
// its own, not an inline script, so that a strict Content-Security-Policy allows it.

// Where embed.html is served from: only its messages are listened to.
const WIDGET_ORIGIN = new URL("../embed.html", import.meta.url).origin;

window.addEventListener("message", (event) => {
  if (event.origin !== WIDGET_ORIGIN || event.data?.type !== "recovery-checkin:height") return;
  const height = Number(event.data.height);
  if (!Number.isFinite(height) || height < 0) return;
  for (const frame of document.querySelectorAll("iframe[data-recovery-checkin]")) {
    // Setting a style property (CSSOM) is allowed under style-src 'self'; a style attribute
    // written in the HTML would not be.
    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(height)}px`;
  }
});
