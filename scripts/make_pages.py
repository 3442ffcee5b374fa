#!/usr/bin/env python3
"""Write N saved-news-page look-alikes (100-300 KB of HTML each) for the page-bundling benchmark.

Each is one of the hand-written test pages (crates/lectern-core/tests/data/pages), made unique
and padded the way real saved pages are heavy: inline scripts and JSON state, long menus and
footers, and related-story lists around the article.

    python3 scripts/make_pages.py OUT_DIR [N]
"""
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGES = ROOT / "crates/lectern-core/tests/data/pages"


def padding(rng, target):
    words = "market city council storm harbour minister energy school river budget police court".split()
    parts = []
    size = 0
    while size < target:
        kind = rng.randrange(3)
        if kind == 0:
            chunk = "<script>window.__STATE__=" + "{" + ",".join(
                f'"k{rng.randrange(10**6)}":"{" ".join(rng.choices(words, k=8))}"' for _ in range(40)) + "};</script>\n"
        elif kind == 1:
            chunk = "<nav class=menu><ul>" + "".join(
                f'<li><a href="/section/{rng.randrange(999)}">{rng.choice(words).title()} {rng.choice(words)}</a></li>' for _ in range(60)) + "</ul></nav>\n"
        else:
            chunk = "<aside class=related><h3>More stories</h3><ul>" + "".join(
                f'<li><a href="/story/{rng.randrange(10**6)}">{" ".join(rng.choices(words, k=7)).capitalize()}</a></li>' for _ in range(20)) + "</ul></aside>\n"
        parts.append(chunk)
        size += len(chunk)
    return "".join(parts)


def main():
    out = pathlib.Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    templates = [p.read_bytes().decode("utf-8", "replace") for p in sorted(PAGES.glob("*.htm*"))
                 if "homepage" not in p.name and "shiftjis" not in p.name and "cp1252" not in p.name]
    for i in range(count):
        page = templates[i % len(templates)]
        target = rng.randrange(100_000, 300_000) - len(page)
        head, _, tail = page.partition("<body")
        body_open, _, rest = tail.partition(">")
        pad_top, pad_bottom = padding(rng, target // 2), padding(rng, target // 2)
        unique = f"<p hidden>Edition {i}</p>"
        html = f"{head}<body{body_open}>{pad_top}{unique}{rest.replace('</body>', pad_bottom + '</body>')}"
        (out / f"page-{i:04}.html").write_text(html, encoding="utf-8")


if __name__ == "__main__":
    main()
