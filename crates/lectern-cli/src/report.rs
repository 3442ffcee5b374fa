//! The human-readable summary `lectern inspect` prints without `--json`.

use std::io::{self, Write};

use lectern_core::Article;

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
    }
    writeln!(out, "\n{} article{}", articles.len(), if articles.len() == 1 { "" } else { "s" })
}

fn field(out: &mut impl Write, name: &str, value: Option<&str>) -> io::Result<()> {
    writeln!(out, "  {:<9} {}", format!("{name}:"), value.unwrap_or("—"))
}
