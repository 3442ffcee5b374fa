//! `lectern inspect` and `bundle` given links, against a tiny HTTP server on 127.0.0.1 that each
//! test starts for itself (an ephemeral port; it stops when the test ends). Nothing here
//! reaches beyond this machine.

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use common::scratch;
use lectern_core::bundle::decode;

const STORY: &str = "<!doctype html>
<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Harbour Pilots Return to Work | The Coast Gazette</title>
<meta name=\"author\" content=\"Ana Ruiz\"></head>
<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>
<article><h1>Harbour Pilots Return to Work</h1>
<p class=\"byline\">By Ana Ruiz</p>
<p>The harbour pilots who guide container ships into the port returned to work on Monday after a two-week dispute over night shifts, the port authority said in a statement.</p>
<p>“We are glad the ships are moving again,” said Marta Olsen, the authority’s director, adding that the backlog of vessels waiting offshore would take about ten days to clear.</p>
<p>The pilots had refused night work since the start of the month, arguing that the new rota left too little rest between shifts. Under the agreement reached on Sunday, no pilot will work more than three nights in a row.</p>
<p>Shipping lines had diverted more than forty vessels to other ports during the dispute, and local hauliers said they had lost a fortnight of trade. The agreement will be reviewed in six months.</p>
</article><footer>© The Coast Gazette</footer></body></html>";

/// The same kind of page in windows-1252: 0xE9 is é, 0x93/0x94 are curly quotes.
const CAFE: &[u8] = b"<!doctype html>
<html><head><title>A Caf\xe9 on Every Corner</title></head>
<body><article><h1>A Caf\xe9 on Every Corner</h1>
<p>The town now has more caf\xe9s than bakeries, according to a survey published by the chamber of commerce on Thursday, and the number is still rising.</p>
<p>\x93People want somewhere to sit that is not their kitchen,\x94 said Jonas Berg, who opened the newest caf\xe9 on the market square in April.</p>
<p>The survey counted thirty-one caf\xe9s within a kilometre of the station, up from nineteen five years ago, while the number of bakeries fell from twelve to nine.</p>
</article></body></html>";

const FEED: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<rss version=\"2.0\"><channel><title>The Coast Gazette</title><link>http://gazette.example/</link>
<description>Local news</description>
<item><title>Ferry Timetable Changes in June</title><link>http://gazette.example/ferry</link>
<pubDate>Mon, 03 Jun 2024 08:00:00 GMT</pubDate>
<description><![CDATA[<p>The island ferry will run every forty minutes from the first of June, the operator said, replacing the hourly service that has run since 2009.</p><p>Extra evening crossings will be added on Fridays and Saturdays through the summer.</p>]]></description></item>
<item><title>Library Opens on Sundays</title><link>http://gazette.example/library</link>
<pubDate>Tue, 04 Jun 2024 08:00:00 GMT</pubDate>
<description><![CDATA[<p>The central library will open on Sunday afternoons from next month after a petition signed by more than two thousand residents.</p><p>The council said the extra hours would be staffed by volunteers at first.</p>]]></description></item>
</channel></rss>";

const ROBOTS: &str = "User-agent: *\nDisallow: /private/\n";

/// Each test's own server: answers the routes above, counts every request by path.
struct Server {
    addr: SocketAddr,
    hits: Arc<Mutex<HashMap<String, usize>>>,
    agents: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    accepting: Option<JoinHandle<()>>,
}

