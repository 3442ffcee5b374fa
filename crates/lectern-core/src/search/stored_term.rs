//! How a term's postings are stored: as gaps and counts, not absolute numbers. Passage ids
//! and word positions grow along the list, so their gaps are small, most fit one varint byte,
//! and runs of equal gaps compress well; a split bundle's common words are mostly postings,
//! and it is their shards a query fetches.

use serde::{Deserialize, Serialize};

use super::shards::Term;

#[derive(Serialize, Deserialize)]
pub(super) struct StoredTerm {
    stem: String,
    /// The first passage, then the gap to each next one.
    passage_gaps: Vec<u32>,
    /// How many positions each passage has.
    counts: Vec<u32>,
    /// Within each passage, the first position, then the gap to each next one.
    position_gaps: Vec<u16>,
}

impl From<Term> for StoredTerm {
    fn from(term: Term) -> StoredTerm {
        let passage_gaps = gaps(&term.passages);
        let counts = term.starts.windows(2).map(|w| w[1] - w[0]).collect();
        let position_gaps = (0..term.passages.len()).flat_map(|i| gaps(term.positions_in(i))).collect();
        StoredTerm { stem: term.stem, passage_gaps, counts, position_gaps }
    }
}

impl TryFrom<StoredTerm> for Term {
    type Error = String;

    fn try_from(stored: StoredTerm) -> Result<Term, String> {
        let damaged = || format!("the postings of “{}” do not add up", stored.stem);
        if stored.counts.len() != stored.passage_gaps.len() {
            return Err(damaged());
        }
        let passages = sums(&stored.passage_gaps, u32::MAX).ok_or_else(damaged)?;
        if passages.windows(2).any(|w| w[0] == w[1]) {
            return Err(damaged());
        }
        let mut starts = Vec::with_capacity(stored.counts.len() + 1);
        starts.push(0u32);
        let mut positions = Vec::with_capacity(stored.position_gaps.len());
        for &count in &stored.counts {
            let from = positions.len();
            let to = from.checked_add(count as usize).filter(|&to| to <= stored.position_gaps.len()).ok_or_else(damaged)?;
            let run: Vec<u32> = stored.position_gaps[from..to].iter().map(|&g| u32::from(g)).collect();
            positions.extend(sums(&run, u32::from(u16::MAX)).ok_or_else(damaged)?.into_iter().map(|p| p as u16));
            starts.push(positions.len() as u32);
        }
        if positions.len() != stored.position_gaps.len() {
            return Err(damaged());
        }
        Ok(Term { stem: stored.stem, passages, starts, positions })
    }
}

/// The first value, then each one's distance from the one before (`values` ascending).
fn gaps<T: Copy + std::ops::Sub<Output = T>>(values: &[T]) -> Vec<T> {
    values.iter().enumerate().map(|(i, &v)| if i == 0 { v } else { v - values[i - 1] }).collect()
}

/// Running sums of `gaps`, or none past `max`.
fn sums(gaps: &[u32], max: u32) -> Option<Vec<u32>> {
    let mut total = 0u32;
    gaps.iter()
        .map(|&g| {
            total = total.checked_add(g).filter(|&t| t <= max)?;
            Some(total)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term() -> Term {
        Term { stem: "vote".into(), passages: vec![3, 4, 90], starts: vec![0, 2, 3, 6], positions: vec![1, 7, 0, 2, 2, 65535] }
    }

    #[test]
    fn postings_come_back_as_they_went_in() {
        assert_eq!(Term::try_from(StoredTerm::from(term())), Ok(term()));
    }

    #[test]
    fn postings_that_do_not_add_up_are_refused() {
        let mut stored = StoredTerm::from(term());
        stored.counts[2] = 9;
        assert!(Term::try_from(stored).unwrap_err().contains("“vote”"));
        let mut repeated = StoredTerm::from(term());
        repeated.passage_gaps[1] = 0;
        assert!(Term::try_from(repeated).is_err());
        let mut past_end = StoredTerm::from(term());
        past_end.position_gaps[5] = 65535;
        assert!(Term::try_from(past_end).is_err());
    }
}
