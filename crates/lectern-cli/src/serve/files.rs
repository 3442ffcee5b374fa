//! Which file under the site's root a request names. Anything that could lead outside the root
//! is refused, however it is spelled: the preview listens on 127.0.0.1, but any page the user
//! has open in the same browser can still send it requests.
//!
//! The look-up runs on every request, against the disk as it is then: the site may be rebuilt
//! (even its root replaced) while it is served.

use std::path::{Path, PathBuf};

/// What a request path leads to.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    /// A regular file inside the root, canonical.
    File(PathBuf),
    /// A folder asked for without its trailing slash: the page must be redirected, else the
    /// relative links in its `index.html` would resolve against the parent folder.
    AddSlash,
    /// Missing, outside the root, or a path we refuse to read.
    NotFound,
}

/// Looks up the path part of a request target (`/a/b.html?x` or `/docs/`) under `root`.
pub fn resolve(root: &Path, target: &str) -> Lookup {
    let path = path_part(target);
    let Some(segments) = segments(path) else {
        return Lookup::NotFound;
    };
    let Ok(root) = root.canonicalize() else {
        return Lookup::NotFound;
    };
    let candidate = segments.iter().fold(root.clone(), |path, segment| path.join(segment));
    let Some(found) = inside(&root, &candidate) else {
        return Lookup::NotFound;
    };
    if !found.is_dir() {
        return file(found);
    }
    if !path.ends_with('/') {
        return Lookup::AddSlash;
    }
    inside(&root, &found.join("index.html")).map_or(Lookup::NotFound, file)
}

/// The request target without its query or fragment.
pub fn path_part(target: &str) -> &str {
    let end = target.find(['?', '#']).unwrap_or(target.len());
    &target[..end]
}

/// The decoded names along `path`, or `None` if it is not one we serve: it must start with `/`,
/// decode to UTF-8 without NUL or backslash (Windows reads those as separators), and have no
/// `..`. Decoding comes first, so `%2e%2e` and `%2f` are judged as what they stand for.
fn segments(path: &str) -> Option<Vec<String>> {
    let decoded = String::from_utf8(percent_decode(path.strip_prefix('/')?)?).ok()?;
    if decoded.contains(['\0', '\\']) {
        return None;
    }
    let mut names = Vec::new();
    for name in decoded.split('/').filter(|name| !name.is_empty() && *name != ".") {
        if name == ".." {
            return None;
        }
        names.push(name.to_string());
    }
    Some(names)
}

/// `%XX` escapes turned into bytes; `None` for a malformed escape. `+` stays `+`: it only
/// means a space in form data, never in a path.
fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    Some(decoded)
}

/// `path` with every symlink resolved, if it exists and is still under `root` (canonical).
/// This is what keeps a symlink in the site that points elsewhere from being followed.
fn inside(root: &Path, path: &Path) -> Option<PathBuf> {
    path.canonicalize().ok().filter(|real| real.starts_with(root))
}

/// Only regular files are served: a socket or device under the root is not part of a site.
fn file(path: PathBuf) -> Lookup {
    if path.is_file() {
        Lookup::File(path)
    } else {
        Lookup::NotFound
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_decode_into_names() {
        assert_eq!(segments("/"), Some(vec![]));
        assert_eq!(segments("/a/b.html"), Some(vec!["a".into(), "b.html".into()]));
        assert_eq!(
            segments("/a%20b/./c//d"),
            Some(vec!["a b".into(), "c".into(), "d".into()])
        );
        assert_eq!(segments("/caf%C3%A9+x"), Some(vec!["café+x".into()]));
    }

    #[test]
    fn climbing_out_is_refused_however_spelled() {
        for path in [
            "/..",
            "/../x",
            "/a/../../x",
            "/%2e%2e/x",
            "/%2E%2E/x",
            "/a/..%2f..%2fx",
            "/a/%2e%2e%2fx",
        ] {
            assert_eq!(segments(path), None, "{path}");
        }
    }

    #[test]
    fn backslashes_nul_bad_escapes_and_relative_targets_are_refused() {
        for path in [
            "/..\\x",
            "/a%5c..%5cx",
            "/a%00.html",
            "/a%zz",
            "/a%2",
            "/%ff",
            "x/y",
            "http://h/x",
            "",
        ] {
            assert_eq!(segments(path), None, "{path:?}");
        }
    }

    #[test]
    fn the_query_and_fragment_are_not_part_of_the_path() {
        assert_eq!(path_part("/a.html?v=1#top"), "/a.html");
        assert_eq!(path_part("/docs/#x"), "/docs/");
        assert_eq!(path_part("/"), "/");
    }
}
