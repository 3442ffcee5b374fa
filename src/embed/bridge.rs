//! The line between one embedded reader and the page around it: commands in (`setQuery`,
//! `open`), events out (`lectern:ready`, `lectern:change`) on the page's element.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::js_sys::JSON;
use web_sys::{CustomEvent, CustomEventInit, EventTarget};
use yew::Callback;

use crate::library::Library;
use lectern_core::quotes::export::json_string;

/// What the page can ask of a running reader.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    SetQuery(String),
    Open(String),
}

pub struct Bridge {
    /// The page's element: `<lectern-reader>`, or whatever was passed to `Lectern.mount`.
    host: EventTarget,
    /// Set by the reader once it runs.
    commands: RefCell<Option<Callback<Command>>>,
    /// The loaded articles, for `search()` without going through the screen.
    library: RefCell<Option<Rc<Library>>>,
}

/// Bridges are compared by identity: each reader has its own for its whole life.
impl PartialEq for Bridge {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl std::fmt::Debug for Bridge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Bridge")
    }
}

/// Events bubble and cross shadow roots, so a listener on `document` hears them too.
fn emit(target: &EventTarget, name: &str, detail_json: &str) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&JSON::parse(detail_json).unwrap_or(JsValue::NULL));
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// [`Bridge::emit_error`] for a target without a bridge (the panic hook's).
pub fn emit_error(target: &EventTarget, message: &str) {
    emit(target, "lectern:error", &format!("{{\"message\":{}}}", json_string(message)));
}

impl Bridge {
    pub fn new(host: EventTarget) -> Rc<Bridge> {
        Rc::new(Bridge { host, commands: RefCell::new(None), library: RefCell::new(None) })
    }

    /// Dispatch `name` on the page's element, with `detail_json` parsed as its `detail`.
    pub fn emit(&self, name: &str, detail_json: &str) {
        emit(&self.host, name, detail_json);
    }

    /// `lectern:error` with `{"message": ...}`: this reader could not load, or stopped.
    pub fn emit_error(&self, message: &str) {
        emit_error(&self.host, message);
    }

    pub fn listen(&self, commands: Callback<Command>) {
        *self.commands.borrow_mut() = Some(commands);
    }

    /// Pass `command` to the reader; false if it is not running (yet, or any more).
    pub fn send(&self, command: Command) -> bool {
        let Some(commands) = self.commands.borrow().clone() else { return false };
        commands.emit(command);
        true
    }

    pub fn set_library(&self, library: Rc<Library>) {
        *self.library.borrow_mut() = Some(library);
    }

    pub fn library(&self) -> Option<Rc<Library>> {
        self.library.borrow().clone()
    }

    /// Forget the reader (it was destroyed): later commands are refused.
    pub fn disconnect(&self) {
        self.commands.borrow_mut().take();
    }
}
