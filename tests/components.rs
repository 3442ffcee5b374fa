//! Components in a real browser (wasm-bindgen-test, headless Chromium): what they put on the
//! page for given state. Run by scripts/test.sh; compiled only for wasm.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use lectern_core::{Article, Section};
use lectern_reader::components::error_message::{ErrorMessage, ErrorMessageProps};
use lectern_reader::library::Library;
use lectern_reader::embed::bridge::Bridge;
use lectern_reader::setup::{Panels, Setup, Theme};
use lectern_reader::url_state::ViewState;
use lectern_reader::{Reader, ReaderProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn article(id: &str, title: &str, sections: Vec<(Option<&str>, Vec<&str>)>) -> Article {
    Article {
        id: id.into(),
        file: format!("{id}.txt"),
        title: title.into(),
        byline: Some("Ana Ruiz".into()),
        date: Some("12 March 2024".into()),
        source: None,
        url: None,
        language: None,
        summary: false,
        categories: Vec::new(),
        sections: sections
            .into_iter()
            .map(|(h, ps)| Section {
                heading: h.map(Into::into),
                paragraphs: ps.into_iter().map(Into::into).collect(),
            })
            .collect(),
        quotes: Vec::new(),
    }
}

fn root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length()).map(|i| nodes.get(i).unwrap().dyn_into().unwrap()).collect()
}

fn text(root: &Element, testid: &str) -> String {
    root.query_selector(&format!("[data-testid='{testid}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no {testid}"))
        .text_content()
        .unwrap_or_default()
}

const HOSTILE: &str = "<img src=x onerror=\"window.__pwned=1\"> <script>window.__pwned=1</script> & “quotes”";

fn sample() -> Rc<Library> {
    Rc::new(Library::from_articles(vec![
        article("plain", "Plain Article", vec![(None, vec!["First paragraph.", HOSTILE])]),
        article(
            "sectioned",
            "Sectioned Article",
            vec![(None, vec!["Intro."]), (Some("Part One"), vec!["One gas pipeline."]), (Some("Part Two"), vec!["Two."])],
        ),
    ]))
}

async fn mount_reader() -> Element {
    // Start from a clean URL so one test's navigation does not open another's article.
    let history = gloo::utils::window().history().unwrap();
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#")).unwrap();
    let root = root();
    yew::Renderer::<Reader>::with_root_and_props(root.clone(), yew::props!(ReaderProps { library: sample() })).render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn lists_articles_and_opens_the_first() {
    let root = mount_reader().await;
    let items = all(&root, "[data-testid='article-item']");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].get_attribute("aria-current").as_deref(), Some("true"));
    assert_eq!(items[1].get_attribute("aria-current"), None);
    assert!(items[0].text_content().unwrap().contains("By Ana Ruiz"));
    assert_eq!(text(&root, "article-title"), "Plain Article");
    assert!(all(&root, ".lectern-toc").is_empty(), "no contents without sections");
}

#[wasm_bindgen_test]
async fn article_text_is_rendered_as_text_never_as_markup() {
    let root = mount_reader().await;
    let body = root.query_selector("[data-testid='article-body']").unwrap().unwrap();
    assert!(body.query_selector("img, script").unwrap().is_none(), "markup was interpreted");
    assert!(body.text_content().unwrap().contains(HOSTILE));
    assert!(!injected_script_ran());
}

/// `window.__pwned` is set only if the hostile paragraph's markup was executed.
fn injected_script_ran() -> bool {
    let window: wasm_bindgen::JsValue = gloo::utils::window().into();
    !web_sys::js_sys::Reflect::get(&window, &"__pwned".into()).unwrap().is_undefined()
}

#[wasm_bindgen_test]
async fn clicking_an_item_opens_it_with_contents_and_headings() {
    let root = mount_reader().await;
    let items = all(&root, "[data-testid='article-item']");
    items[1].dyn_ref::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "article-title"), "Sectioned Article");
    let items = all(&root, "[data-testid='article-item']");
    assert_eq!(items[1].get_attribute("aria-current").as_deref(), Some("true"));
    let toc: Vec<String> = all(&root, ".lectern-toc button").iter().map(|b| b.text_content().unwrap()).collect();
    assert_eq!(toc, ["Part One", "Part Two"]);
    let headings: Vec<String> = all(&root, "h3.lectern-heading").iter().map(|h| h.text_content().unwrap()).collect();
    assert_eq!(headings, ["Part One", "Part Two"]);
    assert_eq!(gloo::utils::window().location().hash().unwrap(), "#article=sectioned");
}

#[wasm_bindgen_test]
async fn an_error_is_shown_as_a_message_not_a_blank_area() {
    let root = root();
    let props = ErrorMessageProps { message: "The bundled articles could not be read: not a Lectern bundle.".into() };
    yew::Renderer::<ErrorMessage>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let error = root.query_selector("[data-testid='error']").unwrap().expect("error shown");
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    assert!(error.text_content().unwrap().contains("not a Lectern bundle"));
}

