//! `cargo xtask dist`: target/dist/ with `lectern` (the CLI, the reader inside it), its
//! release archive `lectern-<version>-<target>.tar.gz`, and `npm/lectern-reader-<version>.tgz`
//! (names in ../shared/CONTRACT.md §3). `cargo xtask install` installs the same binary.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Command;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::{absolute, npm, reader_build, repo, run};

/// The CLI's version, which the archive and the package carry too.
pub fn version() -> Result<String, String> {
    let manifest = std::fs::read_to_string(repo().join("crates/lectern-cli/Cargo.toml")).map_err(|e| e.to_string())?;
    manifest
        .lines()
        .find_map(|l| l.strip_prefix("version = \"")?.strip_suffix('"'))
        .map(str::to_string)
        .ok_or_else(|| "crates/lectern-cli/Cargo.toml has no version".to_string())
}

pub fn dist() -> Result<PathBuf, String> {
    let reader = reader_build::build()?;
    let out = repo().join("target").join("dist");
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let binary = out.join("lectern");
    std::fs::copy(build_cli(&reader)?, &binary).map_err(|e| format!("copying lectern: {e}"))?;
    let version = version()?;
    let archive = out.join(format!("lectern-{version}-{}.tar.gz", host_target()?));
    write_archive(&archive, &binary, &version)?;
    let package = npm::pack(&reader, &out.join("npm"), &version)?;
    for path in [&binary, &archive, &package] {
        let bytes = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
        println!("{:<60} {:>8.1} MB", path.strip_prefix(repo()).unwrap_or(path).display(), bytes as f64 / 1048576.0);
    }
    Ok(out)
}

pub fn install() -> Result<(), String> {
    let reader = reader_build::build()?;
    run(Command::new("cargo")
        .args(["install", "--locked", "--offline", "--force", "--path"])
        .arg(repo().join("crates/lectern-cli"))
        // The workspace's own target folder: what `cargo xtask dist` or the tests compiled is
        // reused, not built again in a temporary folder.
        .arg("--target-dir")
        .arg(repo().join("target"))
        .env("LECTERN_READER_DIR", absolute(&reader)?))?;
    eprintln!("xtask: installed lectern (with the reader inside) in cargo's bin folder");
    Ok(())
}

/// `lectern` built for release with the reader in `reader` inside it.
fn build_cli(reader: &Path) -> Result<PathBuf, String> {
    eprintln!("xtask: building lectern with the reader inside");
    run(Command::new("cargo")
        .args(["build", "--release", "--locked", "--offline", "-p", "lectern-cli"])
        .env("LECTERN_READER_DIR", absolute(reader)?)
        .current_dir(repo()))?;
    Ok(repo().join("target/release/lectern"))
}

/// This machine's target triple, as rustc names it.
fn host_target() -> Result<String, String> {
    let out = Command::new("rustc").arg("-vV").output().map_err(|e| format!("rustc -vV: {e}"))?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .map(str::to_string)
        .ok_or_else(|| "rustc -vV named no host".to_string())
}

/// The binary and its README in a folder named like the archive.
fn write_archive(archive: &Path, binary: &Path, version: &str) -> Result<(), String> {
    let folder = archive.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".tar.gz")).unwrap_or(version);
    let file = File::create(archive).map_err(|e| format!("{}: {e}", archive.display()))?;
    let mut tar = tar::Builder::new(GzEncoder::new(file, Compression::best()));
    let readme = repo().join("crates/lectern-cli/README.md");
    tar.append_path_with_name(binary, format!("{folder}/lectern"))
        .and_then(|_| tar.append_path_with_name(&readme, format!("{folder}/README.md")))
        .and_then(|_| tar.into_inner()?.finish().map(drop))
        .map_err(|e| format!("writing {}: {e}", archive.display()))
}
