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
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.kind)
    }
}

impl std::error::Error for IngestError {}
