//! Running the built `lectern` binary, and scratch folders, for the CLI's tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn lectern(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lectern")).args(args).output().expect("runs")
}

pub fn articles_dir() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../articles").display().to_string()
}

/// An empty folder of this test run's own.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lectern-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
