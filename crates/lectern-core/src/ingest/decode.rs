//! Bytes to text: the gate every file passes before any article logic sees it.

use crate::error::IngestErrorKind;

/// Signatures of binary formats people are likely to drop into an articles folder by mistake.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"\x7FELF", "an executable"),
    (b"\0asm", "a WebAssembly module"),
];

/// How many leading bytes to sniff for control characters.
const SNIFF_LEN: usize = 8192;

/// Decode a file's bytes as UTF-8 article text with `\n` line ends and no byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<String, IngestErrorKind> {
    if bytes.is_empty() {
        return Err(IngestErrorKind::Empty);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(IngestErrorKind::Utf16);
    }
    reject_binary(bytes)?;
    let text = std::str::from_utf8(bytes).map_err(|e| not_utf8(bytes, e.valid_up_to()))?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(IngestErrorKind::Empty);
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Refuse an empty file, and one whose signature or bytes say it is not text. Text in UTF-16
/// (which has NUL bytes) passes when it starts with its byte-order mark.
pub fn reject_binary(bytes: &[u8]) -> Result<(), IngestErrorKind> {
    if bytes.is_empty() {
        return Err(IngestErrorKind::Empty);
    }
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Err(IngestErrorKind::Binary { what: Some(what) });
    }
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if !utf16 && looks_binary(&bytes[..bytes.len().min(SNIFF_LEN)]) {
        return Err(IngestErrorKind::Binary { what: None });
    }
    Ok(())
}

/// A NUL byte, or more than a few percent of C0 control characters other than tab, line feed,
/// form feed and carriage return, means this is not prose.
fn looks_binary(head: &[u8]) -> bool {
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    controls * 20 > head.len()
}

fn not_utf8(bytes: &[u8], valid_up_to: usize) -> IngestErrorKind {
    let before = &bytes[..valid_up_to];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    IngestErrorKind::NotUtf8 { line, column: valid_up_to - line_start + 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_line_ends_and_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFa\r\nb\rc").unwrap(), "a\nb\nc");
    }

    #[test]
    fn locates_the_first_invalid_byte() {
        assert_eq!(
            decode(b"fine\nok \xE9t\xE9").unwrap_err(),
            IngestErrorKind::NotUtf8 { line: 2, column: 4 }
        );
    }

    #[test]
    fn names_known_binary_formats() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(decode(png).unwrap_err(), IngestErrorKind::Binary { what: Some("a PNG image") });
        assert_eq!(decode(b"ab\0cd").unwrap_err(), IngestErrorKind::Binary { what: None });
    }

    #[test]
    fn whitespace_only_is_empty() {
        assert_eq!(decode(b" \n\t\n").unwrap_err(), IngestErrorKind::Empty);
    }
}
