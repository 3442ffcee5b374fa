//! The web-page extraction evaluation, shared by `examples/page_eval.rs` (the command) and
//! `tests/pages_eval.rs` (the regression floors), so both score the same way.
//!
//! The page set is `tests/data/pages/`: hand-written pages, one `NAME.gold.txt` per article page
//! (the body a careful reader keeps, one paragraph per line) and `manifest.tsv` with the expected
//! metadata. Body text is scored as public article-extraction benchmarks do: lowercase, split into
//! words on whitespace and punctuation, and compare the multisets of consecutive 4-word shingles
//! (precision = shared / extracted, recall = shared / gold). Han and kana characters are one word
//! each, since Chinese and Japanese put no spaces between words.
#![allow(dead_code)]

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

/// Shingle length, as in the public benchmarks.
pub const SHINGLE: usize = 4;

// ---------------------------------------------------------------------------------------------
// The manifest

#[derive(Debug, Clone)]
pub struct Case {
    pub file: String,
    /// `None` where the manifest says `-`.
    pub title: Option<String>,
    pub byline: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub site: Option<String>,
    pub language: Option<String>,
    /// A page with no single article (a homepage): the engine must refuse it.
    pub no_article: bool,
    pub shape: String,
}

fn field(s: &str) -> Option<String> {
    let s = s.trim();
    (s != "-" && !s.is_empty()).then(|| s.to_string())
}

pub fn read_manifest(dir: &Path) -> Result<Vec<Case>, String> {
    let path = dir.join("manifest.tsv");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut cases = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 8 {
            return Err(format!("{}:{}: expected 8 tab-separated columns, found {}", path.display(), i + 1, cols.len()));
        }
        let no_article = match cols[6].trim() {
            "article" => false,
            "no-article" => true,
            other => return Err(format!("{}:{}: kind must be article or no-article, not {other:?}", path.display(), i + 1)),
        };
        cases.push(Case {
            file: cols[0].trim().to_string(),
            title: field(cols[1]),
            byline: field(cols[2]),
            date: field(cols[3]),
            site: field(cols[4]),
            language: field(cols[5]),
            no_article,
            shape: cols[7].trim().to_string(),
        });
    }
    Ok(cases)
}

/// `NAME.gold.txt` for `NAME.html` / `NAME.htm` / `NAME.mhtml`.
pub fn gold_path(dir: &Path, file: &str) -> std::path::PathBuf {
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    dir.join(format!("{stem}.gold.txt"))
}

// ---------------------------------------------------------------------------------------------
// Shingle overlap

fn is_cjk_char(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x309F      // Hiragana
        | 0x30A0..=0x30FF    // Katakana
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xF900..=0xFAFF    // CJK Compatibility Ideographs
        | 0xFF66..=0xFF9F    // Halfwidth Katakana
        | 0x20000..=0x2FFFF) // Supplementary ideographs
}

/// Combining marks that belong inside a word (accents written separately, Arabic harakat,
/// kana voicing marks); `char::is_alphanumeric` says no to them.
fn is_joining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F | 0x3099..=0x309A)
}

/// Lowercased words: runs of letters and digits; every Han or kana character is a word of its own.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_cjk_char(c) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() || (is_joining_mark(c) && !cur.is_empty()) {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn shingles(tokens: &[String], n: usize) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    if tokens.len() >= n {
        for w in tokens.windows(n) {
            *out.entry(w.join("\u{1}")).or_insert(0) += 1;
        }
    }
    out
}

/// Shared, extracted and gold shingle counts for one page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Overlap {
    pub shared: usize,
    pub extracted: usize,
    pub gold: usize,
}

