//! `lectern`: the command-line face of lectern-core. `inspect` reads article files exactly as the
//! reader's build does and prints what it derived, so what it prints is what readers see;
//! `bundle` writes them into the file a reader loads with `src=`. Both take links too (`fetch`).

mod args;
mod bundle;
mod fetch;
mod report;

use std::io::Write;
use std::process::ExitCode;

use args::{Command, Inspect};
use lectern_core::{inspect::Inspection, push_unique, Article};

fn main() -> ExitCode {
    match args::parse(std::env::args().skip(1)) {
        Ok(Command::Help) => {
            print!("{}", args::USAGE);
            ExitCode::SUCCESS
        }
        Ok(Command::Version) => {
            println!("lectern {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Ok(Command::Inspect(options)) => run_inspect(&options),
        Ok(Command::Bundle { sources, output, split }) => bundle::run(&sources, &output, split),
        Err(message) => {
            eprintln!("lectern: {message}\n\n{}", args::USAGE);
            ExitCode::from(2)
        }
    }
}

fn run_inspect(options: &Inspect) -> ExitCode {
    let mut articles: Vec<Article> = Vec::new();
    let mut failed = false;
    let mut progress = bundle::Progress::new();
    let results = fetch::read(&options.sources, |status| progress.show(status));
    progress.clear();
    for result in results {
        match result {
            Ok(article) => push_unique(&mut articles, article),
            Err(e) => {
                eprintln!("lectern: {e}");
                failed = true;
                if !options.keep_going {
                    return ExitCode::FAILURE;
                }
            }
        }
    }
    let printed = if options.json {
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
