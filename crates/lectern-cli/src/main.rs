//! `lectern`: the command-line face of lectern-core. `inspect` reads articles exactly as the
//! reader does and prints what it derived, so what it prints is what readers see; `bundle`
//! writes the file a reader loads with `src=`; `build` writes a whole static site with the
//! reader carried inside this binary; `serve` previews one. All take links too (`fetch`).

mod bundle;
mod cli;
mod fetch;
mod inspect;
mod progress;
mod report;
mod serve;
mod site;

use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::Parser;
use cli::{Cli, Command, SourceArgs};

fn main() -> ExitCode {
    let mut cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    // `lectern serve` alone serves the current folder: a built site, or sources to build.
    if let Command::Serve(args) = &mut cli.command {
        if args.sources.sources.is_empty() && args.sources.urls.is_empty() {
            args.sources.sources.push(".".into());
        }
    }
    progress::set_level(cli.quiet, cli.verbose);
    let sources = match &cli.command {
        Command::Inspect(a) => &a.sources,
        Command::Bundle(a) => &a.sources,
        Command::Build(a) => &a.sources,
        Command::Serve(a) => &a.sources,
    };
    if let Err(why) = check_sources(sources) {
        eprintln!("lectern: {why}");
        return ExitCode::from(2);
    }
    match &cli.command {
        Command::Inspect(args) => inspect::run(args),
        Command::Bundle(args) => bundle::run(args),
        Command::Build(args) => site::run(args),
        Command::Serve(args) => serve::run(args),
    }
}

/// Help and the version are printed as clap writes them; a mistake gets one line, exit 2.
fn usage_error(error: &clap::Error) -> ExitCode {
    if matches!(error.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = error.print();
        return ExitCode::SUCCESS;
    }
    if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let _ = error.print();
        return ExitCode::from(2);
    }
    // clap's first paragraph, on one line: "the following required arguments were not
    // provided: --output <SITE>".
    let rendered = error.render().to_string();
    let said: Vec<&str> = rendered.lines().take_while(|l| !l.trim().is_empty()).map(str::trim).collect();
    let said = said.join(" ");
    let said = said.trim_start_matches("error: ");
    eprintln!("lectern: {said} (see lectern --help)");
    ExitCode::from(2)
}

fn check_sources(sources: &SourceArgs) -> Result<(), String> {
    if sources.sources.is_empty() && sources.urls.is_empty() {
        return Err("give at least one file, folder or link to read (see lectern --help)".to_string());
    }
    match sources.missing_path() {
        Some(path) => Err(format!("{}: no such file or folder", path.display())),
        None => Ok(()),
    }
}
