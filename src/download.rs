//! Saving text the reader made (an export) as a file, entirely in the browser: a Blob, an
//! object URL and a temporary link with `download`. No server sees it.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::Array;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys_array(content);
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let saved = download_url(file_name, &url);
    Url::revoke_object_url(&url)?;
    saved
}

/// Save what `url` points at (an object or data URL) as `file_name`.
pub fn download_url(file_name: &str, url: &str) -> Result<(), JsValue> {
    let document = gloo::utils::document();
    let link: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(url);
    link.set_download(file_name);
    link.set_hidden(true);
    let body = document.body().ok_or_else(|| JsValue::from_str("no <body>"))?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    Ok(())
}

/// A one-element JS array holding `content`, as `Blob` wants its parts.
fn js_sys_array(content: &str) -> Array {
    let parts = Array::new();
    parts.push(&JsValue::from_str(content));
    parts
}
