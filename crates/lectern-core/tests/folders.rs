//! Reading folders the way the reader's build does: every bad file named, with its reason.

use std::path::PathBuf;

use lectern_core::files::ingest_folder;

fn folder(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lectern-core-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    for (path, bytes) in files {
        std::fs::write(dir.join(path), bytes).unwrap();
    }
    dir
}

#[test]
fn the_seed_folder_bundles_both_articles_in_order() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../articles");
    let ids: Vec<String> = ingest_folder(&dir).unwrap().into_iter().map(|a| a.id).collect();
    assert_eq!(ids, ["000_2458af4d1454103a", "001_8e444e78868fc76e"]);
}

#[test]
fn every_bad_file_is_reported_with_its_path_and_reason() {
    let dir = folder(
        "bad",
        &[
            ("good.txt", b"A Title\n\nA paragraph long enough to be read as prose, it said.\n"),
            ("empty.txt", b""),
            ("sub/latin1.md", b"# Caf\xe9\n"),
            ("photo.png", b"\x89PNG\r\n\x1a\n"),
        ],
    );
    let errors = ingest_folder(&dir).unwrap_err();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors[0].ends_with("empty.txt: the file is empty"), "{}", errors[0]);
    assert!(errors[1].contains("sub/latin1.md: not UTF-8"), "{}", errors[1]);
}

#[test]
fn a_missing_folder_is_an_error_not_an_empty_reader() {
    let errors = ingest_folder(&PathBuf::from("/no/such/folder")).unwrap_err();
    assert_eq!(errors, ["/no/such/folder: no such folder of articles"]);
}

#[test]
fn same_file_names_in_subfolders_get_distinct_ids() {
    let text: &[u8] = b"A Title\n\nA paragraph long enough to be read as prose, it said.\n";
    let dir = folder("dupes", &[("note.txt", text), ("sub/note.txt", text)]);
    let ids: Vec<String> = ingest_folder(&dir).unwrap().into_iter().map(|a| a.id).collect();
    assert_eq!(ids, ["note", "note-2"]);
}
