//! `embed.js`: `static/embed.js` with the build's file names and the reader's stylesheet filled
//! in, so host pages load one stably named script. The npm package's `index.js` is the same
//! script naming its files with `new URL("./…", import.meta.url)` literals, which bundlers such
//! as Vite see, copy and rename.

use crate::html::{element, find_tag};
use crate::reader::AppFiles;
use crate::{fail, SiteError};

/// Where embed.js says its build's values go.
const MARKER: &str = "/* BUILD */ null";

/// The files of the npm package, under the stable names it gives them.
pub const PACKAGE_GLUE: &str = "lectern-reader.js";
pub const PACKAGE_WASM: &str = "lectern-reader_bg.wasm";
pub const WORKER_LOADER: &str = "lectern-worker-loader.js";
pub const WORKER_GLUE: &str = "lectern-worker.js";
pub const WORKER_WASM: &str = "lectern-worker_bg.wasm";

/// embed.js for a site: the hashed files beside it, found relative to the script.
pub fn for_site(template: &str, page: &str, embed_css: &str, app: &AppFiles) -> Result<String, SiteError> {
    let css = stylesheet(page, embed_css)?;
    let build = serde_json::json!({ "glue": format!("./{}", app.glue), "wasm": format!("./{}", app.wasm), "css": css });
    fill(template, &build.to_string())
}

/// index.js for the npm package: every file named by a literal URL next to the module.
pub fn for_package(template: &str, page: &str, embed_css: &str) -> Result<String, SiteError> {
    let css = serde_json::Value::String(stylesheet(page, embed_css)?);
    let here = |name: &str| format!("new URL({:?}, import.meta.url).href", format!("./{name}"));
    // Vite inlines files under 4 KB as data: URLs, which a worker cannot be started from;
    // `?no-inline` keeps them files (and a server ignores it).
    let file = |name: &str| format!("new URL({:?}, import.meta.url).href", format!("./{name}?no-inline"));
    let build = format!(
        "{{\n  glue: {},\n  wasm: {},\n  worker: {{ loader: {}, glue: {}, wasm: {} }},\n  css: {css},\n}}",
        here(PACKAGE_GLUE),
        here(PACKAGE_WASM),
        file(WORKER_LOADER),
        file(WORKER_GLUE),
        here(WORKER_WASM)
    );
    fill(template, &build)
}

fn fill(template: &str, build: &str) -> Result<String, SiteError> {
    if !template.contains(MARKER) {
        return fail("static/embed.js lost its BUILD marker");
    }
    Ok(template.replacen(MARKER, build, 1))
}

/// The reader's styles, in the order the standalone page inlines them, then the embed's own;
/// rem units turned to pixels.
fn stylesheet(page: &str, embed_css: &str) -> Result<String, SiteError> {
    let mut sheets = Vec::new();
    let mut at = 0;
    while let Some(tag) = find_tag(page, "style", at, |_| true) {
        let Some((whole, content)) = element(page, "style", tag) else { break };
        sheets.push(&page[content]);
        at = whole.end;
    }
    if sheets.is_empty() {
        return fail("the reader's index.html has none of its styles inlined");
    }
    Ok(rem_to_px(&format!("{}\n{embed_css}", sheets.join("\n"))))
}

/// rem follows the host page's root font size; an embedded reader must not.
pub fn rem_to_px(css: &str) -> String {
    let bytes = css.as_bytes();
    let mut out = String::with_capacity(css.len());
    let mut i = 0;
    while i < bytes.len() {
        let boundary = i == 0 || !matches!(bytes[i - 1], b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'.' | b'-');
        if boundary {
            if let Some((value, len)) = rem_at(&css[i..]) {
                out.push_str(&format!("{}px", short(value * 16.0)));
                i += len;
                continue;
            }
        }
        let c = css[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// A number followed by `rem` (and no more of a word) at the start of `text`: its value and
/// the length of the whole.
fn rem_at(text: &str) -> Option<(f64, usize)> {
    let number = text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
    let digits = &text[..number];
    if digits.is_empty() || digits.matches('.').count() > 1 || digits.ends_with('.') {
        return None;
    }
    let rest = text[number..].strip_prefix("rem")?;
    if rest.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
        return None;
    }
    Some((digits.parse().ok()?, number + 3))
}

fn short(value: f64) -> String {
    let text = format!("{value:.4}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::tests::build;

    const TEMPLATE: &str = "const BUILD = /* BUILD */ null;\nexport { mount };";

    #[test]
    fn the_site_script_names_the_hashed_files_and_carries_the_styles() {
        let files = build();
        let page = files.index().unwrap();
        let script = for_site(TEMPLATE, page, ":host{padding:1rem}", &files.app_files().unwrap()).unwrap();
        assert!(script.contains(r#""glue":"./lectern-reader-abc.js""#), "{script}");
        assert!(script.contains(r#""wasm":"./lectern-reader-abc_bg.wasm""#));
        assert!(script.contains(".a{}\\n:host{padding:16px}"));
    }

    #[test]
    fn the_package_script_names_its_files_literally() {
        let script = for_package(TEMPLATE, build().index().unwrap(), "").unwrap();
        assert!(script.contains(r#"glue: new URL("./lectern-reader.js", import.meta.url).href"#), "{script}");
        assert!(script.contains(r#"loader: new URL("./lectern-worker-loader.js?no-inline", import.meta.url).href"#));
        assert!(for_package("no marker", build().index().unwrap(), "").is_err());
    }

    #[test]
    fn rem_becomes_px_only_where_it_is_a_length() {
        assert_eq!(rem_to_px("a{margin:.5rem 1.25rem;x:3rem}"), "a{margin:8px 20px;x:48px}");
        assert_eq!(rem_to_px("--x-2rem: 0.3rem; .remy{} 1remx"), "--x-2rem: 4.8px; .remy{} 1remx");
        assert_eq!(rem_to_px("é 2rem"), "é 32px");
    }
}
