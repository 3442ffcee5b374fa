//! `lectern bundle SOURCE... -o FILE`: articles into one file a reader loads with `src=`; with
//! `--split`, into a folder of parts fetched on demand (see `lectern_core::bundle::split`).
//! `lectern build` writes its site's bundle with the same code.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use flate2::write::GzEncoder;
use flate2::Compression;
use lectern_core::bundle::{encode, encode_part, split, Bundle, PartRef, SplitBundle, DEFAULT_SHARD_BYTES};
use lectern_core::{push_unique, Article};

use crate::cli::BundleArgs;
use crate::fetch::{self, Sources};
use crate::progress::{say, Bar};

/// What the sources gave: their articles (duplicates dropped), and a line for each source that
/// gave none.
pub struct Collected {
    pub articles: Vec<Article>,
    pub skipped: Vec<String>,
}

/// Read every source, showing the steps on `bar`; each source that cannot be read is named.
pub fn collect(sources: &Sources, bar: &mut Bar) -> Collected {
    let mut articles: Vec<Article> = Vec::new();
    let mut skipped = Vec::new();
    for result in fetch::read(sources, |step, done, total| bar.show(step, done, total)) {
        match result {
            Ok(article) => push_unique(&mut articles, article),
            Err(e) => skipped.push(e.to_string()),
        }
    }
    bar.clear();
    for why in &skipped {
        eprintln!("lectern: skipped {why}");
    }
    Collected { articles, skipped }
}

/// "; skipped 2 sources (above)", or nothing.
pub fn skipped_note(skipped: usize) -> String {
    match skipped {
        0 => String::new(),
        1 => "; skipped 1 source (above)".to_string(),
        n => format!("; skipped {n} sources (above)"),
    }
}

pub fn run(args: &BundleArgs) -> ExitCode {
    let started = Instant::now();
    let mut bar = Bar::new();
    let Collected { articles, skipped } = collect(&args.sources.to_sources(), &mut bar);
    if articles.is_empty() {
        eprintln!("lectern: no articles to bundle; nothing written");
        return ExitCode::FAILURE;
    }
    let bundle = Bundle::build_with(articles, &mut bar);
    let counts = Counts::of(&bundle);
    let written = if args.split {
        write_split(bundle, &args.output, &mut bar).map(|w| w.summary)
    } else {
        write_whole(&bundle, &args.output)
    };
    bar.clear();
    match written {
        Ok(what) => {
            say(&format!("wrote {what}: {counts}{} in {:.1} s", skipped_note(skipped.len()), started.elapsed().as_secs_f64()));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("lectern: could not write {}: {e}", args.output.display());
            ExitCode::FAILURE
        }
    }
}

/// How much a bundle holds, for the summary line.
pub struct Counts {
    articles: usize,
    quotes: usize,
    topics: usize,
}

impl Counts {
    pub fn of(bundle: &Bundle) -> Self {
        let quotes = bundle.articles.iter().map(|a| a.quotes.len()).sum();
        Counts { articles: bundle.articles.len(), quotes, topics: bundle.topics.topics.len() }
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} articles, {} quotes, {} topics", self.articles, self.quotes, self.topics)
    }
}

pub fn write_whole(bundle: &Bundle, output: &Path) -> std::io::Result<String> {
    let bytes = encode(bundle);
    std::fs::write(output, &bytes)?;
    Ok(format!("{} ({})", output.display(), size(bytes.len())))
}

/// What a split bundle's writing left: a summary, and every file's name in the folder.
pub struct SplitWritten {
    pub summary: String,
    pub names: Vec<String>,
}

/// The head, shards, articles and topic table of a split bundle, each gzip-compressed: static
/// hosts do not all compress unknown file types, and browsers inflate gzip natively.
pub fn write_split(bundle: Bundle, output: &Path, bar: &mut Bar) -> std::io::Result<SplitWritten> {
    let parts = split(bundle, DEFAULT_SHARD_BYTES);
    for folder in ["s", "a"] {
        let folder = output.join(folder);
        if folder.exists() {
            // Parts of an earlier build would be refused by the new head, not mixed in; clear them.
            std::fs::remove_dir_all(&folder)?;
        }
        std::fs::create_dir_all(folder)?;
    }
    let mut names = Vec::new();
    let mut write = |name: &str, part: PartRef| -> std::io::Result<usize> {
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&encode_part(&part))?;
        let bytes = gz.finish()?;
        std::fs::write(output.join(name), &bytes)?;
        names.push(name.to_string());
        Ok(bytes.len())
    };
    let head = write(SplitBundle::head_name(), PartRef::Head(&parts.head))?;
    let mut total = head + write(SplitBundle::passage_topics_name(), PartRef::PassageTopics(&parts.passage_topics))?;
    let count = parts.shards.len() + parts.articles.len();
    for (i, shard) in parts.shards.iter().enumerate() {
        bar.show("writing", i + 1, count);
        total += write(&SplitBundle::shard_name(i), PartRef::Shard(shard))?;
    }
    for (i, article) in parts.articles.iter().enumerate() {
        bar.show("writing", parts.shards.len() + i + 1, count);
        total += write(&SplitBundle::article_name(i), PartRef::Article(article))?;
    }
    let summary = format!(
        "{} ({} in all; head {}, {} index shards, {} article files)",
        output.join(SplitBundle::head_name()).display(),
        size(total),
        size(head),
        parts.shards.len(),
        parts.articles.len()
    );
    Ok(SplitWritten { summary, names })
}

pub fn size(bytes: usize) -> String {
    match bytes {
        b if b < 1024 * 1024 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}
