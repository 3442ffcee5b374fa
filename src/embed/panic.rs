//! When the reader panics, its place on the page says so instead of going blank or dead.
//!
//! Release builds abort on panic, which stops this WebAssembly instance for good. Each embedded
//! reader runs in an instance of its own (see `static/embed.js`), so the others and the host
//! page carry on; this hook only has to replace the dead reader's element with a message.

use std::cell::RefCell;
use std::panic::PanicHookInfo;
use std::sync::Once;

use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget};

use super::bridge;

thread_local! {
    /// The element the reader renders into, and the page's element to tell.
    static PLACE: RefCell<Option<(Element, Option<EventTarget>)>> = const { RefCell::new(None) };
}

/// Show panics of this instance in `root` (and tell `host` with a `lectern:error` event).
pub fn install(root: Element, host: Option<EventTarget>) {
    PLACE.with(|p| *p.borrow_mut() = Some((root, host)));
    static HOOK: Once = Once::new();
    // Through Yew, which would otherwise put its own hook in place of this one when it renders.
    HOOK.call_once(|| yew::set_custom_panic_hook(Box::new(show)));
}

fn show(info: &PanicHookInfo) {
    let reason = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an internal error".to_string());
    web_sys::console::error_1(&format!("Lectern stopped: {info}").into());
    let Some((root, host)) = PLACE.try_with(|p| p.try_borrow().ok().and_then(|p| p.clone())).ok().flatten() else { return };
    let _ = replace_with_message(&root, &reason);
    if let Some(host) = host {
        bridge::emit_error(&host, &reason);
    }
}

/// Swap `root` for a copy (same id and class) holding only the message: the old element goes,
/// and with it every listener the dead instance had on it.
fn replace_with_message(root: &Element, reason: &str) -> Result<(), wasm_bindgen::JsValue> {
    let document = root.owner_document().ok_or("no document")?;
    let place: Element = root.clone_node()?.unchecked_into();
    let reader = document.create_element("div")?;
    reader.set_class_name("lectern");
    reader.set_attribute("data-testid", "reader")?;
    let error = document.create_element("div")?;
    error.set_class_name("lectern-error");
    error.set_attribute("role", "alert")?;
    error.set_attribute("data-testid", "error")?;
    let title = document.create_element("strong")?;
    title.set_text_content(Some("Lectern stopped working."));
    let text = document.create_element("p")?;
    text.set_text_content(Some(&format!(
        "Something went wrong inside this reader ({reason}). Reload the page to start it again; the rest of the page is not affected."
    )));
    error.append_child(&title)?;
    error.append_child(&text)?;
    reader.append_child(&error)?;
    place.append_child(&reader)?;
    root.replace_with_with_node_1(&place)
}
