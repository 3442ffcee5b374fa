//! The gzip size of what a browser downloads on first load of a built site: index.html and
//! every file of the folder it names (scripts, styles, icons, the wasm the glue fetches). Over
//! the budget is an error, so growth is a decision, not a drift. The worker that reads added
//! files is fetched only when used: reported apart, not counted.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

pub fn run(folder: &Path, budget_kb: f64) -> Result<(), String> {
    let page = std::fs::read_to_string(folder.join("index.html"))
        .map_err(|_| format!("no {}/index.html; build the site first", folder.display()))?;
    let (mut raw_total, mut gzip_total) = (0, 0);
    println!("{:<44} {:>10} {:>10}", "file", "bytes", "gzip");
    for path in first_load_files(folder, &page) {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let gz = gzip_len(&bytes);
        raw_total += bytes.len();
        gzip_total += gz;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        println!("{name:<44} {:>10} {gz:>10}", bytes.len());
    }
    println!("{:<44} {raw_total:>10} {gzip_total:>10}", "first load total");
    let within = gzip_total as f64 <= budget_kb * 1024.0;
    let verdict = if within { "within" } else { "OVER" };
    println!("size report: {:.1} KB gzip, {verdict} the {budget_kb:.0} KB budget", gzip_total as f64 / 1024.0);
    let later = on_demand(folder);
    if !later.is_empty() {
        let gz: usize = later.iter().filter_map(|p| std::fs::read(p).ok()).map(|b| gzip_len(&b)).sum();
        println!("on demand (adding files, {} files of lectern-worker): {:.1} KB gzip", later.len(), gz as f64 / 1024.0);
    }
    if within { Ok(()) } else { Err(format!("the first load is over the {budget_kb:.0} KB budget")) }
}

pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(bytes).and_then(|_| gz.finish()).map_or(0, |b| b.len())
}

/// index.html and every file of `folder` it names. Attribute quoting varies once Trunk minifies
/// the page, so names are matched by their endings, wherever they appear.
fn first_load_files(folder: &Path, page: &str) -> BTreeSet<PathBuf> {
    const ENDINGS: [&str; 9] = [".js", ".mjs", ".wasm", ".css", ".svg", ".png", ".ico", ".woff", ".woff2"];
    let mut files = BTreeSet::from([folder.join("index.html")]);
    let is_name = |c: char| c.is_ascii_alphanumeric() || "._/-".contains(c);
    for word in page.split(|c: char| !is_name(c)) {
        if !ENDINGS.iter().any(|e| word.ends_with(e)) {
            continue;
        }
        let name = word.trim_start_matches("./").trim_start_matches('/');
        let path = folder.join(name);
        if !name.split('/').any(|p| p == "..") && path.is_file() {
            files.insert(path);
        }
    }
    files
}

fn on_demand(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut later: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("lectern-worker")))
        .collect();
    later.sort();
    later
}
