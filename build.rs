//! Parse and index the bundled articles at build time, with the same code the CLI runs, and
//! embed the result in the app: the browser shows and searches them without preparing anything.
//!
//! The folder is `articles/` unless `LECTERN_ARTICLES` names another (relative to this file).

use std::path::PathBuf;

use lectern_core::{bundle, files};

fn main() {
    println!("cargo:rerun-if-env-changed=LECTERN_ARTICLES");
    let dir = std::env::var_os("LECTERN_ARTICLES").map_or_else(|| PathBuf::from("articles"), PathBuf::from);
    println!("cargo:rerun-if-changed={}", dir.display());
    let articles = files::ingest_folder(&dir).unwrap_or_else(|errors| fail(&errors));
    if articles.is_empty() {
        println!("cargo:warning=no articles (text, Markdown, web pages or feeds) in {}; the reader will be empty", dir.display());
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let bundle = bundle::Bundle::build(articles);
    std::fs::write(out.join("articles.bundle"), bundle::encode(&bundle))
        .unwrap_or_else(|e| fail(&[format!("could not write the bundle: {e}")]));
}

fn fail(messages: &[String]) -> ! {
    for m in messages {
        eprintln!("error: {m}");
    }
    eprintln!("error: fix or remove the file(s) above, then build again");
    std::process::exit(1);
}
