//! Links as inputs: `http(s)://` PATH arguments and `--urls FILE` lists are fetched politely and
//! handed to `lectern_core::ingest::read_source` like files.
//!
//! The steps, one file each: `inputs` (the command line's files and links, in order) →
//! `cache` (a response fetched before is used without a request) → `pool` (at most four
//! requests at once, one per host) → `robots` (robots.txt once per host) → `redirect` (at most
//! five hops, loops named) → `retry` (back-off on timeouts, lost connections, 429 and 5xx) →
//! `client` (one bounded request with timeouts). `source` turns a response into a `SourceFile`.

mod cache;
mod client;
mod error;
mod inputs;
mod pool;
mod redirect;
mod retry;
mod robots;
mod source;

use std::collections::HashMap;
use std::time::Duration;

use url::Url;

pub use error::{FetchError, Reason};
pub use inputs::{read, Input, Sources};

use cache::Cache;
use client::{Cap, Client};
use robots::Robots;

/// Sent with every request: sites that want to reach or block us can tell who we are.
pub const USER_AGENT: &str = concat!("lectern/", env!("CARGO_PKG_VERSION"));

/// A response body, with what `read_source` needs to read it: where it came from and its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The URL after redirects.
    pub final_url: String,
    /// The Content-Type header as sent, charset included.
    pub content_type: Option<String>,
    pub content_language: Option<String>,
    pub body: Vec<u8>,
}

/// How hard to try. Tests shorten the timeout through `LECTERN_FETCH_TIMEOUT` (seconds).
#[derive(Debug, Clone)]
pub struct Settings {
    pub connect_timeout: Duration,
    /// The whole request, body included.
    pub timeout: Duration,
    pub max_bytes: u64,
    pub attempts: u32,
    /// Ignore cached responses (fresh ones are still stored).
    pub refetch: bool,
}

const MAX_BYTES: u64 = 20 * 1024 * 1024;

impl Settings {
    pub fn from_env(refetch: bool) -> Settings {
        let timeout = std::env::var("LECTERN_FETCH_TIMEOUT")
            .ok()
            .and_then(|s| s.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
            .map_or(Duration::from_secs(30), Duration::from_secs_f64);
        Settings {
            connect_timeout: timeout.min(Duration::from_secs(10)),
            timeout,
            max_bytes: MAX_BYTES,
            attempts: 3,
            refetch,
        }
    }
}

/// Whether a command-line argument names a link rather than a file: it starts with a scheme
/// (`https://`, but also `ftp://`, which is then refused by name instead of "no such file").
pub fn is_url(arg: &str) -> bool {
    let Some((scheme, _)) = arg.split_once("://") else { return false };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.len() > 1
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

/// Fetch each URL (duplicates once), from the cache where possible, and return the results in
/// the same order. `progress(done, total)` counts the requests actually made.
pub fn fetch_all(urls: &[String], settings: &Settings, progress: impl FnMut(usize, usize)) -> Vec<Result<Page, FetchError>> {
    let mut unique: Vec<&str> = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let index: Vec<usize> = urls
        .iter()
        .map(|url| {
            *seen.entry(url.as_str()).or_insert_with(|| {
                unique.push(url);
                unique.len() - 1
            })
        })
        .collect();
    spread(fetch_unique(&unique, settings, progress), &index)
}

fn fetch_unique(urls: &[&str], settings: &Settings, mut progress: impl FnMut(usize, usize)) -> Vec<Result<Page, FetchError>> {
    let cache = Cache::locate();
    let mut found: Vec<Option<Result<Page, FetchError>>> = vec![None; urls.len()];
    let mut to_fetch: Vec<(usize, Url)> = Vec::new();
    for (i, url) in urls.iter().enumerate() {
        match parse(url) {
            Err(reason) => found[i] = Some(Err(FetchError::new(url, reason))),
            Ok(parsed) => match cache.get(parsed.as_str()).filter(|_| !settings.refetch) {
                Some(page) => found[i] = Some(Ok(page)),
                None => to_fetch.push((i, parsed)),
            },
        }
    }
    let fetcher = Fetcher { client: Client::new(settings), robots: Robots::default(), settings };
    let host = |(_, url): &(usize, Url)| url.host_str().unwrap_or_default().to_string();
    let fetched = pool::run(&to_fetch, host, |(_, url)| fetcher.fetch(url), &mut progress);
    for ((i, url), result) in to_fetch.iter().zip(fetched) {
        if let Ok(page) = &result {
            cache.put(url.as_str(), page);
        }
        found[*i] = Some(result.map_err(|reason| FetchError::new(urls[*i], reason)));
    }
    found.into_iter().map(|r| r.expect("every URL has a result")).collect()
}

/// `results[index[k]]` for each k: the last use of a result takes it, earlier ones copy it.
fn spread<T: Clone>(results: Vec<T>, index: &[usize]) -> Vec<T> {
    let mut uses = vec![0; results.len()];
    index.iter().for_each(|&i| uses[i] += 1);
    let mut slots: Vec<Option<T>> = results.into_iter().map(Some).collect();
    index
        .iter()
        .map(|&i| {
            uses[i] -= 1;
            if uses[i] == 0 { slots[i].take() } else { slots[i].clone() }.expect("used in order")
        })
        .collect()
}

/// A URL we may fetch: http or https, fragment dropped (it is never sent, and `#top` must not
/// make a second cache entry).
fn parse(url: &str) -> Result<Url, Reason> {
    let mut parsed = Url::parse(url.trim()).map_err(|e| Reason::BadUrl(e.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(Reason::NotHttp);
    }
    parsed.set_fragment(None);
    Ok(parsed)
}

/// One fetch: robots.txt asked at each hop, each hop retried on its own.
struct Fetcher<'a> {
    client: Client,
    robots: Robots,
    settings: &'a Settings,
}

impl Fetcher<'_> {
    fn fetch(&self, url: &Url) -> Result<Page, Reason> {
        let (final_url, reply) = redirect::follow(url, |hop| {
            self.robots.check(hop, &self.client, self.settings)?;
            retry::get(&self.client, hop, Cap::Fail(self.settings.max_bytes), self.settings.attempts)
        })?;
        Ok(Page { final_url: final_url.to_string(), content_type: reply.content_type, content_language: reply.content_language, body: reply.body })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://example.com/a"));
        assert!(is_url("ftp://example.com/a"));
        assert!(!is_url("articles/a.txt"));
        assert!(!is_url("://nothing"));
        assert!(!is_url("weird name://x"));
    }

    #[test]
    fn only_http_and_https_are_fetched() {
        assert!(matches!(parse("file:///etc/passwd"), Err(Reason::NotHttp)));
        assert!(matches!(parse("example.com/page"), Err(Reason::BadUrl(_))));
        assert_eq!(parse("http://example.com/a#top").unwrap().as_str(), "http://example.com/a");
    }

    #[test]
    fn duplicates_share_one_result() {
        assert_eq!(spread(vec!["a".to_string(), "b".to_string()], &[0, 1, 0]), ["a", "b", "a"]);
    }
}
