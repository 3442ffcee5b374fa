//! Feeds and exports: every entry an article, with its title, author, date, link and
//! categories; full content read like a page, a summary-only entry marked as a summary.

use lectern_core::{read_source, Article, IngestErrorKind, SourceFile};

fn read(name: &str, text: &str) -> Vec<Article> {
    read_source(&SourceFile::new(name, text)).unwrap_or_else(|e| panic!("{e}"))
}

const BODY: &str = "<p>The council approved the new tram line on Monday after a debate that lasted most of the night, with nine votes for and four against.</p><h2>What happens next</h2><p>“Construction starts in spring,” said Ana Ruiz, the mayor. Residents along the route will be consulted about the stops first.</p>";

#[test]
fn rss2_with_full_content_and_a_summary_only_entry() {
    let feed = format!(r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Valley Courier</title><link>https://courier.example/</link><language>en-gb</language>
<item><title>Tram line approved</title><link>https://courier.example/2024/05/tram-line-approved/</link>
<dc:creator>Sam Lee</dc:creator><pubDate>Tue, 14 May 2024 09:30:00 +0000</pubDate><category>Transport</category><category>Council</category>
<description>Short summary.</description><content:encoded><![CDATA[{BODY}]]></content:encoded></item>
<item><title>Library opens late</title><link>https://courier.example/2024/05/library/</link><pubDate>Wed, 15 May 2024 10:00:00 +0000</pubDate>
<description>&lt;p&gt;The central library will open until ten at night from June, the council said on Wednesday.&lt;/p&gt;</description></item>
</channel></rss>"#);
    let articles = read("courier.xml", &feed);
    assert_eq!(articles.len(), 2);
    let tram = &articles[0];
    assert_eq!(tram.id, "tram-line-approved");
    assert_eq!(tram.title, "Tram line approved");
    assert_eq!(tram.byline.as_deref(), Some("Sam Lee"));
    assert_eq!(tram.date.as_deref(), Some("2024-05-14"));
    assert_eq!(tram.source.as_deref(), Some("The Valley Courier"));
    assert_eq!(tram.url.as_deref(), Some("https://courier.example/2024/05/tram-line-approved/"));
    assert_eq!(tram.language.as_deref(), Some("en-gb"));
    assert_eq!(tram.categories, ["Transport", "Council"]);
    assert!(!tram.summary);
    assert_eq!(tram.sections[1].heading.as_deref(), Some("What happens next"));
    assert_eq!(tram.quotes[0].speaker.as_deref(), Some("Ana Ruiz"));
    let library = &articles[1];
    assert!(library.summary);
    assert!(library.paragraphs().next().unwrap().starts_with("The central library will open"));
}

#[test]
fn atom_json_feed_and_rss1() {
    let atom = format!(r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Field Notes</title>
<author><name>Priya Shah</name></author><id>urn:x</id><updated>2024-01-02T00:00:00Z</updated>
<entry><title type="html">Rivers &lt;em&gt;rise&lt;/em&gt;</title><id>urn:1</id><link href="https://notes.example/rivers"/><published>2024-01-02T08:00:00Z</published><updated>2024-01-02T08:00:00Z</updated>
<content type="html"><![CDATA[{BODY}]]></content></entry></feed>"#);
    let a = &read("notes.atom", &atom)[0];
    assert_eq!((a.title.as_str(), a.byline.as_deref(), a.date.as_deref()), ("Rivers rise", Some("Priya Shah"), Some("2024-01-02")));
    assert_eq!(a.url.as_deref(), Some("https://notes.example/rivers"));

    let json = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1", "title": "Dispatch",
        "items": [{"id": "1", "url": "https://dispatch.example/a/ferry-strike", "title": "Ferry strike ends",
                   "content_html": BODY, "date_published": "2024-03-01T12:00:00Z", "authors": [{"name": "Lina Haddad"}], "tags": ["Strikes"]}]
    });
    let j = &read("dispatch.json", &json.to_string())[0];
    assert_eq!((j.id.as_str(), j.byline.as_deref(), j.categories.as_slice()), ("ferry-strike", Some("Lina Haddad"), &["Strikes".to_string()][..]));

    let rss1 = format!(r#"<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://old.example/"><title>Old Times</title><link>https://old.example/</link><description>x</description></channel>
<item rdf:about="https://old.example/bridge"><title>Bridge reopens</title><link>https://old.example/bridge</link><description><![CDATA[{BODY}]]></description></item></rdf:RDF>"#);
    assert_eq!(read("old.rdf", &rss1)[0].title, "Bridge reopens");
}

#[test]
fn wordpress_export() {
    let wxr = format!(r#"<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Harbour Blog</title><link>https://harbour.example</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Winter storms</title><link>https://harbour.example/winter-storms/</link><pubDate>Mon, 08 Jan 2024 10:00:00 +0000</pubDate>
<dc:creator><![CDATA[marta]]></dc:creator><category domain="category" nicename="weather"><![CDATA[Weather]]></category>
<content:encoded><![CDATA[{BODY}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>12</wp:post_id><wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type></item>
</channel></rss>"#);
    let post = &read("harbour.WordPress.2024-01-08.xml", &wxr)[0];
    assert_eq!((post.title.as_str(), post.byline.as_deref()), ("Winter storms", Some("marta")));
    assert_eq!(post.categories, ["Weather"]);
    assert_eq!(post.quotes.len(), 1);
}

#[test]
fn broken_feeds_are_named() {
    let kind = |name: &str, text: &str| read_source(&SourceFile::new(name, text)).unwrap_err().kind;
    assert!(matches!(kind("cut.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title><item><title>a"), IngestErrorKind::Malformed { .. } | IngestErrorKind::EmptyFeed));
    assert_eq!(kind("empty.rss", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Nothing</title></channel></rss>"), IngestErrorKind::EmptyFeed);
    assert!(matches!(kind("junk.json", "{ not json"), IngestErrorKind::Malformed { .. }));
}
