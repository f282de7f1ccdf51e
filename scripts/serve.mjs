// A small static file server for the built widget and its demo pages, with no dependencies.
//
//   node scripts/serve.mjs [DIR]        serves DIR (default: dist) on 127.0.0.1:$PORT (default 8080)
//
// It serves only files under DIR, with the right MIME type for .wasm (browsers refuse to stream-
// compile wasm served as anything else), and only on the loopback address.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

export function startServer({ root = "dist", port = 8080, host = "127.0.0.1" } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? "/", "http://localhost");
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (path !== base && !path.startsWith(base + sep)) {
        response.writeHead(403).end("Forbidden");
        return;
      }
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      const type = TYPES[extname(path)] ?? "application/octet-stream";
      // Files named by their content hash (the widget's wasm, its JS and CSS) may be cached for a
      // year; everything else (pages, the loader recovery-checkin.js, embed.js) is revalidated.
      const cache = /-[0-9a-f]{12,16}(_bg)?\.\w+$/.test(path) ? "public, max-age=31536000, immutable" : "no-cache";
      response.writeHead(200, { "Content-Type": type, "Cache-Control": cache, "X-Content-Type-Options": "nosniff" });
      response.end(request.method === "HEAD" ? undefined : body);
    } catch {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
    }
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => done(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? "dist";
  const port = Number(process.env.PORT ?? 8080);
  const server = await startServer({ root, port });
  const { port: actual } = server.address();
  console.log(`Serving ${resolve(root)} on http://127.0.0.1:${actual}/ (Ctrl+C stops)`);
}
