//! Fetching a bundle named by `src` (whole, or the head of a split one) and the parts of a
//! split bundle, with a message for each way that can fail.

use lectern_core::bundle::{self, Part};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Promise, Reflect, Uint8Array};
use web_sys::{Response, Url};

use crate::library::Library;

pub async fn fetch_library(src: &str) -> Result<Library, String> {
    match fetch_part(src).await? {
        Part::Whole(bundle) => Ok(Library::from_bundle(bundle)),
        Part::Head(head) => Ok(Library::from_head(head, absolute(src)?)),
        Part::Shard(_) | Part::Article(_) | Part::PassageTopics(_) => Err(format!(
            "The file at {src} is one part of a split bundle: load the index.lectern file in its folder instead."
        )),
    }
}

/// Any bundle file, inflated if it was written compressed (split bundles are).
pub async fn fetch_part(url: &str) -> Result<Part, String> {
    let bytes = fetch_bytes(url).await?;
    let bytes = if bundle::is_gzip(&bytes) { bundle::gunzip(&bytes).map_err(|why| unreadable(url, &why))? } else { bytes };
    bundle::decode_part(&bytes).map_err(|e| unreadable(url, &e.to_string()))
}

fn unreadable(url: &str, why: &str) -> String {
    format!("The file at {url} could not be read: {why}.")
}

/// `name` in the folder of the bundle at `base` (an absolute URL).
pub fn beside(base: &str, name: &str) -> String {
    Url::new_with_base(name, base).map(|u| u.href()).unwrap_or_else(|_| name.to_string())
}

/// `src` as an absolute URL, against the page's own: parts are fetched relative to it.
fn absolute(src: &str) -> Result<String, String> {
    let page = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    Url::new_with_base(src, &page).map(|u| u.href()).map_err(|_| format!("{src} is not a URL this page can load."))
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("There is no window to load articles in.")?;
    let unreachable = || {
        format!("Could not load articles from {url}: the server did not answer, or it does not let this page read it (CORS).")
    };
    let request = prefetched(&window, url).unwrap_or_else(|| window.fetch_with_str(url));
    let response: Response = JsFuture::from(request)
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or_else(unreachable)?;
    if !response.ok() {
        let status = format!("{} {}", response.status(), response.status_text());
        return Err(format!("Could not load articles from {url}: the server answered {}.", status.trim()));
    }
    let body = response.array_buffer().map_err(|_| unreachable())?;
    let bytes = JsFuture::from(body).await.map_err(|_| unreachable())?;
    Ok(Uint8Array::new(&bytes).to_vec())
}

/// The response index.html started fetching for `?src=` before the app loaded, if it is for
/// `url`; taken once.
fn prefetched(window: &web_sys::Window, url: &str) -> Option<Promise> {
    let key = JsValue::from_str("lecternPrefetch");
    let early = Reflect::get(window, &key).ok().filter(JsValue::is_object)?;
    let href = Reflect::get(&early, &"url".into()).ok()?.as_string()?;
    if Some(href) != absolute(url).ok() {
        return None;
    }
    Reflect::delete_property(window, &key).ok()?;
    Reflect::get(&early, &"response".into()).ok()?.dyn_into().ok()
}
