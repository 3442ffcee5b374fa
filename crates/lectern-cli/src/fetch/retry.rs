//! Trying again: only what may pass on its own (timeouts, lost connections, 429 and 5xx), a few
//! times, waiting longer each time so a struggling server gets room to recover.

use std::time::{Duration, SystemTime};

use url::Url;

use super::client::{Cap, Client, Reply};
use super::Reason;

/// The first wait; each later one doubles it.
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
/// The longest Retry-After we honour; asked for more, we give up rather than retry too soon.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// GET with retries. Ok is a 2xx or 3xx reply; any other status is an error naming it.
pub fn get(client: &Client, url: &Url, cap: Cap, attempts: u32) -> Result<Reply, Reason> {
    let mut attempt = 1;
    loop {
        let result = client.get(url, cap);
        let last = attempt >= attempts;
        match result {
            Ok(reply) if reply.status < 400 => return Ok(reply),
            Ok(reply) if !last && retryable_status(reply.status) => sleep_before(attempt, &reply)?,
            Ok(reply) => return Err(Reason::Status { code: reply.status, attempts: attempt }),
            Err(reason) if !last && retryable(&reason) => std::thread::sleep(backoff(attempt)),
            Err(reason) => return Err(counted(reason, attempt)),
        }
        attempt += 1;
    }
}

fn retryable_status(status: u16) -> bool {
    status == 429 || status >= 500
}

fn retryable(reason: &Reason) -> bool {
    matches!(reason, Reason::TimedOut { .. } | Reason::Connect { .. })
}

/// The back-off, or the server's Retry-After when it asks for longer (and not too long).
fn sleep_before(attempt: u32, reply: &Reply) -> Result<(), Reason> {
    let asked = reply.retry_after.as_deref().and_then(|v| retry_after(v, SystemTime::now()));
    if let Some(wait) = asked.filter(|&w| w > MAX_RETRY_AFTER) {
        return Err(Reason::RetryAfterTooLong { code: reply.status, wait });
    }
    std::thread::sleep(backoff(attempt).max(asked.unwrap_or_default()));
    Ok(())
}

fn backoff(attempt: u32) -> Duration {
    FIRST_BACKOFF * 2u32.pow(attempt.saturating_sub(1))
}

/// Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3).
fn retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(when.duration_since(now).unwrap_or_default())
}

fn counted(reason: Reason, attempts: u32) -> Reason {
    match reason {
        Reason::TimedOut { after, .. } => Reason::TimedOut { after, attempts },
        Reason::Connect { why, .. } => Reason::Connect { why, attempts },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles() {
        assert_eq!(backoff(1), Duration::from_millis(500));
        assert_eq!(backoff(2), Duration::from_secs(1));
    }

    #[test]
    fn retry_after_takes_seconds_or_a_date() {
        let now = httpdate::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(retry_after(" 120 ", now), Some(Duration::from_secs(120)));
        assert_eq!(retry_after("Sun, 06 Nov 1994 08:50:07 GMT", now), Some(Duration::from_secs(30)));
        assert_eq!(retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now), Some(Duration::ZERO));
        assert_eq!(retry_after("soon", now), None);
    }
}
