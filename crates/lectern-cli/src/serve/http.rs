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
mod tests {
    use super::*;
    use flate2::read::GzDecoder;
    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    const INDEX: &str = "<!doctype html><html><body><p>Home</p></body></html>";
    const SCRIPT_TAG: &str = "<script src=\"/__lectern/reload.js\"></script>";

    /// A site in a temp folder: `<base>/site` is the root, `<base>/secret.txt` is outside it.
    struct TempSite {
        base: PathBuf,
    }

    impl TempSite {
        fn new() -> Self {
            static COUNT: AtomicUsize = AtomicUsize::new(0);
            let n = COUNT.fetch_add(1, Ordering::Relaxed);
            let base = std::env::temp_dir().join(format!("lectern-serve-{}-{n}", std::process::id()));
            let _ = fs::remove_dir_all(&base);
            let site = TempSite { base };
            site.write("secret.txt", b"outside the root");
            site.write("site/index.html", INDEX.as_bytes());
            site.write("site/docs/index.html", b"<p>Docs</p>");
            site.write("site/app.js", &b"console.log('lectern');\n".repeat(50));
            site.write("site/app_bg.wasm", b"\0asm\x01\0\0\0");
            site.write("site/whole.lectern", &b"LECTERN bundle ".repeat(50));
            site.write("site/part-1.lectern", &gzip::compress(&b"part ".repeat(50)).unwrap());
            site.write("site/big.txt", &b"0123456789".repeat(5000));
            site
        }

        fn root(&self) -> PathBuf {
            self.base.join("site")
        }

        fn write(&self, name: &str, bytes: &[u8]) {
            let path = self.base.join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, bytes).unwrap();
        }

