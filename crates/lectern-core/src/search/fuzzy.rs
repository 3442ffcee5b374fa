//! Edit distance for misspellings: insertions, deletions, substitutions and swaps of two
//! neighbouring letters (pipline → pipeline, Afganistan → Afghanistan) each cost one.

/// The edit distance between `a` and `b` if it is at most `max`; `None` otherwise. Stops early
/// once every path costs more than `max`.
pub fn distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut before: Vec<usize> = vec![usize::MAX; width];
    let mut prev: Vec<usize> = (0..width).collect();
    let mut row = vec![0; width];
    for i in 1..=a.len() {
        row[0] = i;
        let mut best = row[0];
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
            best = best.min(d);
        }
        if best > max {
            return None;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    let d = prev[width - 1];
    (d <= max).then_some(d)
}

/// How many edits a word of this length may carry and still be recognised.
pub fn allowed_edits(word_len: usize) -> usize {
    match word_len {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_are_near() {
        assert_eq!(distance_within("pipline", "pipeline", 1), Some(1));
        assert_eq!(distance_within("afganistan", "afghanistan", 2), Some(1));
        assert_eq!(distance_within("recieve", "receive", 1), Some(1));
        assert_eq!(distance_within("kitten", "sitting", 2), None);
        assert_eq!(distance_within("same", "same", 0), Some(0));
    }
}
