//! Files that are not articles give a clear error naming the file and the reason; never a panic.

mod common;

use common::try_read;
use lectern_core::{IngestErrorKind, SourceFile};
use proptest::prelude::*;

fn reason(name: &str, bytes: &[u8]) -> (String, IngestErrorKind) {
    let err = try_read(name, bytes).expect_err("should be rejected");
    (err.to_string(), err.kind)
}

#[test]
fn each_kind_of_bad_file_has_its_own_message() {
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\n\t\n", "the file is empty"),
        ("latin1.txt", b"Caf\xe9 society\n", "not UTF-8 text (invalid byte at line 1, column 4)"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary file (a PNG image)"),
        ("data.txt", b"abc\0\0\0def", "binary file, not article text"),
        ("utf16.txt", b"\xff\xfeH\0i\0", "UTF-16"),
        ("ads.txt", b"Advertisement\n\nShare this article\n\nGoogle Ads | Google Ads\n", "no article text"),
        ("broken.md", b"---\ntitle: x\n\nBody text here.\n", "never closed"),
    ];
    for (name, bytes, expected) in cases {
        let (message, _) = reason(name, bytes);
        assert!(message.starts_with(&format!("{name}: ")), "{message}");
        assert!(message.contains(expected), "{name}: {message}");
    }
}

#[test]
fn one_bad_file_does_not_hide_the_good_ones() {
    let files = [
        SourceFile::new("good.txt", b"A Title\n\nSome text that is long enough to read, said nobody.\n".to_vec()),
        SourceFile::new("bad.txt", Vec::new()),
        SourceFile::new("good.md", b"# Another\n\nMore text here.\n".to_vec()),
    ];
    let (articles, errors) = lectern_core::ingest_all(&files);
    assert_eq!(articles.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["good", "good-2"]);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].file, "bad.txt");
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = try_read("fuzz.txt", &bytes);
        let _ = try_read("fuzz.md", &bytes);
    }

    #[test]
    fn arbitrary_text_keeps_its_words(text in "\\PC{0,300}(\n{1,2}\\PC{0,120}){0,6}") {
        if let Ok(article) = try_read("fuzz.txt", text.as_bytes()) {
            prop_assert!(!article.title.is_empty());
            for p in article.paragraphs() {
                prop_assert!(!p.trim().is_empty());
                // Paragraphs are the source's words, joined by single spaces: nothing invented.
                for word in p.split_whitespace() {
                    prop_assert!(text.contains(word), "invented {word:?}");
                }
            }
        }
    }
}
