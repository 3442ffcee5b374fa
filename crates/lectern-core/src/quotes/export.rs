//! Quotes as files a reader can keep: CSV, JSON and Markdown, made in the browser from the same
//! rows the quotes panel shows. Paragraphs are numbered from 1 in reading order.

use crate::model::{Article, Quote};

/// One exported quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    pub speaker: Option<&'a str>,
    pub description: Option<&'a str>,
    pub quote: &'a str,
    pub article: &'a str,
    pub paragraph: usize,
}

impl<'a> Row<'a> {
    pub fn new(article: &'a Article, quote: &'a Quote) -> Row<'a> {
        let earlier: usize = article.sections[..quote.section.min(article.sections.len())].iter().map(|s| s.paragraphs.len()).sum();
        Row {
            speaker: quote.speaker.as_deref(),
            description: quote.description.as_deref(),
            quote: &quote.text,
            article: &article.title,
            paragraph: earlier + quote.paragraph + 1,
        }
    }
}

pub fn csv(rows: &[Row]) -> String {
    let mut out = String::from("speaker,description,quote,article,paragraph\r\n");
    for r in rows {
        let cells = [r.speaker.unwrap_or(""), r.description.unwrap_or(""), r.quote, r.article];
        for cell in cells {
            out.push_str(&csv_cell(cell));
            out.push(',');
        }
        out.push_str(&r.paragraph.to_string());
        out.push_str("\r\n");
    }
    out
}

/// Quoted as RFC 4180 says; a cell a spreadsheet would run as a formula gets a leading `'`.
pub fn csv_cell(cell: &str) -> String {
    let guarded = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_string() };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

pub fn json(rows: &[Row]) -> String {
    let items: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "  {{\"speaker\": {}, \"description\": {}, \"quote\": {}, \"article\": {}, \"paragraph\": {}}}",
                json_opt(r.speaker),
                json_opt(r.description),
                json_string(r.quote),
                json_string(r.article),
                r.paragraph
            )
        })
        .collect();
    if items.is_empty() {
        return "[]\n".to_string();
    }
    format!("[\n{}\n]\n", items.join(",\n"))
}

fn json_opt(s: Option<&str>) -> String {
    s.map_or_else(|| "null".to_string(), json_string)
}

pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Escaped so the file is safe to paste inside a <script> element too.
            c if (c as u32) < 0x20 || c == '<' || c == '>' || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Grouped by speaker in order of first appearance, each quotation as a block quote.
pub fn markdown(title: &str, rows: &[Row]) -> String {
    let mut out = format!("# {}\n", md_escape(title));
    let mut speakers: Vec<Option<&str>> = Vec::new();
    for r in rows {
        if !speakers.contains(&r.speaker) {
            speakers.push(r.speaker);
        }
    }
    for speaker in speakers {
        let theirs: Vec<&Row> = rows.iter().filter(|r| r.speaker == speaker).collect();
        out.push_str(&format!("\n## {} ({})\n", md_escape(speaker.unwrap_or("Unknown speaker")), theirs.len()));
        for r in theirs {
            out.push_str(&format!("\n> {}\n>\n> — *{}*, paragraph {}\n", md_escape(r.quote), md_escape(r.article), r.paragraph));
        }
    }
    out
}

/// Markdown's and HTML's special characters escaped, so a quotation renders as written.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '<' | '>' | '|' | '!') {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row<'a>(speaker: Option<&'a str>, quote: &'a str) -> Row<'a> {
        Row { speaker, description: None, quote, article: "A, \"B\"", paragraph: 3 }
    }

    #[test]
    fn csv_quotes_every_cell_and_defuses_formulas() {
        let out = csv(&[row(Some("X"), "=HYPERLINK(\"x\")")]);
        assert_eq!(out.lines().nth(1), Some("\"X\",\"\",\"'=HYPERLINK(\"\"x\"\")\",\"A, \"\"B\"\"\",3"));
    }

    #[test]
    fn json_escapes_markup_and_controls() {
        assert_eq!(json_string("<script>\"\u{1}"), "\"\\u003cscript\\u003e\\\"\\u0001\"");
        assert_eq!(json(&[]), "[]\n");
    }

    #[test]
    fn markdown_groups_by_speaker() {
        let out = markdown("Quotes", &[row(Some("X"), "a *b*"), row(None, "c"), row(Some("X"), "d")]);
        assert!(out.contains("## X (2)"));
        assert!(out.contains("## Unknown speaker (1)"));
        assert!(out.contains("> a \\*b\\*"));
    }
}
