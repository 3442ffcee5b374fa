//! The command line, as clap reads it: subcommands with their own `--help`, `-o FILE` and
//! `--output=FILE`, paths that need not be UTF-8.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::fetch::{self, Input, Sources};

#[derive(Parser)]
#[command(
    name = "lectern",
    version,
    about = "Lectern: read articles (text, Markdown, web pages, feeds, links) into a searchable reader",
    after_help = EXIT_CODES
)]
pub struct Cli {
    /// Print only errors: no progress, no summary.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print each step as it finishes, with its time.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

pub const EXIT_CODES: &str = "\
Exit codes:
  0  done
  1  done in part, or not at all: some sources could not be read (inspect), nothing could be
     read, or the output could not be written
  2  the command line is wrong: an unknown option, a missing value, a source that does not exist";

#[derive(Subcommand)]
pub enum Command {
    /// Read articles exactly as the reader does, and print what was derived: title, byline,
    /// date, sections, quotes, topics.
    Inspect(InspectArgs),
    /// Write one bundle file (or, with --split, a folder) with everything the reader needs for
    /// the articles; load it with <lectern-reader src=FILE> or the site's ?src=FILE.
    Bundle(BundleArgs),
    /// Write a complete static site: the reader, the articles' bundle and an index.html.
    Build(BuildArgs),
    /// Preview a built site on 127.0.0.1; given sources, build them, watch them, rebuild what
    /// changed and reload the open page.
    Serve(ServeArgs),
}

/// Files, folders and links to read.
#[derive(Args, Clone)]
pub struct SourceArgs {
    /// A file (text, Markdown, a web page or web archive, an RSS, Atom or JSON feed), a folder
    /// of them, or an http(s) link to a page or a feed.
    #[arg(value_name = "SOURCE")]
    pub sources: Vec<OsString>,
    /// Also read the links listed in FILE, one a line (blank lines and # comments skipped).
    #[arg(long, value_name = "FILE")]
    pub urls: Vec<PathBuf>,
    /// Fetch links again even when the cache has them.
    #[arg(long)]
    pub refetch: bool,
}

#[derive(Args)]
pub struct InspectArgs {
    #[command(flatten)]
    pub sources: SourceArgs,
    /// Print the JSON described in CONTRACT.md instead of a summary.
    #[arg(long)]
    pub json: bool,
    /// Report what could be read even when some sources cannot be (the exit code is still 1).
    #[arg(long)]
    pub keep_going: bool,
}

#[derive(Args)]
pub struct BundleArgs {
    #[command(flatten)]
    pub sources: SourceArgs,
    /// The file to write, conventionally NAME.lectern (with --split, a folder).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Write a split bundle: a folder of parts fetched on demand, for archives of thousands.
    #[arg(long)]
    pub split: bool,
}

#[derive(Args, Clone)]
pub struct SiteArgs {
    /// The site's title (default: the feed's or folder's name).
    #[arg(long)]
    pub title: Option<String>,
    /// One sentence about the collection, for search engines and link previews.
    #[arg(long)]
    pub description: Option<String>,
    /// Where the site will be published (https://example.org/news/); without it every path is
    /// relative and the site works under any folder of any host.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// The reader's colours.
    #[arg(long, value_enum, default_value_t = Theme::Auto)]
    pub theme: Theme,
    /// The panels to show, of list, reader, quotes and map (comma-separated; default all).
    #[arg(long, value_name = "LIST")]
    pub panels: Option<String>,
    /// Split the bundle into parts fetched on demand: auto splits large archives.
    #[arg(long, value_enum, default_value_t = Split::Auto)]
    pub split: Split,
}

#[derive(Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub sources: SourceArgs,
    #[command(flatten)]
    pub site: SiteArgs,
    /// The folder to write (with --single-file, the HTML file).
    #[arg(short, long, value_name = "SITE")]
    pub output: PathBuf,
    /// Write one self-contained HTML file that works opened from disk (file://).
    #[arg(long)]
    pub single_file: bool,
    /// Replace the output folder even when it holds files that are not an earlier build's.
    #[arg(long)]
    pub force: bool,
}

#[derive(Args)]
pub struct ServeArgs {
    /// A built site's folder, or sources to build, watch and rebuild (default: this folder).
    #[command(flatten)]
    pub sources: SourceArgs,
    #[command(flatten)]
    pub site: SiteArgs,
    /// The port on 127.0.0.1.
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Split {
    Auto,
    Always,
    Never,
}

impl SourceArgs {
    /// The sources in command-line order, links told from paths; then the link lists.
    pub fn to_sources(&self) -> Sources {
        let mut inputs: Vec<Input> = self.sources.iter().map(input).collect();
        inputs.extend(self.urls.iter().cloned().map(Input::UrlList));
        Sources { inputs, refetch: self.refetch }
    }

    /// The first path given that does not exist, if any: a mistake on the command line.
    pub fn missing_path(&self) -> Option<PathBuf> {
        self.to_sources().inputs.into_iter().find_map(|i| match i {
            Input::Path(path) if std::fs::symlink_metadata(&path).is_err() => Some(path),
            _ => None,
        })
    }
}

fn input(arg: &OsString) -> Input {
    match arg.to_str() {
        Some(text) if fetch::is_url(text) => Input::Url(text.to_string()),
        _ => Input::Path(PathBuf::from(arg)),
    }
}

impl Theme {
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}
