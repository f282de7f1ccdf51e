// How this project starts Chromium: headless, and with nothing that reaches for the network
// on its own (component updates, sync, background fetches), so every request a test sees is the page's.
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];
