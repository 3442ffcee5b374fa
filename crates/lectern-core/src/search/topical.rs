//! Which passages mention which topics: what the topic filter needs, built with the index from
//! the topic extraction. Stored by passage id (offsets into one flat list), so counting topics
//! over tens of thousands of matching passages is a direct read per passage.

use serde::{Deserialize, Serialize};

use super::index::{Passage, PassageKind};
use crate::topics::Extraction;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(into = "Stored", from = "Stored")]
pub struct TopicPassages {
    /// Topic labels by topic id: the topic filter's values.
    pub labels: Vec<String>,
    /// Passage `p`'s topics are `topics[starts[p]..starts[p + 1]]`, ascending.
    starts: Vec<u32>,
    topics: Vec<u32>,
}

impl TopicPassages {
    pub(super) fn build(passages: &[Passage], extraction: &Extraction) -> Self {
        let labels = extraction.topics.iter().map(|t| t.label.clone()).collect();
        let mut by_passage: Vec<Vec<u32>> = vec![Vec::new(); passages.len()];
        let mut at = 0;
        for &(article, section, paragraph, ref ids) in &extraction.paragraphs {
            // Paragraph passages and extraction paragraphs are both in reading order.
            while at < passages.len() {
                let p = &passages[at];
                if p.kind == PassageKind::Paragraph && (p.article, p.section, p.paragraph) == (article, section, paragraph) {
                    break;
                }
                at += 1;
            }
            let Some(slot) = by_passage.get_mut(at) else { break };
            slot.extend(ids);
            slot.sort_unstable();
            slot.dedup();
        }
        let mut starts = Vec::with_capacity(passages.len() + 1);
        let mut topics = Vec::new();
        starts.push(0);
        for ids in by_passage {
            topics.extend(ids);
            starts.push(topics.len() as u32);
        }
        TopicPassages { labels, starts, topics }
    }

    pub fn topics_of(&self, passage: u32) -> &[u32] {
        let p = passage as usize;
        match (self.starts.get(p), self.starts.get(p + 1)) {
            (Some(&a), Some(&b)) => &self.topics[a as usize..b as usize],
            _ => &[],
        }
    }

    pub fn topic_index(&self, label: &str) -> Option<u32> {
        self.labels.iter().position(|l| l == label).map(|i| i as u32)
    }
}

/// As stored: a count per passage rather than running offsets (one byte each, not three),
/// which keeps a split bundle's head small.
#[derive(Serialize, Deserialize)]
struct Stored {
    labels: Vec<String>,
    counts: Vec<u32>,
    topics: Vec<u32>,
}

impl From<TopicPassages> for Stored {
    fn from(t: TopicPassages) -> Stored {
        Stored { labels: t.labels, counts: t.starts.windows(2).map(|w| w[1] - w[0]).collect(), topics: t.topics }
    }
}

impl From<Stored> for TopicPassages {
    fn from(s: Stored) -> TopicPassages {
        let mut starts = Vec::with_capacity(s.counts.len() + 1);
        starts.push(0u32);
        for count in s.counts {
            starts.push(starts[starts.len() - 1].saturating_add(count));
        }
        // Offsets past the list (a damaged file) read as no topics rather than panicking.
        TopicPassages { labels: s.labels, starts, topics: s.topics }
    }
}
