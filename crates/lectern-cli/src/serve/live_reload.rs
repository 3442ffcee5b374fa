//! Live reload: every page served gets a small script that listens on a Server-Sent Events
//! stream; after a rebuild the server sends `reload` on every open stream.
//!
//! The stream is written straight to the connection's socket, each event flushed at once. Each
//! stream keeps its connection's thread, so pages holding streams open never hold up others.

use std::io::{self, Write};
use std::net::TcpStream;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::Duration;


/// Where pages listen for reloads.
pub const STREAM_PATH: &str = "/__lectern/reload";
/// The script that listens: a file rather than inline code, so pages whose
/// Content-Security-Policy forbids inline scripts still reload.
pub const SCRIPT_PATH: &str = "/__lectern/reload.js";
/// `EventSource` reconnects by itself when the stream drops (e.g. `lectern serve` restarted).
pub const SCRIPT: &str = "// Added by `lectern serve`: reloads the page after the site is rebuilt.\n\
new EventSource('/__lectern/reload').onmessage = (event) => {\n  \
if (event.data === 'reload') location.reload();\n};\n";

/// What is put into every page served with live reload on.
const SCRIPT_TAG: &[u8] = b"<script src=\"/__lectern/reload.js\"></script>";

/// A comment line this often keeps idle streams from being dropped by the browser or anything
/// between, and lets a stream notice that its page has gone (the write fails).
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The open streams, each a channel to its thread. Dropping the hub ends them all.
#[derive(Default)]
pub struct Hub {
    streams: Mutex<Vec<Sender<()>>>,
}

impl Hub {
    /// Tells every open page to reload; streams whose page has gone are forgotten here.
    pub fn reload(&self) {
        let mut streams = self.streams.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        streams.retain(|stream| stream.send(()).is_ok());
    }

    /// Answers with an event stream on `socket`, on the connection's own thread, until the page
    /// goes away. The stream is registered before anything is sent, so a reload asked for once
    /// the page has seen the response's first bytes is never missed.
    pub fn serve(&self, socket: TcpStream, http_11: bool) {
        let (sender, events) = mpsc::channel();
        self.streams.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push(sender);
        // No read timeout on a stream that is meant to stay quiet; writes find a closed page.
        let _ = socket.set_read_timeout(None);
        stream(EventWriter { socket: Box::new(socket), chunked: http_11 }, &events);
    }
}

/// Writes the stream until the page goes away or the hub is dropped.
fn stream(mut out: EventWriter, events: &Receiver<()>) {
    // `retry` has browsers reconnect within a second after `lectern serve` is restarted.
    if out.head().and_then(|()| out.send(b"retry: 1000\n\n")).is_err() {
        return;
    }
    loop {
        let sent = match events.recv_timeout(KEEP_ALIVE) {
            Ok(()) => out.send(b"data: reload\n\n"),
            Err(RecvTimeoutError::Timeout) => out.send(b": keep-alive\n\n"),
            Err(RecvTimeoutError::Disconnected) => {
                let _ = out.end();
                return;
            }
        };
        if sent.is_err() {
            return;
        }
    }
}

/// The raw socket of one stream, framing each event as a chunk of its own (HTTP/1.1), or for
/// HTTP/1.0 clients as bytes up to the connection's close. Every event is flushed at once.
struct EventWriter {
    socket: Box<dyn Write + Send>,
    chunked: bool,
}

impl EventWriter {
    fn head(&mut self) -> io::Result<()> {
        let (version, framing) = if self.chunked {
            ("1.1", "Transfer-Encoding: chunked")
        } else {
            ("1.0", "Connection: close")
        };
        write!(
            self.socket,
            "HTTP/{version} 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n\
             X-Content-Type-Options: nosniff\r\n{framing}\r\n\r\n"
        )?;
        self.socket.flush()
    }

    fn send(&mut self, event: &[u8]) -> io::Result<()> {
        if self.chunked {
            write!(self.socket, "{:x}\r\n", event.len())?;
            self.socket.write_all(event)?;
            self.socket.write_all(b"\r\n")?;
        } else {
            self.socket.write_all(event)?;
        }
        self.socket.flush()
    }

    /// Ends the body properly, so a keep-alive connection stays usable.
    fn end(&mut self) -> io::Result<()> {
        if self.chunked {
            self.socket.write_all(b"0\r\n\r\n")?;
        }
        self.socket.flush()
    }
}

/// `html` with the reload script tag before its last `</body>` (any case), or at its end when
/// it has none. The last one: an earlier `</body>` may sit inside a script's string.
pub fn inject_script(html: &[u8]) -> Vec<u8> {
    let at = rfind_ignore_case(html, b"</body").unwrap_or(html.len());
    let mut page = Vec::with_capacity(html.len() + SCRIPT_TAG.len());
    page.extend_from_slice(&html[..at]);
    page.extend_from_slice(SCRIPT_TAG);
    page.extend_from_slice(&html[at..]);
    page
}

fn rfind_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn injected(html: &str) -> String {
        String::from_utf8(inject_script(html.as_bytes())).unwrap()
    }

    #[test]
    fn the_script_goes_just_before_the_last_closing_body_tag() {
        assert_eq!(
            injected("<body><p>x</p></body></html>"),
            "<body><p>x</p><script src=\"/__lectern/reload.js\"></script></body></html>"
        );
        assert_eq!(
            injected("<script>'</body>'</script></BODY >"),
            "<script>'</body>'</script><script src=\"/__lectern/reload.js\"></script></BODY >"
        );
    }

    #[test]
    fn without_a_closing_body_tag_the_script_goes_at_the_end() {
        assert_eq!(injected("<p>x"), "<p>x<script src=\"/__lectern/reload.js\"></script>");
        assert_eq!(injected(""), "<script src=\"/__lectern/reload.js\"></script>");
    }

    #[test]
    fn the_script_and_its_tag_name_the_served_paths() {
        assert!(SCRIPT.contains(&format!("new EventSource('{STREAM_PATH}')")));
        assert!(String::from_utf8_lossy(SCRIPT_TAG).contains(SCRIPT_PATH));
    }

    #[test]
    fn streams_whose_page_has_gone_are_forgotten_on_reload() {
        let hub = Hub::default();
        let (kept, events) = mpsc::channel();
        let (gone, _) = mpsc::channel();
        hub.streams.lock().unwrap().extend([kept, gone]);
        hub.reload();
        assert_eq!(hub.streams.lock().unwrap().len(), 1);
        assert_eq!(events.try_recv(), Ok(()));
    }
}
