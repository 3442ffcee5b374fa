//! `lectern bundle`: the file it writes holds what `inspect` reports, and it says what it skipped.

mod common;

use common::{articles_dir, lectern, scratch};

use lectern_core::bundle::decode;

#[test]
fn the_bundle_holds_what_inspect_reports() {
    let out_dir = scratch("seeds");
    let file = out_dir.join("seeds.lectern");
    let out = lectern(&["bundle", &articles_dir(), "-o", file.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("2 articles, 13 quotes"), "{said}");

    let bundle = decode(&std::fs::read(&file).unwrap()).expect("a readable bundle");
    let inspected: serde_json::Value =
        serde_json::from_slice(&lectern(&["inspect", "--json", &articles_dir()]).stdout).unwrap();
    let ids: Vec<&str> = inspected["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(bundle.articles.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ids);
    let quotes: Vec<usize> = inspected["articles"].as_array().unwrap().iter().map(|a| a["quotes"].as_array().unwrap().len()).collect();
    assert_eq!(bundle.articles.iter().map(|a| a.quotes.len()).collect::<Vec<_>>(), quotes);
    let labels: Vec<&str> = inspected["topics"].as_array().unwrap().iter().map(|t| t["label"].as_str().unwrap()).collect();
    assert_eq!(bundle.topics.topics.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), labels);
    assert!(said.contains(&format!("{} topics", labels.len())), "{said}");
}

#[test]
fn unreadable_files_are_skipped_and_named() {
    let dir = scratch("mixed");
    std::fs::write(dir.join("good.md"), "# A Good Title\n\nA paragraph of text, long enough to be an article.\n").unwrap();
    std::fs::write(dir.join("binary.txt"), b"\x00\x01\x02 not text").unwrap();
    std::fs::write(dir.join("latin1.txt"), b"Caf\xe9 culture\n\nA paragraph in the wrong encoding.\n").unwrap();
    let file = dir.join("out.lectern");
    let out = lectern(&["bundle", dir.to_str().unwrap(), "-o", file.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("skipped") && said.contains("binary.txt") && said.contains("latin1.txt"), "{said}");
    assert!(said.contains("1 articles") || said.contains(": 1 article"), "{said}");
    assert_eq!(decode(&std::fs::read(&file).unwrap()).unwrap().articles.len(), 1);
}

#[test]
fn nothing_to_bundle_or_no_output_is_an_error() {
    let dir = scratch("empty");
    let file = dir.join("out.lectern");
    let out = lectern(&["bundle", dir.to_str().unwrap(), "-o", file.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no articles to bundle"));
    assert!(!file.exists());
    let out = lectern(&["bundle", &articles_dir()]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("--output <FILE>") && said.lines().count() == 1, "{said}");
}
