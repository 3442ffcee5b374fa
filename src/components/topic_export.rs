use std::rc::Rc;

use lectern_core::topics::view::{csv, json, visible};
use lectern_core::topics::{TopicMap, Topics};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, XmlSerializer};
use yew::prelude::*;

use crate::download::{download, download_url};
use crate::map_png::png_data_url;

#[derive(Properties, PartialEq)]
pub struct TopicExportProps {
    pub topics: Rc<Topics>,
    pub map: Rc<TopicMap>,
    pub count: usize,
    pub threshold: f32,
    /// Holds the map's `<svg>`.
    pub drawing: NodeRef,
    /// Names the files: "all-articles", an article id…
    pub scope: String,
}

/// Download the map as SVG or PNG, and its topics and links as CSV or JSON, all made here.
#[component]
pub fn TopicExport(props: &TopicExportProps) -> Html {
    let failed = use_state(|| false);
    let run = |make: fn(&TopicExportProps) -> Result<(), JsValue>| {
        let failed = failed.clone();
        let props = TopicExportProps {
            topics: props.topics.clone(),
            map: props.map.clone(),
            count: props.count,
            threshold: props.threshold,
            drawing: props.drawing.clone(),
            scope: props.scope.clone(),
        };
        Callback::from(move |_: MouseEvent| failed.set(make(&props).is_err()))
    };
    html! {
        <div class="lectern-export" role="group" aria-label="Download the topic map">
            <span class="lectern-export-label">{ "Download" }</span>
            <button type="button" class="lectern-export-button" aria-label="Download the map as SVG" onclick={run(save_svg)}>{ "SVG" }</button>
            <button type="button" class="lectern-export-button" aria-label="Download the map as PNG" onclick={run(save_png)}>{ "PNG" }</button>
            <button type="button" class="lectern-export-button" aria-label="Download topics and links as CSV" onclick={run(save_csv)}>{ "CSV" }</button>
            <button type="button" class="lectern-export-button" aria-label="Download topics and links as JSON" onclick={run(save_json)}>{ "JSON" }</button>
            if *failed {
                <p class="lectern-export-error" role="alert">{ "This browser would not save the file." }</p>
            }
        </div>
    }
}

fn save_csv(p: &TopicExportProps) -> Result<(), JsValue> {
    let (nodes, links) = visible(&p.map, p.count, p.threshold);
    download(&format!("topics-{}.csv", p.scope), "text/csv;charset=utf-8", &csv(&p.topics, &nodes, &links, &p.map))
}

fn save_json(p: &TopicExportProps) -> Result<(), JsValue> {
    let (nodes, links) = visible(&p.map, p.count, p.threshold);
    download(&format!("topics-{}.json", p.scope), "application/json", &json(&p.topics, &nodes, &links, &p.map))
}

/// The drawing as a standalone SVG file: sized, with its font, colours already inline.
fn svg_text(p: &TopicExportProps) -> Result<String, JsValue> {
    let holder = p.drawing.cast::<Element>().ok_or("no map")?;
    let svg = holder.query_selector("svg")?.ok_or("no map")?;
    let copy: Element = svg.clone_node_with_deep(true)?.dyn_into()?;
    let view: Vec<f64> = svg.get_attribute("viewBox").unwrap_or_default().split(' ').filter_map(|v| v.parse().ok()).collect();
    let (w, h) = (view.get(2).copied().unwrap_or(600.0), view.get(3).copied().unwrap_or(400.0));
    copy.set_attribute("width", &w.to_string())?;
    copy.set_attribute("height", &h.to_string())?;
    copy.set_attribute("xmlns", "http://www.w3.org/2000/svg")?;
    copy.set_attribute("font-family", "system-ui, -apple-system, Segoe UI, Roboto, sans-serif")?;
    XmlSerializer::new()?.serialize_to_string(&copy)
}

fn save_svg(p: &TopicExportProps) -> Result<(), JsValue> {
    let text = svg_text(p)?;
    download(&format!("topic-map-{}.svg", p.scope), "image/svg+xml", &text)
}

fn save_png(p: &TopicExportProps) -> Result<(), JsValue> {
    let url = png_data_url(&p.topics, &p.map, p.count, p.threshold)?;
    download_url(&format!("topic-map-{}.png", p.scope), &url)
}
