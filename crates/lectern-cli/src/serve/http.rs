//! The HTTP side of `lectern serve`: a built site served from 127.0.0.1 as a static host would
//! serve it (types, gzip, `index.html` for folders), plus live reload when asked for.
//!
//! Written on std rather than a crate: tiny_http (the small threaded server tried first) hands
//! each connection to a pool whose queued connections wait for a free thread, and the threads
//! were all held by connections the browser keeps open (kept-alive ones, the reload stream), so
//! one page load in ten never got its bundle. Here each connection has a thread of its own,
//! answers one request and is closed: nothing can wait behind anything else. Files are read
//! from disk on every request and sent with `Cache-Control: no-cache`, because the site is
//! rebuilt under us. The parts are one file each: `request` (reading a request head), `files`
//! (which file a path names, never one outside the root), `mime` (its type), `gzip`
//! (Content-Encoding), `live_reload` (the event stream and script).

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use super::files::{self, Lookup};
use super::gzip;
use super::live_reload::{self, Hub};
use super::mime;
use super::request::{self, Request};

/// How many ports after a busy one are tried for a suggestion.
const NEIGHBOURS: u16 = 10;
/// A client that sends nothing for this long is dropped (its thread with it).
const IDLE: Duration = Duration::from_secs(30);

/// A running preview server.
pub struct Server {
    site: Arc<Site>,
    addr: SocketAddr,
    acceptor: Option<JoinHandle<()>>,
}

/// What the connections share.
struct Site {
    root: PathBuf,
    live_reload: bool,
    hub: Hub,
}

/// Why the server could not start.
#[derive(Debug)]
pub enum StartError {
    /// Something else listens on the port. `free` is a port just after it that could be bound a
    /// moment ago, to suggest instead.
    PortInUse { port: u16, free: Option<u16> },
    /// Any other failure to listen, with the system's reason.
    Bind { port: u16, source: io::Error },
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::PortInUse { port, free: Some(free) } => write!(f, "port {port} is in use; try --port {free}"),
            StartError::PortInUse { port, free: None } => {
                write!(f, "port {port} is in use, and so are the {NEIGHBOURS} after it; choose another with --port")
            }
            StartError::Bind { port, source } => write!(f, "cannot listen on 127.0.0.1:{port}: {source}"),
        }
    }
}

impl std::error::Error for StartError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StartError::Bind { source, .. } => Some(source),
            StartError::PortInUse { .. } => None,
        }
    }
}

/// Listens on 127.0.0.1:`port` (0: any free port) and serves the files under `root`; returns as
/// soon as the port is bound. `root` need not exist yet: until it does, every path is a 404.
/// With `live_reload`, pages get a script that reloads them when [`Server::reload`] is called.
pub fn start(root: PathBuf, port: u16, live_reload: bool) -> Result<Server, StartError> {
    let listener = bind(port)?;
    let addr = listener.local_addr().map_err(|source| StartError::Bind { port, source })?;
    let site = Arc::new(Site { root, live_reload, hub: Hub::default() });
    let shared = Arc::clone(&site);
    let acceptor = thread::Builder::new()
        .name("lectern-http".into())
        .spawn(move || accept(&listener, &shared))
        .map_err(|source| StartError::Bind { port, source })?;
    Ok(Server { site, addr, acceptor: Some(acceptor) })
}

impl Server {
    /// The address to open, e.g. `http://127.0.0.1:8080/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Tells every open page to reload (with live reload off, no page is listening).
    pub fn reload(&self) {
        self.site.hub.reload();
    }

    /// Blocks for as long as the server runs: until the process is stopped.
    pub fn wait(mut self) {
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

impl fmt::Debug for Server {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Server")
            .field("url", &self.url())
            .field("root", &self.site.root)
            .field("live_reload", &self.site.live_reload)
            .finish()
    }
}

/// Binds the port ourselves: a busy port must be told apart from other failures.
fn bind(port: u16) -> Result<TcpListener, StartError> {
    TcpListener::bind((Ipv4Addr::LOCALHOST, port)).map_err(|source| {
        if source.kind() == io::ErrorKind::AddrInUse {
            StartError::PortInUse { port, free: free_neighbour(port) }
        } else {
            StartError::Bind { port, source }
        }
    })
}

/// The first of the next few ports that can be bound now (it may be taken again by the time
/// the user retries, but a suggestion that worked a moment ago beats a guess).
fn free_neighbour(port: u16) -> Option<u16> {
    (1..=NEIGHBOURS)
        .filter_map(|step| port.checked_add(step))
        .find(|candidate| TcpListener::bind((Ipv4Addr::LOCALHOST, *candidate)).is_ok())
}

/// Every connection on a thread of its own, for as long as the listener lives.
fn accept(listener: &TcpListener, site: &Arc<Site>) {
    for stream in listener.incoming().flatten() {
        let site = Arc::clone(site);
        // A thread the system refuses drops the connection; the browser will ask again.
        let _ = thread::Builder::new().name("lectern-http-client".into()).spawn(move || site.connection(stream));
    }
}

/// Where a request goes.
enum Route {
    NotAllowed,
    ReloadStream,
    ReloadStreamHead,
    ReloadScript,
    File,
}

/// An answer, written by [`Response::send`].
pub struct Response {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    fn with_header(mut self, name: &'static str, value: &str) -> Response {
        self.headers.push((name, value.to_string()));
        self
    }

