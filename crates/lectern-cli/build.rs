//! Carry the reader inside the binary: every file of a release build of the reader with no
//! articles of its own (`cargo xtask reader` writes one into target/reader; `cargo xtask dist`
//! and `cargo xtask install` point LECTERN_READER_DIR at it). Without one the binary still
//! builds, and `lectern build` says how to get a binary that has it.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=LECTERN_READER_DIR");
    let default = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/reader");
    let dir = std::env::var_os("LECTERN_READER_DIR").map_or(default, PathBuf::from);
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    if dir.join("index.html").is_file() {
        collect(&dir, &dir, &mut files);
    }
    files.sort();
    let mut code = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    for (name, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        code += &format!("    ({name:?}, include_bytes!({:?})),\n", path.display().to_string());
    }
    code += "];\n";
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("reader_files.rs"), code).expect("OUT_DIR is writable");
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if let Ok(name) = path.strip_prefix(root) {
            let name = name.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            let path = path.canonicalize().unwrap_or(path);
            files.push((name, path));
        }
    }
}