impl Overlap {
    /// 4-word shingles; single words when the gold text has fewer than four (so the gold's
    /// count never depends on the engine).
    pub fn of(extracted: &str, gold: &str) -> Overlap {
        let (e, g) = (tokens(extracted), tokens(gold));
        let n = if g.len() < SHINGLE { 1 } else { SHINGLE };
        let (e, g) = (shingles(&e, n), shingles(&g, n));
        let shared = e.iter().map(|(k, &c)| c.min(g.get(k).copied().unwrap_or(0))).sum();
        Overlap { shared, extracted: e.values().sum(), gold: g.values().sum() }
    }

    pub fn add(self, o: Overlap) -> Overlap {
        Overlap { shared: self.shared + o.shared, extracted: self.extracted + o.extracted, gold: self.gold + o.gold }
    }

    /// Nothing extracted scores 0 (and 1 when there was nothing to extract).
    pub fn precision(&self) -> f64 {
        if self.extracted == 0 { if self.gold == 0 { 1.0 } else { 0.0 } } else { self.shared as f64 / self.extracted as f64 }
    }

    pub fn recall(&self) -> f64 {
        if self.gold == 0 { 1.0 } else { self.shared as f64 / self.gold as f64 }
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

// ---------------------------------------------------------------------------------------------
// Engines

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// `lectern_core::ingest`.
    Lectern,
    /// `dom_smoothie` (a Readability.js port), for comparison.
    DomSmoothie,
}

impl Engine {
    pub fn parse(s: &str) -> Option<Engine> {
        match s {
            "lectern" => Some(Engine::Lectern),
            "dom_smoothie" | "dom-smoothie" => Some(Engine::DomSmoothie),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Engine::Lectern => "lectern",
            Engine::DomSmoothie => "dom_smoothie",
        }
    }

    pub fn run(self, name: &str, bytes: &[u8]) -> Extraction {
        match self {
            Engine::Lectern => run_lectern(name, bytes),
            Engine::DomSmoothie => run_dom_smoothie(bytes),
        }
    }
}

/// What an engine made of one page.
#[derive(Debug, Clone)]
pub enum Extraction {
    Article {
        /// Section headings and paragraphs, one per line; not the title.
        body: String,
        title: String,
        byline: Option<String>,
        date: Option<String>,
        site: Option<String>,
        language: Option<String>,
    },
    /// The engine found no article; `reason` says why (its error).
    Refused { reason: String, no_article: bool },
}

pub fn run_lectern(name: &str, bytes: &[u8]) -> Extraction {
    use lectern_core::IngestErrorKind;
    let file = lectern_core::SourceFile::new(name, bytes);
    match lectern_core::ingest(&file) {
        Ok(a) => {
            let mut body = String::new();
            for s in &a.sections {
                if let Some(h) = &s.heading {
                    body.push_str(h);
                    body.push('\n');
                }
                for p in &s.paragraphs {
                    body.push_str(p);
                    body.push('\n');
                }
            }
            Extraction::Article { body, title: a.title, byline: a.byline, date: a.date, site: a.source, language: a.language }
        }
        Err(e) => {
            let no_article = matches!(e.kind, IngestErrorKind::NoArticle | IngestErrorKind::NoText);
            Extraction::Refused { reason: e.kind.to_string(), no_article }
        }
    }
}

/// The page's text, decoded as a browser would: a BOM, else the `<meta>` charset in the first
/// 1024 bytes, else UTF-8.
pub fn decode_page(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[bom..]).0.into_owned();
    }
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut enc = encoding_rs::UTF_8;
    if let Some(at) = lower.windows(8).position(|w| w == b"charset=") {
        let rest = &head[at + 8..];
        let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
        let end = rest.iter().position(|&b| matches!(b, b'"' | b'\'' | b';' | b'>' | b' ' | b'/')).unwrap_or(rest.len());
        if let Some(e) = encoding_rs::Encoding::for_label(&rest[..end]) {
            // A page cannot declare itself UTF-16 in ASCII; browsers read that as UTF-8.
            enc = if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE { encoding_rs::UTF_8 } else { e };
        }
    }
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

