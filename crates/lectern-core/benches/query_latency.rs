//! Query latency percentiles (p50, p95) per query, as the reader experiences them: parse,
//! search, rank and count, on the seeds and on 10,000 generated articles. Prints a table.
//! Run: cargo bench -p lectern-core --bench query_latency

mod corpus;

use std::time::Instant;

use lectern_core::search::{search, Query, SearchIndex};
use lectern_core::Article;

const RUNS: usize = 200;

fn main() {
    for (name, articles, target_ms) in [
        ("seeds", corpus::seeds(), 1.0),
        ("10,000 generated articles", corpus::generate(10_000), 10.0),
    ] {
        let started = Instant::now();
        let index = SearchIndex::build(&articles);
        let build = started.elapsed();
        let words: usize = articles.iter().map(Article::word_count).sum();
        println!(
            "\n{name}: {} articles, {words} words, {} passages, {} terms; index built in {:.1} ms",
            articles.len(),
            index.passages.len(),
            index.vocabulary_size(),
            build.as_secs_f64() * 1e3
        );
        println!("{:<36} {:>9} {:>9} {:>9}", "query", "hits", "p50 ms", "p95 ms");
        let mut worst_p95 = 0f64;
        for q in corpus::QUERIES {
            let mut times: Vec<f64> = (0..RUNS)
                .map(|_| {
                    let t = Instant::now();
                    let r = search(&index, &articles, &Query::parse(q), &[]);
                    std::hint::black_box(r.total);
                    t.elapsed().as_secs_f64() * 1e3
                })
                .collect();
            times.sort_by(f64::total_cmp);
            let hits = search(&index, &articles, &Query::parse(q), &[]).total;
            let (p50, p95) = (times[RUNS / 2], times[RUNS * 95 / 100]);
            worst_p95 = worst_p95.max(p95);
            println!("{q:<36} {hits:>9} {p50:>9.3} {p95:>9.3}");
        }
        let verdict = if worst_p95 < target_ms { "within" } else { "OVER" };
        println!("worst p95 {worst_p95:.3} ms: {verdict} the {target_ms} ms target");
    }
}
