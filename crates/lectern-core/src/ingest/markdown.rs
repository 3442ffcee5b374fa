//! Markdown to blocks: the subset articles use (ATX and setext headings, paragraphs, lists,
//! block quotes, fences, emphasis, links, images). Markup is removed; the words are kept.

use super::Block;

pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut fence: Option<&str> = None;
    let flush = |para: &mut Vec<&str>, out: &mut Vec<Block>| {
        if !para.is_empty() {
            out.push(Block::text(inline(&para.join(" "))));
            para.clear();
        }
    };
    for raw in text.lines() {
        let line = raw.trim();
        if let Some(marker) = fence {
            if line.starts_with(marker) {
                fence = None;
                flush(&mut para, &mut out);
            } else {
                para.push(line);
            }
            continue;
        }
        if line.starts_with("```") || line.starts_with("~~~") {
            flush(&mut para, &mut out);
            fence = Some(&line[..3]);
        } else if line.is_empty() || line.starts_with("<!--") {
            flush(&mut para, &mut out);
        } else if let Some(level) = setext_level(line).filter(|_| para.len() == 1) {
            out.push(Block::heading(inline(para[0]), level));
            para.clear();
        } else if is_rule(line) {
            flush(&mut para, &mut out);
        } else if let Some((level, heading)) = atx_heading(line) {
            flush(&mut para, &mut out);
            out.push(Block::heading(inline(heading), level));
        } else if let Some(item) = list_item(line) {
            flush(&mut para, &mut out);
            para.push(item);
        } else {
            para.push(line.trim_start_matches('>').trim_start());
        }
    }
    flush(&mut para, &mut out);
    out.retain(|b| !b.text.is_empty());
    out
}

fn atx_heading(line: &str) -> Option<(u8, &str)> {
    let level = line.chars().take_while(|&c| c == '#').count();
    let rest = &line[level..];
    ((1..=6).contains(&level) && (rest.is_empty() || rest.starts_with(' ')))
        .then(|| (level as u8, rest.trim().trim_end_matches('#').trim_end()))
}

fn setext_level(line: &str) -> Option<u8> {
    if line.chars().all(|c| c == '=') {
        Some(1)
    } else if line.len() >= 2 && line.chars().all(|c| c == '-') {
        Some(2)
    } else {
        None
    }
}

fn is_rule(line: &str) -> bool {
    let marks: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && ['-', '*', '_'].iter().any(|&m| marks.chars().all(|c| c == m))
}

fn list_item(line: &str) -> Option<&str> {
    if let Some(rest) = line.strip_prefix(['-', '*', '+']) {
        return rest.starts_with(' ').then(|| rest.trim_start());
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = &line[digits..];
    (digits > 0 && (rest.starts_with(". ") || rest.starts_with(") "))).then(|| rest[2..].trim_start())
}

/// Strip inline markup: images go, links keep their text, emphasis and code marks go, backslash
/// escapes are resolved. Anything that is not markup (a lone `*`, `snake_case`) stays.
fn inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '!' if chars.get(i + 1) == Some(&'[') => match link_end(&chars, i + 1) {
                Some((_, end)) => i = end,
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '[' => match link_end(&chars, i) {
                Some((label_end, end)) => {
                    out.push_str(&inline(&chars[i + 1..label_end].iter().collect::<String>()));
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '*' | '_' | '`' | '~' if is_delimiter(&chars, i) => i += 1,
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// For `[label](target)` starting at `open`: the index of `]` and the index after `)`.
fn link_end(chars: &[char], open: usize) -> Option<(usize, usize)> {
    let close = open + chars[open..].iter().position(|&c| c == ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let paren = close + 1 + chars[close + 1..].iter().position(|&c| c == ')')?;
    Some((close, paren + 1))
}

/// An emphasis or code mark, not a literal: it hugs a word on one side, and `_` is not inside a
/// word (`snake_case` keeps its underscore).
fn is_delimiter(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    let before = i.checked_sub(1).map(|j| chars[j]);
    let after = chars.get(i + 1).copied();
    let word = |ch: Option<char>| ch.is_some_and(char::is_alphanumeric);
    if c == '_' && word(before) && word(after) {
        return false;
    }
    let space = |ch: Option<char>| ch.is_none_or(char::is_whitespace);
    let hugs = !space(after) || !space(before);
    let is_run = before == Some(c) || after == Some(c);
    hugs && (is_run || chars.iter().filter(|&&x| x == c).count() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Kind;

    #[test]
    fn headings_paragraphs_and_lists() {
        let b = blocks("# Title\n\nSome *em* and **strong** text\ncontinues.\n\n## Part two\n\n- one\n- two\n\nSetext\n------\n");
        let got: Vec<(String, Kind)> = b.into_iter().map(|b| (b.text, b.kind)).collect();
        assert_eq!(
            got,
            [
                ("Title".into(), Kind::Heading(1)),
                ("Some em and strong text continues.".into(), Kind::Text),
                ("Part two".into(), Kind::Heading(2)),
                ("one".into(), Kind::Text),
                ("two".into(), Kind::Text),
                ("Setext".into(), Kind::Heading(2)),
            ]
        );
    }

    #[test]
    fn links_images_and_literals() {
        assert_eq!(inline("See [the report](http://x.y) ![chart](c.png) now"), "See the report now");
        assert_eq!(inline("snake_case and 5 * 3 and \\*lit\\*"), "snake_case and 5 * 3 and *lit*");
    }
}