pub fn run_dom_smoothie(bytes: &[u8]) -> Extraction {
    let html = decode_page(bytes);
    let cfg = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
    let mut readability = match dom_smoothie::Readability::new(html, None, Some(cfg)) {
        Ok(r) => r,
        Err(e) => return Extraction::Refused { reason: e.to_string(), no_article: false },
    };
    // Readability.js's own "is this an article?" check, made before parse() rewrites the DOM.
    let readable = dom_smoothie::is_probably_readable(&readability.doc, None, None);
    match readability.parse() {
        Ok(_) if !readable => Extraction::Refused { reason: "is_probably_readable: false".into(), no_article: true },
        Ok(a) => Extraction::Article {
            body: a.text_content.to_string(),
            title: a.title,
            byline: a.byline,
            date: a.published_time,
            site: a.site_name,
            language: a.lang,
        },
        Err(e) => Extraction::Refused { reason: e.to_string(), no_article: true },
    }
}

// ---------------------------------------------------------------------------------------------
// Metadata checks

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Exactly the headline, up to runs of white space.
pub fn title_right(want: Option<&str>, got: &str) -> bool {
    match want {
        Some(w) => squash(w) == squash(got),
        None => true,
    }
}

/// Case and a leading "By" aside; a page that names no author wants none.
pub fn byline_right(want: Option<&str>, got: Option<&str>) -> bool {
    fn norm(s: &str) -> String {
        let s = squash(s).to_lowercase();
        s.strip_prefix("by ").map(str::to_string).unwrap_or(s)
    }
    match (want, got) {
        (Some(w), Some(g)) => norm(w) == norm(g),
        (None, None) => true,
        _ => false,
    }
}

/// The article's date starts with the ISO date (`2025-03-14`, `2025-03-14T01:12:00-05:00`).
pub fn date_right(want: Option<&str>, got: Option<&str>) -> bool {
    match (want, got) {
        (Some(w), Some(g)) => g.trim().starts_with(w),
        (None, None) => true,
        _ => false,
    }
}

pub fn site_right(want: Option<&str>, got: Option<&str>) -> bool {
    match (want, got) {
        (Some(w), Some(g)) => squash(w).to_lowercase() == squash(g).to_lowercase(),
        (None, None) => true,
        _ => false,
    }
}

