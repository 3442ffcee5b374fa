//! Client-side search over articles, with no DOM in it: tokenizer, stemmer, an inverted index
//! built ahead of time, the query language, ranking, filters and highlighting.

mod engine;
mod filter;
mod fuzzy;
mod highlight;
mod index;
mod lookup;
mod query;
mod quoted;
pub mod report;
mod resolve;
mod sections;
mod shards;
mod stem;
mod stored_term;
mod tokenize;
mod topical;

pub use engine::{best_hits, search, Hit, SearchResults, MAX_FACET_VALUES, MAX_HITS};
pub use filter::{section_value, FacetCount, Filter, FilterKind, QUOTES_ONLY};
pub use highlight::{excerpt, match_ranges, Excerpt, Marker, Range};
#[cfg(test)]
pub(crate) use index::passage_layout;
pub use index::{passage_text, IndexRest, Passage, PassageKind, SearchIndex, ShardDirectory};
pub use lookup::ArticleLookup;
pub use query::{Clause, Query};
pub use quoted::QuotedPassages;
pub use shards::ShardContent;
pub use topical::{TopicPassages, TopicTable};
pub use tokenize::{fold_word, tokenize, Token};
