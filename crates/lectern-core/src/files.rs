//! Finding and reading article files on disk, the same way for the CLI and the reader's build.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::{IngestError, IngestErrorKind};
use crate::ingest::{push_unique, read_source, Form, SourceFile};
use crate::model::Article;


/// The file in which `lectern build` lists what it wrote into a site's folder; a folder that
/// has one is skipped when sources are walked.
pub const SITE_MANIFEST: &str = ".lectern-site";

/// What the reader's build bundles: every article in `dir`, or every reason it cannot, one
/// message per bad file (a reader silently missing an article is worse than a failed build).
pub fn ingest_folder(dir: &Path) -> Result<Vec<Article>, Vec<String>> {
    if !dir.is_dir() {
        return Err(vec![format!("{}: no such folder of articles", dir.display())]);
    }
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for result in ingest_paths(&[dir.to_path_buf()]) {
        match result {
            Ok(read) => read.into_iter().for_each(|article| push_unique(&mut articles, article)),
            Err(e) => errors.push(e.to_string()),
        }
    }
    if errors.is_empty() { Ok(articles) } else { Err(errors) }
}

/// Read every article file under `paths` as its articles (one per file, one per entry of a
/// feed), in order. Errors name the file's path, so a message says exactly which file to fix.
pub fn ingest_paths(paths: &[PathBuf]) -> Vec<Result<Vec<Article>, IngestError>> {
    ingest_paths_with(paths, |_, _| {})
}

/// [`ingest_paths`], calling `progress(done, total)` after each file: large folders take a while.
/// Files are read on every core (a saved web page takes tens of milliseconds to extract); the
/// results keep the files' order.
pub fn ingest_paths_with(paths: &[PathBuf], mut progress: impl FnMut(usize, usize)) -> Vec<Result<Vec<Article>, IngestError>> {
    let found = list(paths);
    let total = found.len();
    let next = AtomicUsize::new(0);
    let (sender, results) = std::sync::mpsc::channel();
    let mut out: Vec<Option<Result<Vec<Article>, IngestError>>> = (0..total).map(|_| None).collect();
    std::thread::scope(|scope| {
        for _ in 0..workers(total) {
            let (found, next, sender) = (&found, &next, sender.clone());
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(entry) = found.get(i) else { break };
                if sender.send((i, read_entry(entry))).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        for (done, (i, result)) in results.iter().enumerate() {
            out[i] = Some(result);
            progress(done + 1, total);
        }
    });
    out.into_iter().flatten().collect()
}

fn workers(files: usize) -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get()).min(files.max(1))
}

fn read_entry(entry: &Result<PathBuf, IngestError>) -> Result<Vec<Article>, IngestError> {
    read_path(entry.as_ref().map_err(Clone::clone)?)
}

/// The articles of one file (one, or a feed's entries); errors name its path.
pub fn read_path(path: &Path) -> Result<Vec<Article>, IngestError> {
    read(path).and_then(|f| read_source(&f)).map_err(|e| IngestError { file: path.display().to_string(), ..e })
}

/// Every article file under `paths`: folders walked recursively, sorted by path, hidden entries
/// skipped. A folder that cannot be read is reported in place. (Public for rebuilds that read
/// only the files that changed.)
pub fn list(paths: &[PathBuf]) -> Vec<Result<PathBuf, IngestError>> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut found);
        } else {
            found.push(Ok(path.clone()));
        }
    }
    found
}

fn walk(dir: &Path, found: &mut Vec<Result<PathBuf, IngestError>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return found.push(Err(unreadable(dir, &e))),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            // A site lectern build wrote (`lectern build . -o site`) is output, not articles.
            if !path.join(SITE_MANIFEST).is_file() {
                walk(&path, found);
            }
        } else if is_article_file(&path) {
            found.push(Ok(path));
        }
    }
}

/// A file a folder's walk reads: one whose ending names an input form (`.txt`, `.md`, `.html`,
/// `.mhtml`, `.xml`, `.rss`, `.atom`, `.json`…). A file named explicitly is read whatever its name.
pub fn is_article_file(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).and_then(Form::of_name).is_some()
}

fn read(path: &Path) -> Result<SourceFile, IngestError> {
    let bytes = std::fs::read(path).map_err(|e| unreadable(path, &e))?;
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    Ok(SourceFile::new(name, bytes))
}

fn unreadable(path: &Path, e: &std::io::Error) -> IngestError {
    IngestError { file: path.display().to_string(), kind: IngestErrorKind::Unreadable(e.to_string()) }
}
