//! Finding tags in a minified page by name and attribute, and escaping what goes into one.

use std::ops::Range;

/// The byte range of the first `<name …>` start tag at or after `from` whose attributes
/// satisfy `wanted` (given the tag's text).
pub fn find_tag(page: &str, name: &str, from: usize, wanted: impl Fn(&str) -> bool) -> Option<Range<usize>> {
    let open = format!("<{name}");
    let mut at = from;
    while let Some(found) = page.get(at..)?.find(&open) {
        let start = at + found;
        let after = page[start + open.len()..].chars().next()?;
        let end = start + page[start..].find('>')? + 1;
        if (after.is_whitespace() || after == '>' || after == '/') && wanted(&page[start..end]) {
            return Some(start..end);
        }
        at = end;
    }
    None
}

/// The element from the start tag at `tag` to its end tag (`</name>`), and its content.
pub fn element(page: &str, name: &str, tag: Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
    let close = format!("</{name}>");
    let content_end = tag.end + page[tag.end..].find(&close)?;
    Some((tag.start..content_end + close.len(), tag.end..content_end))
}

/// The value of `attribute` in a start tag, quoted or not (minifiers drop quotes they can).
pub fn attribute<'a>(tag: &'a str, attribute: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(at) = rest.find(attribute) {
        let before = rest[..at].chars().next_back();
        let after = &rest[at + attribute.len()..];
        rest = after;
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(value) = after.strip_prefix('=') else {
            if after.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
                return Some("");
            }
            continue;
        };
        return Some(match value.chars().next()? {
            quote @ ('"' | '\'') => value[1..].split(quote).next()?,
            _ => value.split(|c: char| c.is_whitespace() || c == '>').next()?,
        });
    }
    None
}

/// Text for an element's content or a quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON for a script element: `</script` (and `<!--`) can never close it early.
pub fn script_json(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<meta charset=utf-8><meta content="a b" name=description><metadata><title>X</title>"#;

    #[test]
    fn tags_are_found_by_attribute_whatever_the_quoting() {
        let tag = find_tag(PAGE, "meta", 0, |t| attribute(t, "name") == Some("description")).unwrap();
        assert_eq!(&PAGE[tag.clone()], r#"<meta content="a b" name=description>"#);
        assert_eq!(attribute(&PAGE[tag], "content"), Some("a b"));
        assert_eq!(find_tag(PAGE, "meta", 0, |t| t.contains("nothing")), None);
        let title = find_tag(PAGE, "title", 0, |_| true).unwrap();
        let (whole, content) = element(PAGE, "title", title).unwrap();
        assert_eq!((&PAGE[whole], &PAGE[content]), ("<title>X</title>", "X"));
    }

    #[test]
    fn attributes_need_a_whole_name() {
        assert_eq!(attribute("<a data-src=x src='y'>", "src"), Some("y"));
        assert_eq!(attribute("<script type=module>", "type"), Some("module"));
        assert_eq!(attribute("<script defer>", "defer"), Some(""));
        assert_eq!(attribute("<script>", "type"), None);
    }

    #[test]
    fn escaping() {
        assert_eq!(escape(r#"<b>"T&C's"#), "&lt;b&gt;&quot;T&amp;C&#39;s");
        assert_eq!(script_json(&serde_json::json!("</script>")), r#""\u003c/script>""#);
    }
}