/// A bound on connections, so a runaway client cannot keep the server alive.
const MAX_CONNECTIONS: usize = 200;

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let addr = listener.local_addr().unwrap();
        let hits = Arc::new(Mutex::new(HashMap::new()));
        let agents = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (h, a, s) = (hits.clone(), agents.clone(), stop.clone());
        let accepting = std::thread::spawn(move || {
            for stream in listener.incoming().take(MAX_CONNECTIONS) {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                let (h, a) = (h.clone(), a.clone());
                // One thread per connection: the slow page must not hold up the others.
                std::thread::spawn(move || {
                    if let Ok(stream) = stream {
                        serve(stream, &h, &a);
                    }
                });
            }
        });
        Server { addr, hits, agents, stop, accepting: Some(accepting) }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }

    fn total(&self) -> usize {
        self.hits.lock().unwrap().values().sum()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the blocking accept so the loop sees `stop`.
        let _ = TcpStream::connect(self.addr);
        if let Some(thread) = self.accepting.take() {
            let _ = thread.join();
        }
    }
}

fn serve(mut stream: TcpStream, hits: &Mutex<HashMap<String, usize>>, agents: &Mutex<Vec<String>>) {
    stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let Some((path, agent)) = read_head(&stream) else { return };
    *hits.lock().unwrap().entry(path.clone()).or_default() += 1;
    agents.lock().unwrap().push(agent);
    if path.starts_with("/huge") {
        return huge(stream, &path);
    }
    let (status, headers, body): (&str, Vec<(&str, String)>, Vec<u8>) = match path.as_str() {
        "/robots.txt" => ("200 OK", vec![("Content-Type", "text/plain".into())], ROBOTS.into()),
        "/news/story.html" | "/private/secret.html" => ("200 OK", vec![("Content-Type", "text/html; charset=utf-8".into())], STORY.into()),
        "/cafe.html" => ("200 OK", vec![("Content-Type", "text/html; charset=windows-1252".into())], CAFE.into()),
        "/feed.xml" => ("200 OK", vec![("Content-Type", "application/rss+xml".into())], FEED.into()),
        "/moved" => ("301 Moved Permanently", vec![("Location", "/news/story.html".into())], Vec::new()),
        "/loop-a" => ("302 Found", vec![("Location", "/loop-b".into())], Vec::new()),
        "/loop-b" => ("302 Found", vec![("Location", "/loop-a".into())], Vec::new()),
        "/broken" => ("500 Internal Server Error", Vec::new(), b"oops".to_vec()),
        "/busy" => ("429 Too Many Requests", vec![("Retry-After", "3600".into())], Vec::new()),
        "/slow" => {
            // Deliberately past the client's one-second timeout.
            std::thread::sleep(Duration::from_secs(3));
            ("200 OK", vec![("Content-Type", "text/html".into())], STORY.into())
        }
        _ => ("404 Not Found", vec![("Content-Type", "text/plain".into())], b"not here".to_vec()),
    };
    let mut head = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(&body));
}

/// Over the client's 20 MB cap: `/huge-declared` says so in Content-Length (and sends nothing);
/// `/huge-stream` has no length and sends 21 MB, or until the client hangs up.
fn huge(mut stream: TcpStream, path: &str) {
    const SIZE: usize = 21 * 1024 * 1024;
    let length = if path == "/huge-declared" { format!("Content-Length: {SIZE}\r\n") } else { String::new() };
    let head = format!("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n{length}\r\n");
    if stream.write_all(head.as_bytes()).is_err() || !length.is_empty() {
        return;
    }
    let chunk = [b'a'; 64 * 1024];
    for _ in 0..SIZE / chunk.len() {
        if stream.write_all(&chunk).is_err() {
            return;
        }
    }
}

/// The request's path and User-Agent, from a head of at most a hundred lines.
fn read_head(stream: &TcpStream) -> Option<(String, String)> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let path = line.split_whitespace().nth(1)?.to_string();
    let mut agent = String::new();
    for _ in 0..100 {
        line.clear();
        if reader.read_line(&mut line).ok()? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("user-agent") {
                agent = value.trim().to_string();
            }
        }
    }
    Some((path, agent))
}

/// `lectern ARGS` with its cache in `cache`, no proxy in the way, and extra variables.
fn run(cache: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_lectern"));
    command.args(args).env("LECTERN_CACHE_DIR", cache);
    for proxy in ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] {
        command.env_remove(proxy);
    }
    command.envs(env.iter().copied()).output().expect("runs")
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("JSON ({e}); stderr: {}", String::from_utf8_lossy(&out.stderr)))
}

