//! The human-readable summary `lectern inspect` prints without `--json`.

use std::io::{self, Write};

use lectern_core::quotes::by_speaker;
use lectern_core::{Article, Quote};

pub fn write(out: &mut impl Write, articles: &[Article]) -> io::Result<()> {
    for (i, article) in articles.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}  ({})", article.title, article.file)?;
        writeln!(out, "  id:       {}", article.id)?;
        field(out, "byline", article.byline.as_deref())?;
        field(out, "date", article.date.as_deref())?;
        field(out, "source", article.source.as_deref())?;
        writeln!(
            out,
            "  length:   {} words, {} min read",
            article.word_count(),
            article.reading_minutes()
        )?;
        for section in &article.sections {
            let heading = section.heading.as_deref().unwrap_or("(untitled)");
            let count = section.paragraphs.len();
            let plural = if count == 1 { "" } else { "s" };
            writeln!(out, "  § {heading}: {count} paragraph{plural}")?;
        }
        quotes(out, article)?;
    }
    writeln!(out, "\n{} article{}", articles.len(), if articles.len() == 1 { "" } else { "s" })
}

fn field(out: &mut impl Write, name: &str, value: Option<&str>) -> io::Result<()> {
    writeln!(out, "  {:<9} {}", format!("{name}:"), value.unwrap_or("—"))
}

/// "quotes: 13 — Shamshad Ahmad 6, the statement 2, …", as the quotes panel lists them.
fn quotes(out: &mut impl Write, article: &Article) -> io::Result<()> {
    let refs: Vec<&Quote> = article.quotes.iter().collect();
    let speakers: Vec<String> = by_speaker(&refs)
        .iter()
        .map(|g| format!("{} {}", g.speaker.unwrap_or("unknown speaker"), g.quotes.len()))
        .collect();
    match speakers.is_empty() {
        true => writeln!(out, "  quotes:   none"),
        false => writeln!(out, "  quotes:   {} — {}", article.quotes.len(), speakers.join(", ")),
    }
}
