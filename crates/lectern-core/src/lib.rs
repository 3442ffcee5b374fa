//! Lectern's core: everything the reader knows about articles, with no browser in it.
//!
//! The same code runs in three places — the `lectern` CLI, the reader's build script (which
//! parses the bundled articles ahead of time) and the browser (for articles added at run time) —
//! so what the CLI prints is what readers see.

pub mod adding;
pub mod bundle;
pub mod error;
pub mod files;
pub mod ingest;
pub mod inspect;
mod lexicon;
pub mod links;
pub mod model;
pub mod progress;
pub mod quotes;
pub mod topics;
pub mod search;
mod slug;
pub mod text;

pub use error::{IngestError, IngestErrorKind};
pub use ingest::{ingest, ingest_all, push_unique, read_source, SourceFile};
pub use bundle::BundleError;
pub use model::{Article, Cue, Quote, Section};
