use std::fmt;

/// Why a file could not be read as an article. Always names the file, so a build log or a CLI
/// run with many inputs says exactly which one to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestError {
    pub file: String,
    pub kind: IngestErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IngestErrorKind {
    Empty,
    /// The first invalid byte, as a 1-based line and column (in bytes).
    NotUtf8 { line: usize, column: usize },
    Utf16,
    /// Binary data; `what` names the format when its signature is known.
    Binary { what: Option<&'static str> },
    /// Readable text, but nothing left once page furniture is removed.
    NoText,
    UnclosedFrontMatter { line: usize },
    Unreadable(String),
    /// A web page whose main content is not an article: a homepage, a list of links, a login
    /// wall.
    NoArticle,
    /// Over the size Lectern reads for this form, in bytes.
    TooLarge { size: usize, limit: usize },
    /// Elements nested deeper than any real page nests them (a hostile or broken page).
    TooDeep { limit: usize },
    /// A feed or web archive that cannot be parsed; the parser's reason.
    Malformed { what: &'static str, why: String },
    /// A well-formed feed with no entries.
    EmptyFeed,
    /// Web pages and feeds need the `inputs` feature, which this build of Lectern lacks.
    Unsupported(&'static str),
}

impl fmt::Display for IngestErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("the file is empty"),
            Self::NotUtf8 { line, column } => write!(
                f,
                "not UTF-8 text (invalid byte at line {line}, column {column}); save it as UTF-8"
            ),
            Self::Utf16 => f.write_str("UTF-16 text is not supported; save it as UTF-8"),
            Self::Binary { what: Some(what) } => {
                write!(f, "this is a binary file ({what}), not article text")
            }
            Self::Binary { what: None } => f.write_str("this is a binary file, not article text"),
            Self::NoText => f.write_str(
                "no article text: only blank lines or page furniture (ads, share links, dates)",
            ),
            Self::UnclosedFrontMatter { line } => write!(
                f,
                "the front matter opened with '---' on line {line} is never closed with '---'"
            ),
            Self::Unreadable(why) => write!(f, "could not be read: {why}"),
            Self::NoArticle => f.write_str(
                "no article found: the page looks like a homepage, a list of links or a login wall",
            ),
            Self::TooLarge { size, limit } => write!(
                f,
                "the file is {:.1} MB; Lectern reads files of this kind up to {:.0} MB",
                *size as f64 / 1_048_576.0,
                *limit as f64 / 1_048_576.0
            ),
            Self::TooDeep { limit } => write!(
                f,
                "the page nests its elements more than {limit} deep, which no article does: it is broken or hostile"
            ),
            Self::Malformed { what, why } => write!(f, "not a readable {what}: {why}"),
            Self::EmptyFeed => f.write_str("the feed has no entries"),
            Self::Unsupported(what) => write!(f, "{what} are not read by this build of Lectern"),
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.kind)
    }
}

impl std::error::Error for IngestError {}
