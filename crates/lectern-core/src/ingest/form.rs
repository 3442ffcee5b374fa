//! Which input form a file is: from its name's ending, then its served `Content-Type`, then its
//! first bytes (a fetched URL often has no ending, and a saved file may have the wrong one).

use super::SourceFile;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Text,
    Markdown,
    /// An HTML page.
    Page,
    /// An MHTML archive holding a page.
    Archive,
    /// An RSS, Atom or JSON feed, or a WordPress export.
    Feed,
}

/// File endings read when a folder is given, per form.
pub const ENDINGS: &[(&str, Form)] = &[
    ("txt", Form::Text),
    ("md", Form::Markdown),
    ("markdown", Form::Markdown),
    ("html", Form::Page),
    ("htm", Form::Page),
    ("xhtml", Form::Page),
    ("mhtml", Form::Archive),
    ("mht", Form::Archive),
    ("xml", Form::Feed),
    ("rss", Form::Feed),
    ("atom", Form::Feed),
    ("rdf", Form::Feed),
    ("json", Form::Feed),
];

impl Form {
    pub fn of(file: &SourceFile) -> Form {
        let by_name = Form::of_name(&file.name);
        let by_type = file.content_type.as_deref().and_then(Form::of_content_type);
        let sniffed = sniff(&file.bytes);
        match (by_name, by_type, sniffed) {
            // Markup says what it is whatever the name: a feed saved as .html, a page as .xml.
            (_, _, Some(form @ (Form::Feed | Form::Page | Form::Archive))) if by_name != Some(Form::Text) && by_name != Some(Form::Markdown) => form,
            (Some(form), _, _) => form,
            (None, Some(form), _) => form,
            (None, None, sniffed) => sniffed.unwrap_or(Form::Text),
        }
    }

    /// The form a name's ending says, if it names one.
    pub fn of_name(name: &str) -> Option<Form> {
        let ending = name.rsplit_once('.')?.1.to_ascii_lowercase();
        ENDINGS.iter().find(|(e, _)| *e == ending).map(|(_, form)| *form)
    }

    fn of_content_type(content_type: &str) -> Option<Form> {
        let mime = content_type.split(';').next()?.trim().to_ascii_lowercase();
        Some(match mime.as_str() {
            "text/html" | "application/xhtml+xml" => Form::Page,
            "multipart/related" | "message/rfc822" | "application/x-mimearchive" => Form::Archive,
            "text/markdown" => Form::Markdown,
            "text/plain" => Form::Text,
            m if m.ends_with("rss+xml") || m.ends_with("atom+xml") || m.ends_with("rdf+xml") || m.ends_with("feed+json") => Form::Feed,
            "application/xml" | "text/xml" | "application/json" => Form::Feed,
            _ => return None,
        })
    }
}

/// What the first bytes show: an XML feed's root element, an HTML document, a JSON Feed, or an
/// MHTML archive's MIME headers. None for anything else (text).
fn sniff(bytes: &[u8]) -> Option<Form> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let start = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if start.starts_with('{') && head.contains("jsonfeed.org/version") {
        return Some(Form::Feed);
    }
    if start.starts_with("mime-version:") || start.starts_with("from:") && head.contains("multipart/related") {
        return Some(Form::Archive);
    }
    if !start.starts_with('<') {
        return None;
    }
    if ["<rss", "<feed", "<rdf:rdf"].iter().any(|root| head.contains(root)) && !head.contains("<html") {
        return Some(Form::Feed);
    }
    ["<!doctype html", "<html", "<head", "<body", "<article", "<meta", "<title", "<p>", "<div"].iter().any(|tag| head.contains(tag)).then_some(Form::Page)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str, bytes: &str, content_type: Option<&str>) -> Form {
        Form::of(&SourceFile { name: name.into(), bytes: bytes.as_bytes().to_vec(), url: None, content_type: content_type.map(Into::into), content_language: None })
    }

    #[test]
    fn names_types_and_bytes() {
        assert_eq!(form("a.txt", "<p>just prose with a tag</p>", None), Form::Text);
        assert_eq!(form("a.md", "# Title", None), Form::Markdown);
        assert_eq!(form("a.html", "<!doctype html><p>x", None), Form::Page);
        assert_eq!(form("a.mht", "MIME-Version: 1.0", None), Form::Archive);
        assert_eq!(form("feed.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\">", None), Form::Feed);
        assert_eq!(form("page.xml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", None), Form::Page);
        assert_eq!(form("story", "<!DOCTYPE html><html>", Some("text/html; charset=utf-8")), Form::Page);
        assert_eq!(form("feed", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">", None), Form::Feed);
        assert_eq!(form("feed.json", "{\"version\": \"https://jsonfeed.org/version/1.1\"}", None), Form::Feed);
        assert_eq!(form("notes", "Plain words.", None), Form::Text);
    }
}
