//! Command-line arguments, parsed by hand: two flags do not justify a dependency.

use std::path::PathBuf;

pub const USAGE: &str = "\
Usage: lectern inspect [--json] [--keep-going] PATH...
       lectern bundle PATH... -o FILE
       lectern bundle --split PATH... -o FOLDER

inspect  Read article files (.txt, .md) or folders of them exactly as the reader's build
         does, and print what was derived: title, byline, date, sections, quotes, topics.
bundle   Write one bundle file with everything the reader needs for those articles (text,
         search index, quotes, topics and their layout); load it with
         <lectern-reader src=FILE> or the site's ?src=FILE. Files that cannot be read as
         articles are skipped and listed with the reason.
         With --split, write a folder for large archives instead: FOLDER/index.lectern
         plus index shards and one file per article, compressed, which the reader fetches
         only when a query or the open article needs them; load FOLDER/index.lectern.

Options:
  --json         (inspect) print the JSON described in CONTRACT.md instead of a summary
  --keep-going   (inspect) report the readable files even when some cannot be read
                 (the exit status is still non-zero)
  -o, --output   (bundle) the file to write, conventionally NAME.lectern (with --split,
                 the folder)
  --split        (bundle) write a split bundle, for archives of thousands of articles
  -h, --help     show this help
  -V, --version  show the version
";

pub enum Command {
    Help,
    Version,
    Inspect(Inspect),
    Bundle { paths: Vec<PathBuf>, output: PathBuf, split: bool },
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
        Some("bundle") => "bundle",
        Some(other) => return Err(format!("unknown command '{other}'")),
    };
    let mut inspect = Inspect { json: false, keep_going: false, paths: Vec::new() };
    let mut output = None;
    let mut split = false;
    let mut only_paths = false;
    let mut args = args;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            _ if only_paths => inspect.paths.push(arg.into()),
            "--" => only_paths = true,
            "--json" if command == "inspect" => inspect.json = true,
            "--keep-going" if command == "inspect" => inspect.keep_going = true,
            "--split" if command == "bundle" => split = true,
            "-o" | "--output" if command == "bundle" => {
                output = Some(args.next().ok_or("-o needs the file to write")?.into());
            }
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
    if command == "bundle" {
        let output = output.ok_or("bundle needs -o FILE, the bundle to write")?;
        return Ok(Command::Bundle { paths: inspect.paths, output, split });
    }
    Ok(Command::Inspect(inspect))
}
