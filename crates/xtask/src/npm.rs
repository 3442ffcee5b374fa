//! The npm package `lectern-reader`: the reader's generic build under stable names, its
//! `index.js` (static/embed.js naming them with `new URL("./…", import.meta.url)`, which
//! bundlers follow), and the templates in packages/lectern-reader/ (package.json, types,
//! README). Packed with `npm pack`, as people's tools expect.

use std::path::{Path, PathBuf};
use std::process::Command;

use lectern_site::embed_script::{self, PACKAGE_GLUE, PACKAGE_WASM, WORKER_GLUE, WORKER_LOADER, WORKER_WASM};
use lectern_site::glue::{inline_snippet, snippet_source};
use lectern_site::ReaderFiles;

use crate::{absolute, repo, run};

/// Stage the package from the build in `reader` and pack it into `out`; returns the tarball.
pub fn pack(reader: &Path, out: &Path, version: &str) -> Result<PathBuf, String> {
    let stage = repo().join("target/npm/lectern-reader");
    if stage.exists() {
        std::fs::remove_dir_all(&stage).map_err(|e| e.to_string())?;
    }
    std::fs::create_dir_all(&stage).map_err(|e| e.to_string())?;
    let files = ReaderFiles::read_dir(reader).map_err(|e| format!("{}: {e}", reader.display()))?;
    for (name, bytes) in package_files(&files, version)? {
        std::fs::write(stage.join(&name), bytes).map_err(|e| format!("{name}: {e}"))?;
    }
    std::fs::create_dir_all(out).map_err(|e| e.to_string())?;
    run(Command::new("npm").args(["pack", "--quiet", "--pack-destination"]).arg(absolute(out)?).current_dir(&stage))?;
    Ok(out.join(format!("lectern-reader-{version}.tgz")))
}

fn package_files(files: &ReaderFiles, version: &str) -> Result<Vec<(String, Vec<u8>)>, String> {
    let site = |e: lectern_site::SiteError| e.to_string();
    let app = files.app_files().map_err(site)?;
    let template = |name: &str| {
        std::fs::read_to_string(repo().join("packages/lectern-reader").join(name)).map_err(|e| format!("{name}: {e}"))
    };
    let statics = |name: &str| std::fs::read_to_string(repo().join("static").join(name)).map_err(|e| format!("{name}: {e}"));
    let index = embed_script::for_package(&statics("embed.js")?, files.index().map_err(site)?, &statics("embed.css")?)
        .map_err(site)?;
    let glue = inline_snippet(files.text(&app.glue).map_err(site)?, &snippet_source(files).map_err(site)?).map_err(site)?;
    let copy = |name: &str| files.get(name).map(<[u8]>::to_vec).map_err(site);
    Ok(vec![
        ("package.json".into(), with_version(&template("package.json")?, version)?.into_bytes()),
        ("index.d.ts".into(), template("index.d.ts")?.into_bytes()),
        ("README.md".into(), template("README.md")?.into_bytes()),
        ("index.js".into(), index.into_bytes()),
        (PACKAGE_GLUE.into(), glue.into_bytes()),
        (PACKAGE_WASM.into(), copy(&app.wasm)?),
        (WORKER_LOADER.into(), copy(WORKER_LOADER)?),
        (WORKER_GLUE.into(), copy(WORKER_GLUE)?),
        (WORKER_WASM.into(), copy(WORKER_WASM)?),
    ])
}

/// package.json with the CLI's version, so the two are released together.
fn with_version(manifest: &str, version: &str) -> Result<String, String> {
    let key = "\"version\": \"";
    let start = manifest.find(key).ok_or("packages/lectern-reader/package.json has no version")? + key.len();
    let end = start + manifest[start..].find('"').ok_or("package.json's version is not closed")?;
    Ok(format!("{}{version}{}", &manifest[..start], &manifest[end..]))
}
