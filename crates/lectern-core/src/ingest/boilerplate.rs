//! Page furniture: the lines a web page wraps around an article (ad slots, share buttons,
//! navigation, counters, cookie notices). Recognised by shape and by phrases that mean the same
//! thing on any news site, never by matching one site's text.

use super::shape::word_count;

/// Whole lines that are furniture on any site (compared case-insensitively, edge punctuation off).
const LINES: &[&str] = &[
    "advertisement", "advertisements", "ad", "ads", "sponsored", "sponsored content", "promoted",
    "google ads", "share", "shares", "share this", "share this article", "share this story",
    "share this post", "share article", "tweet", "print", "email", "comments", "comment",
    "leave a comment", "leave a reply", "read more", "continue reading", "related",
    "related articles", "related posts", "related stories", "related news", "more stories",
    "more from this author", "you may also like", "you might also like", "recommended",
    "recommended for you", "most read", "most popular", "trending", "trending now", "latest",
    "latest news", "also read", "see also", "subscribe", "subscribe now", "sign up", "newsletter",
    "follow us", "skip to content", "skip to main content", "back to top", "loading", "menu",
    "search", "home", "top stories", "click here", "accept", "accept cookies", "cookie settings",
    "all rights reserved", "log in", "login", "sign in", "register", "tags", "topics",
    "filed under", "posted in", "categories", "listen to this article", "story continues below",
    "article continues below", "scroll to continue", "scroll to continue with content",
    "view comments", "show comments", "next article", "previous article", "next", "previous",
];

/// Line openings that mark furniture when the line is short.
const PREFIXES: &[&str] = &[
    "share this", "share on ", "share via ", "follow us", "follow @", "subscribe to",
    "sign up for", "click here", "read more:", "read more at", "also read:", "also read -",
    "read also:", "see also:", "related:", "tags:", "topics:", "filed under", "posted in ",
    "copyright ", "©", "(c) ", "all rights reserved", "advertisement", "we use cookies",
    "by continuing to use", "your email address will not be published", "photo:", "image:",
    "photo credit", "image credit", "file photo", "watch:", "listen:", "download our app",
    "get the app", "join our whatsapp", "join our telegram",
];

/// Counters and reading-time badges: "47 views", "1.2k shares", "5 min read".
const COUNTED: &[&str] = &[
    "views", "view", "comments", "shares", "likes", "reads", "min read", "mins read",
    "minute read", "minutes read", "min", "mins", "minutes",
];

/// Separators that page chrome strings items together with.
const SEPARATORS: &[char] = &['|', '•', '·', '¦', '▪', '►', '»', '/'];

/// Longer than this, a line is prose even if it mentions sharing or subscribing.
const MAX_FURNITURE_WORDS: usize = 16;

pub fn is_boilerplate(line: &str) -> bool {
    let trimmed = line.trim();
    let lower = trimmed.to_lowercase();
    // A bar is judged by its items, however many there are.
    if is_separated_chrome(&lower) {
        return true;
    }
    if word_count(trimmed) > MAX_FURNITURE_WORDS {
        return false;
    }
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    bare.is_empty()
        || LINES.contains(&bare)
        || PREFIXES.iter().any(|p| lower.starts_with(p))
        || is_counter(bare)
        || is_link_only(bare)
}

/// "47 views", "1,204 comments", "5 min read".
pub fn is_counter(text: &str) -> bool {
    let text = text.trim();
    let digits_end = text
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.' | 'k' | 'K' | 'm' | 'M')))
        .unwrap_or(text.len());
    digits_end > 0
        && text[..1].chars().all(|c| c.is_ascii_digit())
        && COUNTED.contains(&text[digits_end..].trim())
}

fn is_link_only(text: &str) -> bool {
    !text.contains(char::is_whitespace)
        && (text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www."))
}

/// A bar of items joined by separators: the same item repeated ("Google Ads | Google Ads"), or
/// three or more one-to-three word items ("Home | World | Sport").
fn is_separated_chrome(lower: &str) -> bool {
    let items: Vec<&str> = lower
        .split(SEPARATORS)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if items.len() < 2 {
        return false;
    }
    let repeated = items.iter().all(|i| *i == items[0]);
    let nav = items.len() >= 3
        && items.iter().all(|i| word_count(i) <= 3 && !i.contains(|c: char| c.is_ascii_digit()));
    repeated || nav
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_is_recognised() {
        for line in [
            "Google Ads | Google Ads | Google Ads | Google Ads | Google Ads | Google Ads | Google Ads | Google Ads",
            "Advertisement",
            "Share this article",
            "SHARE ON FACEBOOK",
            "Home | World | Business | Opinion",
            "47 views",
            "5 min read",
            "Also read: Ten things you missed",
            "© 2025 The Daily Planet. All rights reserved.",
            "https://example.com/story",
            "* * *",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn prose_and_headlines_are_kept() {
        for line in [
            "A path-breaking visit",
            "Share prices fell sharply",
            "Readers who share this view say the policy failed, according to a survey of 2,000 adults.",
            "Pakistan / Russia relations: a timeline",
            "Home truths for the government",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }
}
