//! The whole view lives in the URL hash — query, filters, open article, scrolled-to passage —
//! so a reload, the back button or a pasted link restores exactly what the reader saw.
//! `#q=gas%20pipeline&f=article:abc&article=abc&p=12`

use lectern_core::search::{Filter, FilterKind};
use wasm_bindgen::JsValue;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewState {
    pub query: String,
    pub filters: Vec<Filter>,
    pub article: Option<String>,
    pub passage: Option<u32>,
}

impl ViewState {
    pub fn parse(hash: &str) -> ViewState {
        let mut view = ViewState::default();
        for part in hash.trim_start_matches('#').split('&') {
            let Some((key, value)) = part.split_once('=') else { continue };
            let value = decode(value);
            match key {
                "q" => view.query = value,
                "article" if !value.is_empty() => view.article = Some(value),
                "p" => view.passage = value.parse().ok(),
                "f" => {
                    let filter = value.split_once(':').and_then(|(kind, v)| {
                        Some(Filter { kind: FilterKind::from_key(kind)?, value: v.to_string() })
                    });
                    view.filters.extend(filter.filter(|f| !view.filters.contains(f)));
                }
                _ => {}
            }
        }
        view
    }

    pub fn to_hash(&self) -> String {
        let mut parts = Vec::new();
        if !self.query.is_empty() {
            parts.push(format!("q={}", encode(&self.query)));
        }
        for f in &self.filters {
            parts.push(format!("f={}:{}", f.kind.key(), encode(&f.value)));
        }
        if let Some(id) = &self.article {
            parts.push(format!("article={}", encode(id)));
        }
        if let Some(p) = self.passage {
            parts.push(format!("p={p}"));
        }
        format!("#{}", parts.join("&"))
    }

    /// Whether going from `self` to `next` deserves its own step in the history: opening,
    /// filtering and jumping do; typing does not (one entry per query, not per keystroke).
    pub fn is_new_place(&self, next: &ViewState) -> bool {
        self.article != next.article || self.filters != next.filters || self.passage != next.passage
    }
}

/// Percent-encode everything but unreserved characters.
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Percent-decode; malformed escapes are kept as written, invalid UTF-8 is replaced.
pub(crate) fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The view in the current URL.
pub fn read() -> ViewState {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    ViewState::parse(&hash)
}

/// Write `view` to the URL, as a new history entry or in place of the current one.
pub fn write(view: &ViewState, new_entry: bool) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let hash = view.to_hash();
    // A page that forbids history changes (a sandboxed frame) still reads fine without them.
    let _ = if new_entry {
        history.push_state_with_url(&JsValue::NULL, "", Some(&hash))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&hash))
    };
}

pub fn article_href(id: &str) -> String {
    ViewState { article: Some(id.to_string()), ..Default::default() }.to_hash()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_field() {
        let view = ViewState {
            query: "“gas pipeline” -Ukraine & more=yes #1".into(),
            filters: vec![
                Filter { kind: FilterKind::Article, value: "001_x".into() },
                Filter { kind: FilterKind::Section, value: "001_x/3".into() },
            ],
            article: Some("001_x".into()),
            passage: Some(42),
        };
        assert_eq!(ViewState::parse(&view.to_hash()), view);
    }

    #[test]
    fn tolerates_damaged_hashes() {
        let v = ViewState::parse("#q=%E2%80%9C%ZZ+x&f=nonsense:1&f=article&p=abc&article=");
        assert_eq!(v.query, "“%ZZ x");
        assert_eq!((v.filters.len(), v.passage, v.article), (0, None, None));
        assert_eq!(ViewState::parse(""), ViewState::default());
        assert_eq!(ViewState::parse("#article=a-2").article.as_deref(), Some("a-2"));
    }

    #[test]
    fn typing_is_not_a_new_place() {
        let a = ViewState { query: "gas".into(), ..Default::default() };
        let b = ViewState { query: "gas pipe".into(), ..Default::default() };
        assert!(!a.is_new_place(&b));
        assert!(a.is_new_place(&ViewState { article: Some("x".into()), ..b }));
    }
}
