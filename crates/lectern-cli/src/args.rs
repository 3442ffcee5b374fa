//! Command-line arguments, parsed by hand: two flags do not justify a dependency.

use std::path::PathBuf;

pub const USAGE: &str = "\
Usage: lectern inspect [--json] [--keep-going] PATH...

Read article files (.txt, .md) or folders of them exactly as the reader's build does,
and print what was derived: title, byline, date, sections.

Options:
  --json         print the JSON described in CONTRACT.md instead of a summary
  --keep-going   report the readable files even when some cannot be read
                 (the exit status is still non-zero)
  -h, --help     show this help
  -V, --version  show the version
";

pub enum Command {
    Help,
    Version,
    Inspect(Inspect),
}

pub struct Inspect {
    pub json: bool,
    pub keep_going: bool,
    pub paths: Vec<PathBuf>,
}

pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
    let command = match args.next().as_deref() {
        None | Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("-V" | "--version") => return Ok(Command::Version),
        Some("inspect") => "inspect",
        Some(other) => return Err(format!("unknown command '{other}'")),
    };
    let mut inspect = Inspect { json: false, keep_going: false, paths: Vec::new() };
    let mut only_paths = false;
    for arg in args {
        match arg.as_str() {
            _ if only_paths => inspect.paths.push(arg.into()),
            "--" => only_paths = true,
            "--json" => inspect.json = true,
            "--keep-going" => inspect.keep_going = true,
            "-h" | "--help" => return Ok(Command::Help),
            flag if flag.starts_with('-') && flag.len() > 1 => {
                return Err(format!("unknown option '{flag}' for {command}"))
            }
            _ => inspect.paths.push(arg.into()),
        }
    }
    if inspect.paths.is_empty() {
        return Err(format!("{command} needs at least one file or folder"));
    }
    Ok(Command::Inspect(inspect))
}