fn titles(json: &serde_json::Value) -> Vec<String> {
    json["articles"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap().to_string()).collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The one stderr line naming `url`.
fn line_for<'a>(stderr: &'a str, url: &str) -> &'a str {
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(&format!("{url}:"))).collect();
    assert_eq!(lines.len(), 1, "one line for {url} in:\n{stderr}");
    lines[0]
}

fn cache_dir(name: &str) -> PathBuf {
    scratch(&format!("fetch-cache-{name}"))
}

#[test]
fn pages_and_feeds_become_articles() {
    let server = Server::start();
    let cache = cache_dir("pages");
    let (story, cafe, feed) = (server.url("/news/story.html"), server.url("/cafe.html"), server.url("/feed.xml"));
    let out = run(&cache, &["inspect", "--json", &story, &cafe, &feed], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json = json(&out);
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles[0]["title"], "Harbour Pilots Return to Work");
    assert_eq!(articles[0]["file"], "story.html");
    assert_eq!(articles[0]["url"], story.as_str());
    // windows-1252, as the header said, not mojibake.
    assert_eq!(articles[1]["title"], "A Café on Every Corner");
    assert!(articles[1].to_string().contains("cafés than bakeries"), "{}", articles[1]);
    assert_eq!(titles(&json)[2..], ["Ferry Timetable Changes in June", "Library Opens on Sundays"]);

    assert_eq!(server.hits("/robots.txt"), 1, "robots.txt once per host");
    for path in ["/news/story.html", "/cafe.html", "/feed.xml"] {
        assert_eq!(server.hits(path), 1, "{path}");
    }
    let agents = server.agents.lock().unwrap().clone();
    let want = format!("lectern/{}", env!("CARGO_PKG_VERSION"));
    assert!(agents.iter().all(|a| *a == want), "{agents:?}");
}

