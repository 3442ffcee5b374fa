//! The site's folder: a build replaces what the last build there wrote (listed in a manifest),
//! leaves people's own files beside it (a CNAME, a robots.txt), and will not write into a
//! folder of other files unless told to with `--force` (a mistyped `-o` must not wipe
//! someone's articles).

use std::collections::BTreeSet;
use std::path::Path;

/// Lists what the last build wrote, one path a line (and keeps the folder out of sources).
pub const MANIFEST: &str = lectern_core::files::SITE_MANIFEST;

/// Make `folder` ready for a build: created, or cleared of the last build's files.
pub fn prepare(folder: &Path, force: bool) -> Result<(), String> {
    let shown = folder.display();
    if folder.exists() && !folder.is_dir() {
        return Err(format!("{shown} is a file, not a folder; choose another -o"));
    }
    let entries: Vec<_> = match std::fs::read_dir(folder) {
        Ok(entries) => entries.flatten().map(|e| e.path()).collect(),
        Err(_) => return std::fs::create_dir_all(folder).map_err(|e| format!("could not create {shown}: {e}")),
    };
    let manifest = folder.join(MANIFEST);
    if manifest.is_file() {
        let listed = std::fs::read_to_string(&manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
        return remove_listed(folder, &listed);
    }
    if entries.is_empty() {
        return Ok(());
    }
    if !force {
        return Err(format!(
            "{shown} already holds files that lectern did not write; choose an empty folder, or add --force to replace its contents"
        ));
    }
    std::fs::remove_dir_all(folder)
        .and_then(|_| std::fs::create_dir_all(folder))
        .map_err(|e| format!("could not clear {shown}: {e}"))
}

/// Remove the files a manifest lists (never anything outside `folder`), then folders left empty.
fn remove_listed(folder: &Path, listed: &str) -> Result<(), String> {
    let mut parents = BTreeSet::new();
    for name in listed.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if name.split('/').any(|part| part == ".." || part.is_empty()) || name.starts_with('/') {
            continue;
        }
        let path = folder.join(name);
        if path.is_file() {
            std::fs::remove_file(&path).map_err(|e| format!("could not remove {}: {e}", path.display()))?;
        }
        let mut parent = Path::new(name).parent();
        while let Some(p) = parent.filter(|p| !p.as_os_str().is_empty()) {
            parents.insert(p.to_path_buf());
            parent = p.parent();
        }
    }
    // Deepest first; a folder with people's files in it stays.
    for parent in parents.iter().rev() {
        let _ = std::fs::remove_dir(folder.join(parent));
    }
    Ok(())
}

/// Write the manifest of what this build wrote.
pub fn record(folder: &Path, written: &[String]) -> Result<(), String> {
    let mut listed = written.join("\n");
    listed.push('\n');
    std::fs::write(folder.join(MANIFEST), listed).map_err(|e| format!("could not write the site's manifest: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("lectern-output-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_folder_of_other_files_is_kept_unless_forced() {
        let dir = scratch("other");
        std::fs::write(dir.join("essay.md"), "mine").unwrap();
        assert!(prepare(&dir, false).unwrap_err().contains("--force"));
        assert!(dir.join("essay.md").exists());
        prepare(&dir, true).unwrap();
        assert!(!dir.join("essay.md").exists() && dir.is_dir());
    }

    #[test]
    fn a_rebuild_replaces_only_what_the_last_build_wrote() {
        let dir = scratch("rebuild");
        std::fs::create_dir_all(dir.join("articles/a")).unwrap();
        std::fs::write(dir.join("index.html"), "old").unwrap();
        std::fs::write(dir.join("articles/a/1.lectern"), "old").unwrap();
        std::fs::write(dir.join("CNAME"), "news.example.org").unwrap();
        record(&dir, &["index.html".into(), "articles/a/1.lectern".into(), "../outside".into()]).unwrap();
        prepare(&dir, false).unwrap();
        assert!(!dir.join("index.html").exists() && !dir.join("articles").exists());
        assert!(dir.join("CNAME").exists(), "people's own files stay");
    }

    #[test]
    fn a_file_is_not_a_folder() {
        let dir = scratch("file");
        let file = dir.join("site");
        std::fs::write(&file, "x").unwrap();
        assert!(prepare(&file, true).unwrap_err().contains("is a file"));
    }
}
