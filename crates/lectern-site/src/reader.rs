//! A Trunk release build of the reader: its files by name, and what its page loads.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use crate::html::{attribute, element, find_tag};
use crate::{fail, SiteError};

/// The build's files, by path relative to its folder (`/`-separated): read from disk by the
/// xtask, or carried inside the `lectern` binary.
#[derive(Debug, Clone, Default)]
pub struct ReaderFiles {
    pub files: BTreeMap<String, Cow<'static, [u8]>>,
}

/// The files index.html starts the app with, as Trunk names them (`lectern-reader-<hash>…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppFiles {
    pub glue: String,
    pub wasm: String,
}

impl ReaderFiles {
    pub fn from_static(files: &[(&'static str, &'static [u8])]) -> Self {
        ReaderFiles { files: files.iter().map(|&(name, bytes)| (name.to_string(), Cow::Borrowed(bytes))).collect() }
    }

    /// Every file under `dir`, as a build wrote them.
    pub fn read_dir(dir: &Path) -> std::io::Result<Self> {
        let mut files = BTreeMap::new();
        let mut pending = vec![dir.to_path_buf()];
        while let Some(folder) = pending.pop() {
            for entry in std::fs::read_dir(&folder)? {
                let path = entry?.path();
                if path.is_dir() {
                    pending.push(path);
                } else {
                    let name = path.strip_prefix(dir).map_err(std::io::Error::other)?;
                    let name = name.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                    files.insert(name, Cow::Owned(std::fs::read(&path)?));
                }
            }
        }
        Ok(ReaderFiles { files })
    }

    pub fn get(&self, name: &str) -> Result<&[u8], SiteError> {
        self.files.get(name).map(|b| &b[..]).ok_or_else(|| SiteError(format!("the reader's build has no {name}")))
    }

    pub fn text(&self, name: &str) -> Result<&str, SiteError> {
        std::str::from_utf8(self.get(name)?).map_err(|_| SiteError(format!("the reader's {name} is not UTF-8")))
    }

    pub fn index(&self) -> Result<&str, SiteError> {
        self.text("index.html")
    }

    /// The glue and wasm that the page's module script starts.
    pub fn app_files(&self) -> Result<AppFiles, SiteError> {
        AppFiles::of(self.index()?)
    }

    /// The wasm-bindgen snippet the glue imports (`snippets/<crate>-<hash>/inline0.js`), if any.
    pub fn snippet(&self) -> Option<&str> {
        self.files.keys().find(|n| n.starts_with("snippets/") && n.ends_with(".js")).map(String::as_str)
    }
}

impl AppFiles {
    /// The glue and wasm that `page`'s module script starts.
    pub fn of(page: &str) -> Result<AppFiles, SiteError> {
        let (_, script) = module_script(page)?;
        let glue = quoted_after(script, "from ").filter(|g| g.ends_with(".js"));
        let wasm = quoted_after(script, "module_or_path:").filter(|w| w.ends_with(".wasm"));
        match (glue, wasm) {
            (Some(glue), Some(wasm)) => Ok(AppFiles { glue: relative(glue), wasm: relative(wasm) }),
            _ => fail("the reader's index.html does not start its script and wasm as a Trunk build does"),
        }
    }
}

/// Trunk's `<script type=module>` that starts the app: its element's range and its text.
pub fn module_script(page: &str) -> Result<(std::ops::Range<usize>, &str), SiteError> {
    let tag = find_tag(page, "script", 0, |t| attribute(t, "type") == Some("module"));
    match tag.and_then(|tag| element(page, "script", tag)) {
        Some((whole, content)) => Ok((whole, &page[content])),
        None => fail("the reader's index.html has no module script starting the app"),
    }
}

/// The first quoted string after `marker` in `text`.
fn quoted_after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let rest = text[text.find(marker)? + marker.len()..].trim_start();
    let quote = rest.chars().next().filter(|c| matches!(c, '\'' | '"' | '`'))?;
    rest[1..].split(quote).next()
}

fn relative(name: &str) -> String {
    name.trim_start_matches("./").to_string()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A page shaped like Trunk's minified release output, for the tests of this crate.
    pub(crate) const TRUNK_PAGE: &str = concat!(
        "<!doctype html><html lang=en><meta charset=utf-8><meta content=\"Lectern: a reader.\" name=description>",
        "<title>Lectern</title><script>(()=>{window.early=1})()</script><style>.a{}</style>",
        "<script type=module>import init, * as bindings from './lectern-reader-abc.js';\n",
        "const wasm = await (window.lecternStart || init({ module_or_path: './lectern-reader-abc_bg.wasm' }));</script>",
        "<link crossorigin href=./lectern-reader-abc.js integrity=sha384-x rel=modulepreload>",
        "<link as=fetch crossorigin href=./lectern-reader-abc_bg.wasm rel=preload type=application/wasm>",
        "</head><body><main class=lectern-page><h1 class=lectern-visually-hidden>Lectern</h1>",
        "<div id=lectern-root><p>Loading</p></div></main></body></html>",
    );

    pub(crate) fn build() -> ReaderFiles {
        let mut files = ReaderFiles::default();
        let glue = "import { worker_loader } from './snippets/lectern-reader-1/inline0.js';\nfunction x() {}\nexport { initSync, __wbg_init as default };\n";
        for (name, bytes) in [
            ("index.html", TRUNK_PAGE.as_bytes()),
            ("lectern-reader-abc.js", glue.as_bytes()),
            ("lectern-reader-abc_bg.wasm", b"\0asm"),
            ("snippets/lectern-reader-1/inline0.js", b"export function worker_loader() { return 'x'; }"),
            ("lectern-worker.js", b"let wasm_bindgen;"),
            ("lectern-worker_bg.wasm", b"\0asm2"),
            ("lectern-worker-loader.js", b"importScripts('x');"),
        ] {
            files.files.insert(name.to_string(), Cow::Owned(bytes.to_vec()));
        }
        files
    }

    #[test]
    fn the_app_files_come_from_the_module_script() {
        let files = build().app_files().unwrap();
        assert_eq!(files, AppFiles { glue: "lectern-reader-abc.js".into(), wasm: "lectern-reader-abc_bg.wasm".into() });
        assert_eq!(build().snippet(), Some("snippets/lectern-reader-1/inline0.js"));
    }

    #[test]
    fn a_page_without_the_app_says_so() {
        let mut files = build();
        files.files.insert("index.html".into(), Cow::Borrowed(b"<html></html>"));
        assert!(files.app_files().unwrap_err().0.contains("no module script"));
    }
}
