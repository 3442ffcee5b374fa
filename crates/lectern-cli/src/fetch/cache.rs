//! Responses kept on disk so that a rebuild does not fetch again. One entry per URL, named by a
//! hash of it: `HASH.body` holds the bytes, `HASH.json` the URL, final URL and content type.
//! The .json is written last, so an entry cut short by a crash is simply not there.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Page;

pub struct Cache {
    /// None when no folder can be found (no HOME): then nothing is cached.
    dir: Option<PathBuf>,
}

#[derive(Serialize, Deserialize)]
struct Meta {
    /// The URL asked for: a hash can collide, this cannot.
    url: String,
    final_url: String,
    content_type: Option<String>,
    /// Absent in entries written before it was kept.
    #[serde(default)]
    content_language: Option<String>,
}

impl Cache {
    /// `$LECTERN_CACHE_DIR`, else `$XDG_CACHE_HOME/lectern/fetch`, else `~/.cache/lectern/fetch`.
    pub fn locate() -> Cache {
        let var = |name| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
        let dir = var("LECTERN_CACHE_DIR")
            .or_else(|| var("XDG_CACHE_HOME").map(|d| d.join("lectern/fetch")))
            .or_else(|| var("HOME").map(|d| d.join(".cache/lectern/fetch")));
        Cache { dir }
    }

    pub fn get(&self, url: &str) -> Option<Page> {
        let path = self.path(url)?;
        let meta: Meta = serde_json::from_slice(&std::fs::read(path.with_extension("json")).ok()?).ok()?;
        if meta.url != url {
            return None;
        }
        let body = std::fs::read(path.with_extension("body")).ok()?;
        Some(Page { final_url: meta.final_url, content_type: meta.content_type, content_language: meta.content_language, body })
    }

    /// Best effort: a cache that cannot be written costs a fetch next time, not this run.
    pub fn put(&self, url: &str, page: &Page) {
        if let Some(path) = self.path(url) {
            let _ = write(&path, url, page);
        }
    }

    fn path(&self, url: &str) -> Option<PathBuf> {
        Some(self.dir.as_ref()?.join(format!("{:016x}", fnv1a(url.as_bytes()))))
    }
}

fn write(path: &Path, url: &str, page: &Page) -> std::io::Result<()> {
    std::fs::create_dir_all(path.parent().expect("in the cache folder"))?;
    let meta = Meta { url: url.to_string(), final_url: page.final_url.clone(), content_type: page.content_type.clone(), content_language: page.content_language.clone() };
    let meta = serde_json::to_vec(&meta).map_err(std::io::Error::other)?;
    replace(&path.with_extension("body"), &page.body)?;
    replace(&path.with_extension("json"), &meta)
}

/// Write beside, then rename: a reader never sees half a file.
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let partial = path.with_extension(format!("part{}", std::process::id()));
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, path)
}

/// FNV-1a, 64 bits: stable across Rust versions and platforms (std's hasher is not promised to
/// be), and a collision only costs a fetch since the entry names its URL.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_round_trips_and_names_its_url() {
        let dir = std::env::temp_dir().join(format!("lectern-cache-unit-{}", std::process::id()));
        let cache = Cache { dir: Some(dir.clone()) };
        let page = Page { final_url: "http://h/b".into(), content_type: Some("text/html".into()), content_language: None, body: b"<p>hi</p>".to_vec() };
        assert_eq!(cache.get("http://h/a"), None);
        cache.put("http://h/a", &page);
        assert_eq!(cache.get("http://h/a"), Some(page));
        assert_eq!(cache.get("http://h/c"), None);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn the_hash_is_fnv1a() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