        fn serve(&self, live_reload: bool) -> Server {
            start(self.root(), 0, live_reload).unwrap()
        }
    }

    impl Drop for TempSite {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.base);
        }
    }

    struct Reply {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    }

    impl Reply {
        fn header(&self, name: &str) -> Option<&str> {
            self.headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        }

        fn text(&self) -> String {
            String::from_utf8_lossy(&self.body).into_owned()
        }
    }

    fn connect(server: &Server) -> TcpStream {
        let stream = TcpStream::connect(server.addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        stream
    }

    /// One request on a connection of its own, read to the server's close.
    fn send(server: &Server, method: &str, target: &str, headers: &str) -> Reply {
        let mut stream = connect(server);
        write!(
            stream,
            "{method} {target} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n{headers}\r\n"
        )
        .unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).unwrap();
        parse(&bytes)
    }

    fn get(server: &Server, target: &str) -> Reply {
        send(server, "GET", target, "")
    }

    fn parse(bytes: &[u8]) -> Reply {
        let end = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete head");
        let head = String::from_utf8(bytes[..end].to_vec()).unwrap();
        let mut lines = head.split("\r\n");
        let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
        let headers = lines
            .map(|line| line.split_once(": ").unwrap())
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
        Reply {
            status,
            headers,
            body: bytes[end + 4..].to_vec(),
        }
    }

    /// Reads until `needle` has arrived (no sleeping: the read timeout fails a stuck test).
    fn read_until(stream: &mut TcpStream, seen: &mut Vec<u8>, needle: &str) {
        read_until_times(stream, seen, needle, 1);
    }

    /// Reads until `needle` has arrived `times` times in all (events come in separate chunks).
    fn read_until_times(stream: &mut TcpStream, seen: &mut Vec<u8>, needle: &str, times: usize) {
        let mut buffer = [0; 1024];
        while String::from_utf8_lossy(seen).matches(needle).count() < times {
            let n = stream
                .read(&mut buffer)
                .unwrap_or_else(|e| panic!("waiting for {needle:?}: {e}"));
            assert!(
                n > 0,
                "the stream closed before {needle:?}: {}",
                String::from_utf8_lossy(seen)
            );
            seen.extend_from_slice(&buffer[..n]);
        }
    }

    /// An open reload stream, once the server has registered it (its first event has come).
    fn open_reload_stream(server: &Server) -> (TcpStream, Vec<u8>) {
        let mut stream = connect(server);
        write!(
            stream,
            "GET /__lectern/reload HTTP/1.1\r\nHost: test\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut seen = Vec::new();
        read_until(&mut stream, &mut seen, "retry: 1000\n\n");
        (stream, seen)
    }

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut inflated = Vec::new();
        GzDecoder::new(bytes).read_to_end(&mut inflated).unwrap();
        inflated
    }

    #[test]
    fn the_url_names_the_bound_port() {
        let site = TempSite::new();
        let server = site.serve(false);
        assert_eq!(server.url(), format!("http://127.0.0.1:{}/", server.addr.port()));
        assert_ne!(server.addr.port(), 0);
    }

    #[test]
    fn wasm_and_js_are_sent_with_their_types_and_the_common_headers() {
        let site = TempSite::new();
        let server = site.serve(false);
        let wasm = get(&server, "/app_bg.wasm");
        assert_eq!(wasm.status, 200);
        assert_eq!(wasm.header("Content-Type"), Some("application/wasm"));
        assert_eq!(wasm.body, b"\0asm\x01\0\0\0");
        let js = get(&server, "/app.js");
        assert_eq!(js.header("Content-Type"), Some("text/javascript; charset=utf-8"));
        assert_eq!(js.header("X-Content-Type-Options"), Some("nosniff"));
        assert_eq!(js.header("Cache-Control"), Some("no-cache"));
    }

    #[test]
    fn the_root_and_folders_serve_their_index_and_folders_without_a_slash_redirect() {
        let site = TempSite::new();
        let server = site.serve(false);
        assert_eq!(get(&server, "/").text(), INDEX);
        assert_eq!(get(&server, "/?from=test").text(), INDEX);
        assert_eq!(get(&server, "/docs/").text(), "<p>Docs</p>");
        let redirect = get(&server, "/docs?x=1");
        assert_eq!(redirect.status, 302);
        assert_eq!(redirect.header("Location"), Some("/docs/?x=1"));
        assert_eq!(get(&server, "//docs").header("Location"), Some("/docs/"));
    }

    #[test]
    fn percent_encoded_paths_are_decoded() {
        let site = TempSite::new();
        site.write("site/a file é.txt", b"spaced");
        let server = site.serve(false);
        assert_eq!(get(&server, "/a%20file%20%C3%A9.txt").text(), "spaced");
    }

    #[test]
    fn gzip_is_sent_when_asked_for_and_only_then() {
        let site = TempSite::new();
        let server = site.serve(false);
        let original = fs::read(site.root().join("app.js")).unwrap();

        let gzipped = send(&server, "GET", "/app.js", "Accept-Encoding: gzip, deflate, br\r\n");
        assert_eq!(gzipped.header("Content-Encoding"), Some("gzip"));
        assert_eq!(gzipped.header("Vary"), Some("Accept-Encoding"));
        assert_eq!(
            gzipped.header("Content-Length"),
            Some(gzipped.body.len().to_string().as_str())
        );
        assert_eq!(gunzip(&gzipped.body), original);

        for refusal in ["", "Accept-Encoding: br\r\n", "Accept-Encoding: gzip;q=0\r\n"] {
            let plain = send(&server, "GET", "/app.js", refusal);
            assert_eq!(plain.header("Content-Encoding"), None, "{refusal:?}");
            assert_eq!(plain.header("Vary"), Some("Accept-Encoding"));
            assert_eq!(plain.body, original);
        }
    }

    #[test]
    fn images_are_never_gzipped() {
        let site = TempSite::new();
        site.write("site/icon.png", &[0x89, b'P', b'N', b'G', 0, 0, 0, 0]);
        let server = site.serve(false);
        let png = send(&server, "GET", "/icon.png", "Accept-Encoding: gzip\r\n");
        assert_eq!(png.header("Content-Type"), Some("image/png"));
        assert_eq!(png.header("Content-Encoding"), None);
        assert_eq!(png.header("Vary"), None);
    }

    #[test]
    fn a_lectern_file_that_is_gzip_already_is_sent_as_it_is() {
        let site = TempSite::new();
        let server = site.serve(false);
        let part = send(&server, "GET", "/part-1.lectern", "Accept-Encoding: gzip\r\n");
        assert_eq!(part.header("Content-Type"), Some("application/octet-stream"));
        assert_eq!(part.header("Content-Encoding"), None);
        assert_eq!(part.body, fs::read(site.root().join("part-1.lectern")).unwrap());

        let whole = send(&server, "GET", "/whole.lectern", "Accept-Encoding: gzip\r\n");
        assert_eq!(whole.header("Content-Encoding"), Some("gzip"));
        assert_eq!(
            gunzip(&whole.body),
            fs::read(site.root().join("whole.lectern")).unwrap()
        );
    }

    #[test]
    fn paths_leading_outside_the_root_are_not_found() {
        let site = TempSite::new();
        let server = site.serve(false);
        for target in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E/secret.txt",
            "/docs/..%2f..%2fsecret.txt",
            "/..%5csecret.txt",
            "/docs/%2e%2e/%2e%2e/secret.txt",
            "/index.html%00.txt",
            "/../Cargo.toml",
            "/%2e%2e/x",
        ] {
            let reply = get(&server, target);
            assert_eq!(reply.status, 404, "{target}");
            assert!(!reply.text().contains("outside"), "{target}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_followed_only_when_they_stay_inside_the_root() {
        let site = TempSite::new();
        std::os::unix::fs::symlink(site.base.join("secret.txt"), site.root().join("out.txt")).unwrap();
        std::os::unix::fs::symlink(&site.base, site.root().join("up")).unwrap();
        std::os::unix::fs::symlink(site.root().join("index.html"), site.root().join("home.html")).unwrap();
        let server = site.serve(false);
        assert_eq!(get(&server, "/out.txt").status, 404);
        assert_eq!(get(&server, "/up/secret.txt").status, 404);
        assert_eq!(get(&server, "/up/").status, 404);
        assert_eq!(get(&server, "/home.html").text(), INDEX);
    }

    #[test]
    fn an_unknown_file_is_a_short_plain_text_404() {
        let site = TempSite::new();
        let server = site.serve(false);
        let reply = get(&server, "/nowhere.html");
        assert_eq!(reply.status, 404);
        assert_eq!(reply.header("Content-Type"), Some("text/plain; charset=utf-8"));
        assert_eq!(reply.text(), "404 not found\n");
    }

    #[test]
    fn head_has_the_length_but_no_body_even_for_large_files() {
        let site = TempSite::new();
        let server = site.serve(false);
        let reply = send(&server, "HEAD", "/big.txt", "");
        assert_eq!(reply.status, 200);
        assert_eq!(reply.header("Content-Length"), Some("50000"));
        assert_eq!(reply.header("Content-Type"), Some("text/plain; charset=utf-8"));
        assert!(reply.body.is_empty());
    }

    #[test]
    fn other_methods_are_not_allowed() {
        let site = TempSite::new();
        let server = site.serve(true);
        for method in ["POST", "PUT", "DELETE"] {
            let reply = send(&server, method, "/index.html", "Content-Length: 0\r\n");
            assert_eq!(reply.status, 405, "{method}");
            assert_eq!(reply.header("Allow"), Some("GET, HEAD"));
        }
        assert_eq!(
            send(&server, "POST", "/__lectern/reload", "Content-Length: 0\r\n").status,
            405
        );
    }

    #[test]
    fn a_busy_port_is_reported_with_a_free_one_to_try() {
        let site = TempSite::new();
        let taken = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        let port = taken.local_addr().unwrap().port();
        let error = start(site.root(), port, false).expect_err("the port is taken");
        let StartError::PortInUse {
            port: busy,
            free: Some(free),
        } = error
        else {
            panic!("{error:?}")
        };
        assert_eq!(busy, port);
        assert!(free > port && free <= port + NEIGHBOURS);
        assert_eq!(error.to_string(), format!("port {port} is in use; try --port {free}"));
        assert!(TcpListener::bind((Ipv4Addr::LOCALHOST, free)).is_ok());
    }

    #[test]
    fn other_bind_failures_carry_the_system_s_reason() {
        let error = StartError::Bind {
            port: 80,
            source: io::Error::from(io::ErrorKind::PermissionDenied),
        };
        assert!(error.to_string().starts_with("cannot listen on 127.0.0.1:80: "));
        assert!(std::error::Error::source(&error).is_some());
    }

    #[test]
    fn reload_streams_receive_reload_after_reload_is_called() {
        let site = TempSite::new();
        let server = site.serve(true);
        let (mut stream, mut seen) = open_reload_stream(&server);
        let head = String::from_utf8_lossy(&seen).into_owned();
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
        assert!(head.contains("Content-Type: text/event-stream\r\n"), "{head}");
        server.reload();
        read_until(&mut stream, &mut seen, "data: reload\n\n");
    }

    #[test]
    fn files_are_served_while_more_pages_than_workers_hold_reload_streams() {
        let site = TempSite::new();
        let server = site.serve(true);
        let mut streams: Vec<_> = (0..6).map(|_| open_reload_stream(&server)).collect();
        assert_eq!(get(&server, "/app.js").status, 200);
        server.reload();
        for (stream, seen) in &mut streams {
            read_until(stream, seen, "data: reload\n\n");
        }
    }

    #[test]
    fn a_stream_of_a_closed_page_is_dropped_and_the_others_still_reload() {
        let site = TempSite::new();
        let server = site.serve(true);
        let (gone, _) = open_reload_stream(&server);
        let (mut open, mut seen) = open_reload_stream(&server);
        drop(gone);
        server.reload();
        server.reload();
        read_until_times(&mut open, &mut seen, "data: reload\n\n", 2);
    }

    #[test]
    fn pages_get_the_reload_script_with_live_reload_on() {
        let site = TempSite::new();
        let server = site.serve(true);
        let page = get(&server, "/");
        assert_eq!(page.text(), INDEX.replace("</body>", &format!("{SCRIPT_TAG}</body>")));
        let gzipped = send(&server, "GET", "/index.html", "Accept-Encoding: gzip\r\n");
        assert_eq!(gunzip(&gzipped.body), page.body);

        let script = get(&server, "/__lectern/reload.js");
        assert_eq!(script.status, 200);
        assert_eq!(script.header("Content-Type"), Some("text/javascript; charset=utf-8"));
        assert!(script.text().contains("new EventSource('/__lectern/reload')"));
        assert!(script.text().contains("location.reload()"));
        assert_eq!(
            get(&server, "/app.js").body,
            fs::read(site.root().join("app.js")).unwrap()
        );
    }

    #[test]
    fn pages_are_sent_byte_for_byte_with_live_reload_off() {
        let site = TempSite::new();
        let server = site.serve(false);
        assert_eq!(get(&server, "/").text(), INDEX);
        assert_eq!(get(&server, "/__lectern/reload.js").status, 404);
        assert_eq!(get(&server, "/__lectern/reload").status, 404);
    }

    #[test]
    fn files_are_read_afresh_on_every_request() {
        let site = TempSite::new();
        let server = site.serve(false);
        assert_eq!(get(&server, "/new.txt").status, 404);
        site.write("site/new.txt", b"first build");
        assert_eq!(get(&server, "/new.txt").text(), "first build");
        site.write("site/new.txt", b"second build");
        assert_eq!(get(&server, "/new.txt").text(), "second build");
    }
}
