//! robots.txt, fetched once per host (scheme, host and port: RFC 9309 §2.3) and obeyed for our
//! user agent, else for `*`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use texting_robots::Robot;
use url::Url;

use super::client::{Cap, Client};
use super::{redirect, retry, Reason, Settings};

/// RFC 9309 §2.5: crawlers must parse at least 500 KiB; the rest may be ignored.
const MAX_ROBOTS_BYTES: u64 = 500 * 1024;

/// The product token robots.txt groups are matched against ("User-agent: lectern").
const AGENT: &str = "lectern";

#[derive(Default)]
pub struct Robots {
    /// One slot per origin, filled once even when two threads ask at the same time.
    hosts: Mutex<HashMap<String, Arc<OnceLock<Rules>>>>,
}

enum Rules {
    AllowAll,
    Parsed(Box<Robot>),
    /// No answer or a server error: RFC 9309 §2.3.1.3–4 say assume nothing is allowed.
    Unavailable(Reason),
}

impl Robots {
    /// Ok when `url` may be fetched.
    pub fn check(&self, url: &Url, client: &Client, settings: &Settings) -> Result<(), Reason> {
        let origin = url.origin().ascii_serialization();
        let slot = Arc::clone(self.hosts.lock().expect("not poisoned").entry(origin).or_default());
        match slot.get_or_init(|| fetch(url, client, settings)) {
            Rules::AllowAll => Ok(()),
            Rules::Parsed(robot) if robot.allowed(url.as_str()) => Ok(()),
            Rules::Parsed(_) => Err(Reason::Robots),
            // A host that cannot be reached is named as such; robots.txt is incidental then.
            Rules::Unavailable(why @ Reason::Status { .. }) => Err(Reason::RobotsUnavailable(Box::new(why.clone()))),
            Rules::Unavailable(why) => Err(why.clone()),
        }
    }
}

fn fetch(url: &Url, client: &Client, settings: &Settings) -> Rules {
    let robots_url = url.join("/robots.txt").expect("an http(s) URL has a base");
    // Redirects are followed (RFC 9309 §2.3.1.2), without asking robots.txt about robots.txt.
    let got = redirect::follow(&robots_url, |hop| retry::get(client, hop, Cap::Truncate(MAX_ROBOTS_BYTES), settings.attempts));
    match got {
        // A file the parser cannot read has no rules we could obey: as if there were none.
        Ok((_, reply)) => Robot::new(AGENT, &reply.body).map_or(Rules::AllowAll, |r| Rules::Parsed(Box::new(r))),
        // 4xx, 404 among them, means there are no rules (§2.3.1.3); 429 is the server struggling.
        Err(Reason::Status { code, .. }) if (400..500).contains(&code) && code != 429 => Rules::AllowAll,
        // More redirects than allowed: "MAY assume that the robots.txt file is unavailable".
        Err(Reason::RedirectLoop(_) | Reason::TooManyRedirects(_) | Reason::RedirectWithoutLocation(_) | Reason::RedirectNotHttp(_)) => Rules::AllowAll,
        Err(why) => Rules::Unavailable(why),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_group_or_the_star_group_is_obeyed() {
        let txt = b"User-agent: *\nDisallow: /private/\n\nUser-agent: lectern\nDisallow: /drafts/\nAllow: /drafts/public\n";
        let robot = Robot::new(AGENT, txt).unwrap();
        assert!(!robot.allowed("http://h/drafts/x"));
        assert!(robot.allowed("http://h/drafts/public/x"));
        // Our own group replaces the * group.
        assert!(robot.allowed("http://h/private/x"));
        let star = Robot::new(AGENT, b"User-agent: *\nDisallow: /private/\n").unwrap();
        assert!(!star.allowed("http://h/private/x"));
        assert!(star.allowed("http://h/public/x"));
    }
}
