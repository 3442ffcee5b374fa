//! Stable, URL-safe ids from file names.

/// Lower-case ASCII letters, digits, `-` and `_`; anything else becomes a single `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-');
    if out.is_empty() { "article".to_string() } else { out.to_string() }
}

/// `base`, or `base-2`, `base-3`… whichever is not taken yet.
pub fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..).map(|n| format!("{base}-{n}")).find(|id| !taken(id)).expect("unbounded range")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_url_safe() {
        assert_eq!(slug("000_2458af4d1454103a"), "000_2458af4d1454103a");
        assert_eq!(slug("Imran Khan’s visit (2022)"), "imran-khan-s-visit-2022");
        assert_eq!(slug("«»"), "article");
        assert_eq!(unique("a", |id| id == "a" || id == "a-2"), "a-3");
    }
}
