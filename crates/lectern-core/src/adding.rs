//! Adding a reader's own files to a set of articles: the job the browser runs in a Web Worker
//! (so a big file never freezes the page), kept here so it is native code under native tests,
//! and the messages the page and the worker exchange about it.

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::bundle::{self, Bundle};
use crate::ingest::Form;
use crate::{push_unique, read_source, Article, SourceFile};

/// Larger text files are refused: a 20 MB "article" is a mistake, and would take long to index.
pub const MAX_FILE_BYTES: f64 = 5.0 * 1024.0 * 1024.0;
/// Saved pages carry their markup, archives their images, feeds many articles: more room.
pub const MAX_MARKUP_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

/// The endings the browser's file chooser offers, for its `accept` attribute.
pub const ACCEPTED: &str = ".txt,.md,.markdown,.html,.htm,.xhtml,.mhtml,.mht,.xml,.rss,.atom,.rdf,.json";

/// Why a file is not even read, from its name and size alone (checked before its bytes are).
pub fn refusal(name: &str, size: f64) -> Option<String> {
    let Some(form) = Form::of_name(name) else {
        return Some(format!(
            "{name} is not an article file (text, Markdown, a web page, a web archive or a feed), so it was not added."
        ));
    };
    let (limit, kind) = match form {
        Form::Text | Form::Markdown => (MAX_FILE_BYTES, "files"),
        Form::Page | Form::Archive | Form::Feed => (MAX_MARKUP_BYTES, "web pages, archives and feeds"),
    };
    if size > limit {
        return Some(format!(
            "{name} is {:.1} MB; {kind} over {:.0} MB are not added.",
            size / (1024.0 * 1024.0),
            limit / (1024.0 * 1024.0)
        ));
    }
    None
}