/// The primary language subtag: `en-US` is right for `en`.
pub fn language_right(want: Option<&str>, got: Option<&str>) -> bool {
    fn primary(s: &str) -> String {
        s.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
    }
    match (want, got) {
        (Some(w), Some(g)) => primary(w) == primary(g),
        (None, None) => true,
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// One run over the set

#[derive(Debug, Clone)]
pub struct Row {
    pub case: Case,
    pub extraction: Extraction,
    /// Article pages only.
    pub overlap: Option<Overlap>,
    pub title: bool,
    pub byline: bool,
    pub date: bool,
    pub site: bool,
    pub language: bool,
}

impl Row {
    /// A no-article page the engine refused.
    pub fn refused(&self) -> bool {
        matches!(self.extraction, Extraction::Refused { .. })
    }
}

#[derive(Debug, Clone)]
pub struct Report {
    pub engine: Engine,
    pub rows: Vec<Row>,
}

pub fn evaluate(dir: &Path, engine: Engine) -> Result<Report, String> {
    let cases = read_manifest(dir)?;
    if cases.is_empty() {
        return Err(format!("{}: the manifest lists no pages", dir.display()));
    }
    let mut rows = Vec::new();
    for case in cases {
        let path = dir.join(&case.file);
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let extraction = engine.run(&case.file, &bytes);
        let overlap = if case.no_article {
            None
        } else {
            let gp = gold_path(dir, &case.file);
            let gold = std::fs::read_to_string(&gp).map_err(|e| format!("{}: {e}", gp.display()))?;
            let body = match &extraction {
                Extraction::Article { body, .. } => body.as_str(),
                Extraction::Refused { .. } => "",
            };
            Some(Overlap::of(body, &gold))
        };
        let (title, byline, date, site, language) = match &extraction {
            Extraction::Article { title, byline, date, site, language, .. } => (
                title_right(case.title.as_deref(), title),
                byline_right(case.byline.as_deref(), byline.as_deref()),
                date_right(case.date.as_deref(), date.as_deref()),
                site_right(case.site.as_deref(), site.as_deref()),
                language_right(case.language.as_deref(), language.as_deref()),
            ),
            Extraction::Refused { .. } => (false, false, false, false, false),
        };
        rows.push(Row { case, extraction, overlap, title, byline, date, site, language });
    }
    Ok(Report { engine, rows })
}

/// Totals over the article pages.
#[derive(Debug, Clone, Copy, Default)]
pub struct Totals {
    pub pages: usize,
    pub micro: Overlap,
    pub mean_precision: f64,
    pub mean_recall: f64,
    pub mean_f1: f64,
    pub min_f1: f64,
    pub titles: usize,
    pub bylines: usize,
    pub dates: usize,
    pub sites: usize,
    pub languages: usize,
    pub no_article_pages: usize,
    pub refused: usize,
}

impl Report {
    pub fn totals(&self) -> Totals {
        let mut t = Totals { min_f1: 1.0, ..Default::default() };
        for r in &self.rows {
            match r.overlap {
                Some(o) => {
                    t.pages += 1;
                    t.micro = t.micro.add(o);
                    t.mean_precision += o.precision();
                    t.mean_recall += o.recall();
                    t.mean_f1 += o.f1();
                    t.min_f1 = t.min_f1.min(o.f1());
                    t.titles += r.title as usize;
                    t.bylines += r.byline as usize;
                    t.dates += r.date as usize;
                    t.sites += r.site as usize;
                    t.languages += r.language as usize;
                }
                None => {
                    t.no_article_pages += 1;
                    t.refused += r.refused() as usize;
                }
            }
        }
        if t.pages > 0 {
            let n = t.pages as f64;
            t.mean_precision /= n;
            t.mean_recall /= n;
            t.mean_f1 /= n;
        }
        t
    }

    /// The table: one row per page, the metadata that came out wrong, and the totals.
    pub fn render(&self) -> String {
        let yn = |b: bool| if b { "y" } else { "n" };
        let mut s = String::new();
        let _ = writeln!(s, "engine: {}", self.engine.name());
        let _ = writeln!(s, "{:<24} {:>6} {:>6} {:>6}  {:<5} {:<6} {:<4} {:<4} {:<4}  shape",
            "page", "P", "R", "F1", "title", "byline", "date", "site", "lang");
        for r in &self.rows {
            let shape: String = r.case.shape.chars().take(70).collect();
            match (&r.overlap, &r.extraction) {
                (Some(o), Extraction::Article { .. }) => {
                    let _ = writeln!(s, "{:<24} {:>6.3} {:>6.3} {:>6.3}  {:<5} {:<6} {:<4} {:<4} {:<4}  {shape}",
                        r.case.file, o.precision(), o.recall(), o.f1(), yn(r.title), yn(r.byline), yn(r.date), yn(r.site), yn(r.language));
                }
                (Some(_), Extraction::Refused { reason, .. }) => {
                    let _ = writeln!(s, "{:<24} {:>6.3} {:>6.3} {:>6.3}  REFUSED an article page: {reason}  [{shape}]", r.case.file, 0.0, 0.0, 0.0);
                }
                (None, Extraction::Refused { reason, .. }) => {
                    let _ = writeln!(s, "{:<24} {:>6} {:>6} {:>6}  no article: refused, right ({reason})  [{shape}]", r.case.file, "-", "-", "-");
                }
                (None, Extraction::Article { body, title, .. }) => {
                    let _ = writeln!(s, "{:<24} {:>6} {:>6} {:>6}  no article: NOT refused ({} words, title {:?})  [{shape}]",
                        r.case.file, "-", "-", "-", tokens(body).len(), title);
                }
            }
        }
        let mut wrong = String::new();
        for r in &self.rows {
            if let (Some(_), Extraction::Article { title, byline, date, site, language, .. }) = (&r.overlap, &r.extraction) {
                let c = &r.case;
                let checks: [(&str, bool, Option<&str>, Option<&str>); 5] = [
                    ("title", r.title, c.title.as_deref(), Some(title.as_str())),
                    ("byline", r.byline, c.byline.as_deref(), byline.as_deref()),
                    ("date", r.date, c.date.as_deref(), date.as_deref()),
                    ("site", r.site, c.site.as_deref(), site.as_deref()),
                    ("lang", r.language, c.language.as_deref(), language.as_deref()),
                ];
                for (what, ok, want, got) in checks {
                    if !ok {
                        let _ = writeln!(wrong, "  {:<24} {what}: want {want:?}, got {got:?}", c.file);
                    }
                }
            }
        }
        if !wrong.is_empty() {
            let _ = writeln!(s, "\nmetadata not right:\n{wrong}");
        }
        let t = self.totals();
        let pct = |k: usize| if t.pages == 0 { 0.0 } else { 100.0 * k as f64 / t.pages as f64 };
        let _ = writeln!(s, "\narticle pages: {}", t.pages);
        let _ = writeln!(s, "micro  P {:.3}  R {:.3}  F1 {:.3}   ({} shared / {} extracted / {} gold shingles)",
            t.micro.precision(), t.micro.recall(), t.micro.f1(), t.micro.shared, t.micro.extracted, t.micro.gold);
        let _ = writeln!(s, "mean   P {:.3}  R {:.3}  F1 {:.3}   (lowest page F1 {:.3})", t.mean_precision, t.mean_recall, t.mean_f1, t.min_f1);
        let _ = writeln!(s, "titles exactly right: {}/{} ({:.0}%)   bylines {}/{}   dates {}/{}   sites {}/{}   languages {}/{}",
            t.titles, t.pages, pct(t.titles), t.bylines, t.pages, t.dates, t.pages, t.sites, t.pages, t.languages, t.pages);
        let _ = writeln!(s, "no-article pages refused: {}/{}", t.refused, t.no_article_pages);
        s
    }
}

/// Lines of the extraction that are no gold line, and gold lines the extraction lacks (compared
/// as word sequences), for seeing where a page's precision or recall went.
pub fn line_diff(body: &str, gold: &str) -> (Vec<String>, Vec<String>) {
    let key = |l: &str| tokens(l).join(" ");
    let keys = |t: &str| t.lines().map(key).filter(|k| !k.is_empty()).collect::<std::collections::HashSet<_>>();
    let (bk, gk) = (keys(body), keys(gold));
    let extra = body.lines().filter(|l| !key(l).is_empty() && !gk.contains(&key(l))).map(str::to_string).collect();
    let missing = gold.lines().filter(|l| !key(l).is_empty() && !bk.contains(&key(l))).map(str::to_string).collect();
    (extra, missing)
}

impl Report {
    /// For every page: the extracted lines not in its gold text (+) and the gold lines not
    /// extracted (-).
    pub fn render_diff(&self, dir: &Path) -> String {
        let mut s = String::new();
        for r in &self.rows {
            let body = match &r.extraction {
                Extraction::Article { body, .. } => body.as_str(),
                Extraction::Refused { .. } => "",
            };
            let gold = if r.case.no_article { String::new() } else { std::fs::read_to_string(gold_path(dir, &r.case.file)).unwrap_or_default() };
            let (extra, missing) = line_diff(body, &gold);
            if extra.is_empty() && missing.is_empty() {
                continue;
            }
            let _ = writeln!(s, "== {}", r.case.file);
            for l in extra {
                let _ = writeln!(s, "+ {l}");
            }
            for l in missing {
                let _ = writeln!(s, "- {l}");
            }
        }
        s
    }
}

