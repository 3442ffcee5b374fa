//! Has the component's first render been painted? Parts of the reader a first screen does not
//! need (the article list beyond one screen) wait for it, so the first frame costs less.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// False on the first render; true from the render after the browser has painted it. (A
/// frame's callback runs before its paint; a timer it sets runs after.)
#[hook]
pub fn use_painted() -> bool {
    let painted = use_state(|| false);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| {
            // The pending timer, cancelled if the component goes first.
            let timer: Rc<RefCell<Option<Timeout>>> = Rc::default();
            let (set, later) = (timer.clone(), painted.clone());
            let frame = Closure::once(move || {
                *set.borrow_mut() = Some(Timeout::new(0, move || later.set(true)));
            });
            let asked = web_sys::window().and_then(|w| w.request_animation_frame(frame.as_ref().unchecked_ref()).ok());
            if asked.is_none() {
                painted.set(true);
            }
            move || {
                if let (Some(window), Some(id)) = (web_sys::window(), asked) {
                    let _ = window.cancel_animation_frame(id);
                }
                drop(timer.borrow_mut().take());
                drop(frame);
            }
        });
    }
    *painted
}
