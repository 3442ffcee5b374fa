//! A guard against pages that nest elements without end: the HTML parser copes, but walking such
//! a tree (ours and the extractor's walks recurse) would overflow the stack, which takes a
//! browser tab or the CLI down. The depth is counted on the raw tags, before anything is parsed.

use crate::error::IngestErrorKind;

/// Real pages nest a few dozen deep; the deepest seen on large news sites is under 100. The
/// count below over-estimates a little (it cannot see every implied end tag), so the limit is
/// generous, and low enough that a walk this deep fits a browser's stack.
pub const MAX_DEPTH: usize = 400;

/// Elements that never have content, and those whose end tag is implied by what follows: neither
/// adds to the depth the count can see.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p",
    "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "rb", "rt",
    "rp", "html", "head", "body", "param", "keygen", "image",
];

/// Elements whose content is text up to their end tag, where a `<` is not a tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript", "template"];

pub fn check(html: &str) -> Result<(), IngestErrorKind> {
    let mut depth = 0usize;
    // Inside <svg> and <math> a tag ending in `/>` closes itself; elsewhere HTML ignores the
    // slash (`<div/>` opens a div), so it counts.
    let mut foreign = 0usize;
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let closing = rest.starts_with('/');
        let name = tag_name(if closing { &rest[1..] } else { rest });
        if name.is_empty() || NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        let tag_end = rest.find('>').unwrap_or(rest.len());
        let is_foreign = name == "svg" || name == "math";
        if closing {
            depth = depth.saturating_sub(1);
            foreign = foreign.saturating_sub(usize::from(is_foreign));
        } else if !(foreign > 0 && rest[..tag_end].ends_with('/')) {
            foreign += usize::from(is_foreign);
            depth += 1;
            if depth > MAX_DEPTH {
                return Err(IngestErrorKind::TooDeep { limit: MAX_DEPTH });
            }
            if RAW_TEXT.contains(&name.as_str()) {
                rest = skip_raw_text(&rest[tag_end.min(rest.len())..], &name);
                depth -= 1;
            }
        }
    }
    Ok(())
}

fn tag_name(s: &str) -> String {
    s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').take(32).collect::<String>().to_ascii_lowercase()
}

/// Past the end tag of a raw-text element (or to the end of the page, if it has none).
fn skip_raw_text<'a>(rest: &'a str, name: &str) -> &'a str {
    let lower_end = format!("</{name}");
    let mut at = 0;
    while let Some(found) = rest[at..].find("</") {
        let start = at + found;
        let candidate = rest.get(start..start + lower_end.len()).unwrap_or_default();
        if candidate.eq_ignore_ascii_case(&lower_end) {
            return &rest[start + lower_end.len()..];
        }
        at = start + 2;
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_and_runaway_nesting_does_not() {
        let page = "<html><body><div><p>One<p>Two<ul><li>a<li>b</ul><br><img src=x></div></body></html>";
        assert!(check(page).is_ok());
        let unclosed_paragraphs = "<div>".to_string() + &"<p>text ".repeat(5000) + "</div>";
        assert!(check(&unclosed_paragraphs).is_ok());
        let deep = "<div>".repeat(100_000);
        assert_eq!(check(&deep), Err(IngestErrorKind::TooDeep { limit: MAX_DEPTH }));
    }

    #[test]
    fn scripts_comments_and_svg_shapes_do_not_count() {
        let script = format!("<script>{}</script><p>ok", "if (a<b) { x = '<div>'; }".repeat(1000));
        assert!(check(&script).is_ok());
        let comment = format!("<!-- {} --><p>ok", "<div>".repeat(1000));
        assert!(check(&comment).is_ok());
        let icons = format!("<svg>{}</svg>", "<path d='M0 0'/>".repeat(1000));
        assert!(check(&icons).is_ok());
        assert!(check(&"<div/>".repeat(1000)).is_err(), "HTML opens a div written <div/>");
    }
}
