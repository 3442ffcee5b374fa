//! Plain text to blocks. Blank lines separate blocks; inside a block, lines are either one
//! hard-wrapped paragraph (joined) or separate short lines such as a headline list (kept apart).

use super::Block;

/// A line shorter than this fraction of its block's longest line ends a wrapped paragraph early,
/// which a wrapped paragraph only does on its last line.
const WRAP_RATIO: f32 = 0.6;
/// Below this many characters, lines are too short for their lengths to say they were wrapped.
const MIN_WRAP_WIDTH: usize = 40;

pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut group: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim).chain(std::iter::once("")) {
        if !line.is_empty() {
            group.push(line);
            continue;
        }
        if is_wrapped_paragraph(&group) {
            out.push(Block::text(group.join(" ")));
        } else {
            out.extend(group.iter().map(|l| Block::text(l.to_string())));
        }
        group.clear();
    }
    out
}

fn is_wrapped_paragraph(lines: &[&str]) -> bool {
    let widths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    let Some(&widest) = widths.iter().max() else { return false };
    if lines.len() < 2 || widest < MIN_WRAP_WIDTH {
        return false;
    }
    let min_width = (widest as f32 * WRAP_RATIO) as usize;
    widths[..widths.len() - 1].iter().all(|&w| w >= min_width)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<String> {
        blocks(t).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn joins_hard_wrapped_paragraphs() {
        let t = "The visit was planned months ago, officials\nsaid on Thursday, and went ahead despite\nthe crisis.\n\nNext.";
        assert_eq!(
            texts(t),
            ["The visit was planned months ago, officials said on Thursday, and went ahead despite the crisis.", "Next."]
        );
    }

    #[test]
    fn keeps_short_lines_apart() {
        assert_eq!(texts("A Title\nBy Jane Doe\n\nBody."), ["A Title", "By Jane Doe", "Body."]);
    }
}