#[wasm_bindgen_test]
async fn typing_a_query_lists_results_and_marks_matches() {
    let root = mount_reader().await;
    let input: web_sys::HtmlInputElement =
        root.query_selector("[data-testid='search']").unwrap().unwrap().dyn_into().unwrap();
    input.set_value("pipeline");
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "result-count"), "1 matching passage");
    let results = all(&root, "[data-testid='result']");
    assert_eq!(results.len(), 1);
    assert_eq!(all(&root, "[data-testid='result'] mark")[0].text_content().unwrap(), "pipeline");
    results[0].dyn_ref::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "article-title"), "Sectioned Article");
    let marks = all(&root, "[data-testid='article-body'] [data-testid='match']");
    assert_eq!(marks.len(), 1);
    assert!(gloo::utils::window().location().hash().unwrap().contains("q=pipeline"));
}

#[wasm_bindgen_test]
async fn quotations_are_marked_with_speakers_and_listed_in_the_panel() {
    let history = gloo::utils::window().history().unwrap();
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#")).unwrap();
    let mut quoted = article(
        "quoted",
        "Quoted Article",
        vec![(None, vec!["“The pipeline <b>will</b> open,” said Ana Ruiz. “Soon.”", "Nothing quoted here."])],
    );
    quoted.quotes = lectern_core::quotes::extract(&quoted.sections);
    let library = Rc::new(Library::from_articles(vec![quoted, article("none", "No Quotes", vec![(None, vec!["Plain."])])]));
    let root = root();
    yew::Renderer::<Reader>::with_root_and_props(root.clone(), yew::props!(ReaderProps { library })).render();
    yew::scheduler::flush().await;

    let quotes = all(&root, "[data-testid='article-body'] [data-testid='quote']");
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[0].text_content().unwrap(), "The pipeline <b>will</b> open");
    assert!(quotes.iter().all(|q| q.get_attribute("data-speaker").as_deref() == Some("Ana Ruiz")));
    assert!(quotes[0].query_selector("b").unwrap().is_none(), "quoted markup stays text");
    assert!(text(&root, "quotes-panel").contains("2 quotations from 1 named speaker"));

    // A search match inside a quotation is marked inside the quotation's span.
    let input: web_sys::HtmlInputElement =
        root.query_selector("[data-testid='search']").unwrap().unwrap().dyn_into().unwrap();
    input.set_value("pipeline");
    input.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    yew::scheduler::flush().await;
    let nested = all(&root, "[data-testid='article-body'] [data-testid='quote'] [data-testid='match']");
    assert_eq!(nested.len(), 1);
    assert_eq!(nested[0].text_content().unwrap(), "pipeline");

    let items = all(&root, "[data-testid='article-item']");
    items[1].dyn_ref::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    assert!(text(&root, "quotes-panel").contains("This article has no quotations."));
}

#[wasm_bindgen_test]
async fn an_embedded_reader_follows_its_setup_and_tells_its_page() {
    let history = gloo::utils::window().history().unwrap();
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#q=ignored")).unwrap();
    let host = root();
    let heard = Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let listener = {
        let heard = heard.clone();
        gloo::events::EventListener::new(&host, "lectern:ready", move |e| {
            let detail = e.dyn_ref::<web_sys::CustomEvent>().unwrap().detail();
            heard.borrow_mut().push(web_sys::js_sys::JSON::stringify(&detail).unwrap().into());
        })
    };
    let setup = Setup {
        panels: Panels { list: false, reader: true, quotes: false, map: false },
        theme: Theme::Dark,
        url_hash: false,
        start: ViewState { query: "pipeline".into(), article: Some("sectioned".into()), ..Default::default() },
        problems: vec!["theme=\"x\" is not light, dark or auto; using auto.".into()],
        bridge: Some(Bridge::new(host.clone().into())),
        title: Some("Harbour News".into()),
    };
    let root = root();
    host.append_child(&root).unwrap();
    yew::Renderer::<Reader>::with_root_and_props(root.clone(), yew::props!(ReaderProps { library: sample(), setup: Rc::new(setup) })).render();
    yew::scheduler::flush().await;

    // The collection's title in the bar (a site lectern build made names one).
    let name = root.query_selector(".lectern-name").unwrap().unwrap().text_content().unwrap();
    assert_eq!(name, "Harbour News");
    // Its own start, not the URL's; only the reading pane; dark; the settings problem shown.
    let input: web_sys::HtmlInputElement = root.query_selector("[data-testid='search']").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(input.value(), "pipeline");
    assert_eq!(text(&root, "article-title"), "Sectioned Article");
    assert!(all(&root, "[data-testid='article-item'], [data-testid='quotes-panel'], [data-testid='topic-map']").is_empty());
    assert_eq!(root.first_element_child().unwrap().get_attribute("data-theme").as_deref(), Some("dark"));
    assert!(text(&root, "error").contains("theme=\"x\""));
    assert_eq!(
        heard.borrow().as_slice(),
        ["{\"articles\":2,\"query\":\"pipeline\",\"article\":\"sectioned\",\"filters\":[],\"matches\":1}"]
    );
    assert_eq!(gloo::utils::window().location().hash().unwrap(), "#q=ignored");
    drop(listener);
}

