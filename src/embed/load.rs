//! Fetching a bundle named by `src`, with a message for each way that can fail.

use lectern_core::bundle;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::Uint8Array;
use web_sys::Response;

use crate::library::Library;

pub async fn fetch_library(src: &str) -> Result<Library, String> {
    let window = web_sys::window().ok_or("There is no window to load articles in.")?;
    let unreachable = || {
        format!("Could not load articles from {src}: the server did not answer, or it does not let this page read it (CORS).")
    };
    let response: Response = JsFuture::from(window.fetch_with_str(src))
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or_else(unreachable)?;
    if !response.ok() {
        let status = format!("{} {}", response.status(), response.status_text());
        return Err(format!("Could not load articles from {src}: the server answered {}.", status.trim()));
    }
    let body = response.array_buffer().map_err(|_| unreachable())?;
    let bytes = JsFuture::from(body).await.map_err(|_| unreachable())?;
    let bytes = Uint8Array::new(&bytes).to_vec();
    bundle::decode(&bytes).map(Library::from_bundle).map_err(|e| format!("The file at {src} could not be read: {e}."))
}
