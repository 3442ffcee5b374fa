//! Links to the originals of articles. Every form that gives an article a URL (a page's
//! canonical link, a feed entry's link, front matter) keeps it only when it passes
//! [`is_web_url`], and the reader checks again before it links (a bundle may come from anyone).

/// Only `http://` and `https://` addresses are linked (never `javascript:` or `data:`), and only
/// ones with a host and no spaces or control characters (ASCII ones: the check stays small).
pub fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !url.bytes().any(|b| b <= b' ' || b == 0x7f)
        && !host(url).is_empty()
}

/// The host of a web address: what lies between the scheme and the path, without a user's
/// name or a port.
pub fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_linked() {
        assert!(is_web_url("https://example.com/a"));
        assert!(is_web_url("HTTP://Example.com"));
        for bad in ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "https://", "http:///x", "https://a b", "//example.com", "ftp://x"] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }

    #[test]
    fn the_host_is_the_address_without_user_port_or_path() {
        assert_eq!(host("https://news.example.com/2024/story?x=1"), "news.example.com");
        assert_eq!(host("http://user:pw@example.org:8080/"), "example.org");
        assert_eq!(host("https://[::1]:443/x"), "::1");
        assert_eq!(host("https://example.net#top"), "example.net");
    }
}
