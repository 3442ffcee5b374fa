#!/usr/bin/env node
// Serve the example host pages and the release build the way real hosts would, for people
// trying the embeds and for the end-to-end tests (demos.mjs):
//
//   pages   http://127.0.0.1:<port>/            examples/, with the build at /docs/reader/
//                                               (a sub-path); strict-csp.html is sent with a
//                                               strict Content-Security-Policy header
//   reader  http://127.0.0.1:<other port>/      the build again, on another origin, with the
//                                               CORS header a cross-origin embed needs
//
// Prints one JSON line {"pages": url, "reader": url} once both listen, then serves until killed.
//   node tests/e2e/demo-server.mjs [--dist dist] [--port 8090]
// Plain node:http, so it runs before `npm install`.
import { createServer } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const SUB_PATH = '/docs/reader/';
const TYPES = {
  '.wasm': 'application/wasm', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.html': 'text/html; charset=utf-8', '.lectern': 'application/octet-stream',
};
// Any other file a host page might link, by extension (as written, else in lower case: a.HTML),
// as the usual MIME tables name it; what is not here is sent as application/octet-stream.
const MORE_TYPES = {
  '.html': 'text/html', '.htm': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.xhtml': 'application/xhtml+xml', '.txt': 'text/plain', '.md': 'text/markdown',
  '.csv': 'text/csv', '.tsv': 'text/tab-separated-values', '.xml': 'application/xml', '.json': 'application/json',
  '.jsonld': 'application/ld+json', '.webmanifest': 'application/manifest+json', '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.apng': 'image/apng', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif', '.ico': 'image/vnd.microsoft.icon',
  '.bmp': 'image/bmp', '.tif': 'image/tiff', '.tiff': 'image/tiff', '.woff': 'font/woff', '.woff2': 'font/woff2',
  '.ttf': 'font/ttf', '.otf': 'font/otf', '.mp3': 'audio/mpeg', '.ogg': 'audio/ogg', '.wav': 'audio/x-wav',
  '.mp4': 'video/mp4', '.webm': 'video/webm', '.vtt': 'text/vtt', '.zip': 'application/zip',
  '.tar': 'application/x-tar', '.atom': 'application/atom+xml', '.rss': 'application/x-rss+xml',
  '.epub': 'application/epub+zip',
};
// Compressed files are typed by what they hold (a.svg.gz as an SVG; no Content-Encoding).
const SUFFIX_ALIASES = { '.svgz': '.svg.gz', '.tgz': '.tar.gz', '.taz': '.tar.gz', '.tz': '.tar.gz',
  '.tbz2': '.tar.bz2', '.txz': '.tar.xz' };
const ENCODINGS = new Set(['.gz', '.Z', '.bz2', '.xz', '.br']);
const EXPLAIN = { 404: 'Nothing matches the given URI', 501: 'Server does not support this operation' };

const USAGE = 'usage: demo-server.mjs [-h] [--dist DIST] [--port PORT]';
const HELP = `${USAGE}

options:
  -h, --help   show this help message and exit
  --dist DIST
  --port PORT  pages port (the reader's is the next free one)
`;

/** --dist and --port, each as `--name value` or `--name=value` (or a prefix of the name). */
function parseArgs(argv) {
  const options = { dist: join(REPO, 'dist'), port: 0 };
  const fail = (message) => {
    process.stderr.write(`${USAGE}\ndemo-server.mjs: error: ${message}\n`);
    process.exit(2);
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '-h' || (arg.length > 2 && '--help'.startsWith(arg))) {
      process.stdout.write(HELP);
      process.exit(0);
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const name = flag.length > 2 && ['dist', 'port'].find((option) => `--${option}`.startsWith(flag));
    if (!name) fail(`unrecognized arguments: ${argv.slice(i).join(' ')}`);
    let value = inline;
    if (value === undefined) {
      value = argv[i + 1];
      if (value === undefined || /^-[^\d]/.test(value)) fail(`argument --${name}: expected one argument`);
      i += 1;
    }
    if (name === 'port') {
      if (!/^\s*[+-]?\d+(_\d+)*\s*$/.test(value)) fail(`argument --port: invalid int value: '${value}'`);
      options.port = Number(value.trim().replaceAll('_', ''));
    } else {
      options.dist = value;
    }
  }
  return options;
}

/** The path of a request target, decoded: its scheme and host (if it has them), query and
 *  fragment dropped. No dot segments are removed; `resolveFile` contains what they reach. */
