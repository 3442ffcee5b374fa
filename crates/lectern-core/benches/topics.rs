//! criterion: topic extraction and map layout, on the seeds and on maps of 200 and 500 topics.
//! Run: cargo bench -p lectern-core --bench topics

mod corpus;

use criterion::{criterion_group, criterion_main, Criterion};
use lectern_core::topics::layout::layout;
use lectern_core::topics::{extract, Topics};
use std::hint::black_box;
use std::time::Duration;

fn extraction(c: &mut Criterion) {
    let mut group = c.benchmark_group("topics");
    group.sample_size(20).measurement_time(Duration::from_secs(10));
    let seeds = corpus::seeds();
    let found = extract(&seeds);
    eprintln!("seeds: {} topics, {} links in the map of all", found.topics.len(), Topics::build(&seeds, &found).all.edges.len());
    group.bench_function("extract: seeds", |b| b.iter(|| extract(black_box(&seeds))));
    group.bench_function("extract + maps: seeds", |b| b.iter(|| Topics::build(&seeds, &extract(black_box(&seeds)))));
    let many = corpus::generate(1_000);
    group.bench_function("extract: 1,000 generated articles", |b| b.iter(|| extract(black_box(&many))));
    group.finish();
}

/// Topic labels, sizes and weighted links (from, to, weight).
type SyntheticMap = (Vec<String>, Vec<usize>, Vec<(usize, usize, f32)>);

/// A map of `n` topics: Zipf-like sizes, labels of 4 to 30 characters, each topic linked to
/// three others (a ring and two chords), the same every run.
fn synthetic(n: usize) -> SyntheticMap {
    let labels = (0..n).map(|i| format!("Topic {}{}", i, "x".repeat((i * 7) % 24))).collect();
    let sizes = (0..n).map(|i| 1 + 400 / (i + 1)).collect();
    let mut edges = Vec::new();
    for i in 0..n {
        for j in [(i + 1) % n, (i * 7 + 3) % n, (i * 13 + 5) % n] {
            if i < j {
                edges.push((i, j, ((i + j) % 10) as f32 / 10.0 + 0.05));
            }
        }
    }
    (labels, sizes, edges)
}

fn layouts(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    group.sample_size(20).measurement_time(Duration::from_secs(10));
    for n in [200, 500] {
        let (labels, sizes, edges) = synthetic(n);
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        group.bench_function(format!("{n} topics"), |b| b.iter(|| layout(black_box(&labels), &sizes, &edges)));
    }
    group.finish();
}

criterion_group!(benches, extraction, layouts);
criterion_main!(benches);
