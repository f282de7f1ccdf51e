// End-to-end tests against the release build in dist/, in Debian's Chromium (never a downloaded one).
import { createServer } from "node:net";
import { defineConfig } from "@playwright/test";
import { chromiumArgs } from "./tests/e2e/chromium.mjs";

// A free loopback port unless E2E_PORT names one, so a server left running elsewhere on the
// machine (a demo on 8080, another checkout's tests) cannot make the suite fail.
async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

const port = Number(process.env.E2E_PORT ?? (await freePort()));
process.env.E2E_PORT = String(port); // workers re-read this config: keep them on the same port

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "*.spec.mjs",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  // Each test waits on what it expects to see, never on a clock; this limit only stops a hung
  // test. The longest (a whole check-in with an axe scan on every kind of screen) takes about
  // 25 s on this 2-core machine when idle and went past 30 s with another build running.
  timeout: 90_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: chromiumArgs,
    },
  },
  webServer: {
    command: `node scripts/serve.mjs dist`,
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: "ignore",
  },
});
