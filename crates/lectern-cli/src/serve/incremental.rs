//! The articles of a set of sources, kept between rebuilds: a file is read again only when its
//! size or modification time changed, so a rebuild after one edit parses one file, not the
//! archive. Links are fetched once, when serving starts.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::SystemTime;

use lectern_core::{files, push_unique, Article};

use crate::fetch::{self, Input, Sources};

type Stamp = (Option<SystemTime>, u64);

pub struct Incremental {
    paths: Vec<PathBuf>,
    /// What the links gave (read once).
    fetched: Vec<Article>,
    fetch_skipped: Vec<String>,
    cache: HashMap<PathBuf, (Stamp, Result<Vec<Article>, String>)>,
}

/// One rebuild's articles, the sources that gave none, and how many files were read again.
pub struct Refreshed {
    pub articles: Vec<Article>,
    pub skipped: Vec<String>,
    pub read: usize,
}

impl Incremental {
    pub fn new(sources: &Sources) -> Incremental {
        let paths = sources.inputs.iter().filter_map(|i| if let Input::Path(p) = i { Some(p.clone()) } else { None }).collect();
        let links = Sources {
            inputs: sources.inputs.iter().filter(|i| !matches!(i, Input::Path(_))).cloned().collect(),
            refetch: sources.refetch,
        };
        let (mut fetched, mut fetch_skipped) = (Vec::new(), Vec::new());
        if !links.inputs.is_empty() {
            for result in fetch::read(&links, |_, _, _| {}) {
                match result {
                    Ok(article) => fetched.push(article),
                    Err(e) => fetch_skipped.push(e.to_string()),
                }
            }
        }
        Incremental { paths, fetched, fetch_skipped, cache: HashMap::new() }
    }

    /// The folders and files to watch.
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// Every article now, reading only the files that are new or changed.
    pub fn refresh(&mut self) -> Refreshed {
        let listed = files::list(&self.paths);
        let mut skipped = self.fetch_skipped.clone();
        let mut stale = Vec::new();
        for path in listed.iter().flatten() {
            let stamp = stamp(path);
            if self.cache.get(path).is_none_or(|(known, _)| *known != stamp) {
                stale.push((path.clone(), stamp));
            }
        }
        let stale_paths: Vec<PathBuf> = stale.iter().map(|(p, _)| p.clone()).collect();
        for ((path, stamp), result) in stale.into_iter().zip(files::ingest_paths(&stale_paths)) {
            self.cache.insert(path, (stamp, result.map_err(|e| e.to_string())));
        }
        self.cache.retain(|path, _| listed.iter().flatten().any(|p| p == path));
        let mut articles = Vec::new();
        for entry in &listed {
            match entry {
                Ok(path) => match &self.cache[path].1 {
                    Ok(read) => read.iter().cloned().for_each(|a| push_unique(&mut articles, a)),
                    Err(why) => skipped.push(why.clone()),
                },
                Err(e) => skipped.push(e.to_string()),
            }
        }
        self.fetched.iter().cloned().for_each(|a| push_unique(&mut articles, a));
        Refreshed { articles, skipped, read: stale_paths.len() }
    }
}

fn stamp(path: &std::path::Path) -> Stamp {
    std::fs::metadata(path).map_or((None, 0), |m| (m.modified().ok(), m.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changed_files_are_read_again() {
        let dir = std::env::temp_dir().join(format!("lectern-incremental-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let text = |title: &str| format!("{title}\n\nA paragraph long enough to be read as the prose of an article.\n");
        std::fs::write(dir.join("a.txt"), text("First Title")).unwrap();
        std::fs::write(dir.join("b.txt"), text("Second Title")).unwrap();
        let mut sources = Incremental::new(&Sources { inputs: vec![Input::Path(dir.clone())], refetch: false });
        let first = sources.refresh();
        assert_eq!((first.articles.len(), first.read), (2, 2));
        assert_eq!(sources.refresh().read, 0, "nothing changed");
        std::fs::write(dir.join("b.txt"), text("Second Title, Changed")).unwrap();
        std::fs::write(dir.join("c.txt"), "").unwrap();
        let changed = sources.refresh();
        assert_eq!(changed.read, 2);
        assert!(changed.articles.iter().any(|a| a.title == "Second Title, Changed"));
        assert_eq!(changed.skipped.len(), 1, "the empty file is named: {:?}", changed.skipped);
        std::fs::remove_file(dir.join("a.txt")).unwrap();
        assert_eq!(sources.refresh().articles.len(), 1);
    }
}
