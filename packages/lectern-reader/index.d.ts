// Types for lectern-reader: the Lectern article reader, embedded in any page.
//
//   import { mount } from "lectern-reader";
//   const reader = mount(document.getElementById("reader")!, { src: "/articles.lectern" });
//
// or, after `import "lectern-reader"` once, write <lectern-reader src="/articles.lectern">.

/** A panel of the reader, for {@link MountOptions.panels}. */
export type LecternPanel = "list" | "reader" | "quotes" | "map";

/** A colour scheme, for {@link MountOptions.theme}. */
export type LecternTheme = "light" | "dark" | "auto";

/** Whether the reader keeps its view in the page's URL, for {@link MountOptions.history}. */
export type LecternHistory = "hash" | "none";

/**
 * How a reader starts: the options of {@link mount}, named and spelt like the attributes of
 * `<lectern-reader>`. Every option may be left out. A value that makes no sense is named in a
 * message above the reader, which carries on with the default: `mount` never throws for one.
 */
export interface MountOptions {
  /**
   * URL of a bundle file made with `lectern bundle` (or the index of a split bundle), relative
   * to the page; http(s), a path on this host, or a `file:` URL. Without it the reader shows
   * the articles built into it.
   */
  src?: string;
  /** Start with this search in the search box, as if typed (at most 500 characters). */
  query?: string;
  /** Start on the article with this id (as `lectern inspect --json` lists them); the first by default. */
  article?: string;
  /**
   * Which panels to show: an array such as `["list", "reader"]`, or the same names in one
   * string separated by spaces or commas (`"list reader"`). Empty or left out: all four.
   */
  panels?: readonly LecternPanel[] | string;
  /** `"light"`, `"dark"`, or `"auto"` (the visitor's system setting, the default). */
  theme?: LecternTheme;
  /**
   * The reader's height: a number means pixels (`480`), a string is a CSS length in px, em,
   * rem, vh, dvh, svh, lvh, vw, vmin, vmax, ch or % (`"600px"`, `"40em"`, `"80vh"`), or
   * `"auto"`. Default `min(85vh, 760px)`.
   */
  height?: number | string;
  /**
   * `"hash"` keeps this reader's view in the page's URL hash (back and forward work, links can
   * be shared); `"none"` (the default) leaves the page's URL alone. Give `"hash"` to one reader
   * per page at most.
   */
  history?: LecternHistory;
}

/** One passage that matched, as {@link LecternHandle.search} reports it. */
export interface SearchResult {
  /** The id of the article it is in. */
  article: string;
  /** The number of its section in the article (from 0). */
  section: number;
  /** That section's heading; `null` if it has none, or if the passage is the title. */
  heading: string | null;
  /** The passage's number in the whole collection. */
  passage: number;
  /** Text around the matches, about 180 characters. */
  excerpt: string;
  /**
   * Where the matches are in `excerpt`, as `[start, end)` in UTF-16 code units (what
   * JavaScript strings count): `excerpt.slice(start, end)` is a matched word.
   */
  matches: [number, number][];
  /** How well it matches (BM25; higher is better). Results come best first. */
  score: number;
}

/** What {@link LecternHandle.search} resolves with. */
export interface SearchReport {
  /** How many passages match in all; `results` holds the best `limit` of them. */
  total: number;
  /** The best passages, best first. */
  results: SearchResult[];
}

/** Options of {@link LecternHandle.search}. */
export interface SearchOptions {
  /** How many results to give at most; 20 if left out. */
  limit?: number;
}

/** A filter the visitor set in the reader (a topic, a speaker, an article...). */
export interface LecternFilter {
  kind: "article" | "section" | "speaker" | "topic" | "quotes";
  value: string;
}

/**
 * What a reader shows: the detail of `lectern:ready` (once it has first rendered) and of
 * `lectern:change` (whenever what it shows changes).
 */
export interface LecternViewDetail {
  /** How many articles it holds. */
  articles: number;
  /** What is in its search box. */
  query: string;
  /** The id of the open article, if one is open. */
  article: string | null;
  /** The filters in force. */
  filters: LecternFilter[];
  /** How many passages match the search; `null` when nothing is being searched for. */
  matches: number | null;
}

/** The detail of `lectern:ready`. */
export type LecternReadyDetail = LecternViewDetail;

/** The detail of `lectern:change`. */
export type LecternChangeDetail = LecternViewDetail;

/** The detail of `lectern:error`: the reader could not start or load its articles, or it stopped. */
export interface LecternErrorDetail {
  message: string;
}

/**
 * A reader on the page, as {@link mount} returns it (and a `<lectern-reader>` element's
 * {@link LecternReader.lectern}). The methods wait until the reader is ready; once it has
 * failed, or after {@link LecternHandle.destroy}, they reject.
 */
export interface LecternHandle {
  /**
   * Resolves with the `lectern:ready` event's detail once the reader has rendered its articles;
   * rejects (with the `lectern:error` message) if it cannot start.
   */
  readonly ready: Promise<LecternReadyDetail>;
  /** The best passages for `query`, without touching what the reader shows. */
  search(query: string, options?: SearchOptions): Promise<SearchReport>;
  /** Show `query` in the reader's search box and its results, as if typed. */
  setQuery(query: string): Promise<void>;
  /** Open the article with this id; rejects if there is none. */
  open(articleId: string): Promise<void>;
  /** Take the reader off the page and free its memory. */
  destroy(): void;
}

/**
 * Put a reader in `element`, inside an open shadow root (the page's styles and the reader's
 * stay apart). Returns at once; {@link LecternHandle.ready} says when the reader is up.
 * Mounting the same element again returns the first handle.
 *
 * @throws TypeError if `element` is not an element.
 */
export declare function mount(element: Element, options?: MountOptions): LecternHandle;

/**
 * `<lectern-reader>`: defined when the package is first imported. Its attributes are the
 * options of {@link MountOptions} (`src`, `query`, `article`, `panels`, `theme`, `height`,
 * `history`). Setting `query` or `article` on a live element steers the reader; changing another
 * starts it again with the new settings. Removing the element from the page destroys its reader.
 */
export declare class LecternReader extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The reader's handle, as {@link mount} would return it; `null` while the element is not on a page. */
  get lectern(): LecternHandle | null;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, before: string | null, after: string | null): void;
}

/**
 * The events a reader dispatches on its element (the `<lectern-reader>`, or the element given
 * to {@link mount}). They bubble and cross shadow roots, so listeners on any ancestor, the
 * document and the window hear them too.
 */
export interface LecternEventMap {
  "lectern:ready": CustomEvent<LecternReadyDetail>;
  "lectern:change": CustomEvent<LecternChangeDetail>;
  "lectern:error": CustomEvent<LecternErrorDetail>;
}

/** What the package sets as `window.Lectern` (unless something set it first). */
export interface LecternGlobal {
  mount: typeof mount;
}

declare global {
  interface HTMLElementTagNameMap {
    "lectern-reader": LecternReader;
  }

  interface HTMLElementEventMap extends LecternEventMap {}
  interface DocumentEventMap extends LecternEventMap {}
  interface WindowEventMap extends LecternEventMap {}

  /** `Lectern.mount(element, options)`, for scripts that do not import the module. */
  var Lectern: LecternGlobal;
}
