#!/usr/bin/env python3
"""Turn a release build's folder into one self-contained .html file: stylesheets, icon,
JavaScript and the WebAssembly (base64) inlined, so it works opened straight from disk
(file://) — for mailing an article set to someone or reading offline. The worker that reads
articles added in the browser is inlined too, and started from a blob.

    python3 scripts/single_file.py DIST OUT.html      (scripts/single_file.sh builds first)
"""
import base64
import json
import re
import sys
from pathlib import Path


def fail(why: str):
    sys.exit(f"single_file: {why}")


def inline_worker(dist: Path, glue: str) -> str:
    """Replace the import of the snippet that names the worker's loader (src/ingest_worker.rs)
    with a function naming a blob that holds the worker's glue and wasm: no file beside this one
    to load, and a page opened from disk may not start a worker from a file anyway."""
    snippet = re.search(r"^import \{ (\w+) \} from '\./snippets/[\w.-]+/inline0\.js';$", glue, re.M)
    if not snippet:
        fail("the wasm-bindgen glue no longer imports the worker's snippet as this script expects")
    worker_glue = (dist / "lectern-worker.js").read_text(encoding="utf-8")
    worker_wasm = base64.b64encode((dist / "lectern-worker_bg.wasm").read_bytes()).decode("ascii")
    source = (
        worker_glue
        + f'\nwasm_bindgen({{ module_or_path: Uint8Array.from(atob("{worker_wasm}"), (c) => c.charCodeAt(0)) }})'
        + ".catch((error) => postMessage({ failed: String(error) }));\n"
    )
    blob = (
        f"const lecternWorker = URL.createObjectURL(new Blob([{json.dumps(source)}], {{ type: 'text/javascript' }}));\n"
        f"function {snippet.group(1)}() {{ return lecternWorker; }}\n"
    )
    return glue[: snippet.start()] + blob + glue[snippet.end():]


def main() -> None:
    if len(sys.argv) != 3:
        fail("usage: single_file.py DIST OUT.html")
    dist, out = Path(sys.argv[1]), Path(sys.argv[2])
    page = (dist / "index.html").read_text(encoding="utf-8")
    # The early start (scripts/start_early.py) imports the app's script, which a single file
    # has inline instead.
    page = re.sub(r"<script id=lectern-start>.*?</script>", "", page, flags=re.S)
    loader = re.search(r"<script type=\"?module\"?>(.*?)</script>", page, re.S)
    glue_name = re.search(r"from '\./([\w.-]+\.js)'", page)
    wasm_name = re.search(r"module_or_path: '\./([\w.-]+\.wasm)'", page)
    if not (loader and glue_name and wasm_name):
        fail(f"{dist}/index.html does not load the reader as a Trunk release build does")
    glue = inline_worker(dist, (dist / glue_name.group(1)).read_text(encoding="utf-8"))
    exports = re.search(r"^export \{ initSync, (\w+) as default \};$", glue, re.M)
    if not exports:
        fail("the wasm-bindgen glue no longer ends with the export line this script expects")
    if "</script" in glue.lower():
        fail("the glue contains '</script', which cannot be inlined")
    wasm = base64.b64encode((dist / wasm_name.group(1)).read_bytes()).decode("ascii")
    # The glue's own code, then: decode the wasm and start it (main mounts #lectern-root).
    script = (
        glue[: exports.start()]
        + glue[exports.end():]
        + f'\nconst wasmBytes = Uint8Array.from(atob("{wasm}"), (c) => c.charCodeAt(0));\n'
        + f"await {exports.group(1)}({{ module_or_path: wasmBytes }});\n"
    )
    page = page[: loader.start()] + f"<script type=module>{script}</script>" + page[loader.end():]

    def inline_link(match: re.Match) -> str:
        tag = match.group(0)
        href = re.search(r"href=\"?\./([\w.-]+)", tag)
        if "modulepreload" in tag or "rel=preload" in tag:
            return ""
        if href and "stylesheet" in tag:
            return f"<style>{(dist / href.group(1)).read_text(encoding='utf-8')}</style>"
        return tag

    page = re.sub(r"<link[^>]*>", inline_link, page)
    if re.search(r"(href|src)=\"?\./", page):
        fail("something in the page still points at a file beside it")
    out.write_text(page, encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
