//! The Web Worker behind "Add articles": it runs `lectern_core::adding` (read every file, then
//! index, find quotes and lay out topics for the whole set) off the page's thread, so a big file
//! never freezes the reader. The page starts it through static/lectern-worker-loader.js.
//!
//! It is its own binary so the page's wasm carries none of that code: readers who never add a
//! file never download it.

#[cfg(target_arch = "wasm32")]
mod listen {
    use lectern_core::adding::{self, decode_message, encode_message, AddJob, FromWorker};
    use wasm_bindgen::prelude::*;
    use web_sys::js_sys::{self, Array, Uint8Array};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    /// Messages are bytes, handed over rather than copied.
    fn send(message: &FromWorker) {
        let bytes = Uint8Array::from(&encode_message(message)[..]);
        let _ = scope().post_message_with_transfer(&bytes, &Array::of1(&bytes.buffer()));
    }

    pub fn start() {
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
            let bytes = Uint8Array::new(&event.data()).to_vec();
            match decode_message::<AddJob>(&bytes) {
                Ok(job) => {
                    let result = adding::run(job, |step| send(&FromWorker::Step(step)));
                    send(&FromWorker::Done(result));
                }
                Err(why) => send(&FromWorker::Failed(why)),
            }
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker does.
        on_message.forget();
        // Messages sent before the handler was set would be lost: the page waits for this.
        send(&FromWorker::Ready);
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    listen::start();
}
