//! The preview server, over real sockets: types, gzip, paths that lead outside the root,
//! HEAD, busy ports, and live reload.

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