function requestPath(target) {
  // Leading slashes are collapsed first, so that `//host/path` is a path, never a host.
  let url = target.replace(/^\/\/+/, '/').replace(/[\t\r\n]/g, '');
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(url);
  if (scheme) url = url.slice(scheme[0].length);
  if (url.startsWith('//')) {
    const end = url.slice(2).search(/[/?#]/);
    url = end < 0 ? '' : url.slice(2 + end);
  }
  url = url.split('#')[0].split('?')[0];
  // %-escapes decoded as UTF-8, a bad sequence as U+FFFD, a stray % kept.
  return url.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => Buffer.from(run.replaceAll('%', ''), 'hex').toString('utf8'));
}

/** The file `path` names under the first of `mounts` (URL prefix, folder) that has it, with
 *  symbolic links followed; never one outside the mount's folder. */
async function resolveFile(path, mounts) {
  for (const [prefix, folder] of mounts) {
    if (!path.startsWith(prefix)) continue;
    let rest = path.slice(prefix.length) || 'index.html';
    if (rest.endsWith('/')) rest += 'index.html';
    try {
      // Joined as written, not normalised: the system resolves `..` after the links before it.
      const file = await realpath(rest.startsWith('/') ? rest : `${folder}/${rest}`);
      const root = await realpath(folder);
      if (file.startsWith(root.endsWith(sep) ? root : root + sep) && (await stat(file)).isFile()) return file;
    } catch {
      // Missing, unreadable or not a path at all: try the next mount.
    }
  }
  return null;
}

function contentType(file) {
  const name = basename(file);
  let [base, ext] = [name, extname(name)];
  while (SUFFIX_ALIASES[ext]) {
    base = base.slice(0, -ext.length) + SUFFIX_ALIASES[ext];
    ext = extname(base);
  }
  if (ENCODINGS.has(ext)) {
    base = base.slice(0, -ext.length);
    ext = extname(base);
  }
  return TYPES[extname(file)] ?? MORE_TYPES[ext] ?? MORE_TYPES[ext.toLowerCase()] ?? 'application/octet-stream';
}

/** A small HTML error page, `message` also as the status line's reason; the connection is
 *  closed after it. */
function sendError(res, code, message) {
  const body = Buffer.from(`<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: ${code}</p>
        <p>Message: ${escapeHtml(message)}.</p>
        <p>Error code explanation: ${code} - ${EXPLAIN[code]}.</p>
    </body>
</html>
`);
  res.writeHead(code, message, {
    Connection: 'close', 'Content-Type': 'text/html;charset=utf-8', 'Content-Length': body.length,
  });
  res.end(body);
}

function escapeHtml(text) {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Static files from `mounts` (URL prefix, folder), with the headers each page needs. */
function handler({ mounts, readerUrl, cors }) {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 501, `Unsupported method ('${req.method}')`);
      return;
    }
    const file = await resolveFile(requestPath(req.url), mounts);
    let body;
    try {
      body = file && await readFile(file);
    } catch {
      body = null;
    }
    if (!body) {
      sendError(res, 404, 'not found');
      return;
    }
    if (extname(file) === '.html') {
      // Pages name the other origin as {{READER}}, which only this server knows. Latin-1 keeps
      // every other byte as it is.
      body = Buffer.from(body.toString('latin1').replaceAll('{{READER}}', readerUrl()), 'latin1');
    }
    const headers = { 'Content-Type': contentType(file), 'Content-Length': body.length, 'Cache-Control': 'no-cache' };
    if (cors) headers['Access-Control-Allow-Origin'] = '*';
    if (basename(file).startsWith('strict-csp')) headers['Content-Security-Policy'] = STRICT_CSP;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

function listen(server, port) {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(`http://127.0.0.1:${server.address().port}/`));
  });
}

async function main() {
  const { dist, port } = parseArgs(process.argv.slice(2));
  if (!statSync(join(dist, 'embed.js'), { throwIfNoEntry: false })?.isFile()) {
    process.stderr.write(`no embed.js in ${dist}: build first with \`trunk build --release\`\n`);
    process.exit(1);
  }
  const urls = {};
  const readerUrl = () => urls.reader;
  const pages = createServer(handler({ mounts: [[SUB_PATH, dist], ['/', join(REPO, 'examples')]], readerUrl, cors: false }));
  const reader = createServer(handler({ mounts: [['/', dist]], readerUrl, cors: true }));
  try {
    urls.pages = await listen(pages, port);
    urls.reader = await listen(reader, 0);
  } catch (e) {
    process.stderr.write(`demo-server.mjs: ${e.message}\n`);
    process.exit(1);
  }
  // With a space after each colon and comma, as the line has always been written.
  const line = Object.entries(urls).map(([key, url]) => `${JSON.stringify(key)}: ${JSON.stringify(url)}`);
  process.stdout.write(`{${line.join(', ')}}\n`);
  process.on('SIGINT', () => process.exit(0));
}

main();
