//! How long a split bundle's head takes to open and decode natively: the work the reader does
//! before its first view, less the browser's costs of running it cold. Prints the median and
//! the fastest of 30 runs. Needs a split bundle, such as the one `scripts/bench_archive.sh`
//! makes:
//!   cargo bench -p lectern-core --bench head_decode [-- target/split-10000/index.lectern]

use std::time::{Duration, Instant};

use lectern_core::bundle::{self, Opened};

const RUNS: usize = 30;

fn main() {
    let default = concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/split-10000/index.lectern");
    let path = std::env::args().skip(1).find(|a| !a.starts_with('-')).unwrap_or_else(|| default.to_string());
    let Ok(raw) = std::fs::read(&path) else {
        println!("no split bundle at {path}: run scripts/bench_archive.sh 10000 first, or name one");
        return;
    };
    let bytes = if bundle::is_gzip(&raw) { bundle::gunzip(&raw).expect("a readable head") } else { raw };
    let (mut open, mut decode) = (Vec::new(), Vec::new());
    let mut summary = String::new();
    for _ in 0..RUNS {
        let started = Instant::now();
        let Ok(Opened::Head(start, body)) = bundle::open_part(&bytes) else {
            println!("{path} is not the head of a split bundle");
            return;
        };
        let opened = started.elapsed();
        let head = body.decode(start).expect("a readable head");
        decode.push(started.elapsed() - opened);
        open.push(opened);
        summary = format!("{} articles, {} passages", head.articles.len(), head.index.passages.len());
    }
    let ms = |d: &Duration| d.as_secs_f64() * 1e3;
    let report = |name: &str, times: &mut Vec<Duration>| {
        times.sort();
        println!("{name:<8} median {:>6.2} ms   fastest {:>6.2} ms", ms(&times[RUNS / 2]), ms(&times[0]));
    };
    println!("{path}: {} KB inflated, {summary}", bytes.len() / 1024);
    report("open", &mut open);
    report("decode", &mut decode);
}
