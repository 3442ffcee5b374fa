//! The reader carried inside this binary (see build.rs), or another build of it named by
//! `LECTERN_READER` (a folder Trunk wrote): for trying a changed reader without rebuilding
//! the CLI, and for tests.

use std::path::Path;

use lectern_site::ReaderFiles;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/reader_files.rs"));
}

/// The reader's files, or why this binary has none.
pub fn files() -> Result<ReaderFiles, String> {
    if let Some(folder) = std::env::var_os("LECTERN_READER") {
        let folder = Path::new(&folder);
        return ReaderFiles::read_dir(folder).map_err(|e| format!("LECTERN_READER={}: {e}", folder.display()));
    }
    if embedded::FILES.is_empty() {
        return Err("this lectern was built without the reader inside it; build one that has it with \
                    `cargo xtask install` (or `scripts/install.sh` on a fresh machine)"
            .to_string());
    }
    Ok(ReaderFiles::from_static(embedded::FILES))
}
