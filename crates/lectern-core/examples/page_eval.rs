//! Scores web-page extraction on the hand-written page set (tests/data/pages).
//!
//!     cargo run --release -p lectern-core --example page_eval [-- --engine lectern|dom_smoothie] [DIR]
//!
//! One row per page (precision, recall and F1 of word-4-gram shingles against the gold text, and
//! whether the title, byline, date, site and language are right), then the totals. The same
//! scoring backs `tests/pages_eval.rs`; see `page_eval/score.rs` for the metric. `--diff` also
//! prints, per page, the extracted lines that are not in the gold text (+) and the gold lines
//! that were not extracted (-).

#[path = "page_eval/score.rs"]
mod score;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut engine = score::Engine::Lectern;
    let mut dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/pages"));
    let mut diff = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = if arg == "--engine" {
            args.next()
        } else if let Some(v) = arg.strip_prefix("--engine=") {
            Some(v.to_string())
        } else if arg == "--diff" {
            diff = true;
            continue;
        } else if arg == "-h" || arg == "--help" {
            println!("usage: page_eval [--engine lectern|dom_smoothie] [--diff] [DIR]");
            return ExitCode::SUCCESS;
        } else if arg.starts_with('-') {
            eprintln!("page_eval: unknown option {arg}\nusage: page_eval [--engine lectern|dom_smoothie] [--diff] [DIR]");
            return ExitCode::from(2);
        } else {
            dir = PathBuf::from(arg);
            continue;
        };
        match value.as_deref().and_then(score::Engine::parse) {
            Some(e) => engine = e,
            None => {
                eprintln!("page_eval: --engine takes lectern or dom_smoothie");
                return ExitCode::from(2);
            }
        }
    }
    match score::evaluate(&dir, engine) {
        Ok(report) => {
            print!("{}", report.render());
            if diff {
                print!("\n{}", report.render_diff(&dir));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("page_eval: {e}");
            ExitCode::FAILURE
        }
    }
}