#[wasm_bindgen_test]
async fn a_long_list_shows_a_screen_of_articles_then_a_page_and_more_on_request() {
    use lectern_reader::components::article_list::{ARTICLES_PAGE, FIRST_SCREEN};
    let history = gloo::utils::window().history().unwrap();
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#")).unwrap();
    let n = ARTICLES_PAGE * 2 + 5;
    let articles = (0..n).map(|i| article(&format!("a{i}"), &format!("Article {i}"), vec![(None, vec!["Text."])])).collect();
    let root = root();
    let library = Rc::new(Library::from_articles(articles));
    yew::Renderer::<Reader>::with_root_and_props(root.clone(), yew::props!(ReaderProps { library })).render();
    yew::scheduler::flush().await;
    // The first frame lists a screenful; the page follows once it is painted.
    assert_eq!(all(&root, "[data-testid='article-item']").len(), FIRST_SCREEN);
    assert!(root.query_selector("[data-testid='more-articles']").unwrap().is_none());
    painted().await;
    yew::scheduler::flush().await;
    assert_eq!(all(&root, "[data-testid='article-item']").len(), ARTICLES_PAGE);
    assert_eq!(text(&root, "more-articles"), format!("Show more articles ({ARTICLES_PAGE} of {n} listed)"));
    for _ in 0..2 {
        root.query_selector("[data-testid='more-articles']").unwrap().unwrap().dyn_into::<HtmlElement>().unwrap().click();
        yew::scheduler::flush().await;
    }
    assert_eq!(all(&root, "[data-testid='article-item']").len(), n);
    assert!(root.query_selector("[data-testid='more-articles']").unwrap().is_none());
}

/// Resolves once the browser has painted a frame: a frame's callback runs before its paint,
/// a timer that callback sets runs after.
async fn painted() {
    let frame = web_sys::js_sys::Promise::new(&mut |resolve, _| {
        let after = wasm_bindgen::closure::Closure::once_into_js(move || {
            gloo::utils::window().set_timeout_with_callback(resolve.unchecked_ref()).unwrap();
        });
        gloo::utils::window().request_animation_frame(after.unchecked_ref()).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_source_links_to_the_original_only_at_a_web_address_and_only_when_asked() {
    use lectern_reader::components::article_meta::{ArticleMeta, ArticleMetaProps};
    let meta_with = |url: Option<&str>, source: Option<&str>, summary: bool, links: bool| {
        let mut a = article("page", "A Page", vec![(None, vec!["Some text."])]);
        (a.url, a.source, a.summary) = (url.map(Into::into), source.map(Into::into), summary);
        ArticleMetaProps { article: Rc::new(a), links }
    };
    let meta = |url: Option<&str>, source: Option<&str>, summary: bool| meta_with(url, source, summary, true);
    let render = |root: &Element, props| yew::Renderer::<ArticleMeta>::with_root_and_props(root.clone(), props).render();

    // A web address and no source: the link reads as the address's host.
    let host_only = root();
    render(&host_only, meta(Some("HTTPS://news.example:8443/story?id=1"), None, false));
    yew::scheduler::flush().await;
    let links = all(&host_only, "a");
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].text_content().unwrap(), "news.example");
    assert_eq!(links[0].get_attribute("aria-label").as_deref(), Some("Original at news.example (opens in a new tab)"));
    assert_eq!(links[0].get_attribute("rel").as_deref(), Some("noopener noreferrer nofollow"));
    assert_eq!(links[0].get_attribute("target").as_deref(), Some("_blank"));

    // Any other scheme is no link; the source is shown as text, markup and all.
    for url in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "//example.com/x"] {
        let unlinked = root();
        render(&unlinked, meta(Some(url), Some("The <b>Gazette</b>"), true));
        yew::scheduler::flush().await;
        assert!(all(&unlinked, "a, b").is_empty(), "{url}");
        assert!(unlinked.text_content().unwrap().contains("The <b>Gazette</b>"), "{url}");
        assert_eq!(text(&unlinked, "summary-only"), "Summary only", "{url}");
    }

    // A summary only: the full article is a link away.
    let summary = root();
    render(&summary, meta(Some("https://ledger.example/ferry"), Some("Northern Ledger"), true));
    yew::scheduler::flush().await;
    assert_eq!(text(&summary, "summary-only"), "Summary only · read the full article");
    assert_eq!(all(&summary, "a").len(), 2);

    // Without links (the article list, whose items are links), the source is text.
    let listed = root();
    render(&listed, meta_with(Some("https://ledger.example/ferry"), Some("Northern Ledger"), true, false));
    yew::scheduler::flush().await;
    assert!(all(&listed, "a").is_empty());
    assert!(listed.text_content().unwrap().contains("Northern Ledger"));
    assert_eq!(text(&listed, "summary-only"), "Summary only");
}
