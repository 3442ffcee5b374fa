// A tiny static file server for the built site, bound to 127.0.0.1 on a free port.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Serve `root`; resolves to { url, close }. Options: `mounts` maps a path prefix
 *  ('/archive/') to another folder; `gzip` compresses the site's own files (HTML, JS, CSS,
 *  wasm) for clients that accept it, as static hosts do. */
export async function serve(root, { mounts = {}, gzip = false } = {}) {
  // Compressed once per file, as a host's cache would: the benchmark times the reader, not zlib.
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const [prefix, folder] = Object.entries(mounts).find(([p]) => path.startsWith(p)) ?? ['/', root];
    const base = resolve(folder);
    const rest = path.slice(prefix.length - 1);
    const file = normalize(join(base, rest.endsWith('/') ? `${rest}index.html` : rest));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      const type = TYPES[extname(file)];
      const headers = { 'content-type': type ?? 'application/octet-stream' };
      if (gzip && type && /gzip/.test(req.headers['accept-encoding'] ?? '')) {
        if (!compressed.has(file)) compressed.set(file, gzipSync(body));
        body = compressed.get(file);
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
