// Starts the worker that reads articles added in the browser (crates/lectern-worker): its
// wasm-bindgen glue, then its wasm. A reader embedded in another origin's page starts this from
// a blob, which first sets lecternWorkerBase to the folder these files are in.
const base = self.lecternWorkerBase || self.location.href;
importScripts(new URL("lectern-worker.js", base).href);
wasm_bindgen({ module_or_path: new URL("lectern-worker_bg.wasm", base).href }).catch((error) => {
  postMessage({ failed: String(error) });
});
