#!/usr/bin/env python3
"""Serve the example host pages and the release build the way real hosts would, for people
trying the embeds and for the end-to-end tests:

  pages   http://127.0.0.1:<port>/            examples/, with the build at /docs/reader/
                                              (a sub-path); strict-csp.html is sent with a
                                              strict Content-Security-Policy header
  reader  http://127.0.0.1:<other port>/      the build again, on another origin, with the
                                              CORS header a cross-origin embed needs

Prints one JSON line {"pages": url, "reader": url} once both listen, then serves until killed.
    python3 scripts/demo_server.py [--dist dist] [--port 8090]
"""
import argparse
import json
import mimetypes
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"
SUB_PATH = "/docs/reader/"
TYPES = {".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript",
         ".css": "text/css", ".html": "text/html; charset=utf-8", ".lectern": "application/octet-stream"}


class Handler(SimpleHTTPRequestHandler):
    """Static files from `mounts` (URL prefix -> folder), with the headers each page needs."""

    def __init__(self, *args, mounts, reader_url, cors, **kwargs):
        self.mounts, self.reader_url, self.cors = mounts, reader_url, cors
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def resolve(self):
        path = unquote(urlsplit(self.path).path)
        for prefix, folder in self.mounts:
            if path.startswith(prefix):
                rest = path[len(prefix):] or "index.html"
                if rest.endswith("/"):
                    rest += "index.html"
                file = (folder / rest).resolve()
                if folder.resolve() in file.parents and file.is_file():
                    return file
        return None

    def do_HEAD(self):
        self.respond(body_too=False)

    def do_GET(self):
        self.respond(body_too=True)

    def respond(self, body_too):
        file = self.resolve()
        if file is None:
            self.send_error(404, "not found")
            return
        body = file.read_bytes()
        if file.suffix == ".html":
            # Pages name the other origin as {{READER}}, which only this server knows.
            body = body.replace(b"{{READER}}", self.reader_url().encode())
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        if self.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        if file.name.startswith("strict-csp"):
            self.send_header("Content-Security-Policy", STRICT_CSP)
        self.end_headers()
        if body_too:
            self.wfile.write(body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dist", default=str(REPO / "dist"))
    parser.add_argument("--port", type=int, default=0, help="pages port (the reader's is the next free one)")
    args = parser.parse_args()
    dist = Path(args.dist)
    if not (dist / "embed.js").is_file():
        sys.exit(f"no embed.js in {dist}: build first with `trunk build --release`")
    servers = {}
    reader_url = lambda: servers["reader"]
    pages = ThreadingHTTPServer(("127.0.0.1", args.port), partial(
        Handler, mounts=[(SUB_PATH, dist), ("/", REPO / "examples")], reader_url=reader_url, cors=False))
    reader = ThreadingHTTPServer(("127.0.0.1", 0), partial(
        Handler, mounts=[("/", dist)], reader_url=reader_url, cors=True))
    servers["pages"] = f"http://127.0.0.1:{pages.server_address[1]}/"
    servers["reader"] = f"http://127.0.0.1:{reader.server_address[1]}/"
    threading.Thread(target=reader.serve_forever, daemon=True).start()
    print(json.dumps(servers), flush=True)
    try:
        pages.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
