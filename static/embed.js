// Lectern on any page: load this module once, then write <lectern-reader></lectern-reader> (or
// <div data-lectern></div>) where a reader should go, or call Lectern.mount(element, options).
//
// Each reader gets a WebAssembly instance of its own. The compiled module is shared, but a
// reader that fails (a panic aborts its instance) cannot take the others down with it.
// Each also renders into an open shadow root, so page and reader keep their styles apart.
// No inline scripts, inline styles or eval: a strict Content-Security-Policy is fine.

// The file names and the stylesheet, written in at build time (crates/lectern-site,
// embed_script.rs): the site's hashed files beside this script, or the npm package's, which
// also names the worker's files (a bundler renames them all).
const BUILD = /* BUILD */ null;
if (BUILD?.worker) globalThis.lecternWorkerFiles ??= BUILD.worker;

const here = import.meta.url;
const OPTIONS = ["src", "query", "article", "panels", "theme", "height", "history"];
/** Options that a running reader can follow; the others need a new one. */
const LIVE = ["query", "article"];

let compiled = null;
let stylesheet = null;
let instances = 0;
const handles = new WeakMap();

function styles() {
  if (!stylesheet) {
    stylesheet = new CSSStyleSheet();
    stylesheet.replaceSync(BUILD.css);
  }
  return stylesheet;
}

/** The WebAssembly module, compiled once for every reader on the page. */
function compile() {
  compiled ??= (async () => {
    const url = new URL(BUILD.wasm, here);
    try {
      return await WebAssembly.compileStreaming(fetch(url));
    } catch {
      // A host that serves .wasm without its MIME type: compile from the bytes instead.
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return WebAssembly.compile(await response.arrayBuffer());
    }
  })();
  return compiled;
}

/** A fresh instance: the query string makes the browser evaluate the glue module anew. */
async function instantiate() {
  instances += 1;
  const glue = await import(/* @vite-ignore */ `${new URL(BUILD.glue, here).href}?instance=${instances}`);
  await glue.default({ module_or_path: await compile() });
  return glue;
}

/** Option values as strings, the way attributes give them. */
function normalise(options) {
  const out = {};
  for (const name of OPTIONS) {
    const value = options?.[name];
    if (value === undefined || value === null) continue;
    out[name] = Array.isArray(value) ? value.join(" ") : String(value);
  }
  return out;
}

function message(root, title, text) {
  const box = document.createElement("div");
  box.className = "lectern";
  box.dataset.testid = "reader";
  const error = document.createElement("div");
  error.className = "lectern-error";
  error.setAttribute("role", "alert");
  error.dataset.testid = "error";
  const strong = document.createElement("strong");
  strong.textContent = title;
  const p = document.createElement("p");
  p.textContent = text;
  error.append(strong, p);
  box.append(error);
  root.replaceChildren(box);
}

class Handle {
  #element;
  #shadow;
  #widget = null;
  #failure = null;
  #gone = new AbortController();

