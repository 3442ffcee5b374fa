//! `lectern serve [SITE | SOURCE...]`: a preview on 127.0.0.1. A built site's folder is served
//! as it is; sources are built into a scratch folder, watched, rebuilt when they change
//! (reading only the changed files: `incremental`), and the open page reloads.

mod files;
mod gzip;
pub mod http;
mod incremental;
mod live_reload;
mod mime;
mod request;
mod watch;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use lectern_core::bundle::Bundle;

use crate::bundle::skipped_note;
use crate::cli::{ServeArgs, Split};
use crate::progress::{say, Bar};
use crate::site::{output, reader, write_site, Settings};
use incremental::Incremental;

pub fn run(args: &ServeArgs) -> ExitCode {
    let settings = match Settings::from_args(&args.site, &args.sources) {
        // A preview is rebuilt after every edit: one whole bundle is one file to write, where
        // a split one is thousands (`--split always` still splits it).
        Ok(mut settings) => {
            if settings.split == Split::Auto {
                settings.split = Split::Never;
            }
            settings
        }
        Err(why) => return crate::site::usage(&why),
    };
    let result = match built_site(args) {
        Some(site) => serve_site(&site, args.port),
        None => serve_sources(args, settings),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("lectern: {why}");
            ExitCode::FAILURE
        }
    }
}

/// The one folder given, when it holds a built site (an index.html).
fn built_site(args: &ServeArgs) -> Option<PathBuf> {
    match &args.sources.sources[..] {
        [one] if args.sources.urls.is_empty() && Path::new(one).join("index.html").is_file() => Some(PathBuf::from(one)),
        _ => None,
    }
}

fn serve_site(site: &Path, port: u16) -> Result<(), String> {
    let server = http::start(site.to_path_buf(), port, false).map_err(|e| e.to_string())?;
    say(&format!("serving {} on {} (Ctrl+C to stop)", site.display(), server.url()));
    server.wait();
    Ok(())
}

fn serve_sources(args: &ServeArgs, settings: Settings) -> Result<(), String> {
    let files = reader::files()?;
    // One scratch folder per port, reused by the next preview on it (Ctrl+C leaves it behind);
    // the port is taken before anything is written, so two previews never share one.
    let name = if args.port == 0 { format!("pid-{}", std::process::id()) } else { args.port.to_string() };
    let out = std::env::temp_dir().join(format!("lectern-serve-{name}"));
    let mut sources = Incremental::new(&args.sources.to_sources());
    let build = |sources: &mut Incremental| -> Result<String, String> {
        let started = Instant::now();
        let refreshed = sources.refresh();
        for why in &refreshed.skipped {
            eprintln!("lectern: skipped {why}");
        }
        if refreshed.articles.is_empty() {
            return Err("no articles in the sources yet".to_string());
        }
        output::prepare(&out, true)?;
        let mut bar = Bar::new();
        let settings = settings.clone().with_defaults(&refreshed.articles);
        let count = refreshed.articles.len();
        write_site(&files, Bundle::build_with(refreshed.articles, &mut bar), &settings, &out, &mut bar)?;
        bar.clear();
        Ok(format!(
            "built {count} articles ({} read again){} in {:.2} s",
            refreshed.read,
            skipped_note(refreshed.skipped.len()),
            started.elapsed().as_secs_f64()
        ))
    };
    // The port first: a busy one is said at once, not after the first build.
    let server = http::start(out.clone(), args.port, true).map_err(|e| e.to_string())?;
    say(&build(&mut sources)?);
    let changes = watch::Changes::watch(sources.paths())?;
    say(&format!("serving on {} and watching the sources; the page reloads when they change (Ctrl+C to stop)", server.url()));
    while changes.next() {
        match build(&mut sources) {
            Ok(summary) => {
                say(&summary);
                server.reload();
            }
            Err(why) => eprintln!("lectern: {why}; the preview shows the last build"),
        }
    }
    Ok(())
}
