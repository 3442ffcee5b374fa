use lectern_core::bundle::{decode_part, Part};
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let out = std::env::args().nth(2).unwrap();
    let bytes = std::fs::read(path).unwrap();
    let t = std::time::Instant::now();
    let Part::Head(h) = decode_part(&bytes).unwrap() else { panic!() };
    eprintln!("decode {:?}", t.elapsed());
    std::fs::create_dir_all(&out).unwrap();
    let w = |n: &str, v: Vec<u8>| std::fs::write(format!("{out}/{n}"), v).unwrap();
    w("articles", postcard::to_allocvec(&h.articles).unwrap());
    w("index", postcard::to_allocvec(&h.index).unwrap());
    w("passages", postcard::to_allocvec(&h.index.passages).unwrap());
    w("quoted", postcard::to_allocvec(&h.index.quoted).unwrap());
    w("topical", postcard::to_allocvec(&h.index.topical).unwrap());
    w("topics", postcard::to_allocvec(&h.topics).unwrap());
    let titles: Vec<_> = h.articles.iter().map(|a| (&a.id, &a.title)).collect();
    w("titles", postcard::to_allocvec(&titles).unwrap());
    let heads: Vec<_> = h.articles.iter().map(|a| a.sections.iter().map(|s| &s.heading).collect::<Vec<_>>()).collect();
    w("headings", postcard::to_allocvec(&heads).unwrap());
}
