//! One GET, bounded in time and size. Redirects, retries and robots.txt are decided above this,
//! where they can be counted and named.

use std::io::Read;
use std::time::Duration;

use ureq::http::header::{CONTENT_LANGUAGE, CONTENT_TYPE, LOCATION, RETRY_AFTER};
use ureq::http::Response;
use ureq::{Agent, Body};
use url::Url;

use super::{Reason, Settings, USER_AGENT};

/// What one request answered. The body is read only for a 2xx: an error page or a redirect's
/// body is never used.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub location: Option<String>,
    pub retry_after: Option<String>,
    pub content_type: Option<String>,
    pub content_language: Option<String>,
    pub body: Vec<u8>,
}

/// How much of a body to take: pages past the cap are errors, robots.txt is cut there
/// (RFC 9309 §2.5 has crawlers parse at least the first 500 KiB and ignore the rest).
#[derive(Debug, Clone, Copy)]
pub enum Cap {
    Fail(u64),
    Truncate(u64),
}

pub struct Client {
    agent: Agent,
    connect_timeout: Duration,
    timeout: Duration,
}

impl Client {
    pub fn new(settings: &Settings) -> Client {
        let config = Agent::config_builder()
            .user_agent(USER_AGENT)
            // Statuses are ours to judge (retry 5xx, name 404), redirects ours to follow.
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_connect(Some(settings.connect_timeout))
            .timeout_global(Some(settings.timeout))
            .build();
        Client { agent: Agent::new_with_config(config), connect_timeout: settings.connect_timeout, timeout: settings.timeout }
    }

    pub fn get(&self, url: &Url, cap: Cap) -> Result<Reply, Reason> {
        let mut response = self.agent.get(url.as_str()).call().map_err(|e| self.reason(e))?;
        let header = |name| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
        let mut reply = Reply {
            status: response.status().as_u16(),
            location: header(LOCATION),
            retry_after: header(RETRY_AFTER),
            content_type: header(CONTENT_TYPE),
            content_language: header(CONTENT_LANGUAGE),
            body: Vec::new(),
        };
        if response.status().is_success() {
            reply.body = read_body(&mut response, cap).map_err(|e| match e {
                ReadError::TooLarge { size, limit } => Reason::TooLarge { size: Some(size), limit },
                ReadError::Ureq(e) => self.reason(e),
            })?;
        }
        Ok(reply)
    }

    fn reason(&self, error: ureq::Error) -> Reason {
        match error {
            ureq::Error::Timeout(ureq::Timeout::Connect) => Reason::TimedOut { after: self.connect_timeout, attempts: 1 },
            ureq::Error::Timeout(_) => Reason::TimedOut { after: self.timeout, attempts: 1 },
            // rustls reports a bad certificate as invalid data: trying again would not help.
            ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::InvalidData => Reason::Other(format!("secure connection failed: {e}")),
            ureq::Error::Io(e) => Reason::Connect { why: e.to_string(), attempts: 1 },
            ureq::Error::ConnectionFailed => Reason::Connect { why: "connection failed".into(), attempts: 1 },
            ureq::Error::HostNotFound => Reason::HostNotFound,
            ureq::Error::BodyExceedsLimit(limit) => Reason::TooLarge { size: None, limit },
            other => Reason::Other(other.to_string()),
        }
    }
}

/// The body, never more than the cap in memory: a Content-Length over it is refused before
/// reading, and a body without one stops at the cap.
fn read_body(response: &mut Response<Body>, cap: Cap) -> Result<Vec<u8>, ReadError> {
    match cap {
        Cap::Fail(limit) => {
            if let Some(size) = response.body().content_length().filter(|&n| n > limit) {
                return Err(ReadError::TooLarge { size, limit });
            }
            Ok(response.body_mut().with_config().limit(limit).read_to_vec()?)
        }
        Cap::Truncate(limit) => {
            let mut bytes = Vec::new();
            response.body_mut().as_reader().take(limit).read_to_end(&mut bytes).map_err(ureq::Error::from)?;
            Ok(bytes)
        }
    }
}

enum ReadError {
    TooLarge { size: u64, limit: u64 },
    Ureq(ureq::Error),
}

impl From<ureq::Error> for ReadError {
    fn from(e: ureq::Error) -> Self {
        ReadError::Ureq(e)
    }
}
