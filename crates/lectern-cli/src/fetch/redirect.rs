//! Following redirects ourselves rather than in the client: each hop is checked against that
//! host's robots.txt and retried on its own, and a loop is named instead of run to the limit.

use url::Url;

use super::client::Reply;
use super::Reason;

pub const MAX_REDIRECTS: usize = 5;

/// Call `hop` on `start`, then on each Location it is sent to; the final URL and its reply.
pub fn follow(start: &Url, mut hop: impl FnMut(&Url) -> Result<Reply, Reason>) -> Result<(Url, Reply), Reason> {
    let mut chain = vec![start.clone()];
    loop {
        let url = chain.last().expect("never empty");
        let reply = hop(url)?;
        if !is_redirect(reply.status) {
            return match reply.status {
                200..=299 => Ok((url.clone(), reply)),
                code => Err(Reason::Status { code, attempts: 1 }),
            };
        }
        let next = target(url, &reply)?;
        if chain.contains(&next) {
            chain.push(next);
            return Err(Reason::RedirectLoop(chain.iter().map(Url::to_string).collect()));
        }
        if chain.len() > MAX_REDIRECTS {
            return Err(Reason::TooManyRedirects(MAX_REDIRECTS));
        }
        chain.push(next);
    }
}

fn is_redirect(status: u16) -> bool {
    matches!(status, 301 | 302 | 303 | 307 | 308)
}

/// Where a redirect points, resolved against the URL that sent it (Location may be relative).
fn target(from: &Url, reply: &Reply) -> Result<Url, Reason> {
    let location = reply.location.as_deref().ok_or(Reason::RedirectWithoutLocation(reply.status))?;
    let mut next = from.join(location).map_err(|e| Reason::BadUrl(format!("redirect to {location}: {e}")))?;
    if !matches!(next.scheme(), "http" | "https") {
        return Err(Reason::RedirectNotHttp(next.to_string()));
    }
    next.set_fragment(None);
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved(to: &str) -> Reply {
        Reply { status: 302, location: Some(to.into()), retry_after: None, content_type: None, content_language: None, body: Vec::new() }
    }

    #[test]
    fn loops_and_long_chains_are_named() {
        let start = Url::parse("http://h/a").unwrap();
        let looped = follow(&start, |u| Ok(moved(if u.path() == "/a" { "/b" } else { "/a" })));
        assert_eq!(looped.unwrap_err().to_string(), "redirect loop: http://h/a → http://h/b → http://h/a");
        let mut n = 0;
        let long = follow(&start, |_| {
            n += 1;
            Ok(moved(&format!("/{n}")))
        });
        assert_eq!(long.unwrap_err(), Reason::TooManyRedirects(5));
        assert_eq!(n, 6, "the start and five redirects were asked");
        let ftp = follow(&start, |_| Ok(moved("ftp://h/x")));
        assert!(matches!(ftp, Err(Reason::RedirectNotHttp(_))));
    }
}
