//! Content types of a built site's files, by extension: browsers refuse a module script or a
//! wasm module sent with the wrong type (`nosniff` is on), so a guess is not good enough.

use std::path::Path;

/// What a response needs to know about a file's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    pub content_type: &'static str,
    /// Worth gzipping: text and wasm shrink several times over, images and fonts are compressed
    /// already. A `.lectern` bundle says yes here though split parts are gzip files: whether the
    /// bytes are gzip already is checked on the bytes, not the name.
    pub compressible: bool,
}

impl Kind {
    const fn new(content_type: &'static str, compressible: bool) -> Self {
        Kind {
            content_type,
            compressible,
        }
    }

    /// Pages get the live-reload script.
    pub fn is_html(self) -> bool {
        self.content_type.starts_with("text/html")
    }
}

/// Anything unknown is sent as bytes: a browser then downloads it rather than guessing.
const BYTES: Kind = Kind::new("application/octet-stream", false);

/// The kind of the file at `path`, from its extension (any case).
pub fn of(path: &Path) -> Kind {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match extension.as_str() {
        "html" | "htm" => Kind::new("text/html; charset=utf-8", true),
        "js" | "mjs" => Kind::new("text/javascript; charset=utf-8", true),
        "css" => Kind::new("text/css; charset=utf-8", true),
        "wasm" => Kind::new("application/wasm", true),
        "json" => Kind::new("application/json", true),
        "svg" => Kind::new("image/svg+xml", true),
        "txt" => Kind::new("text/plain; charset=utf-8", true),
        "xml" => Kind::new("application/xml", true),
        "png" => Kind::new("image/png", false),
        "jpg" | "jpeg" => Kind::new("image/jpeg", false),
        "ico" => Kind::new("image/x-icon", false),
        "woff2" => Kind::new("font/woff2", false),
        "lectern" => Kind::new("application/octet-stream", true),
        _ => BYTES,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn type_of(name: &str) -> &'static str {
        of(Path::new(name)).content_type
    }

    #[test]
    fn the_site_s_own_files_get_their_types() {
        assert_eq!(type_of("index.html"), "text/html; charset=utf-8");
        assert_eq!(type_of("app.js"), "text/javascript; charset=utf-8");
        assert_eq!(type_of("worker.mjs"), "text/javascript; charset=utf-8");
        assert_eq!(type_of("app_bg.wasm"), "application/wasm");
        assert_eq!(type_of("style.css"), "text/css; charset=utf-8");
        assert_eq!(type_of("corpus.lectern"), "application/octet-stream");
        assert_eq!(type_of("icon.svg"), "image/svg+xml");
        assert_eq!(type_of("font.woff2"), "font/woff2");
    }

    #[test]
    fn extensions_are_read_in_any_case() {
        assert_eq!(type_of("INDEX.HTML"), "text/html; charset=utf-8");
        assert_eq!(type_of("photo.JPG"), "image/jpeg");
    }

    #[test]
    fn unknown_or_missing_extensions_are_bytes_and_not_compressed() {
        assert_eq!(of(Path::new("archive.zip")), BYTES);
        assert_eq!(of(Path::new("README")), BYTES);
    }

    #[test]
    fn only_text_like_types_and_wasm_are_compressible() {
        assert!(of(Path::new("a.wasm")).compressible);
        assert!(of(Path::new("a.json")).compressible);
        assert!(!of(Path::new("a.png")).compressible);
        assert!(!of(Path::new("a.woff2")).compressible);
    }

    #[test]
    fn html_is_recognised_for_the_reload_script() {
        assert!(of(Path::new("a.htm")).is_html());
        assert!(!of(Path::new("a.js")).is_html());
    }
}
