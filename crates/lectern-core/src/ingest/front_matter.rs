//! The optional `---` block at the top of a Markdown file: `title`, `author`, `date`, `source`,
//! `url`. Its values win over anything guessed from the text.

use crate::error::IngestErrorKind;

#[derive(Debug, Default, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// Split `text` into its front matter and the rest. Text without a leading `---` line has none.
pub fn split(text: &str) -> Result<(FrontMatter, &str), IngestErrorKind> {
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return Ok((FrontMatter::default(), text));
    }
    let mut matter = FrontMatter::default();
    let mut offset = text.find('\n').map_or(text.len(), |i| i + 1);
    for line in lines {
        offset += line.len();
        let line = line.trim_end();
        if line == "---" || line == "..." {
            return Ok((matter, &text[offset..]));
        }
        if let Some((key, value)) = line.split_once(':') {
            matter.set(key.trim(), unquote(value.trim()));
        }
    }
    Err(IngestErrorKind::UnclosedFrontMatter { line: 1 })
}

impl FrontMatter {
    fn set(&mut self, key: &str, value: &str) {
        let slot = match key.to_ascii_lowercase().as_str() {
            "title" => &mut self.title,
            "author" | "byline" | "authors" => &mut self.author,
            "date" | "published" => &mut self.date,
            "source" | "publisher" | "site" => &mut self.source,
            "url" | "link" | "canonical" => &mut self.url,
            _ => return,
        };
        if !value.is_empty() {
            *slot = Some(value.to_string());
        }
    }
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_known_keys_and_returns_the_body() {
        let (m, body) = split("---\ntitle: \"Hello: World\"\nauthor: Ana\ntags: x\n---\nBody\n").unwrap();
        assert_eq!(m.title.as_deref(), Some("Hello: World"));
        assert_eq!(m.author.as_deref(), Some("Ana"));
        assert_eq!(body, "Body\n");
    }

    #[test]
    fn unclosed_block_is_an_error() {
        assert_eq!(split("---\ntitle: x\n").unwrap_err(), IngestErrorKind::UnclosedFrontMatter { line: 1 });
    }

    #[test]
    fn no_front_matter() {
        assert_eq!(split("Title\n---\n").unwrap().1, "Title\n---\n");
    }
}
