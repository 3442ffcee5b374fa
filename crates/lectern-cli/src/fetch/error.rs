//! Why a link could not be fetched, worded for the one stderr line that names it.

use std::fmt;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    /// As the user wrote it, so they can find the line to fix.
    pub url: String,
    pub reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    BadUrl(String),
    NotHttp,
    TimedOut { after: Duration, attempts: u32 },
    Connect { why: String, attempts: u32 },
    HostNotFound,
    Status { code: u16, attempts: u32 },
    /// The server asked us to come back later than we are willing to wait.
    RetryAfterTooLong { code: u16, wait: Duration },
    RedirectLoop(Vec<String>),
    TooManyRedirects(usize),
    RedirectWithoutLocation(u16),
    RedirectNotHttp(String),
    Robots,
    /// robots.txt answered with a server error, so we cannot know what we may fetch.
    RobotsUnavailable(Box<Reason>),
    /// `size` when Content-Length said so; else reading stopped at `limit`.
    TooLarge { size: Option<u64>, limit: u64 },
    Other(String),
}

impl FetchError {
    pub fn new(url: &str, reason: Reason) -> Self {
        FetchError { url: url.to_string(), reason }
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.url, self.reason)
    }
}

impl std::error::Error for FetchError {}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::BadUrl(why) => write!(f, "not a valid URL ({why})"),
            Reason::NotHttp => f.write_str("not http(s): only http:// and https:// links are fetched"),
            Reason::TimedOut { after, attempts: 1 } => write!(f, "timed out after {}", secs(*after)),
            Reason::TimedOut { after, attempts } => write!(f, "timed out after {} ({attempts} attempts)", secs(*after)),
            Reason::Connect { why, attempts } => write!(f, "could not connect{}: {why}", tries(*attempts)),
            Reason::HostNotFound => f.write_str("host not found"),
            Reason::Status { code, attempts } => write!(f, "HTTP {}{}", status(*code), tries(*attempts)),
            Reason::RetryAfterTooLong { code, wait } => {
                write!(f, "HTTP {}: the server asks to retry after {}, longer than we wait", status(*code), secs(*wait))
            }
            Reason::RedirectLoop(chain) => write!(f, "redirect loop: {}", chain.join(" → ")),
            Reason::TooManyRedirects(max) => write!(f, "more than {max} redirects"),
            Reason::RedirectWithoutLocation(code) => write!(f, "HTTP {code} redirect without a Location"),
            Reason::RedirectNotHttp(to) => write!(f, "redirected to {to}, which is not http(s)"),
            Reason::Robots => f.write_str("refused by robots.txt"),
            Reason::RobotsUnavailable(why) => write!(f, "robots.txt could not be fetched: {why}"),
            Reason::TooLarge { size: Some(size), limit } => write!(f, "too large: {} (the limit is {})", mb(*size), mb(*limit)),
            Reason::TooLarge { size: None, limit } => write!(f, "too large: more than {}; reading stopped there", mb(*limit)),
            Reason::Other(why) => f.write_str(why),
        }
    }
}

fn status(code: u16) -> String {
    let reason = ureq::http::StatusCode::from_u16(code).ok().and_then(|s| s.canonical_reason());
    reason.map_or(code.to_string(), |r| format!("{code} {r}"))
}

fn tries(attempts: u32) -> String {
    if attempts > 1 { format!(" after {attempts} attempts") } else { String::new() }
}

fn secs(d: Duration) -> String {
    if d.subsec_millis() == 0 { format!("{} s", d.as_secs()) } else { format!("{:.1} s", d.as_secs_f64()) }
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_one_line() {
        let e = FetchError::new("http://x/a", Reason::Status { code: 500, attempts: 3 });
        assert_eq!(e.to_string(), "http://x/a: HTTP 500 Internal Server Error after 3 attempts");
        assert_eq!(Reason::Status { code: 404, attempts: 1 }.to_string(), "HTTP 404 Not Found");
        assert_eq!(Reason::TimedOut { after: Duration::from_secs(30), attempts: 3 }.to_string(), "timed out after 30 s (3 attempts)");
        assert_eq!(Reason::TooLarge { size: Some(21 * 1024 * 1024), limit: 20 * 1024 * 1024 }.to_string(), "too large: 21.0 MB (the limit is 20.0 MB)");
    }
}
