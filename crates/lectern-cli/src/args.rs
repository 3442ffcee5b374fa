//! Command-line arguments, parsed by hand: a few flags do not justify a dependency.

use std::path::PathBuf;

use crate::fetch::{self, Input, Sources};

pub const USAGE: &str = "\
Usage: lectern inspect [--json] [--keep-going] [--refetch] [--urls FILE] PATH|URL...
       lectern bundle [--refetch] [--urls FILE] PATH|URL... -o FILE
       lectern bundle --split [--refetch] [--urls FILE] PATH|URL... -o FOLDER

inspect  Read articles exactly as the reader's build does, and print what was derived:
         title, byline, date, sections, quotes, topics. A PATH is a file (text, Markdown,
         a web page or web archive, an RSS, Atom or JSON feed) or a folder of them; a URL
         is a web page or a feed.
bundle   Write one bundle file with everything the reader needs for those articles (text,
         search index, quotes, topics and their layout); load it with
         <lectern-reader src=FILE> or the site's ?src=FILE. Files and links that cannot be
         read as articles are skipped and listed with the reason.
         With --split, write a folder for large archives instead: FOLDER/index.lectern
         plus index shards and one file per article, compressed, which the reader fetches
         only when a query or the open article needs them; load FOLDER/index.lectern.

Links (http:// or https://; a feed's link gives its articles) are fetched politely, as
lectern/VERSION: four at a time and one per site, obeying robots.txt, with retries, and
kept in a cache ($LECTERN_CACHE_DIR, else $XDG_CACHE_HOME/lectern/fetch or
~/.cache/lectern/fetch) so that a rebuild does not fetch them again. A link that cannot
be fetched is reported, like a file that cannot be read, on one line with the reason.

Options:
  --json         (inspect) print the JSON described in CONTRACT.md instead of a summary
  --keep-going   (inspect) report what could be read even when some inputs cannot be
                 (the exit status is still non-zero)
  -o, --output   (bundle) the file to write, conventionally NAME.lectern (with --split,
                 the folder)
  --split        (bundle) write a split bundle, for archives of thousands of articles
  --urls FILE    read links from FILE, one a line (blank lines and # comments skipped)
  --refetch      fetch links again even when the cache has them
  -h, --help     show this help
  -V, --version  show the version
";

pub enum Command {
    Help,
    Version,
    Inspect(Inspect),
    Bundle { sources: Sources, output: PathBuf, split: bool },
}

pub struct Inspect {
    pub json: bool,
    pub keep_going: bool,
    pub sources: Sources,
}

pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
    let command = match args.next().as_deref() {
        None | Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("-V" | "--version") => return Ok(Command::Version),
        Some("inspect") => "inspect",
        Some("bundle") => "bundle",
        Some(other) => return Err(format!("unknown command '{other}'")),
    };
    let mut inspect = Inspect { json: false, keep_going: false, sources: Sources::default() };
    let mut output = None;
    let mut split = false;
    let mut only_paths = false;
    let mut args = args;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            _ if only_paths => inspect.sources.inputs.push(input(arg)),
            "--" => only_paths = true,
            "--json" if command == "inspect" => inspect.json = true,
            "--keep-going" if command == "inspect" => inspect.keep_going = true,
            "--split" if command == "bundle" => split = true,
            "--refetch" => inspect.sources.refetch = true,
            "--urls" => {
                let file = args.next().ok_or("--urls needs the file listing the links")?;
                inspect.sources.inputs.push(Input::UrlList(file.into()));
            }
            "-o" | "--output" if command == "bundle" => {
                output = Some(args.next().ok_or("-o needs the file to write")?.into());
            }
            "-h" | "--help" => return Ok(Command::Help),
            flag if flag.starts_with('-') && flag.len() > 1 => {
                return Err(format!("unknown option '{flag}' for {command}"))
            }
            _ => inspect.sources.inputs.push(input(arg)),
        }
    }
    if inspect.sources.inputs.is_empty() {
        return Err(format!("{command} needs at least one file, folder or link"));
    }
    if command == "bundle" {
        let output = output.ok_or("bundle needs -o FILE, the bundle to write")?;
        return Ok(Command::Bundle { sources: inspect.sources, output, split });
    }
    Ok(Command::Inspect(inspect))
}

fn input(arg: String) -> Input {
    if fetch::is_url(&arg) { Input::Url(arg) } else { Input::Path(arg.into()) }
}
