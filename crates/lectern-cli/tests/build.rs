//! `lectern build`: sites, single files and the command line's mistakes, with a stand-in for
//! the reader shaped like Trunk's output (`LECTERN_READER`), so these run without a wasm
//! build. The real reader is built and driven in the end-to-end tests (tests/e2e/publish).

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{articles_dir, scratch};
use lectern_core::bundle::decode;

const PAGE: &str = concat!(
    "<!doctype html><html lang=en><meta charset=utf-8><meta content=\"A reader.\" name=description>",
    "<title>Lectern</title><script>(()=>{})()</script>",
    "<script id=lectern-start>window.lecternStart = import(\"./lectern-reader-abc.js\").then(function (app) { ",
    "return app.default({ module_or_path: \"./lectern-reader-abc_bg.wasm\" }); });</script><style>.a{}</style>",
    "<script type=module>import init, * as bindings from './lectern-reader-abc.js';\n",
    "const wasm = await (window.lecternStart || init({ module_or_path: './lectern-reader-abc_bg.wasm' }));</script>",
    "<link crossorigin href=./lectern-reader-abc.js rel=modulepreload>",
    "</head><body><main><h1 class=lectern-visually-hidden>Lectern</h1><div id=lectern-root></div></main></body></html>",
);

/// A stand-in for the reader's build, written once per test binary.
fn reader() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lectern-cli-test-{}-reader", std::process::id()));
    if dir.join("index.html").exists() {
        return dir;
    }
    std::fs::create_dir_all(dir.join("snippets/lectern-reader-1")).unwrap();
    let glue = "import { worker_loader } from './snippets/lectern-reader-1/inline0.js';\n\
                export { initSync, __wbg_init as default };\n";
    for (name, text) in [
        ("lectern-reader-abc.js", glue),
        ("lectern-reader-abc_bg.wasm", "wasm"),
        ("snippets/lectern-reader-1/inline0.js", "export function worker_loader() {}"),
        ("lectern-worker.js", "let wasm_bindgen;"),
        ("lectern-worker_bg.wasm", "wasm"),
        ("lectern-worker-loader.js", "importScripts();"),
        ("embed.js", "const BUILD = {};"),
        ("index.html", PAGE),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

fn build(args: &[&OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lectern")).arg("build").args(args).env("LECTERN_READER", reader()).output().unwrap()
}

fn os(text: &str) -> &OsStr {
    OsStr::new(text)
}

fn said(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Text, Markdown, a web page and a feed in one folder.
fn mixed_folder(name: &str) -> PathBuf {
    let dir = scratch(name);
    let seeds = Path::new(&articles_dir()).to_path_buf();
    for entry in std::fs::read_dir(&seeds).unwrap().flatten() {
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    std::fs::write(dir.join("note.md"), "# A Note on Harbours\n\nThe harbour reopened on Monday, the port authority said.\n")
        .unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/e2e/fixtures/pages/folder");
    for name in ["bridge.html", "ledger-feed.xml"] {
        std::fs::copy(fixtures.join(name), dir.join(name)).unwrap();
    }
    dir
}

#[test]
fn a_mixed_folder_becomes_a_site_that_names_its_bundle_and_title() {
    let sources = mixed_folder("mixed");
    let site = scratch("mixed-site").join("site");
    let out = build(&[sources.as_os_str(), os("-o"), site.as_os_str(), os("--title"), os("Harbour <News>"), os("--theme=dark")]);
    assert!(out.status.success(), "{}", said(&out));
    let page = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(page.contains(r#"<meta name="lectern-src" content="articles.lectern">"#), "{page}");
    assert!(page.contains("<title>Harbour &lt;News&gt;</title>"));
    assert!(page.contains(r#"<meta name="lectern-theme" content="dark">"#));
    let bundle = decode(&std::fs::read(site.join("articles.lectern")).unwrap()).unwrap();
    let files: Vec<&str> = bundle.articles.iter().map(|a| a.file.as_str()).collect();
    assert!(files.iter().any(|f| f.ends_with(".md")) && files.iter().any(|f| f.ends_with(".html")), "{files:?}");
    assert!(bundle.articles.len() >= 5, "seeds, the note, the page and the feed's entries: {files:?}");
    for name in ["lectern-reader-abc.js", "lectern-reader-abc_bg.wasm", "snippets/lectern-reader-1/inline0.js", "embed.js"] {
        assert!(site.join(name).is_file(), "{name}");
    }
    assert!(said(&out).contains(&format!("{} articles", bundle.articles.len())), "{}", said(&out));

    // Built again over itself: the last build's files are replaced, people's own are kept.
    std::fs::write(site.join("CNAME"), "news.example.org").unwrap();
    let again = build(&[sources.as_os_str(), os("--output"), site.as_os_str(), os("--quiet")]);
    assert!(again.status.success() && again.stderr.is_empty(), "{}", said(&again));
    assert!(site.join("CNAME").exists());
}

#[test]
fn a_folder_of_other_files_is_not_replaced_without_force() {
    let site = scratch("occupied");
    std::fs::write(site.join("thesis.md"), "my own words").unwrap();
    let out = build(&[os(&articles_dir()), os("-o"), site.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(said(&out).contains("--force") && said(&out).lines().count() == 1, "{}", said(&out));
    assert!(site.join("thesis.md").exists());
    let forced = build(&[os(&articles_dir()), os("-o"), site.as_os_str(), os("--force")]);
    assert!(forced.status.success(), "{}", said(&forced));
    assert!(!site.join("thesis.md").exists() && site.join("index.html").exists());
}

#[test]
fn large_archives_split_and_the_flag_chooses() {
    let site = scratch("split").join("site");
    let out = build(&[os(&articles_dir()), os("-o"), site.as_os_str(), os("--split"), os("always")]);
    assert!(out.status.success(), "{}", said(&out));
    assert!(site.join("articles/index.lectern").is_file());
    let page = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(page.contains(r#"content="articles/index.lectern""#));
    let whole = build(&[os(&articles_dir()), os("-o"), site.as_os_str(), os("--split=never")]);
    assert!(whole.status.success(), "{}", said(&whole));
    assert!(site.join("articles.lectern").is_file() && !site.join("articles").exists(), "the split parts went with the last build");
}

#[test]
fn a_base_url_names_every_file_absolutely() {
    let site = scratch("base").join("site");
    let out = build(&[os(&articles_dir()), os("-o"), site.as_os_str(), os("--base-url"), os("https://example.org/news")]);
    assert!(out.status.success(), "{}", said(&out));
    let page = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(page.contains("import(\"https://example.org/news/lectern-reader-abc.js\")"), "{page}");
    assert!(page.contains(r#"content="https://example.org/news/articles.lectern""#));
    assert!(!page.contains("./lectern-reader"));
}

#[test]
fn a_single_file_holds_everything() {
    let file = scratch("single").join("reader.html");
    let out = build(&[os(&articles_dir()), os("-o"), file.as_os_str(), os("--single-file")]);
    assert!(out.status.success(), "{}", said(&out));
    let page = std::fs::read_to_string(&file).unwrap();
    assert!(page.contains("window.lecternPrefetch") && page.contains("module_or_path: wasmBytes"));
    assert!(!page.contains("./lectern-reader") && !page.contains("lectern-start"));
    let refused = build(&[os(&articles_dir()), os("-o"), file.parent().unwrap().as_os_str(), os("--single-file")]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(said(&refused).contains("is a folder"), "{}", said(&refused));
}

#[test]
fn unreadable_sources_are_skipped_named_and_counted() {
    let dir = scratch("skips");
    std::fs::copy(Path::new(&articles_dir()).join("000_2458af4d1454103a.txt"), dir.join("good.txt")).unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("broken.html"), [0xff, 0xfe, 0, 0, 1, 2]).unwrap();
    let site = scratch("skips-site").join("site");
    let out = build(&[dir.as_os_str(), os("-o"), site.as_os_str()]);
    assert!(out.status.success(), "{}", said(&out));
    let said = said(&out);
    assert!(said.contains("skipped") && said.contains("empty.txt"), "{said}");
    assert!(said.contains("skipped 2 sources (above)"), "{said}");
}

#[test]
fn paths_need_not_be_utf8() {
    let dir = scratch("bytes").join(OsStr::from_bytes(b"archiv-\xe9t\xe9"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(Path::new(&articles_dir()).join("000_2458af4d1454103a.txt"), dir.join("a.txt")).unwrap();
    let site = dir.with_extension("site");
    let out = build(&[dir.as_os_str(), os("-o"), site.as_os_str()]);
    assert!(out.status.success(), "{}", said(&out));
    assert!(site.join("index.html").is_file());
}

#[test]
fn command_line_mistakes_get_one_line_and_exit_code_2() {
    let site = scratch("mistakes").join("site");
    for args in [
        vec![os(&articles_dir()), os("-o"), site.as_os_str(), os("--panels"), os("list,sidebar")],
        vec![os(&articles_dir()), os("-o"), site.as_os_str(), os("--theme"), os("purple")],
        vec![os(&articles_dir()), os("-o"), site.as_os_str(), os("--frobnicate")],
        vec![os("/no/such/folder"), os("-o"), site.as_os_str()],
        vec![os(&articles_dir())],
        vec![os("-o"), site.as_os_str()],
    ] {
        let out = build(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", said(&out));
        assert_eq!(said(&out).lines().count(), 1, "{args:?}: {}", said(&out));
    }
    assert!(!site.exists(), "nothing written");
}

#[test]
fn a_binary_without_the_reader_says_how_to_get_one() {
    let site = scratch("no-reader").join("site");
    let out = Command::new(env!("CARGO_BIN_EXE_lectern"))
        .args([os("build"), os(&articles_dir()), os("-o"), site.as_os_str()])
        .env("LECTERN_READER", "/no/such/reader")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(said(&out).contains("LECTERN_READER=/no/such/reader"), "{}", said(&out));
}

#[test]
fn a_site_built_inside_its_sources_is_not_read_as_articles() {
    let sources = scratch("inside");
    std::fs::copy(Path::new(&articles_dir()).join("000_2458af4d1454103a.txt"), sources.join("a.txt")).unwrap();
    let site = sources.join("site");
    let out = build(&[sources.as_os_str(), os("-o"), site.as_os_str()]);
    assert!(out.status.success(), "{}", said(&out));
    // Bundling (or serving, or building elsewhere) the folder skips the site in it.
    let file = scratch("inside-bundle").join("all.lectern");
    let out = common::lectern(&["bundle", sources.to_str().unwrap(), "-o", file.to_str().unwrap()]);
    assert!(out.status.success() && !said(&out).contains("skipped"), "the site's files were read: {}", said(&out));
    assert_eq!(decode(&std::fs::read(&file).unwrap()).unwrap().articles.len(), 1);
}
