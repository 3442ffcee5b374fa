//! The command line's files, folders and links, read in the order given: links are fetched
//! first, all together (politely, see `pool`), then every input is read in turn.

use std::fmt;
use std::path::PathBuf;

use lectern_core::{files, read_source, Article, IngestError, IngestErrorKind};

use super::{fetch_all, source::source_file, FetchError, Page, Settings};

/// One PATH argument or `--urls FILE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    Url(String),
    /// A text file of URLs, one a line; blank lines and `#` comments are skipped.
    UrlList(PathBuf),
}

#[derive(Debug, Default)]
pub struct Sources {
    pub inputs: Vec<Input>,
    /// `--refetch`: ignore cached responses.
    pub refetch: bool,
}

#[derive(Debug)]
pub enum InputError {
    Ingest(IngestError),
    Fetch(FetchError),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Ingest(e) => e.fmt(f),
            InputError::Fetch(e) => e.fmt(f),
        }
    }
}

/// The inputs expanded (lists read): a path, a URL, or a list that could not be read.
enum Item {
    Path(PathBuf),
    Url(String),
    Failed(InputError),
}

/// Every article the inputs hold, or why an input gave none, in command-line order.
/// `progress` is told how far each step has got: (`"fetching"` or `"reading, quotes"`, done,
/// total); each file is extracted and its quotations found as it is read.
pub fn read(sources: &Sources, mut progress: impl FnMut(&'static str, usize, usize)) -> Vec<Result<Article, InputError>> {
    let items = expand(&sources.inputs);
    let urls: Vec<String> = items.iter().filter_map(|i| if let Item::Url(u) = i { Some(u.clone()) } else { None }).collect();
    let settings = Settings::from_env(sources.refetch);
    let pages = fetch_all(&urls, &settings, |done, total| progress("fetching", done, total));
    let mut pages = urls.into_iter().zip(pages);
    let mut out = Vec::new();
    let mut paths = Vec::new();
    for item in items {
        match item {
            // Consecutive paths are read in one go, so a folder's progress counts all its files.
            Item::Path(path) => paths.push(path),
            Item::Url(_) => {
                read_files(&mut paths, &mut out, &mut progress);
                out.extend(read_page(pages.next().expect("one page per URL")));
            }
            Item::Failed(e) => {
                read_files(&mut paths, &mut out, &mut progress);
                out.push(Err(e));
            }
        }
    }
    read_files(&mut paths, &mut out, &mut progress);
    out
}

fn read_files(
    paths: &mut Vec<PathBuf>,
    out: &mut Vec<Result<Article, InputError>>,
    progress: &mut impl FnMut(&'static str, usize, usize),
) {
    if paths.is_empty() {
        return;
    }
    let read = files::ingest_paths_with(paths, |done, total| progress("reading, quotes", done, total));
    for result in read {
        match result {
            Ok(articles) => out.extend(articles.into_iter().map(Ok)),
            Err(e) => out.push(Err(InputError::Ingest(e))),
        }
    }
    paths.clear();
}

/// A page's articles (a feed has many); errors name the URL asked for, not the page's name.
fn read_page((url, page): (String, Result<Page, FetchError>)) -> Vec<Result<Article, InputError>> {
    let page = match page {
        Ok(page) => page,
        Err(e) => return vec![Err(InputError::Fetch(e))],
    };
    match read_source(&source_file(page)) {
        Ok(articles) => articles.into_iter().map(Ok).collect(),
        Err(e) => vec![Err(InputError::Ingest(IngestError { file: url, ..e }))],
    }
}

fn expand(inputs: &[Input]) -> Vec<Item> {
    let mut items = Vec::new();
    for input in inputs {
        match input {
            Input::Path(path) => items.push(Item::Path(path.clone())),
            Input::Url(url) => items.push(Item::Url(url.clone())),
            Input::UrlList(file) => match std::fs::read_to_string(file) {
                Ok(text) => items.extend(url_list(&text).into_iter().map(Item::Url)),
                Err(e) => items.push(Item::Failed(InputError::Ingest(IngestError {
                    file: file.display().to_string(),
                    kind: IngestErrorKind::Unreadable(e.to_string()),
                }))),
            },
        }
    }
    items
}

/// The URLs in a `--urls` file. A `#` starts a comment at the start of a line or after a space;
/// one inside a URL (`page#part`) is kept.
pub fn url_list(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            let line = line.trim();
            let cut = line.char_indices().find(|&(i, c)| c == '#' && (i == 0 || line[..i].ends_with(char::is_whitespace)));
            cut.map_or(line, |(i, _)| &line[..i]).trim()
        })
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::url_list;

    #[test]
    fn lists_skip_blanks_and_comments() {
        let text = "# my reading\n\nhttps://a.example/x  # the long one\n  https://b.example/y#part\n\t\n#https://c.example/\n";
        assert_eq!(url_list(text), ["https://a.example/x", "https://b.example/y#part"]);
    }
}
