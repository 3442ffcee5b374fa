//! `cargo xtask make-pages DIR [N]`: N saved-news-page look-alikes (1,000 unless given), 100-300 KB
//! of HTML each, for the page-bundling benchmark (`scripts/bench_pages.sh`).
//!
//! Each is one of the hand-written test pages (crates/lectern-core/tests/data/pages), made unique
//! and padded the way real saved pages are heavy: inline scripts and JSON state, long menus and
//! footers, and related-story lists around the article. The pages depend only on N, so benchmark
//! figures are comparable.

use std::path::Path;

use crate::archive::{capitalize, Rng};

/// Test pages that are no saved article: a section front, and the two not in UTF-8, which would be
/// garbled by padding written as UTF-8.
const SKIPPED: [&str; 3] = ["homepage", "shiftjis", "cp1252"];
const WORDS: [&str; 12] = [
    "market", "city", "council", "storm", "harbour", "minister", "energy", "school", "river", "budget",
    "police", "court",
];
const SEED: u64 = 7;

/// Writes `count` pages, `page-0000.html` onwards, into `out` (made if missing).
pub fn make_pages(out: &Path, count: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../crates/lectern-core/tests/data/pages");
    let templates = templates(&folder)?;
    let mut rng = Rng::new(SEED);
    for i in 0..count {
        let page = padded(&templates[i % templates.len()], i, &mut rng);
        std::fs::write(out.join(format!("page-{i:04}.html")), page)?;
    }
    Ok(())
}

/// The test pages to start from (`*.htm*` in `folder`, by name), as text.
fn templates(folder: &Path) -> std::io::Result<Vec<String>> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        let name = path.file_name().map(|name| name.to_string_lossy()).unwrap_or_default();
        if name.contains(".htm") && !SKIPPED.iter().any(|skipped| name.contains(skipped)) {
            paths.push(path);
        }
    }
    if paths.is_empty() {
        let message = format!("no test pages (*.htm*) in {}", folder.display());
        return Err(std::io::Error::new(std::io::ErrorKind::NotFound, message));
    }
    paths.sort();
    paths.iter().map(|path| Ok(String::from_utf8_lossy(&std::fs::read(path)?).into_owned())).collect()
}

/// `page` as edition `i`, padded to 100-300 KB (of characters) with half the padding at the top of
/// its body, before the article, and half at the bottom.
fn padded(page: &str, i: usize, rng: &mut Rng) -> String {
    let half = rng.between(100_000, 299_999).saturating_sub(page.chars().count()) / 2;
    let (head, tail) = page.split_once("<body").unwrap_or((page, ""));
    let (body_open, rest) = tail.split_once('>').unwrap_or((tail, ""));
    let top = padding(rng, half);
    let bottom = padding(rng, half) + "</body>";
    format!("{head}<body{body_open}>{top}<p hidden>Edition {i}</p>{}", rest.replace("</body>", &bottom))
}

/// At least `size` bytes of what surrounds articles on news sites, in chunks of a few KB.
fn padding(rng: &mut Rng, size: usize) -> String {
    let mut out = String::new();
    while out.len() < size {
        let chunk = match rng.below(3) {
            0 => state_script(rng),
            1 => menu(rng),
            _ => related_stories(rng),
        };
        out.push_str(&chunk);
    }
    out
}

fn state_script(rng: &mut Rng) -> String {
    let entries: Vec<String> =
        (0..40).map(|_| format!("\"k{}\":\"{}\"", rng.below(1_000_000), words(rng, 8))).collect();
    format!("<script>window.__STATE__={{{}}};</script>\n", entries.join(","))
}

fn menu(rng: &mut Rng) -> String {
    let items: String = (0..60)
        .map(|_| {
            let section = rng.below(999);
            let (first, second) = (*rng.pick(&WORDS), *rng.pick(&WORDS));
            format!("<li><a href=\"/section/{section}\">{} {second}</a></li>", capitalize(first))
        })
        .collect();
    format!("<nav class=menu><ul>{items}</ul></nav>\n")
}

fn related_stories(rng: &mut Rng) -> String {
    let items: String = (0..20)
        .map(|_| {
            let story = rng.below(1_000_000);
            format!("<li><a href=\"/story/{story}\">{}</a></li>", capitalize(&words(rng, 7)))
        })
        .collect();
    format!("<aside class=related><h3>More stories</h3><ul>{items}</ul></aside>\n")
}

/// `count` of `WORDS`, drawn with replacement.
fn words(rng: &mut Rng, count: usize) -> String {
    (0..count).map(|_| *rng.pick(&WORDS)).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// A fresh folder under the system's temporary one, removed when dropped.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Self {
            let path = std::env::temp_dir().join(format!("xtask-pages-{}-{name}", std::process::id()));
            let _ = std::fs::remove_dir_all(&path);
            Scratch(path)
        }

        fn page(&self, i: usize) -> String {
            std::fs::read_to_string(self.0.join(format!("page-{i:04}.html"))).unwrap()
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn writes_the_pages_asked_for_each_unique_and_100_to_300_kb() {
        let out = Scratch::new("shape");
        make_pages(&out.0, 5).unwrap();
        assert_eq!(std::fs::read_dir(&out.0).unwrap().count(), 5);
        for i in 0..5 {
            let page = out.page(i);
            assert_eq!(page.matches("<p hidden>Edition ").count(), 1);
            assert!(page.contains(&format!("<p hidden>Edition {i}</p>")));
            // The padding overshoots by at most one chunk (under 4 KB) on either side.
            let size = page.chars().count();
            assert!((99_999..308_000).contains(&size), "page {i}: {size} characters");
            assert!(page.contains("<script>window.__STATE__={\"k"));
            assert!(page.trim_end().ends_with("</html>"), "page {i} keeps its end");
        }
    }

    #[test]
    fn the_same_count_writes_the_same_pages() {
        let (first, second) = (Scratch::new("first"), Scratch::new("second"));
        make_pages(&first.0, 3).unwrap();
        make_pages(&second.0, 3).unwrap();
        for i in 0..3 {
            assert_eq!(first.page(i), second.page(i));
        }
    }

    #[test]
    fn pads_inside_the_body() {
        let page = "<html><head></head><body class=a>\n<p>Text</p>\n</body></html>";
        let padded = padded(page, 3, &mut Rng::new(1));
        let top = padded.find("<body class=a>").unwrap() + "<body class=a>".len();
        assert!(["<script>", "<nav", "<aside"].iter().any(|chunk| padded[top..].starts_with(chunk)));
        let end = padded.find("\n<p>Text</p>\n").unwrap();
        assert!(padded[top..end].ends_with("<p hidden>Edition 3</p>"));
        let bottom = padded.strip_suffix("\n</body></html>").unwrap();
        assert!(["</script>", "</nav>", "</aside>"].iter().any(|chunk| bottom.ends_with(chunk)));
    }
}
