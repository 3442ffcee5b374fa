//! Bad and hostile pages and feeds: each gives a clear reason naming the file, never a panic,
//! and nothing from a page (scripts, handlers, frames, unsafe links) reaches an article.

use lectern_core::{read_source, Article, IngestError, IngestErrorKind, SourceFile};
use proptest::prelude::*;

fn try_read(name: &str, bytes: &[u8]) -> Result<Vec<Article>, IngestError> {
    read_source(&SourceFile::new(name, bytes))
}

fn reason(name: &str, bytes: &[u8]) -> IngestErrorKind {
    let e = try_read(name, bytes).unwrap_err();
    assert!(e.to_string().starts_with(name), "the message names the file: {e}");
    e.kind
}

const PROSE: &str = "The harbour authority closed the port on Tuesday as a winter storm pushed waves over the sea wall, stranding dozens of ships at anchor for the third time this year.";

fn article_page(extra: &str) -> String {
    format!("<!doctype html><html><head><title>Storm closes port</title></head><body><article><h1>Storm closes port</h1><p>{PROSE}</p>{extra}<p>{PROSE} Officials said repairs would take a week.</p></article></body></html>")
}

#[test]
fn pages_without_an_article() {
    let homepage = format!("<html><body><nav><a href=/>Home</a></nav>{}</body></html>", (0..30).map(|i| format!("<div class=teaser><a href=/s{i}>Headline number {i}</a></div>")).collect::<String>());
    assert_eq!(reason("home.html", homepage.as_bytes()), IngestErrorKind::NoArticle);
    let login = "<html><body><form><h1>Sign in to keep reading</h1><input name=user><input type=password><button>Sign in</button></form><p>Subscribers only.</p></body></html>";
    assert_eq!(reason("wall.html", login.as_bytes()), IngestErrorKind::NoArticle);
}

#[test]
fn binary_empty_truncated_and_oversized_files() {
    assert!(matches!(reason("photo.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), IngestErrorKind::Binary { .. }));
    assert_eq!(reason("empty.html", b""), IngestErrorKind::Empty);
    assert_eq!(reason("blank.htm", b"   \n "), IngestErrorKind::Empty);
    let page = article_page("");
    let cut = &page.as_bytes()[..page.len() / 2];
    // A page cut off mid-way still gives what arrived, or says there is no article.
    match try_read("cut.html", cut) {
        Ok(articles) => assert!(articles[0].paragraphs().next().unwrap().starts_with("The harbour")),
        Err(e) => assert_eq!(e.kind, IngestErrorKind::NoArticle),
    }
    let huge = vec![b'a'; 50 * 1024 * 1024];
    assert!(matches!(reason("huge.html", &huge), IngestErrorKind::TooLarge { size, .. } if size == huge.len()));
    assert!(reason("huge.html", &huge).to_string().contains("50.0 MB"));
}

#[test]
fn runaway_nesting_is_refused_before_it_is_walked() {
    let deep = format!("<html><body>{}<p>{PROSE}</p></body></html>", "<div>".repeat(100_000));
    assert!(matches!(reason("deep.html", deep.as_bytes()), IngestErrorKind::TooDeep { .. }));
    let deep_spans = format!("<p>{}{PROSE}", "<span>".repeat(100_000));
    assert!(matches!(reason("spans.html", deep_spans.as_bytes()), IngestErrorKind::TooDeep { .. }));
}

#[test]
fn nothing_from_a_page_reaches_the_article() {
    let hostile = r#"<script>window.pwned=1</script><p onclick="alert(1)">Click <a href="javascript:alert(2)">here</a> <img src=x onerror="alert(3)"></p>
        <iframe src="https://evil.example/"></iframe><object data="evil.swf"></object><style>body{display:none}</style>"#;
    let page = article_page(hostile).replace("<title>", r#"<link rel="canonical" href="javascript:alert(4)"><meta property="og:title" content="Storm <img src=x onerror=alert(5)> closes port"><title>"#);
    let article = &try_read("hostile.html", page.as_bytes()).unwrap()[0];
    let text: String = article.paragraphs().collect::<Vec<_>>().join("\n");
    for banned in ["pwned", "alert(1)", "evil", "display:none", "<script"] {
        assert!(!text.contains(banned), "{banned} reached the article: {text}");
    }
    assert_eq!(article.url, None, "a javascript: URL is never kept");
    // Markup in a stated title is dropped to its text (and the reader renders text anyway).
    assert_eq!(article.title, "Storm closes port");
}

#[test]
fn a_huge_feed_and_an_entity_bomb() {
    let items: String = (0..100_000).map(|i| format!("<item><title>Entry {i}</title><description>Text {i}.</description></item>")).collect();
    let feed = format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>{items}</channel></rss>");
    let e = reason("big.xml", feed.as_bytes());
    assert!(e.to_string().contains("100000 entries"), "{e}");

    let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<rss version="2.0"><channel><title>Bomb</title><item><title>&lol9;</title><description>Boom.</description></item></channel></rss>"#;
    // Internal entities are not expanded: the feed is refused or read without the expansion.
    match try_read("bomb.xml", bomb.as_bytes()) {
        Ok(articles) => assert!(articles.iter().all(|a| a.title.len() < 1000)),
        Err(e) => assert!(matches!(e.kind, IngestErrorKind::Malformed { .. } | IngestErrorKind::NoText), "{e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_as_pages_and_feeds_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000), ending in prop::sample::select(vec!["html", "mhtml", "xml", "json", "rss"])) {
        let _ = try_read(&format!("x.{ending}"), &bytes);
    }

    #[test]
    fn markup_like_text_never_panics(parts in prop::collection::vec(prop::sample::select(vec![
        "<div>", "</div>", "<p>", "</p>", "<blockquote>", "</blockquote>", "<q>", "<table><tr><td>", "<h2>", "</h2>",
        "<script>", "</script>", "<!--", "-->", "<?xml version=\"1.0\"?>", "<rss version=\"2.0\">", "<channel>", "<item>",
        "<title>", "</title>", "<![CDATA[", "]]>", "&amp;", "&#x1F600;", "“", "”", "— ", "Word. ", "MIME-Version: 1.0\r\n",
        "Content-Type: multipart/related; boundary=\"b\"\r\n\r\n", "--b\r\n", "=C3=A9", "\u{202e}", "\0",
    ]), 0..200), ending in prop::sample::select(vec!["html", "mhtml", "xml", "json"])) {
        let text: String = parts.concat();
        let _ = try_read(&format!("x.{ending}"), text.as_bytes());
    }
}