  constructor(element, options) {
    this.#element = element;
    this.#shadow = element.shadowRoot ?? element.attachShadow({ mode: "open" });
    this.#shadow.adoptedStyleSheets = [styles()];
    const root = document.createElement("div");
    root.className = "lectern-mount";
    const loading = document.createElement("p");
    loading.className = "lectern-loading";
    loading.setAttribute("role", "status");
    loading.textContent = "Loading Lectern…";
    root.append(loading);
    this.#shadow.replaceChildren(root);

    const signal = this.#gone.signal;
    /** Resolves with the ready event's detail; rejects if the reader cannot start. */
    this.ready = new Promise((resolve, reject) => {
      element.addEventListener("lectern:ready", (e) => resolve(e.detail), { signal });
      element.addEventListener("lectern:error", (e) => {
        this.#failure = e.detail?.message ?? "The reader stopped.";
        reject(new Error(this.#failure));
      }, { signal });
    });
    this.ready.catch(() => {}); // Callers who never await it should not see an unhandled rejection.

    instantiate().then((glue) => {
      if (signal.aborted) return;
      root.replaceChildren();
      this.#widget = glue.mount(root, element, normalise(options));
    }).catch((error) => {
      if (signal.aborted) return;
      message(root, "Lectern could not start.", `${error.message ?? error}`);
      element.dispatchEvent(new CustomEvent("lectern:error", {
        bubbles: true, composed: true, detail: { message: `Lectern could not start: ${error.message ?? error}` },
      }));
    });
  }

  /** The best passages for `query`: { total, results: [{ article, section, heading, passage,
   *  excerpt, matches: [[start, end]], score }] }. Match ranges index `excerpt` as JS strings do. */
  async search(query, { limit } = {}) {
    await this.ready;
    return JSON.parse(this.#call((w) => w.search(String(query ?? ""), limit)));
  }

  /** Show `query` in the reader's search box and its results, as if typed. */
  async setQuery(query) {
    await this.ready;
    this.#call((w) => w.setQuery(String(query ?? "")));
  }

  /** Open the article with this id; rejects if there is none. */
  async open(articleId) {
    await this.ready;
    this.#call((w) => w.open(String(articleId)));
  }

  /** Take the reader off the page and free its memory. */
  destroy() {
    this.#gone.abort();
    const widget = this.#widget;
    this.#widget = null;
    try {
      widget?.destroy();
      widget?.free();
    } catch {
      // An instance that already stopped has nothing left to free.
    }
    this.#shadow.replaceChildren();
    handles.delete(this.#element);
  }

  /** Panic inside the reader on purpose (for tests of failure isolation). */
  crashForTesting() {
    try {
      this.#widget?.crashForTesting();
    } catch {
      // The instance aborted, as asked; its element now says so.
    }
  }

  #call(use) {
    if (this.#failure) throw new Error(this.#failure);
    if (!this.#widget) throw new Error("This reader has been removed.");
    try {
      return use(this.#widget);
    } catch (error) {
      throw error instanceof Error ? error : new Error(String(error));
    }
  }
}

/** Put a reader in `element` (its open shadow root). Mounting an element twice returns the
 *  first handle. */
function mount(element, options = {}) {
  if (!(element instanceof Element)) {
    throw new TypeError("Lectern.mount(element, options) needs an element to put the reader in.");
  }
  if (!BUILD) throw new Error("This embed.js was not built: use the one in the release build's folder.");
  let handle = handles.get(element);
  if (!handle) {
    handle = new Handle(element, options);
    handles.set(element, handle);
  }
  return handle;
}

function attributes(element, prefix) {
  const options = {};
  for (const name of OPTIONS) {
    const value = element.getAttribute(prefix + name);
    if (value !== null) options[name] = value;
  }
  return options;
}

class LecternReader extends HTMLElement {
  static observedAttributes = OPTIONS;
  #handle = null;

  connectedCallback() {
    this.#handle ??= mount(this, attributes(this, ""));
  }

  disconnectedCallback() {
    // Moving the element elsewhere disconnects and reconnects it at once: keep the reader.
    queueMicrotask(() => {
      if (!this.isConnected && this.#handle) {
        this.#handle.destroy();
        this.#handle = null;
      }
    });
  }

  attributeChangedCallback(name, before, after) {
    const handle = this.#handle;
    if (!handle || before === after) return;
    if (name === "query") {
      handle.setQuery(after ?? "").catch(() => {});
    } else if (name === "article" && after) {
      handle.open(after).catch(() => {});
    } else if (!LIVE.includes(name)) {
      handle.destroy();
      this.#handle = mount(this, attributes(this, ""));
    }
  }

  /** The handle `Lectern.mount` would return, for scripts that found the element. */
  get lectern() {
    return this.#handle;
  }
}

if (!customElements.get("lectern-reader")) customElements.define("lectern-reader", LecternReader);
window.Lectern ??= { mount };
for (const element of document.querySelectorAll("[data-lectern]")) mount(element, attributes(element, "data-"));

export { mount, LecternReader };
