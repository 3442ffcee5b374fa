//! The reader with no articles of its own: what `lectern build` carries inside the binary and
//! the npm package ships. Trunk builds it as it builds the site, from an empty articles folder,
//! into target/reader.

use std::path::PathBuf;
use std::process::Command;

use crate::{repo, run};

pub fn folder() -> PathBuf {
    repo().join("target").join("reader")
}

/// Build the reader into [`folder`], and return that folder.
pub fn build() -> Result<PathBuf, String> {
    let empty = repo().join("target").join("no-articles");
    std::fs::create_dir_all(&empty).map_err(|e| format!("{}: {e}", empty.display()))?;
    let out = folder();
    eprintln!("xtask: building the reader (trunk build --release) into {}", out.display());
    run(Command::new("trunk")
        .args(["build", "--release", "--dist"])
        .arg(&out)
        .env("LECTERN_ARTICLES", &empty)
        .current_dir(repo()))?;
    Ok(out)
}
