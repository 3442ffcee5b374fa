//! Trunk's post_build hook (Trunk.toml): start the app from the top of index.html
//! (`lectern_site::early_start`), and write embed.js beside the hashed files for pages that
//! embed readers.

use std::path::PathBuf;

use lectern_site::reader::AppFiles;
use lectern_site::{early_start, embed_script};

pub fn run(folder: Option<PathBuf>) -> Result<(), String> {
    let folder = folder
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from))
        .ok_or("post-build needs TRUNK_STAGING_DIR (Trunk sets it) or a folder")?;
    let page_path = folder.join("index.html");
    let page = std::fs::read_to_string(&page_path).map_err(|e| format!("{}: {e}", page_path.display()))?;
    let app = AppFiles::of(&page).map_err(|e| e.to_string())?;
    let page = early_start::add(&page, &app).map_err(|e| e.to_string())?;
    std::fs::write(&page_path, &page).map_err(|e| e.to_string())?;
    let statics = crate::repo().join("static");
    let read = |name: &str| std::fs::read_to_string(statics.join(name)).map_err(|e| format!("static/{name}: {e}"));
    let script = embed_script::for_site(&read("embed.js")?, &page, &read("embed.css")?, &app).map_err(|e| e.to_string())?;
    std::fs::write(folder.join("embed.js"), script).map_err(|e| e.to_string())
}
