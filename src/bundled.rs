//! The articles parsed and indexed at build time (see build.rs), embedded in the wasm binary.

use lectern_core::bundle;

use crate::library::Library;

static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/articles.bundle"));

/// Decode the embedded library. Fails only if the build wrote a bundle this code cannot read.
pub fn library() -> Result<Library, String> {
    bundle::decode(BUNDLE)
        .map(Library::from_bundle)
        .map_err(|e| format!("The bundled articles could not be read: {e}."))
}
