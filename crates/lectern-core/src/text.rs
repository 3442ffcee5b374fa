//! Text measures shared by ingestion and the model.

/// Words as a reader counts them. Scripts written without spaces (Chinese, Japanese) count one
/// word per two characters, roughly their average word length.
pub fn word_count(s: &str) -> usize {
    let spaced = s.split_whitespace().filter(|w| !w.chars().any(is_unspaced_script)).count();
    let unspaced = s.chars().filter(|&c| is_unspaced_script(c)).count();
    spaced + unspaced.div_ceil(2)
}

/// Chinese and Japanese characters: scripts written without spaces between words.
pub fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}
