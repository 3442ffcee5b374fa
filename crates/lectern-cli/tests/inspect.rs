//! `lectern inspect` as outside tools drive it (shared/CONTRACT.md §2).

mod common;

use common::{articles_dir, lectern, scratch};

#[test]
fn json_follows_the_contract() {
    let out = lectern(&["inspect", "--json", &articles_dir()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    for a in articles {
        for key in ["id", "file", "title"] {
            assert!(a[key].is_string(), "{key}");
        }
        for key in ["byline", "date", "source"] {
            assert!(a[key].is_string() || a[key].is_null(), "{key}");
        }
        assert!(a["quotes"].is_array());
        for s in a["sections"].as_array().unwrap() {
            assert!(s["heading"].is_string() || s["heading"].is_null());
            assert!(s["paragraphs"].as_array().unwrap().iter().all(|p| p.is_string()));
        }
    }
    assert_eq!(articles[0]["file"], "000_2458af4d1454103a.txt");
    assert_quotes_follow_the_contract(&articles[0]);
    assert_eq!(articles[1]["quotes"].as_array().unwrap().len(), 0);
    assert_eq!(articles[1]["title"], "Imran Khan's Russia Visit 2022: What Happened?");
    assert_eq!(articles[1]["byline"], "Jhon Lennon");
    let topics = json["topics"].as_array().unwrap();
    let counts: Vec<u64> = topics.iter().map(|t| t["count"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "sorted by count: {counts:?}");
    let labels: Vec<&str> = topics.iter().map(|t| t["label"].as_str().unwrap()).collect();
    for want in ["Imran Khan", "Vladimir Putin", "Pakistan Stream Gas Pipeline"] {
        assert!(labels.contains(&want), "{want} in {labels:?}");
    }
    assert!(topics.iter().all(|t| t["aliases"].is_array()));
    let edges = json["edges"].as_array().unwrap();
    assert!(!edges.is_empty());
    for e in edges {
        let (s, t) = (e["source"].as_u64().unwrap() as usize, e["target"].as_u64().unwrap() as usize);
        assert!(s < topics.len() && t < topics.len() && s != t);
        assert!(e["weight"].as_f64().unwrap() > 0.0 && e["weight"].as_f64().unwrap() <= 1.0);
    }
}

/// Each quote's `start`/`end` are character offsets of its `text` in its paragraph.
fn assert_quotes_follow_the_contract(article: &serde_json::Value) {
    let quotes = article["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 13);
    for q in quotes {
        let section = &article["sections"][q["section"].as_u64().unwrap() as usize];
        let paragraph: Vec<char> = section["paragraphs"][q["paragraph"].as_u64().unwrap() as usize].as_str().unwrap().chars().collect();
        let (start, end) = (q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize);
        assert_eq!(paragraph[start..end].iter().collect::<String>(), q["text"].as_str().unwrap());
        assert!(q["speaker"].is_string() || q["speaker"].is_null());
    }
    assert_eq!(quotes[0]["speaker"], "Shamshad Ahmad");
    assert_eq!(quotes[0]["description"], "a veteran diplomat and Pakistan’s former foreign secretary");
    assert_eq!(quotes[1]["via"], "he");
    assert_eq!(quotes[1]["cue"], "speaker-after");
}

#[test]
fn summary_names_titles_and_sections() {
    let out = lectern(&["inspect", &articles_dir()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("A path-breaking visit"));
    assert!(text.contains("§ Aftermath and Implications: 2 paragraphs"));
    assert!(text.contains("quotes:   13 — Shamshad Ahmad 6, the statement 2"));
    assert!(text.contains("quotes:   none"));
    assert!(text.trim_end().ends_with("2 articles"));
}

#[test]
fn a_bad_file_fails_with_one_line_naming_it() {
    let dir = scratch("bad");
    let good = dir.join("good.txt");
    let bad = dir.join("empty.txt");
    std::fs::write(&good, "A Title\n\nA paragraph of text that is long enough to be read as prose.\n").unwrap();
    std::fs::write(&bad, "").unwrap();
    let (good, bad) = (good.display().to_string(), bad.display().to_string());

    let out = lectern(&["inspect", "--json", &bad, &good]);
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("empty.txt") && stderr.contains("empty"), "{stderr}");
    assert!(out.stdout.is_empty());

    let out = lectern(&["inspect", "--json", "--keep-going", &bad, &good]);
    assert!(!out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["articles"][0]["file"], "good.txt");
}

#[test]
fn missing_paths_and_bad_usage_are_explained() {
    let out = lectern(&["inspect", "/no/such/file.txt"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.txt"));

    let out = lectern(&["inspect"]);
    assert_eq!(out.status.code(), Some(2));
    let out = lectern(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("unrecognized subcommand 'frobnicate'") && said.lines().count() == 1, "{said}");
}

#[test]
fn folders_skip_other_files_but_named_files_are_read() {
    let dir = scratch("folder");
    std::fs::write(dir.join("a.md"), "# Hello\n\nA paragraph long enough to be prose, it said.\n").unwrap();
    std::fs::write(dir.join("photo.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    std::fs::write(dir.join(".hidden.txt"), "").unwrap();
    let out = lectern(&["inspect", "--json", &dir.display().to_string()]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 1);

    let out = lectern(&["inspect", &dir.join("photo.png").display().to_string()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary file (a PNG image)"));
}
