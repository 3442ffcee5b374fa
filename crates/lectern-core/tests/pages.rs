//! Web pages and web archives through the whole pipeline, as the build, the CLI and the browser
//! read them: metadata, encodings, archives and quotations.

use lectern_core::{read_source, Article, SourceFile};

const BODY: &str = "<p>The harbour authority closed the port on Tuesday as a winter storm pushed waves over the sea wall, stranding dozens of ships at anchor.</p>\
<blockquote><p>The safety of crews comes first, whatever the cost to trade.</p><footer>— Maria Lopez, port director</footer></blockquote>\
<p>Forty vessels were waiting offshore on Wednesday, according to the coast guard, and crews were told to stay aboard until the wind drops below gale force.</p>";

fn page(head: &str) -> String {
    format!("<!doctype html><html><head>{head}</head><body><nav><a href=/>Home</a> <a href=/world>World</a></nav><article><h1>Storm closes port</h1>{BODY}</article><footer>© The Daily</footer></body></html>")
}

fn read(file: SourceFile) -> Article {
    read_source(&file).unwrap_or_else(|e| panic!("{e}")).remove(0)
}

#[test]
fn a_served_page_takes_its_language_and_charset_from_the_headers() {
    let html = page("<title>Storm closes port</title>").replace("harbour", "h\u{e2}rbour");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&html);
    let file = SourceFile {
        name: "storm".into(),
        bytes: bytes.into_owned(),
        url: Some("https://daily.example/storm".into()),
        content_type: Some("text/html; charset=windows-1252".into()),
        content_language: Some("en-GB".into()),
    };
    let article = read(file);
    assert_eq!(article.language.as_deref(), Some("en-GB"));
    assert_eq!(article.url.as_deref(), Some("https://daily.example/storm"));
    assert!(article.paragraphs().next().unwrap().contains("hârbour"));
}

#[test]
fn block_quotations_are_quotations_with_their_signature() {
    let article = read(SourceFile::new("storm.html", page("<title>Storm closes port | The Daily</title>")));
    assert_eq!(article.title, "Storm closes port");
    let quote = article.quotes.iter().find(|q| q.text.starts_with("The safety")).expect("the block quotation is found");
    assert_eq!(quote.speaker.as_deref(), Some("Maria Lopez"));
    assert_eq!(quote.description.as_deref(), Some("port director"));
}

#[test]
fn an_mhtml_archive_reads_like_its_page() {
    let html = page(r#"<meta charset="utf-8"><meta property="og:site_name" content="The Daily">"#).replace('=', "=3D");
    let archive = format!("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://daily.example/storm\r\nSubject: Storm\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B----\"\r\n\r\n------B----\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://daily.example/storm\r\n\r\n{html}\r\n------B------\r\n");
    let article = read(SourceFile::new("storm.mhtml", archive));
    assert_eq!((article.title.as_str(), article.source.as_deref()), ("Storm closes port", Some("The Daily")));
    assert_eq!(article.url.as_deref(), Some("https://daily.example/storm"));
    assert_eq!(article.quotes.len(), 1);
}

#[test]
fn stored_text_reads_back_to_the_same_article() {
    let html = page(r#"<meta charset="windows-1252"><title>Caf&eacute; storm</title>"#).replace("harbour", "caf\u{e9}");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&html);
    let file = SourceFile::new("storm.html", bytes.into_owned());
    let stored = lectern_core::ingest::storable_text(&file);
    assert_eq!(read(SourceFile::new("storm.html", stored)), read(file));
}

#[test]
fn kickers_and_promo_lines_go_and_table_rows_stay() {
    let extra = "<p>Read more: Floods hit the valley again</p><table><tr><th>Port</th><th>Ships waiting</th></tr><tr><td>Example</td><td>40</td></tr></table><p>Advertisement</p>";
    let html = page("<title>Storm closes port</title>")
        .replace("<h1>Storm closes port</h1>", "<p class=kicker>Weather · Coasts</p><h1>Storm closes port</h1>")
        .replace("<p>Forty vessels", &format!("{extra}<p>Forty vessels"));
    let article = read(SourceFile::new("storm.html", html));
    let paragraphs: Vec<&str> = article.paragraphs().collect();
    assert!(paragraphs[0].starts_with("The harbour authority"), "{paragraphs:?}");
    assert!(paragraphs.contains(&"Port | Ships waiting") && paragraphs.contains(&"Example | 40"), "{paragraphs:?}");
    assert!(!paragraphs.iter().any(|p| p.starts_with("Read more") || *p == "Advertisement"), "{paragraphs:?}");
}
