//! Fetching a split bundle's parts when the reader needs them: the index shards a query's
//! words are in, the text of the open article and of the results on screen, and the topic
//! filter's table. Each part is fetched once; one that fails is not asked for again (the
//! notice says why).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures::future::{join_all, FutureExt, LocalBoxFuture, Shared};
use lectern_core::bundle::{Part, SplitBundle};
use yew::platform::spawn_local;

use crate::embed::load::{beside, fetch_part_now};
use crate::library::{Library, Wanted};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Shard(usize),
    Article(usize),
    PassageTopics,
}

/// One part's fetch, shared by everyone who asks for it while it is on its way; once finished,
/// it holds the outcome.
type Arrival = Shared<LocalBoxFuture<'static, Result<(), String>>>;

/// Parts asked for (arriving, arrived or failed), so a re-render does not ask again.
#[derive(Default)]
pub struct Requests(RefCell<HashMap<Key, Arrival>>);

impl std::fmt::Debug for Requests {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Requests({} parts)", self.0.borrow().len())
    }
}

/// Fetch what `wanted` lists; `done` hears once all of it has arrived (or failed: the first failure's message). Parts already on their way are waited
/// for, not fetched again; parts that failed before are not asked for again. False when there
/// was nothing to wait for (and `done` is not called).
pub fn request(library: &Rc<Library>, wanted: Wanted, done: impl FnOnce(Result<(), String>) + 'static) -> bool {
    let Some(source) = library.parts.clone() else { return false };
    let pending: Vec<Arrival> = {
        let mut asked = source.requests.0.borrow_mut();
        let topics = wanted.passage_topics.then_some(Key::PassageTopics);
        let keys = wanted.shards.into_iter().map(Key::Shard).chain(wanted.articles.into_iter().map(Key::Article)).chain(topics);
        keys.filter_map(|key| {
            let arrival = asked.entry(key).or_insert_with(|| {
                let library = library.clone();
                async move { fetch(&library, key).await }.boxed_local().shared()
            });
            arrival.peek().is_none().then(|| arrival.clone())
        })
        .collect()
    };
    if pending.is_empty() {
        return false;
    }
    spawn_local(async move {
        let outcomes = join_all(pending).await;
        done(outcomes.into_iter().find_map(Result::err).map_or(Ok(()), Err));
    });
    true
}

/// Shard fetches started before the library they fill exists: see [`adopt`].
pub struct EarlyShards(Vec<(usize, LocalBoxFuture<'static, Result<Part, String>>)>);

/// Ask for `shards` of the split bundle at `base` now.
pub fn fetch_shards_now(base: &str, shards: Vec<usize>) -> EarlyShards {
    EarlyShards(shards.into_iter().map(|i| (i, fetch_part_now(beside(base, &SplitBundle::shard_name(i))))).collect())
}

/// Count `early` among `library`'s requests, so that asking for those shards waits for them
/// instead of fetching them again; each fills the library when it arrives.
pub fn adopt(library: &Rc<Library>, early: EarlyShards) {
    let Some(source) = library.parts.as_ref() else { return };
    let mut asked = source.requests.0.borrow_mut();
    for (i, arriving) in early.0 {
        let library = library.clone();
        let url = url_of(&library, Key::Shard(i));
        asked.entry(Key::Shard(i)).or_insert_with(|| async move { fill(&library, Key::Shard(i), arriving.await?, &url) }.boxed_local().shared());
    }
}

fn url_of(library: &Library, key: Key) -> String {
    let source = library.parts.as_ref().expect("only split libraries fetch parts");
    let name = match key {
        Key::Shard(i) => SplitBundle::shard_name(i),
        Key::Article(i) => SplitBundle::article_name(i),
        Key::PassageTopics => SplitBundle::passage_topics_name().to_string(),
    };
    beside(&source.base, &name)
}

async fn fetch(library: &Library, key: Key) -> Result<(), String> {
    let url = url_of(library, key);
    let part = fetch_part_now(url.clone()).await?;
    fill(library, key, part, &url)
}

/// Put an arrived part where it belongs, if it belongs to this bundle, there.
fn fill(library: &Library, key: Key, part: Part, url: &str) -> Result<(), String> {
    let source = library.parts.as_ref().expect("only split libraries fetch parts");
    let foreign = || format!("The file at {url} belongs to another build of these articles: publish the whole folder again.");
    match (key, part) {
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
