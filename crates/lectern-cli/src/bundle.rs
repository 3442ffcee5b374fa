//! `lectern bundle PATH... -o FILE`: articles into one file a reader loads with `src=`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use lectern_core::bundle::{encode, Bundle};
use lectern_core::{files, push_unique, Article};

pub fn run(paths: &[PathBuf], output: &Path) -> ExitCode {
    let started = Instant::now();
    let mut progress = Progress::new();
    let mut articles: Vec<Article> = Vec::new();
    let mut skipped = Vec::new();
    for result in files::ingest_paths_with(paths, |done, total| progress.show(&format!("reading {done}/{total} files"))) {
        match result {
            Ok(article) => push_unique(&mut articles, article),
            Err(e) => skipped.push(e.to_string()),
        }
    }
    progress.clear();
    for why in &skipped {
        eprintln!("lectern: skipped {why}");
    }
    if articles.is_empty() {
        eprintln!("lectern: no articles to bundle; nothing written");
        return ExitCode::FAILURE;
    }
    progress.show(&format!("indexing {} articles, finding quotes and topics", articles.len()));
    let bundle = Bundle::build(articles);
    let bytes = encode(&bundle);
    progress.clear();
    if let Err(e) = std::fs::write(output, &bytes) {
        eprintln!("lectern: could not write {}: {e}", output.display());
        return ExitCode::FAILURE;
    }
    let quotes: usize = bundle.articles.iter().map(|a| a.quotes.len()).sum();
    eprintln!(
        "lectern: wrote {} ({}): {} articles, {} quotes, {} topics{} in {:.1} s",
        output.display(),
        size(bytes.len()),
        bundle.articles.len(),
        quotes,
        bundle.topics.topics.len(),
        if skipped.is_empty() { String::new() } else { format!("; skipped {} (above)", if skipped.len() == 1 { "1 file".to_string() } else { format!("{} files", skipped.len()) }) },
        started.elapsed().as_secs_f64(),
    );
    ExitCode::SUCCESS
}

fn size(bytes: usize) -> String {
    match bytes {
        b if b < 1024 * 1024 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

/// One status line on a terminal, rewritten in place at most ten times a second; nothing when
/// stderr is a file or a pipe (logs want the summary, not a thousand updates).
struct Progress {
    live: bool,
    last: Option<Instant>,
}

impl Progress {
    fn new() -> Self {
        Progress { live: std::io::stderr().is_terminal(), last: None }
    }

    fn show(&mut self, text: &str) {
        if !self.live || self.last.is_some_and(|t| t.elapsed().as_millis() < 100) {
            return;
        }
        self.last = Some(Instant::now());
        let _ = write!(std::io::stderr(), "\r\x1b[2Klectern: {text}…");
    }

    fn clear(&mut self) {
        if self.live {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
            self.last = None;
        }
    }
}
