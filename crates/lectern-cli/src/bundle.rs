//! `lectern bundle PATH... -o FILE`: articles into one file a reader loads with `src=`; with
//! `--split`, into a folder of parts fetched on demand (see `lectern_core::bundle::split`).
//! Links among the inputs are fetched first (see `fetch`).

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use flate2::write::GzEncoder;
use flate2::Compression;
use lectern_core::bundle::{encode, encode_part, split, Bundle, PartRef, SplitBundle, DEFAULT_SHARD_BYTES};
use lectern_core::{push_unique, Article};

use crate::fetch::{self, Sources};

pub fn run(sources: &Sources, output: &Path, split: bool) -> ExitCode {
    let started = Instant::now();
    let mut progress = Progress::new();
    let mut articles: Vec<Article> = Vec::new();
    let mut skipped = Vec::new();
    for result in fetch::read(sources, |status| progress.show(status)) {
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
    let quotes: usize = bundle.articles.iter().map(|a| a.quotes.len()).sum();
    let (count, topics) = (bundle.articles.len(), bundle.topics.topics.len());
    let written = if split { write_split(bundle, output, &mut progress) } else { write_whole(&bundle, output) };
    progress.clear();
    let written = match written {
        Ok(what) => what,
        Err(e) => {
            eprintln!("lectern: could not write {}: {e}", output.display());
            return ExitCode::FAILURE;
        }
    };
    eprintln!(
        "lectern: wrote {}: {} articles, {} quotes, {} topics{} in {:.1} s",
        written,
        count,
        quotes,
        topics,
        if skipped.is_empty() { String::new() } else { format!("; skipped {} (above)", if skipped.len() == 1 { "1 file".to_string() } else { format!("{} files", skipped.len()) }) },
        started.elapsed().as_secs_f64(),
    );
    ExitCode::SUCCESS
}

fn write_whole(bundle: &Bundle, output: &Path) -> std::io::Result<String> {
    let bytes = encode(bundle);
    std::fs::write(output, &bytes)?;
    Ok(format!("{} ({})", output.display(), size(bytes.len())))
}

/// The head, shards, articles and topic table of a split bundle, each gzip-compressed: static
/// hosts do not all compress unknown file types, and browsers inflate gzip natively.
fn write_split(bundle: Bundle, output: &Path, progress: &mut Progress) -> std::io::Result<String> {
    let parts = split(bundle, DEFAULT_SHARD_BYTES);
    for folder in ["s", "a"] {
        let folder = output.join(folder);
        if folder.exists() {
            // Parts of an earlier build would be refused by the new head, not mixed in; clear them.
            std::fs::remove_dir_all(&folder)?;
        }
        std::fs::create_dir_all(folder)?;
    }
    let write = |name: &str, part: PartRef| -> std::io::Result<usize> {
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&encode_part(&part))?;
        let bytes = gz.finish()?;
        std::fs::write(output.join(name), &bytes)?;
        Ok(bytes.len())
    };
    let head = write(SplitBundle::head_name(), PartRef::Head(&parts.head))?;
    let mut total = head + write(SplitBundle::passage_topics_name(), PartRef::PassageTopics(&parts.passage_topics))?;
    for (i, shard) in parts.shards.iter().enumerate() {
        progress.show(&format!("writing shard {}/{}", i + 1, parts.shards.len()));
        total += write(&SplitBundle::shard_name(i), PartRef::Shard(shard))?;
    }
    for (i, article) in parts.articles.iter().enumerate() {
        progress.show(&format!("writing article {}/{}", i + 1, parts.articles.len()));
        total += write(&SplitBundle::article_name(i), PartRef::Article(article))?;
    }
    Ok(format!(
        "{} ({} in all; head {}, {} index shards, {} article files)",
        output.join(SplitBundle::head_name()).display(),
        size(total),
        size(head),
        parts.shards.len(),
        parts.articles.len()
    ))
}

fn size(bytes: usize) -> String {
    match bytes {
        b if b < 1024 * 1024 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

/// One status line on a terminal, rewritten in place at most ten times a second; nothing when
/// stderr is a file or a pipe (logs want the summary, not a thousand updates).
pub(crate) struct Progress {
    live: bool,
    last: Option<Instant>,
}

impl Progress {
    pub(crate) fn new() -> Self {
        Progress { live: std::io::stderr().is_terminal(), last: None }
    }

    pub(crate) fn show(&mut self, text: &str) {
        if !self.live || self.last.is_some_and(|t| t.elapsed().as_millis() < 100) {
            return;
        }
        self.last = Some(Instant::now());
        let _ = write!(std::io::stderr(), "\r\x1b[2Klectern: {text}…");
    }

    pub(crate) fn clear(&mut self) {
        if self.live {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
            self.last = None;
        }
    }
}
