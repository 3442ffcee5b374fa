//! `cargo xtask …`: building, packaging and measuring Lectern, in Rust so that none of it needs
//! Python. `cargo xtask dist` writes what people install (see `dist`); `cargo xtask post-build`
//! is Trunk's hook; the rest are for benchmarks and checks.

mod archive;
mod dist;
mod npm;
mod pages;
mod reader_build;
mod size_report;
mod trunk_hook;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Build, package and measure Lectern")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Write target/dist/: the `lectern` binary with the reader inside, its release archive, and
    /// the npm package `lectern-reader`.
    Dist,
    /// Build the reader with no articles of its own into target/reader (what `lectern build`
    /// and the npm package carry).
    Reader,
    /// Build `lectern` with the reader inside and install it with `cargo install`.
    Install,
    /// Trunk's post_build hook: the early start in index.html, and embed.js (needs
    /// TRUNK_STAGING_DIR, or the folder as an argument).
    PostBuild { folder: Option<PathBuf> },
    /// Print the gzip size of what a browser downloads on first load of a built site, and fail
    /// above the budget.
    SizeReport {
        #[arg(default_value = "dist")]
        folder: PathBuf,
        #[arg(long, default_value_t = 150.0)]
        budget_kb: f64,
    },
    /// Write a synthetic news archive of COUNT Markdown articles for scale benchmarks.
    MakeArchive {
        count: usize,
        out: PathBuf,
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
    /// Write COUNT saved-news-page look-alikes for the page-bundling benchmark.
    MakePages {
        out: PathBuf,
        #[arg(default_value_t = 1000)]
        count: usize,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().task {
        Task::Dist => dist::dist().map(|_| ()),
        Task::Reader => reader_build::build().map(|_| ()),
        Task::Install => dist::install(),
        Task::PostBuild { folder } => trunk_hook::run(folder),
        Task::SizeReport { folder, budget_kb } => size_report::run(&folder, budget_kb),
        Task::MakeArchive { count, out, seed } => archive::make_archive(count, seed, &out).map_err(|e| e.to_string()),
        Task::MakePages { out, count } => pages::make_pages(&out, count).map_err(|e| e.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("xtask: {why}");
            ExitCode::FAILURE
        }
    }
}

/// The repository's root folder.
pub fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// `path` made absolute (commands run elsewhere are given it).
pub fn absolute(path: &Path) -> Result<PathBuf, String> {
    std::fs::canonicalize(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Run `command`, failing with its name when it does not succeed.
pub fn run(command: &mut std::process::Command) -> Result<(), String> {
    let name = format!("{:?}", command.get_program());
    let status = command.status().map_err(|e| format!("could not run {name}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("{name} failed ({status})")) }
}
