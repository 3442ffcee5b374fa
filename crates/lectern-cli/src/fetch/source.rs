//! A fetched page as the file `read_source` reads.

use lectern_core::SourceFile;
use url::Url;

use super::Page;

pub fn source_file(page: Page) -> SourceFile {
    SourceFile { name: name(&page.final_url), bytes: page.body, url: Some(page.final_url), content_type: page.content_type, content_language: page.content_language }
}

/// The last path segment of the final URL (`story.html`), or its host for a site's front page:
/// the id read_source derives from it then says which page an article came from.
fn name(final_url: &str) -> String {
    let Ok(url) = Url::parse(final_url) else { return final_url.to_string() };
    let segment = url.path_segments().and_then(|mut s| s.rfind(|s| !s.is_empty()).map(str::to_string));
    segment.or_else(|| url.host_str().map(str::to_string)).unwrap_or_else(|| final_url.to_string())
}

#[cfg(test)]
mod tests {
    use super::name;

    #[test]
    fn a_page_is_named_by_its_last_segment_or_host() {
        assert_eq!(name("https://news.example/2024/05/story.html?ref=x"), "story.html");
        assert_eq!(name("https://news.example/world/story/"), "story");
        assert_eq!(name("https://news.example/"), "news.example");
        assert_eq!(name("http://127.0.0.1:8080"), "127.0.0.1");
    }
}
