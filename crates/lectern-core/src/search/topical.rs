//! Which passages mention which topics: what the topic filter needs, built with the index from
//! the topic extraction. Stored by passage id (offsets into one flat list), so counting topics
//! over tens of thousands of matching passages is a direct read per passage. A split bundle's
//! head leaves the table out (it is the head's largest piece) and fetches it when the topic
//! filter is first used.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::index::{Passage, PassageKind};
use crate::topics::Extraction;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicPassages {
    /// Topic labels by topic id: the topic filter's values.
    pub labels: Vec<String>,
    #[serde(with = "table_serde")]
    table: OnceLock<TopicTable>,
}

/// The topics of every passage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(into = "Stored", from = "Stored")]
pub struct TopicTable {
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
        TopicPassages { labels, table: OnceLock::from(TopicTable { starts, topics }) }
    }

    /// Passage `passage`'s topics; none while the table has not arrived.
    pub fn topics_of(&self, passage: u32) -> &[u32] {
        let Some(table) = self.table.get() else { return &[] };
        let p = passage as usize;
        match (table.starts.get(p), table.starts.get(p + 1)) {
            (Some(&a), Some(&b)) => table.topics.get(a as usize..b as usize).unwrap_or_default(),
            _ => &[],
        }
    }

    pub fn has_table(&self) -> bool {
        self.table.get().is_some()
    }

    /// The labels alone, and the table apart (a split bundle ships it as its own part).
    pub fn split(&self) -> (TopicPassages, TopicTable) {
        (TopicPassages { labels: self.labels.clone(), table: OnceLock::new() }, self.table.get().cloned().unwrap_or_default())
    }

    /// Fill in the table of `passages` passages. False when it does not fit (another build's).
    pub fn fill(&self, table: TopicTable, passages: usize) -> bool {
        let fits = table.starts.len() == passages + 1 && table.topics.iter().all(|&t| (t as usize) < self.labels.len());
        fits && self.table.set(table).is_ok()
    }

    pub fn topic_index(&self, label: &str) -> Option<u32> {
        self.labels.iter().position(|l| l == label).map(|i| i as u32)
    }
}

/// As stored: a count per passage rather than running offsets (one byte each, not three).
#[derive(Serialize, Deserialize)]
struct Stored {
    counts: Vec<u32>,
    topics: Vec<u32>,
}

impl From<TopicTable> for Stored {
    fn from(t: TopicTable) -> Stored {
        Stored { counts: t.starts.windows(2).map(|w| w[1] - w[0]).collect(), topics: t.topics }
    }
}

impl From<Stored> for TopicTable {
    fn from(s: Stored) -> TopicTable {
        let mut starts = Vec::with_capacity(s.counts.len() + 1);
        starts.push(0u32);
        for count in s.counts {
            starts.push(starts[starts.len() - 1].saturating_add(count));
        }
        // Offsets past the list (a damaged file) read as no topics rather than panicking.
        TopicTable { starts, topics: s.topics }
    }
}

/// The table as an option: absent from a split bundle's head.
mod table_serde {
    use std::sync::OnceLock;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::TopicTable;

    pub fn serialize<S: Serializer>(cell: &OnceLock<TopicTable>, s: S) -> Result<S::Ok, S::Error> {
        cell.get().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OnceLock<TopicTable>, D::Error> {
        Ok(Option::<TopicTable>::deserialize(d)?.map(OnceLock::from).unwrap_or_default())
    }
}
