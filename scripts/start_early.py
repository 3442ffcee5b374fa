#!/usr/bin/env python3
"""Start the reader from the top of Trunk's index.html rather than from its module script.

A module script runs only once the page is parsed (and, when this was written, its stylesheets
had arrived: some 30 ms after the app's script and wasm, on a first load), and the wasm compiles
only then. A script before the styles imports the app's script as soon as it arrives, and starts it;
Trunk's module script then waits for that start instead of making its own (a second would run
the app twice). Four A/Bs of alternating cold loads at 10,000 articles (16 to 24 each): the
first view's p50 was 1 to 23 ms sooner, 15 ms on average.

Run by Trunk as a post_build hook (see Trunk.toml), with TRUNK_STAGING_DIR set; or by hand:
    python3 scripts/start_early.py dist
"""
import os
import re
import sys
from pathlib import Path

# scripts/single_file.py removes this script by its id: a single file has no app script to import.
MARK = "id=lectern-start"


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"])
    page = out / "index.html"
    index = page.read_text(encoding="utf-8")
    if MARK in index:
        return
    glue = re.search(r"from '\./([\w.-]+\.js)'", index)
    start = re.search(r"init\(\{ module_or_path: '\./([\w.-]+\.wasm)' \}\)", index)
    # Before the styles and links: the import goes out before anything else is parsed.
    stylesheet = min((i for i in (index.find("<style"), index.find("<link")) if i >= 0), default=-1)
    if not glue or not start or stylesheet < 0:
        sys.exit("start_early: index.html does not load the reader's script and wasm as expected")
    early = (
        f"<script {MARK}>window.lecternStart = import(\"./{glue.group(1)}\")"
        f".then(function (app) {{ return app.default({{ module_or_path: \"./{start.group(1)}\" }}); }});</script>"
    )
    index = index.replace(start.group(0), f"(window.lecternStart || {start.group(0)})")
    index = index[:stylesheet] + early + index[stylesheet:]
    page.write_text(index, encoding="utf-8")


if __name__ == "__main__":
    main()
