//! The articles parsed at build time (see build.rs), embedded in the wasm binary.

use std::rc::Rc;

use lectern_core::bundle;

use crate::state::Articles;

static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/articles.bundle"));

/// Decode the embedded articles. Fails only if the build wrote a bundle this code cannot read.
pub fn articles() -> Result<Articles, String> {
    bundle::decode(BUNDLE)
        .map(|list| Rc::new(list.into_iter().map(Rc::new).collect()))
        .map_err(|e| format!("The bundled articles could not be read: {e}."))
}
