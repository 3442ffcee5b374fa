//! `lectern inspect SOURCE...`: what the reader would derive from each article, as a summary
//! or as the JSON of CONTRACT.md §2.

use std::io::Write;
use std::process::ExitCode;

use lectern_core::{inspect::Inspection, push_unique, Article};

use crate::cli::InspectArgs;
use crate::fetch;
use crate::progress::Bar;
use crate::report;

pub fn run(args: &InspectArgs) -> ExitCode {
    let mut articles: Vec<Article> = Vec::new();
    let mut failed = false;
    let mut bar = Bar::new();
    let results = fetch::read(&args.sources.to_sources(), |step, done, total| bar.show(step, done, total));
    bar.clear();
    for result in results {
        match result {
            Ok(article) => push_unique(&mut articles, article),
            Err(e) => {
                eprintln!("lectern: {e}");
                failed = true;
                if !args.keep_going {
                    return ExitCode::FAILURE;
                }
            }
        }
    }
    let printed = if args.json {
        serde_json::to_string_pretty(&Inspection::new(&articles))
            .map_err(std::io::Error::other)
            .and_then(|json| writeln!(std::io::stdout(), "{json}"))
    } else {
        report::write(&mut std::io::stdout(), &articles)
    };
    if let Err(e) = printed {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("lectern: could not write the report: {e}");
            return ExitCode::FAILURE;
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
