#!/usr/bin/env python3
"""Write embed.js into Trunk's output: static/embed.js with the build's hashed file names and
the reader's stylesheet filled in, so host pages load one stably named script.

Run by Trunk as a post_build hook (see Trunk.toml), with TRUNK_STAGING_DIR set; or by hand:
    python3 scripts/write_embed.py dist
"""
import json
import os
import re
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "static"


def rem_to_px(css: str) -> str:
    """rem follows the host page's root font size; an embedded reader must not."""
    def px(match):
        value = float(match.group(1)) * 16
        return f"{value:g}px"
    return re.sub(r"(?<![\w.-])(\d*\.?\d+)rem\b", px, css)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"])
    index = (out / "index.html").read_text(encoding="utf-8")
    glue = re.search(r"from '\./([\w.-]+\.js)'", index)
    wasm = re.search(r"module_or_path: '\./([\w.-]+\.wasm)'", index)
    if not glue or not wasm:
        sys.exit("write_embed: index.html does not load the reader's script and wasm as expected")
    # The reader's styles, in the order the standalone page inlines them.
    sheets = re.findall(r"<style[^>]*>(.*?)</style>", index, re.S)
    if not sheets:
        sys.exit("write_embed: index.html has none of the reader's styles inlined")
    css = "\n".join(sheets)
    css += "\n" + (SOURCE / "embed.css").read_text(encoding="utf-8")
    build = {"glue": f"./{glue.group(1)}", "wasm": f"./{wasm.group(1)}", "css": rem_to_px(css)}
    script = (SOURCE / "embed.js").read_text(encoding="utf-8")
    marker = "/* BUILD */ null"
    if marker not in script:
        sys.exit("write_embed: static/embed.js lost its BUILD marker")
    (out / "embed.js").write_text(script.replace(marker, json.dumps(build)), encoding="utf-8")


if __name__ == "__main__":
    main()
