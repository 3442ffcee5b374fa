//! `lectern build SOURCE... -o SITE`: a complete static site — the reader carried inside this
//! binary, the articles' bundle, and an index.html with the collection's title — or, with
//! `--single-file`, one HTML file holding all of it. `lectern serve` writes its preview with
//! the same [`write_site`].

pub mod output;
pub mod reader;
pub mod settings;

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use lectern_core::bundle::{encode, Bundle};
use lectern_site::site_page::SitePage;
use lectern_site::{single_file, ReaderFiles};

use crate::bundle::{collect, size, skipped_note, write_split, Collected, Counts};
use crate::cli::{BuildArgs, Split};
use crate::progress::{say, Bar};
pub use settings::Settings;

/// A whole bundle's name in the site; a split one is the folder `articles/`.
const WHOLE: &str = "articles.lectern";
const SPLIT_FOLDER: &str = "articles";
/// Above either, `--split auto` splits: a reader then fetches a small head and only the parts
/// a view needs, rather than every article before the first is shown.
const SPLIT_ARTICLES: usize = 1_000;
const SPLIT_BYTES: usize = 5 * 1024 * 1024;

pub fn run(args: &BuildArgs) -> ExitCode {
    let started = Instant::now();
    let settings = match Settings::from_args(&args.site, &args.sources) {
        Err(why) => return usage(&why),
        Ok(_) if args.single_file && args.site.split == Split::Always => {
            return usage("--single-file holds the whole bundle; it cannot be --split always")
        }
        Ok(settings) => settings,
    };
    let files = match reader::files() {
        Ok(files) => files,
        Err(why) => return fail(&why),
    };
    let ready = if args.single_file { single_file_ready(&args.output, args.force) } else { output::prepare(&args.output, args.force) };
    if let Err(why) = ready {
        return fail(&why);
    }
    let mut bar = Bar::new();
    let Collected { articles, skipped } = collect(&args.sources.to_sources(), &mut bar);
    if articles.is_empty() {
        return fail("no articles to build a site of; nothing written");
    }
    let settings = settings.with_defaults(&articles);
    let bundle = Bundle::build_with(articles, &mut bar);
    let counts = Counts::of(&bundle);
    let written = if args.single_file {
        write_single_file(&files, &bundle, &settings, &args.output)
    } else {
        write_site(&files, bundle, &settings, &args.output, &mut bar)
    };
    bar.clear();
    match written {
        Ok(what) => {
            let took = started.elapsed().as_secs_f64();
            say(&format!("wrote {what}: {counts}{} in {took:.1} s", skipped_note(skipped.len())));
            if !args.single_file {
                say(&format!("preview it with `lectern serve {}`; publish the folder as it is", args.output.display()));
            }
            ExitCode::SUCCESS
        }
        Err(why) => fail(&why),
    }
}

fn fail(why: &str) -> ExitCode {
    eprintln!("lectern: {why}");
    ExitCode::FAILURE
}

/// A mistake on the command line.
pub fn usage(why: &str) -> ExitCode {
    eprintln!("lectern: {why}");
    ExitCode::from(2)
}

/// The reader, `bundle` and the page into `out` (ready: see [`output::prepare`]); a summary.
pub fn write_site(files: &ReaderFiles, bundle: Bundle, settings: &Settings, out: &Path, bar: &mut Bar) -> Result<String, String> {
    let whole = encode(&bundle);
    let split = match settings.split {
        Split::Always => true,
        Split::Never => false,
        Split::Auto => bundle.articles.len() >= SPLIT_ARTICLES || whole.len() >= SPLIT_BYTES,
    };
    let mut written = Vec::new();
    let site_error = |e: lectern_site::SiteError| e.to_string();
    let io_error = |what: &str, e: std::io::Error| format!("could not write {what}: {e}");
    let bundle_size = if split {
        let folder = out.join(SPLIT_FOLDER);
        std::fs::create_dir_all(&folder).map_err(|e| io_error(SPLIT_FOLDER, e))?;
        let split = write_split(bundle, &folder, bar).map_err(|e| io_error(SPLIT_FOLDER, e))?;
        written.extend(split.names.iter().map(|name| format!("{SPLIT_FOLDER}/{name}")));
        split.summary.replace(&format!("{}/", out.display()), "")
    } else {
        std::fs::write(out.join(WHOLE), &whole).map_err(|e| io_error(WHOLE, e))?;
        written.push(WHOLE.to_string());
        format!("{WHOLE} ({})", size(whole.len()))
    };
    let bundle_path = if split { format!("{SPLIT_FOLDER}/index.lectern") } else { WHOLE.to_string() };
    let names: Vec<&str> = files.files.keys().map(String::as_str).collect();
    let page = settings.page(&bundle_path).render(files.index().map_err(site_error)?, &names).map_err(site_error)?;
    for (name, bytes) in &files.files {
        let path = out.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_error(name, e))?;
        }
        let bytes: &[u8] = if name == "index.html" { page.as_bytes() } else { bytes };
        std::fs::write(&path, bytes).map_err(|e| io_error(name, e))?;
        written.push(name.clone());
    }
    output::record(out, &written)?;
    Ok(format!("{}/ (index.html, the reader, {bundle_size})", out.display()))
}

/// A single file may replace an HTML file (an earlier one), never a folder or another kind.
fn single_file_ready(out: &Path, force: bool) -> Result<(), String> {
    let html = out.extension().is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    match std::fs::metadata(out) {
        Err(_) => Ok(()),
        Ok(meta) if meta.is_dir() => Err(format!("{} is a folder; --single-file writes one HTML file", out.display())),
        Ok(_) if html || force => Ok(()),
        Ok(_) => Err(format!("{} exists and is not an HTML file; add --force to replace it", out.display())),
    }
}

fn write_single_file(files: &ReaderFiles, bundle: &Bundle, settings: &Settings, out: &Path) -> Result<String, String> {
    let bytes = encode(bundle);
    let site = SitePage { base_url: None, ..settings.page(WHOLE) };
    let page = site.render(files.index().map_err(|e| e.to_string())?, &[]).map_err(|e| e.to_string())?;
    let page = single_file::build(files, &page, WHOLE, &bytes).map_err(|e| e.to_string())?;
    std::fs::write(out, &page).map_err(|e| format!("could not write {}: {e}", out.display()))?;
    Ok(format!("{} ({}, everything inline)", out.display(), size(page.len())))
}
