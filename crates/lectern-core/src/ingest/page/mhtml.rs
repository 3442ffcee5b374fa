//! MHTML (`.mhtml`, `.mht`: Chrome's "Webpage, single file"): a MIME multipart/related message
//! whose first `text/html` part is the page. Written by hand: it takes a header reader, a
//! boundary split and two transfer decodings; the maintained MIME crate (mail-parser) needs a
//! newer Rust than these machines have.

use crate::error::IngestErrorKind;

/// The page inside an archive, still in its declared encoding.
#[derive(Debug)]
pub struct ArchivedPage {
    pub html: Vec<u8>,
    /// The part's `Content-Type`, whose charset says how to decode `html`.
    pub content_type: Option<String>,
    /// Where the page was saved from (`Snapshot-Content-Location` or the part's
    /// `Content-Location`).
    pub location: Option<String>,
}

fn malformed(why: &str) -> IngestErrorKind {
    IngestErrorKind::Malformed { what: "web archive (MHTML)", why: why.to_string() }
}

pub fn unpack(bytes: &[u8]) -> Result<ArchivedPage, IngestErrorKind> {
    let (headers, body) = split_headers(bytes).ok_or_else(|| malformed("it has no MIME headers"))?;
    let content_type = header(&headers, "content-type").ok_or_else(|| malformed("it has no Content-Type header"))?;
    let boundary = parameter(&content_type, "boundary").ok_or_else(|| malformed("its Content-Type names no boundary"))?;
    let snapshot = header(&headers, "snapshot-content-location");
    let part = parts(body, boundary.as_bytes())
        .filter_map(split_headers)
        .find(|(h, _)| header(h, "content-type").is_some_and(|t| t.to_ascii_lowercase().starts_with("text/html")))
        .ok_or_else(|| malformed("it holds no HTML page"))?;
    let (part_headers, part_body) = part;
    let encoding = header(&part_headers, "content-transfer-encoding").unwrap_or_default().to_ascii_lowercase();
    let html = match encoding.trim() {
        "quoted-printable" => quoted_printable(part_body),
        "base64" => base64(part_body).ok_or_else(|| malformed("its page is not valid base64"))?,
        _ => part_body.to_vec(),
    };
    let location = snapshot.or_else(|| header(&part_headers, "content-location"));
    Ok(ArchivedPage { html, content_type: header(&part_headers, "content-type"), location })
}

/// Headers (unfolded, one string per header) and the body after the blank line.
fn split_headers(bytes: &[u8]) -> Option<(Vec<String>, &[u8])> {
    let end = find(bytes, b"\r\n\r\n").map(|i| (i, i + 4)).or_else(|| find(bytes, b"\n\n").map(|i| (i, i + 2)))?;
    let text = String::from_utf8_lossy(&bytes[..end.0]);
    let mut headers: Vec<String> = Vec::new();
    for line in text.lines() {
        match (line.starts_with([' ', '\t']), headers.last_mut()) {
            (true, Some(last)) => last.push_str(line.trim_start_matches([' ', '\t'])),
            _ => headers.push(line.trim_start().to_string()),
        }
    }
    Some((headers, &bytes[end.1..]))
}

fn header(headers: &[String], name: &str) -> Option<String> {
    headers.iter().find_map(|h| {
        let (key, value) = h.split_once(':')?;
        key.trim().eq_ignore_ascii_case(name).then(|| value.trim().to_string())
    })
}

fn parameter(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (key, v) = p.split_once('=')?;
        key.trim().eq_ignore_ascii_case(name).then(|| v.trim().trim_matches('"').to_string())
    })
}

/// The parts between `--boundary` lines (the preamble before the first and anything after the
/// closing `--boundary--` left out).
fn parts<'a>(body: &'a [u8], boundary: &[u8]) -> impl Iterator<Item = &'a [u8]> {
    let mut delimiter = b"--".to_vec();
    delimiter.extend_from_slice(boundary);
    let mut pieces = Vec::new();
    let mut rest = body;
    while let Some(at) = find(rest, &delimiter) {
        pieces.push(&rest[..at]);
        rest = &rest[at + delimiter.len()..];
        if rest.starts_with(b"--") {
            break;
        }
        rest = rest.strip_prefix(b"\r\n").or_else(|| rest.strip_prefix(b"\n")).unwrap_or(rest);
    }
    if !rest.starts_with(b"--") && !pieces.is_empty() {
        // A truncated archive: its last part is read as far as it goes.
        pieces.push(rest);
    }
    pieces.into_iter().skip(1)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn quoted_printable(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        match &body[i..] {
            [b'=', b'\r', b'\n', ..] => i += 3,
            [b'=', b'\n', ..] => i += 2,
            [b'=', hi, lo, ..] if hi.is_ascii_hexdigit() && lo.is_ascii_hexdigit() => {
                out.push(hex(*hi) << 4 | hex(*lo));
                i += 3;
            }
            [byte, ..] => {
                out.push(*byte);
                i += 1;
            }
            [] => break,
        }
    }
    out
}

fn hex(digit: u8) -> u8 {
    (digit as char).to_digit(16).unwrap_or(0) as u8
}

fn base64(body: &[u8]) -> Option<Vec<u8>> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let digits: Vec<u8> = body.iter().copied().filter(|c| !c.is_ascii_whitespace() && *c != b'=').collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut n = 0u32;
        for (k, &c) in chunk.iter().enumerate() {
            n |= u32::from(value(c)?) << (18 - 6 * k);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len().max(1)]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARCHIVE: &str = "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/story\r\nSubject: Story\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://news.example/story\r\n\r\n<html><head><meta http-equiv=3D\"Content-Type\" content=3D\"text/html; charset=3DUTF-8\"></head><body><p>Caf=C3=A9 so=\r\nciety</p></body></html>\r\n------MultipartBoundary--abc----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--abc------\r\n";

    #[test]
    fn finds_the_page_and_undoes_quoted_printable() {
        let page = unpack(ARCHIVE.as_bytes()).unwrap();
        let html = String::from_utf8(page.html).unwrap();
        assert!(html.contains("<p>Café society</p>"), "{html}");
        assert!(html.contains("content=\"text/html; charset=UTF-8\""));
        assert_eq!(page.location.as_deref(), Some("https://news.example/story"));
    }

    #[test]
    fn base64_parts_are_decoded() {
        assert_eq!(base64(b"SGVs\r\nbG8=").unwrap(), b"Hello");
        assert_eq!(base64(b"SGk=").unwrap(), b"Hi");
        assert!(base64(b"S*Gk").is_none());
    }

    #[test]
    fn archives_without_a_page_or_boundary_are_named() {
        let no_page = ARCHIVE.replace("Content-Type: text/html\r\n", "Content-Type: text/css\r\n");
        assert!(unpack(no_page.as_bytes()).is_err());
        assert!(unpack(b"just some text without headers").is_err());
        let err = unpack(b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\nbody").unwrap_err();
        assert!(err.to_string().contains("boundary"), "{err}");
    }
}