/// The articles already shown, and every added file (kept ones and new ones, in order).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddJob {
    pub base: Vec<Article>,
    pub files: Vec<FileToAdd>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileToAdd {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A file that was read: its text is what is stored, so a later Lectern parses it afresh.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddedFile {
    pub name: String,
    /// The file as UTF-8 text that reads back to the same articles (a page in another
    /// encoding is stored decoded, behind a byte-order mark that says so).
    pub text: String,
    /// Its first article's id in the combined set (made unique against the others), the one
    /// to open, and a title for the file: the article's, or a feed's count of entries.
    pub id: String,
    pub title: String,
    /// How many articles it gave (a feed gives one per entry).
    pub articles: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AddStep {
    /// `done` of `total` files read; `name` is being read now (none once all are).
    Reading { done: usize, total: usize, name: Option<String> },
    /// Indexing, finding quotes and laying out topics for `articles` articles.
    Indexing { articles: usize },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddResult {
    /// A whole bundle of the base articles and the added ones.
    pub bundle: Vec<u8>,
    pub added: Vec<AddedFile>,
    /// One line per file that could not be added, naming it and saying why.
    pub problems: Vec<String>,
}

/// What the worker says to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FromWorker {
    /// Listening: a job can be sent.
    Ready,
    Step(AddStep),
    Done(AddResult),
    Failed(String),
}

/// Read every file, then build one bundle of the base articles and the files that could be read.
pub fn run(job: AddJob, mut step: impl FnMut(AddStep)) -> AddResult {
    let total = job.files.len();
    let mut articles = job.base;
    let (mut added, mut problems) = (Vec::new(), Vec::new());
    for (done, file) in job.files.into_iter().enumerate() {
        step(AddStep::Reading { done, total, name: Some(file.name.clone()) });
        let source = SourceFile::new(file.name, file.bytes);
        match read_source(&source) {
            Ok(read) => {
                let title = file_title(&source.name, &read);
                let first = articles.len();
                let count = read.len();
                read.into_iter().for_each(|article| push_unique(&mut articles, article));
                let id = articles.get(first).map(|a| a.id.clone()).unwrap_or_default();
                let text = crate::ingest::storable_text(&source);
                added.push(AddedFile { name: source.name, text, id, title, articles: count });
            }
            Err(e) => problems.push(format!("{e}.")),
        }
    }
    step(AddStep::Reading { done: total, total, name: None });
    step(AddStep::Indexing { articles: articles.len() });
    AddResult { bundle: bundle::encode(&Bundle::build(articles)), added, problems }
}

/// One article's title, or for a feed how many articles it gave and from where.
fn file_title(name: &str, read: &[Article]) -> String {
    match read {
        [one] => one.title.clone(),
        many => {
            let from = many.first().and_then(|a| a.source.clone()).unwrap_or_else(|| name.to_string());
            format!("{} articles from {from}", many.len())
        }
    }
}

/// Page and worker are built together, but a browser may hold an older worker in its cache:
/// every message starts with this, and a mismatch is refused rather than misread.
const PROTOCOL: u16 = 2;

pub fn encode_message<T: Serialize>(message: &T) -> Vec<u8> {
    let mut out = PROTOCOL.to_le_bytes().to_vec();
    out.extend(postcard::to_allocvec(message).expect("messages serialize"));
    out
}

pub fn decode_message<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    match bytes {
        [a, b, rest @ ..] if u16::from_le_bytes([*a, *b]) == PROTOCOL => {
            postcard::from_bytes(rest).map_err(|e| format!("a message between the page and its worker was garbled ({e})"))
        }
        _ => Err("the page and its worker are from different Lectern versions: reload the page".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &[u8]) -> FileToAdd {
        FileToAdd { name: name.into(), bytes: text.to_vec() }
    }

    fn base() -> Vec<Article> {
        vec![crate::ingest(&SourceFile::new("alpha.txt", b"Alpha\n\nThe first one.\n".to_vec())).unwrap()]
    }

    #[test]
    fn names_and_sizes_are_checked_before_reading() {
        assert!(refusal("notes.md", 1000.0).is_none());
        assert!(refusal("page.html", 6.0 * 1024.0 * 1024.0).is_none());
        assert!(refusal("photo.png", 10.0).unwrap().contains("not an article file"));
        assert!(refusal("huge.txt", 20.0 * 1024.0 * 1024.0).unwrap().contains("20.0 MB; files over 5 MB"));
        assert!(refusal("huge.html", 50.0 * 1024.0 * 1024.0).unwrap().contains("50.0 MB; web pages, archives and feeds over 20 MB"));
    }

    #[test]
    fn readable_files_join_the_base_and_the_others_are_named_with_the_reason() {
        let mut steps = Vec::new();
        let job = AddJob {
            base: base(),
            files: vec![
                file("alpha.txt", "Alpha Again\n\nA second alpha, id made unique.\n".as_bytes()),
                file("blob.txt", &[0, 1, 2, 3]),
                file("latin1.txt", b"Caf\xe9\n\nText.\n"),
                file("empty.txt", b""),
            ],
        };
        let result = run(job, |s| steps.push(s));
        let added: Vec<(&str, &str)> = result.added.iter().map(|a| (a.name.as_str(), a.title.as_str())).collect();
        assert_eq!(added, [("alpha.txt", "Alpha Again")]);
        assert_ne!(result.added[0].id, "alpha", "the added article's id must differ from the base one's");
        assert_eq!(result.problems.len(), 3);
        assert!(result.problems[0].contains("blob.txt") && result.problems[0].contains("binary"));
        assert!(result.problems[1].contains("UTF-8"));
        assert!(result.problems[2].contains("empty.txt"));

        let bundle = bundle::decode(&result.bundle).unwrap();
        assert_eq!(bundle.articles.len(), 2);
        assert!(bundle.articles.iter().any(|a| a.id == result.added[0].id));
        assert_eq!(steps.first(), Some(&AddStep::Reading { done: 0, total: 4, name: Some("alpha.txt".into()) }));
        assert_eq!(steps.last(), Some(&AddStep::Indexing { articles: 2 }));
    }

    #[test]
    fn messages_round_trip_and_a_foreign_or_garbled_one_is_refused() {
        let message = FromWorker::Step(AddStep::Indexing { articles: 3 });
        let bytes = encode_message(&message);
        assert_eq!(decode_message::<FromWorker>(&bytes), Ok(message));
        let mut other = bytes.clone();
        other[0] ^= 0xff;
        assert!(decode_message::<FromWorker>(&other).unwrap_err().contains("different Lectern versions"));
        assert!(decode_message::<FromWorker>(&bytes[..3]).unwrap_err().contains("garbled"));
        assert!(decode_message::<FromWorker>(&[]).is_err());
    }
}
