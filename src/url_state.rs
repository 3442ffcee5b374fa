//! The open article lives in the URL hash (`#article=<id>`), so a reload or a shared link opens
//! the same article and the back button returns to the previous one.

use wasm_bindgen::JsValue;

const KEY: &str = "article=";

/// The article id in the current URL, if any.
pub fn article_id() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    parse(&hash)
}

/// `#article=abc&q=x` → `abc`. Ids are URL-safe, so no decoding is needed.
pub fn parse(hash: &str) -> Option<String> {
    hash.trim_start_matches('#')
        .split('&')
        .find_map(|part| part.strip_prefix(KEY))
        .filter(|id| !id.is_empty())
        .map(str::to_string)
}

pub fn href(id: &str) -> String {
    format!("#{KEY}{id}")
}

/// Record that `id` was opened, as a new history entry.
pub fn push(id: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        // A page that forbids history changes (a sandboxed frame) still reads fine without them.
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&href(id)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_article_from_a_hash() {
        assert_eq!(parse("#article=abc").as_deref(), Some("abc"));
        assert_eq!(parse("#q=x&article=a-2").as_deref(), Some("a-2"));
        assert_eq!(parse("#article="), None);
        assert_eq!(parse(""), None);
    }
}
