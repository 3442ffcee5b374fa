use yew::prelude::*;

use crate::map_state::{MapAction, MapView, TOPIC_CHOICES};

#[derive(Properties, PartialEq)]
pub struct MapControlsProps {
    pub view: MapView,
    /// Topics the map holds.
    pub total: usize,
    pub on_view: Callback<MapAction>,
}

/// How many topics, which links, zoom, and map or table: all plain form controls, so all work
/// from the keyboard.
#[component]
pub fn MapControls(props: &MapControlsProps) -> Html {
    let v = &props.view;
    let emit = |a: MapAction| {
        let on_view = props.on_view.clone();
        Callback::from(move |_: MouseEvent| on_view.emit(a.clone()))
    };
    let on_count = props.on_view.reform(|e: Event| {
        MapAction::Count(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().parse().unwrap_or(30))
    });
    let on_threshold = props.on_view.reform(|e: InputEvent| {
        MapAction::Threshold(e.target_unchecked_into::<web_sys::HtmlInputElement>().value().parse::<f32>().unwrap_or(20.0) / 100.0)
    });
    let choices: Vec<usize> = TOPIC_CHOICES.iter().copied().filter(|&c| c < props.total).chain(std::iter::once(props.total)).collect();
    let shown = v.count.min(props.total);
    html! {
        <div class="lectern-map-controls">
            <label>
                <span>{ "Topics" }</span>
                <select onchange={on_count} aria-label="How many topics to show">
                    for c in choices {
                        <option value={c.to_string()} selected={c == shown || c == props.total && shown == props.total}>
                            { if c == props.total { format!("all {c}") } else { c.to_string() } }
                        </option>
                    }
                </select>
            </label>
            <label>
                <span>{ format!("Links ≥ {:.0}%", v.threshold * 100.0) }</span>
                <input type="range" min="0" max="100" step="5" value={format!("{:.0}", v.threshold * 100.0)} oninput={on_threshold} aria-label="Weakest link shown" />
            </label>
            <div class="lectern-zoom" role="group" aria-label="Zoom">
                <button type="button" aria-label="Zoom in" onclick={emit(MapAction::ZoomBy { factor: 1.25, at: (0.0, 0.0) })}>{ "+" }</button>
                <button type="button" aria-label="Zoom out" onclick={emit(MapAction::ZoomBy { factor: 0.8, at: (0.0, 0.0) })}>{ "−" }</button>
                <button type="button" aria-label="Reset zoom and pan" onclick={emit(MapAction::Reset)}>{ "Reset" }</button>
            </div>
            <div class="lectern-segmented" role="group" aria-label="Show as">
                <button type="button" aria-pressed={(!v.as_list).to_string()} onclick={emit(MapAction::ShowList(false))}>{ "Map" }</button>
                <button type="button" aria-pressed={v.as_list.to_string()} onclick={emit(MapAction::ShowList(true))}>{ "List" }</button>
            </div>
        </div>
    }
}
