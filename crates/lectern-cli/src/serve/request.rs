//! Reading one HTTP/1.x request head off a connection: the method, the target and the headers.
//! The preview answers GET and HEAD, so bodies are never read.

use std::io::{self, Read};

/// The most a request head may take; a browser's are a few hundred bytes.
const MAX_HEAD: usize = 16 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    pub target: String,
    /// HTTP/1.1 or later (chunked framing may be used).
    pub http_11: bool,
    pub headers: Vec<(String, String)>,
}

impl Request {
    /// The first value of the header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Read a request head from `stream`: `Ok(None)` when the client closed without sending one,
/// an `InvalidData` error when what came is not an HTTP request.
pub fn read(stream: &mut impl Read) -> io::Result<Option<Request>> {
    let mut head = Vec::new();
    let mut buffer = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buffer)?;
        if n == 0 {
            return if head.is_empty() { Ok(None) } else { Err(bad("the request ended early")) };
        }
        head.extend_from_slice(&buffer[..n]);
        if head.len() > MAX_HEAD {
            return Err(bad("the request head is too long"));
        }
    }
    let end = head.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or(head.len());
    parse(&head[..end]).map(Some)
}

fn parse(head: &[u8]) -> io::Result<Request> {
    let head = std::str::from_utf8(head).map_err(|_| bad("the request head is not text"))?;
    let mut lines = head.split("\r\n");
    let mut first = lines.next().unwrap_or_default().split(' ');
    let (Some(method), Some(target), Some(version), None) = (first.next(), first.next(), first.next(), first.next())
    else {
        return Err(bad("the request line is not METHOD TARGET VERSION"));
    };
    let http_11 = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        _ => return Err(bad("not HTTP/1.0 or 1.1")),
    };
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_string(), value.trim().to_string()))
        .collect();
    Ok(Request { method: method.to_string(), target: target.to_string(), http_11, headers })
}

fn bad(why: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, why)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_request_is_read() {
        let mut bytes = &b"GET /a%20b?x=1 HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip, br\r\n\r\n"[..];
        let request = read(&mut bytes).unwrap().unwrap();
        assert_eq!((request.method.as_str(), request.target.as_str(), request.http_11), ("GET", "/a%20b?x=1", true));
        assert_eq!(request.header("accept-encoding"), Some("gzip, br"));
    }

    #[test]
    fn what_is_not_a_request_is_refused() {
        for bytes in [&b"GET /\r\n\r\n"[..], b"GET / SPDY/3\r\n\r\n", b"\xff\xfe / HTTP/1.1\r\n\r\n", b"GET / HTTP/1.1\r\n"] {
            assert!(read(&mut &bytes[..]).is_err(), "{bytes:?}");
        }
        assert_eq!(read(&mut &b""[..]).unwrap(), None);
        let long = [b"GET / HTTP/1.1\r\nX: ".as_slice(), &[b'a'; MAX_HEAD + 10]].concat();
        assert!(read(&mut &long[..]).is_err());
    }
}
