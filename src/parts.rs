//! Fetching a split bundle's parts when the reader needs them: the index shards a query's
//! words are in, the text of the open article and of the results on screen, and the topic
//! filter's table. Each part is fetched once; one that fails is not asked for again (the
//! notice says why).

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::rc::Rc;

use lectern_core::bundle::{Part, SplitBundle};
use yew::platform::spawn_local;

use crate::embed::load::{beside, fetch_part};
use crate::library::{Library, Wanted};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Shard(usize),
    Article(usize),
    PassageTopics,
}

/// Parts asked for (arriving or failed), so a re-render does not ask again.
#[derive(Debug, Default)]
pub struct Requests(RefCell<HashSet<Key>>);

/// Fetch what `wanted` lists that was not asked for before; `done` hears once all of them have
/// arrived (or failed: the first failure's message).
pub fn request(library: &Rc<Library>, wanted: Wanted, done: impl Fn(Result<(), String>) + 'static) {
    let Some(source) = library.parts.clone() else { return };
    let keys: Vec<Key> = {
        let mut asked = source.requests.0.borrow_mut();
        let topics = wanted.passage_topics.then_some(Key::PassageTopics);
        let all = wanted.shards.into_iter().map(Key::Shard).chain(wanted.articles.into_iter().map(Key::Article)).chain(topics);
        all.filter(|k| asked.insert(*k)).collect()
    };
    if keys.is_empty() {
        return;
    }
    let left = Rc::new(Cell::new(keys.len()));
    let failure: Rc<RefCell<Option<String>>> = Rc::default();
    let done = Rc::new(done);
    for key in keys {
        let (library, left, failure, done) = (library.clone(), left.clone(), failure.clone(), done.clone());
        spawn_local(async move {
            if let Err(message) = fetch(&library, key).await {
                failure.borrow_mut().get_or_insert(message);
            }
            left.set(left.get() - 1);
            if left.get() == 0 {
                done(failure.borrow_mut().take().map_or(Ok(()), Err));
            }
        });
    }
}

async fn fetch(library: &Library, key: Key) -> Result<(), String> {
    let source = library.parts.as_ref().expect("only split libraries fetch parts");
    let name = match key {
        Key::Shard(i) => SplitBundle::shard_name(i),
        Key::Article(i) => SplitBundle::article_name(i),
        Key::PassageTopics => SplitBundle::passage_topics_name().to_string(),
    };
    let url = beside(&source.base, &name);
    let foreign = || format!("The file at {url} belongs to another build of these articles: publish the whole folder again.");
    match (key, fetch_part(&url).await?) {
        (Key::Shard(i), Part::Shard(shard)) if shard.bundle == source.bundle && shard.shard as usize == i => {
            library.index.fill_shard(i, shard.content).then_some(()).ok_or_else(foreign)
        }
        (Key::Article(i), Part::Article(article)) if article.bundle == source.bundle && article.article as usize == i => {
            library.fill_text(i, article.text, article.map);
            Ok(())
        }
        (Key::PassageTopics, Part::PassageTopics(topics)) if topics.bundle == source.bundle => {
            library.index.fill_passage_topics(topics.table).then_some(()).ok_or_else(foreign)
        }
        _ => Err(foreign()),
    }
}
