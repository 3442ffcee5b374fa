//! What turns a Trunk release build of the reader into the forms people publish. The xtask
//! runs it on Trunk's output (the early start, embed.js, the npm package) and `lectern build`
//! runs it on the build carried inside the binary (the site's page, the single file), so both
//! make the same pages from the same code.
//!
//! Everything here edits text Trunk wrote, minified: attribute quotes come and go, so markup is
//! found by tag and attribute name ([`html`]), never by exact spelling.

pub mod early_start;
pub mod embed_script;
pub mod glue;
pub mod html;
pub mod reader;
pub mod single_file;
pub mod site_page;

pub use reader::ReaderFiles;

/// Why a build could not be turned into a page: the build is not shaped as this code expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteError(pub String);

impl std::fmt::Display for SiteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SiteError {}

pub(crate) fn fail<T>(why: impl Into<String>) -> Result<T, SiteError> {
    Err(SiteError(why.into()))
}