    /// The head with its length (and no body for HEAD), then the connection is closed.
    fn send(self, stream: &mut TcpStream, with_body: bool) -> io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head += &format!("{name}: {value}\r\n");
        }
        head += &format!(
            "Content-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
            self.body.len()
        );
        stream.write_all(head.as_bytes())?;
        if with_body {
            stream.write_all(&self.body)?;
        }
        stream.flush()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        302 => "Found",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Internal Server Error",
    }
}

impl Site {
    /// One request on `stream`, answered, then the connection closed (a reload stream stays).
    fn connection(&self, mut stream: TcpStream) {
        let _ = stream.set_read_timeout(Some(IDLE));
        let request = match request::read(&mut stream) {
            Ok(Some(request)) => request,
            Ok(None) => return,
            Err(_) => {
                let _ = plain(400, "400 bad request\n").send(&mut stream, true);
                let _ = stream.shutdown(Shutdown::Both);
                return;
            }
        };
        let with_body = request.method != "HEAD";
        let response = match self.route(&request) {
            Route::ReloadStream => return self.hub.serve(stream, request.http_11),
            Route::NotAllowed => method_not_allowed(),
            Route::ReloadStreamHead => typed(Vec::new(), "text/event-stream"),
            Route::ReloadScript => typed(live_reload::SCRIPT.into(), mime::of(Path::new("reload.js")).content_type),
            Route::File => self.file(&request),
        };
        // An error here means the browser went away: nothing to tell anyone.
        let _ = response.send(&mut stream, with_body);
        let _ = stream.shutdown(Shutdown::Both);
    }

    fn route(&self, request: &Request) -> Route {
        let get = match request.method.as_str() {
            "GET" => true,
            "HEAD" => false,
            _ => return Route::NotAllowed,
        };
        let path = files::path_part(&request.target);
        match (self.live_reload, path) {
            (true, live_reload::STREAM_PATH) if get => Route::ReloadStream,
            (true, live_reload::STREAM_PATH) => Route::ReloadStreamHead,
            (true, live_reload::SCRIPT_PATH) => Route::ReloadScript,
            _ => Route::File,
        }
    }

    fn file(&self, request: &Request) -> Response {
        match files::resolve(&self.root, &request.target) {
            Lookup::File(path) => match fs::read(&path) {
                Ok(body) => self.content(&path, body, accepts_gzip(request)),
                // Deleted since the look-up: the site is being rebuilt.
                Err(e) if e.kind() == io::ErrorKind::NotFound => not_found(),
                Err(e) => plain(500, &format!("500 the file could not be read: {e}\n")),
            },
            Lookup::AddSlash => add_slash(&request.target),
            Lookup::NotFound => not_found(),
        }
    }

    /// A file's response: typed, the reload script put into pages, gzipped when that pays.
    fn content(&self, path: &Path, body: Vec<u8>, accepts_gzip: bool) -> Response {
        let kind = mime::of(path);
        let body = if self.live_reload && kind.is_html() { live_reload::inject_script(&body) } else { body };
        if !kind.compressible || gzip::is_gzip(&body) {
            return typed(body, kind.content_type);
        }
        // The answer depends on Accept-Encoding either way: caches must know.
        match accepts_gzip.then(|| gzip::compress(&body)) {
            Some(Ok(compressed)) => typed(compressed, kind.content_type)
                .with_header("Vary", "Accept-Encoding")
                .with_header("Content-Encoding", "gzip"),
            _ => typed(body, kind.content_type).with_header("Vary", "Accept-Encoding"),
        }
    }
}

fn accepts_gzip(request: &Request) -> bool {
    request.header("Accept-Encoding").is_some_and(gzip::accepted)
}

fn typed(body: Vec<u8>, content_type: &str) -> Response {
    Response { status: 200, headers: vec![("Content-Type", content_type.to_string())], body }
}

fn plain(status: u16, text: &str) -> Response {
    Response { status, ..typed(text.into(), "text/plain; charset=utf-8") }
}

fn not_found() -> Response {
    plain(404, "404 not found\n")
}

fn method_not_allowed() -> Response {
    plain(405, "405 method not allowed: only GET and HEAD\n").with_header("Allow", "GET, HEAD")
}

/// Sends `/docs?x` to `/docs/?x`. Leading slashes are collapsed so that `//host` can never
/// become a redirect to another site. Found, not Moved Permanently: browsers keep permanent
/// redirects, and a rebuilt site may turn the folder into a file.
fn add_slash(target: &str) -> Response {
    let path = files::path_part(target);
    let rest = &target[path.len()..];
    let location = format!("/{}/{rest}", path.trim_start_matches('/'));
    plain(302, "302 found\n").with_header("Location", &location)
}

#[cfg(test)]
#[path = "http_tests.rs"]
mod tests;
