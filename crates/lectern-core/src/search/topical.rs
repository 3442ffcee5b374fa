//! Which passages mention which topics: what the topic filter needs, built with the index from
//! the topic extraction.

use serde::{Deserialize, Serialize};

use super::index::{Passage, PassageKind};
use crate::topics::Extraction;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicPassages {
    /// Topic labels by topic id: the topic filter's values.
    pub labels: Vec<String>,
    /// (passage, topic ids ascending), ascending by passage.
    passages: Vec<(u32, Vec<u32>)>,
}

impl TopicPassages {
    pub(super) fn build(passages: &[Passage], extraction: &Extraction) -> Self {
        let labels = extraction.topics.iter().map(|t| t.label.clone()).collect();
        let mut out = Vec::new();
        let mut at = 0;
        for &(article, section, paragraph, ref ids) in &extraction.paragraphs {
            // Paragraph passages and extraction paragraphs are both in reading order.
            while at < passages.len() {
                let p = &passages[at];
                let key = (p.article, p.section, p.paragraph);
                if p.kind == PassageKind::Paragraph && key == (article, section, paragraph) {
                    break;
                }
                at += 1;
            }
            if at == passages.len() {
                break;
            }
            let mut ids = ids.clone();
            ids.sort_unstable();
            ids.dedup();
            out.push((at as u32, ids));
        }
        TopicPassages { labels, passages: out }
    }

    pub fn topics_of(&self, passage: u32) -> &[u32] {
        match self.passages.binary_search_by_key(&passage, |(p, _)| *p) {
            Ok(i) => &self.passages[i].1,
            Err(_) => &[],
        }
    }

    pub fn topic_index(&self, label: &str) -> Option<u32> {
        self.labels.iter().position(|l| l == label).map(|i| i as u32)
    }
}
