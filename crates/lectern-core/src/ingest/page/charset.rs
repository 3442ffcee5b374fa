//! A page's bytes to text, in the encoding it declares, the way browsers decide it: a byte-order
//! mark first, then the transport's `Content-Type` charset, then a `<meta>` (or an XML
//! declaration) in the first bytes; a page that declares nothing is UTF-8 when it is valid
//! UTF-8 and otherwise guessed from its bytes (chardetng, Firefox's detector).

use encoding_rs::{Encoding, UTF_8};

use crate::error::IngestErrorKind;
use crate::ingest::decode;

/// How far into a page its `<meta charset>` is looked for. Browsers look at 1,024 bytes; pages
/// saved by tools often put a long comment or script first, so a little more is read.
const PRESCAN_BYTES: usize = 4096;

/// Decode `bytes`; `content_type` is an HTTP `Content-Type` header when the page was fetched.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> Result<String, IngestErrorKind> {
    decode::reject_binary(bytes)?;
    let (text, _) = declared(bytes, content_type).unwrap_or_else(|| detected(bytes)).decode_with_bom_removal(bytes);
    if text.trim().is_empty() {
        return Err(IngestErrorKind::Empty);
    }
    Ok(text.into_owned())
}

/// What the page (or its transport) says it is encoded in.
fn declared(bytes: &[u8], content_type: Option<&str>) -> Option<&'static Encoding> {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return Some(encoding);
    }
    let from_header = content_type.and_then(charset_param).and_then(|label| Encoding::for_label(label.as_bytes()));
    from_header.or_else(|| prescan(&bytes[..bytes.len().min(PRESCAN_BYTES)])).map(html_override)
}

/// A `<meta>` can not truthfully declare UTF-16 (the bytes that say so are ASCII): browsers
/// read such pages as UTF-8, and so does this.
fn html_override(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        UTF_8
    } else {
        encoding
    }
}

fn detected(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// `charset=…` in a `Content-Type` value (`text/html; charset="windows-1252"`).
pub fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// `<meta charset=…>`, `<meta http-equiv="Content-Type" content="…; charset=…">` or
/// `<?xml … encoding="…"?>` near the start of the page.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    if let Some(declaration) = head.strip_prefix("<?xml").and_then(|rest| rest.split("?>").next()) {
        if let Some(label) = attribute(declaration, "encoding") {
            return Encoding::for_label(label.as_bytes());
        }
    }
    head.match_indices("<meta").find_map(|(at, _)| {
        let tag = head[at..].split('>').next().unwrap_or_default();
        let label = attribute(tag, "charset").or_else(|| attribute(tag, "content").and_then(|c| charset_param(&format!("x;{c}"))))?;
        Encoding::for_label(label.trim().as_bytes())
    })
}

/// The value of `name=` in a tag's lower-cased text, quoted or not.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut search = tag;
    while let Some(at) = search.find(name) {
        let before_ok = search[..at].ends_with(|c: char| c.is_whitespace() || c == '"' || c == '\'' || c == ';');
        let rest = search[at + name.len()..].trim_start();
        if let (true, Some(rest)) = (before_ok, rest.strip_prefix('=')) {
            let rest = rest.trim_start();
            let value = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or_default(),
                _ => rest.split(|c: char| c.is_whitespace() || c == ';' || c == '/' || c == '>').next().unwrap_or_default(),
            };
            return Some(value.to_string());
        }
        search = &search[at + name.len()..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8], header: Option<&str>) -> String {
        decode(bytes, header).unwrap()
    }

    #[test]
    fn meta_charset_and_http_equiv_are_read() {
        let page = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 \x93quoted\x94 \x80</title>";
        assert!(decoded(page, None).contains("Café “quoted” €"));
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\"><p>\xb1";
        assert!(decoded(page, None).ends_with('ą'));
        let page = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><p>\xe9</p>";
        assert!(decoded(page, None).contains("<p>é</p>"));
    }

    #[test]
    fn the_header_wins_over_the_meta_and_the_bom_over_both() {
        let page = b"<meta charset=\"utf-8\"><p>\xe9";
        assert!(decoded(page, Some("text/html; charset=\"ISO-8859-1\"")).ends_with('é'));
        let page = b"\xEF\xBB\xBF<meta charset=\"windows-1252\"><p>\xc3\xa9";
        assert!(decoded(page, Some("text/html; charset=windows-1252")).ends_with('é'));
    }

    #[test]
    fn undeclared_pages_are_detected() {
        assert!(decoded("<p>naïve café</p>".as_bytes(), None).contains("naïve café"));
        // Shift_JIS for 日本語のニュース記事です。 repeated, with no declaration at all.
        let page = "<p>日本語のニュース記事です。東京で会議が開かれました。</p>".repeat(8);
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&page);
        assert!(decoded(&sjis, None).contains("東京で会議が開かれました"));
    }

    #[test]
    fn utf16_with_a_bom_is_read_and_binary_is_refused() {
        let mut page = vec![0xFF, 0xFE];
        page.extend("<p>hi</p>".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decoded(&page, None), "<p>hi</p>");
        assert!(matches!(decode(b"\x89PNG\r\n\x1a\n\0\0", None), Err(IngestErrorKind::Binary { .. })));
    }
}