#[test]
fn each_failure_is_one_line_naming_the_url_and_the_reason() {
    let server = Server::start();
    let cache = cache_dir("failures");
    let story = server.url("/news/story.html");
    let missing = server.url("/missing.html");
    let private = server.url("/private/secret.html");
    let looped = server.url("/loop-a");
    let busy = server.url("/busy");
    let ftp = "ftp://127.0.0.1/file.txt";
    let args = ["inspect", "--json", "--keep-going", &missing, &private, &looped, &busy, ftp, &story];
    let out = run(&cache, &args, &[]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 5, "{said}");
    assert!(line_for(&said, &missing).ends_with("HTTP 404 Not Found"), "{said}");
    assert!(line_for(&said, &private).ends_with("refused by robots.txt"), "{said}");
    assert!(line_for(&said, &looped).contains("redirect loop"), "{said}");
    assert!(line_for(&said, &busy).contains("HTTP 429 Too Many Requests"), "{said}");
    assert!(line_for(&said, ftp).contains("not http(s)"), "{said}");
    assert_eq!(titles(&json(&out)), ["Harbour Pilots Return to Work"]);

    assert_eq!(server.hits("/private/secret.html"), 0, "robots.txt was obeyed");
    assert_eq!(server.hits("/busy"), 1, "a Retry-After of an hour is not waited for");
    assert_eq!((server.hits("/loop-a"), server.hits("/loop-b")), (1, 1));

    // Without --keep-going: the first failure ends the run, nothing is printed on stdout.
    let out = run(&cache, &["inspect", "--json", &missing, &story], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

#[test]
fn server_errors_are_retried_then_named() {
    let server = Server::start();
    let broken = server.url("/broken");
    let out = run(&cache_dir("retries"), &["inspect", "--json", &broken], &[]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(line_for(&said, &broken).ends_with("HTTP 500 Internal Server Error after 3 attempts"), "{said}");
    assert_eq!(server.hits("/broken"), 3);
}

#[test]
fn a_slow_page_times_out() {
    let server = Server::start();
    let slow = server.url("/slow");
    let out = run(&cache_dir("slow"), &["inspect", "--json", &slow], &[("LECTERN_FETCH_TIMEOUT", "1")]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(line_for(&said, &slow).contains("timed out after 1 s"), "{said}");
    assert_eq!(server.hits("/slow"), 3, "timeouts are retried");
}

#[test]
fn redirects_are_followed_to_the_final_url() {
    let server = Server::start();
    let out = run(&cache_dir("redirect"), &["inspect", "--json", &server.url("/moved")], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json = json(&out);
    assert_eq!(json["articles"][0]["title"], "Harbour Pilots Return to Work");
    assert_eq!(json["articles"][0]["file"], "story.html");
    assert_eq!(json["articles"][0]["url"], server.url("/news/story.html").as_str());
}

#[test]
fn a_url_list_is_read_and_a_second_run_uses_the_cache() {
    let server = Server::start();
    let cache = cache_dir("cached");
    let list = scratch("fetch-list").join("links.txt");
    let text = format!("# reading for Monday\n\n{}  # the pilots\n{}\n", server.url("/news/story.html"), server.url("/feed.xml"));
    std::fs::write(&list, text).unwrap();
    let list = list.to_str().unwrap();

    let first = run(&cache, &["inspect", "--json", "--urls", list], &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(titles(&json(&first)).len(), 3);
    let requests = server.total();
    assert_eq!(requests, 3, "robots.txt, the page and the feed");

    let second = run(&cache, &["inspect", "--json", "--urls", list], &[]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert_eq!(second.stdout, first.stdout);
    assert_eq!(server.total(), requests, "the cache answered: no request");

    let third = run(&cache, &["inspect", "--json", "--refetch", "--urls", list], &[]);
    assert!(third.status.success(), "{}", stderr(&third));
    assert_eq!(server.total(), requests + 3, "--refetch asks again");
}

#[test]
fn failures_are_not_cached() {
    let server = Server::start();
    let cache = cache_dir("uncached");
    let missing = server.url("/missing.html");
    for _ in 0..2 {
        assert_eq!(run(&cache, &["inspect", &missing], &[]).status.code(), Some(1));
    }
    assert_eq!(server.hits("/missing.html"), 2);
}

#[test]
fn bundle_takes_links_and_skips_failures() {
    let server = Server::start();
    let dir = scratch("fetch-bundle");
    let file = dir.join("links.lectern");
    let (story, missing) = (server.url("/news/story.html"), server.url("/missing.html"));
    let out = run(&cache_dir("bundle"), &["bundle", &story, &missing, "-o", file.to_str().unwrap()], &[]);
    let said = stderr(&out);
    assert!(out.status.success(), "{said}");
    assert!(said.contains(&format!("skipped {missing}: HTTP 404 Not Found")), "{said}");
    let bundle = decode(&std::fs::read(&file).unwrap()).expect("a readable bundle");
    assert_eq!(bundle.articles.len(), 1);
    assert_eq!(bundle.articles[0].title, "Harbour Pilots Return to Work");
}

#[test]
fn an_unreadable_url_list_is_named() {
    let out = run(&cache_dir("nolist"), &["inspect", "--urls", "/no/such/links.txt"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/no/such/links.txt"), "{}", stderr(&out));
}

#[test]
fn a_page_over_the_size_cap_is_refused() {
    let server = Server::start();
    let (declared, streamed) = (server.url("/huge-declared"), server.url("/huge-stream"));
    let out = run(&cache_dir("huge"), &["inspect", "--keep-going", &declared, &streamed], &[]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(line_for(&said, &declared).ends_with("too large: 21.0 MB (the limit is 20.0 MB)"), "{said}");
    assert!(line_for(&said, &streamed).contains("too large: more than 20.0 MB"), "{said}");
}
