// Starts the worker that reads articles added in the browser (crates/lectern-worker): its
// wasm-bindgen glue, then its wasm, found beside this file, or where this file's query names
// them (the npm package in a bundler's build, whose files are renamed). A reader embedded in
// another origin's page starts this from a blob, which first sets lecternWorkerBase to the
// folder these files are in and lecternWorkerSearch to the query it would have had.
const named = new URLSearchParams(self.lecternWorkerSearch ?? self.location.search);
const base = self.lecternWorkerBase || self.location.href;
importScripts(named.get("glue") || new URL("lectern-worker.js", base).href);
wasm_bindgen({ module_or_path: named.get("wasm") || new URL("lectern-worker_bg.wasm", base).href }).catch((error) => {
  postMessage({ failed: String(error) });
});
