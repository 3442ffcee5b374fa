//! The wasm-bindgen glue as a bundler or a single file needs it: with the snippet it imports
//! (`snippets/<crate>-<hash>/inline0.js`, the worker's loader) inlined, as neither has the
//! snippets folder beside the glue.

use crate::reader::ReaderFiles;
use crate::{fail, SiteError};

/// `glue` with its import of the wasm-bindgen snippet replaced by `source`: a bundler or a
/// single file has no snippets folder beside the glue.
pub fn inline_snippet(glue: &str, source: &str) -> Result<String, SiteError> {
    let Some(line) = glue.lines().find(|l| l.starts_with("import {") && l.contains("./snippets/")) else {
        return fail("the wasm-bindgen glue no longer imports its snippet as this code expects");
    };
    Ok(glue.replacen(line, source, 1))
}

/// The snippet's own source, its functions no longer exported (they become the glue's).
pub fn snippet_source(files: &ReaderFiles) -> Result<String, SiteError> {
    let Some(name) = files.snippet() else { return fail("the reader's build has no wasm-bindgen snippet") };
    Ok(files.text(name)?.replace("export function ", "function "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::tests::build as reader;

    #[test]
    fn the_package_gets_the_snippet_itself() {
        let files = reader();
        let source = snippet_source(&files).unwrap();
        assert_eq!(source, "function worker_loader() { return 'x'; }");
        let glue = inline_snippet(files.text("lectern-reader-abc.js").unwrap(), &source).unwrap();
        assert!(glue.starts_with("function worker_loader()"));
    }

    #[test]
    fn a_glue_of_another_shape_is_refused_not_mangled() {
        assert!(inline_snippet("import x from 'y';", "").is_err());
    }
}
