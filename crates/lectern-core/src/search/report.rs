//! Search results as plain data for people's scripts (the widget's `search()` in JavaScript):
//! where each match is, an excerpt around it with its matches, and the score. The reader's
//! result list shows the same excerpts.

use super::engine::SearchResults;
use super::highlight::{excerpt, Marker, Range};
use super::index::{passage_text, PassageKind, SearchIndex};
use crate::quotes::export::json_string;
use crate::Article;

/// Characters of context around a match, in the reader's result list and in reports.
pub const EXCERPT_CHARS: usize = 180;

#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The article's id.
    pub article: String,
    /// Section number in the article, and its heading if it has one.
    pub section: u32,
    pub heading: Option<String>,
    pub passage: u32,
    pub excerpt: String,
    /// Match ranges in `excerpt`, in UTF-16 code units: what JavaScript's `slice` counts.
    pub matches: Vec<Range>,
    pub score: f32,
}

/// The first `limit` hits of `results`, best first.
pub fn found<A: AsRef<Article>>(index: &SearchIndex, articles: &[A], results: &SearchResults, limit: usize) -> Vec<Found> {
    let marker = Marker::new(index, &results.marked_terms);
    let mut out = Vec::new();
    for hit in results.hits.iter().take(limit) {
        let Some(passage) = index.passages.get(hit.passage as usize) else { continue };
        let Some(article) = articles.get(passage.article as usize).map(AsRef::as_ref) else { continue };
        let text = passage_text(article, passage);
        let shown = excerpt(text, &marker.ranges(text), EXCERPT_CHARS);
        let heading = match passage.kind {
            PassageKind::Title => None,
            _ => article.sections.get(passage.section as usize).and_then(|s| s.heading.clone()),
        };
        out.push(Found {
            article: article.id.clone(),
            section: passage.section,
            heading,
            passage: hit.passage,
            matches: shown.ranges.iter().map(|&r| utf16_range(&shown.text, r)).collect(),
            excerpt: shown.text,
            score: hit.score,
        });
    }
    out
}

/// `{"total": n, "results": [...]}`; `total` counts every match, `results` the listed ones.
pub fn json(found: &[Found], total: usize) -> String {
    let rows: Vec<String> = found
        .iter()
        .map(|f| {
            let matches: Vec<String> = f.matches.iter().map(|(s, e)| format!("[{s},{e}]")).collect();
            format!(
                "{{\"article\":{},\"section\":{},\"heading\":{},\"passage\":{},\"excerpt\":{},\"matches\":[{}],\"score\":{}}}",
                json_string(&f.article),
                f.section,
                f.heading.as_deref().map_or_else(|| "null".to_string(), json_string),
                f.passage,
                json_string(&f.excerpt),
                matches.join(","),
                if f.score.is_finite() { f.score } else { 0.0 },
            )
        })
        .collect();
    format!("{{\"total\":{total},\"results\":[{}]}}", rows.join(","))
}

/// A range of characters as a range of UTF-16 code units.
fn utf16_range(text: &str, (start, end): Range) -> Range {
    let units = |chars: usize| text.chars().take(chars).map(char::len_utf16).sum();
    (units(start), units(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_count_utf16_units() {
        // "😀" is one char and two UTF-16 units.
        assert_eq!(utf16_range("😀 gas", (2, 5)), (3, 6));
        assert_eq!(utf16_range("gas", (0, 3)), (0, 3));
    }

    #[test]
    fn json_escapes_text_and_keeps_scores_finite() {
        let f = Found {
            article: "a\"b".into(),
            section: 1,
            heading: None,
            passage: 7,
            excerpt: "<script>".into(),
            matches: vec![(1, 7)],
            score: f32::NAN,
        };
        assert_eq!(
            json(&[f], 3),
            "{\"total\":3,\"results\":[{\"article\":\"a\\\"b\",\"section\":1,\"heading\":null,\"passage\":7,\
             \"excerpt\":\"\\u003cscript\\u003e\",\"matches\":[[1,7]],\"score\":0}]}"
        );
    }
}
