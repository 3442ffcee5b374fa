#!/usr/bin/env python3
"""Print the gzip size of what a browser downloads on first load of the built site.

Usage: scripts/size_report.py [DIST] [--budget-kb N]

Counts index.html and every file it loads (scripts, styles, icons, the wasm that the JS glue
fetches). Exits non-zero when the total is over the budget, so growth is a decision, not a drift.
"""
import gzip
import re
import sys
from pathlib import Path


def first_load_files(dist: Path) -> list[Path]:
    """index.html and every file of dist/ it names: links, scripts, and the wasm path in the
    inline loader (attribute quoting varies once Trunk minifies the page, so match names)."""
    html = (dist / "index.html").read_text(encoding="utf-8")
    files = {dist / "index.html"}
    for name in re.findall(r"[\w./-]+\.(?:js|mjs|wasm|css|svg|png|ico|woff2?)\b", html):
        path = (dist / name.removeprefix("./").lstrip("/")).resolve()
        if path.is_file() and dist.resolve() in path.parents:
            files.add(path)
    return sorted(files)


def main() -> int:
    args = sys.argv[1:]
    budget_kb = 150.0
    if "--budget-kb" in args:
        i = args.index("--budget-kb")
        budget_kb = float(args[i + 1])
        del args[i : i + 2]
    dist = Path(args[0] if args else "dist")
    if not (dist / "index.html").is_file():
        print(f"size report: no {dist}/index.html; build the site first", file=sys.stderr)
        return 2
    total_raw = total_gz = 0
    print(f"{'file':<44} {'bytes':>10} {'gzip':>10}")
    for path in first_load_files(dist):
        raw = path.read_bytes()
        gz = len(gzip.compress(raw, compresslevel=9))
        total_raw += len(raw)
        total_gz += gz
        print(f"{path.name:<44} {len(raw):>10,} {gz:>10,}")
    print(f"{'first load total':<44} {total_raw:>10,} {total_gz:>10,}")
    verdict = "within" if total_gz <= budget_kb * 1024 else "OVER"
    print(f"size report: {total_gz / 1024:.1f} KB gzip, {verdict} the {budget_kb:.0f} KB budget")
    # Fetched only when a reader adds a file: reported, not counted in the first load.
    later = sorted(p for p in dist.glob("lectern-worker*") if p.is_file())
    if later:
        gz = sum(len(gzip.compress(p.read_bytes(), compresslevel=9)) for p in later)
        print(f"on demand (adding files, {len(later)} files of lectern-worker): {gz / 1024:.1f} KB gzip")
    return 0 if verdict == "within" else 1


if __name__ == "__main__":
    sys.exit(main())
