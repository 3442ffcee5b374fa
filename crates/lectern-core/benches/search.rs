//! criterion: index build and query time, on the seeds and on 10,000 generated articles.
//! Run: cargo bench -p lectern-core --bench search

mod corpus;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use lectern_core::search::{search, Query, SearchIndex};
use std::hint::black_box;
use std::time::Duration;

fn index_build(c: &mut Criterion) {
    let mut group = c.benchmark_group("index build");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    for (name, articles) in [("seeds", corpus::seeds()), ("10k articles", corpus::generate(10_000))] {
        group.bench_function(name, |b| b.iter(|| SearchIndex::build(black_box(&articles))));
    }
    group.finish();
}

fn queries(c: &mut Criterion) {
    let mut group = c.benchmark_group("query");
    for (name, articles) in [("seeds", corpus::seeds()), ("10k articles", corpus::generate(10_000))] {
        let index = SearchIndex::build(&articles);
        for q in corpus::QUERIES {
            let query = Query::parse(q);
            group.bench_with_input(BenchmarkId::new(name, q), &query, |b, query| {
                b.iter(|| search(&index, &articles, black_box(query), &[]))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, index_build, queries);
criterion_main!(benches);
