use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use lectern_core::topics::view::visible;
use lectern_core::topics::{Node, TopicMap, Topics};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, PointerEvent, WheelEvent};
use yew::prelude::*;

use crate::map_state::{MapAction, MapView};

/// Cluster colours (Tableau 10, legible on light and dark); clusters beyond them are grey.
pub const CLUSTER_COLOURS: [&str; 8] = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948", "#9c755f"];

pub fn cluster_colour(cluster: u32) -> &'static str {
    CLUSTER_COLOURS.get(cluster as usize).copied().unwrap_or("#9a948c")
}

#[derive(Properties, PartialEq)]
pub struct TopicGraphProps {
    pub topics: Rc<Topics>,
    pub map: Rc<TopicMap>,
    pub view: MapView,
    /// Articles in the map's scope (for the tooltip's "in N articles").
    pub scope_articles: usize,
    /// Topic labels the reading view is filtered by.
    pub selected: Vec<String>,
    pub on_view: Callback<MapAction>,
    pub on_pick: Callback<String>,
}

/// The map as one SVG: links, then nodes (circle and label). Positions come laid out; hover
/// and focus only change classes. Wheel, drag and keys zoom and pan by changing the viewBox.
#[component]
pub fn TopicGraph(props: &TopicGraphProps) -> Html {
    let hovered = use_state(|| None::<usize>);
    let svg = use_node_ref();
    let drag = use_mut_ref(|| None::<(f64, f64)>);
    let (nodes, links) = visible(&props.map, props.view.count, props.view.threshold);
    let frame = frame(&nodes, &props.view);
    let units_per_pixel = {
        let svg = svg.clone();
        move || {
            let width = svg.cast::<Element>().map_or(0.0, |e| e.get_bounding_client_rect().width());
            if width > 0.0 { frame.2 as f64 / width } else { 1.0 }
        }
    };
    // Wheel zoom needs preventDefault, which a passive listener cannot call.
    {
        let (svg, on_view, upp) = (svg.clone(), props.on_view.clone(), units_per_pixel.clone());
        use_effect_with(frame.2.to_bits(), move |_| {
            let listener = svg.cast::<Element>().map(|element| {
                let options = EventListenerOptions::enable_prevent_default();
                let target = element.clone();
                EventListener::new_with_options(&element, "wheel", options, move |event| {
                    let Some(wheel) = event.dyn_ref::<WheelEvent>() else { return };
                    wheel.prevent_default();
                    let rect = target.get_bounding_client_rect();
                    let scale = upp();
                    let at = (
                        ((wheel.client_x() as f64 - rect.left() - rect.width() / 2.0) * scale) as f32,
                        ((wheel.client_y() as f64 - rect.top() - rect.height() / 2.0) * scale) as f32,
                    );
                    let factor = if wheel.delta_y() < 0.0 { 1.2 } else { 1.0 / 1.2 };
                    on_view.emit(MapAction::ZoomBy { factor, at: (at.0 + 0.0, at.1) });
                })
            });
            move || drop(listener)
        });
    }
    let on_pointer_down = {
        let drag = drag.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() == 0 {
                *drag.borrow_mut() = Some((e.client_x() as f64, e.client_y() as f64));
            }
        })
    };
    let on_pointer_move = {
        let (drag, on_view, upp) = (drag.clone(), props.on_view.clone(), units_per_pixel.clone());
        Callback::from(move |e: PointerEvent| {
            let Some((x, y)) = *drag.borrow() else { return };
            let (nx, ny) = (e.client_x() as f64, e.client_y() as f64);
            if (nx - x).abs() + (ny - y).abs() < 3.0 {
                return;
            }
            if let Some(target) = e.current_target().and_then(|t| t.dyn_into::<Element>().ok()) {
                let _ = target.set_pointer_capture(e.pointer_id());
            }
            let scale = upp();
            on_view.emit(MapAction::PanBy(((x - nx) * scale) as f32, ((y - ny) * scale) as f32));
            *drag.borrow_mut() = Some((nx, ny));
        })
    };
    let on_pointer_up = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };
    let on_key = {
        let on_view = props.on_view.clone();
        let step = frame.2 / 10.0;
        Callback::from(move |e: KeyboardEvent| {
            let action = match e.key().as_str() {
                "ArrowLeft" => MapAction::PanBy(-step, 0.0),
                "ArrowRight" => MapAction::PanBy(step, 0.0),
                "ArrowUp" => MapAction::PanBy(0.0, -step),
                "ArrowDown" => MapAction::PanBy(0.0, step),
                "+" | "=" => MapAction::ZoomBy { factor: 1.25, at: (0.0, 0.0) },
                "-" | "_" => MapAction::ZoomBy { factor: 0.8, at: (0.0, 0.0) },
                "0" => MapAction::Reset,
                _ => return,
            };
            e.prevent_default();
            on_view.emit(action);
        })
    };
    let neighbours: Vec<usize> = hovered
        .map(|h| {
            links
                .iter()
                .filter_map(|l| match (l.source as usize, l.target as usize) {
                    (s, t) if s == h => Some(t),
                    (s, t) if t == h => Some(s),
                    _ => None,
                })
                .chain(std::iter::once(h))
                .collect()
        })
        .unwrap_or_default();
    let faded = |i: usize| hovered.is_some() && !neighbours.contains(&i);
    let label = |n: &Node| props.topics.label(n.topic).to_string();
    html! {
        <svg
            ref={svg}
            class="lectern-topic-svg"
            viewBox={format!("{} {} {} {}", frame.0, frame.1, frame.2, frame.3)}
            preserveAspectRatio="xMidYMid meet"
            role="group"
            tabindex="0"
            aria-label={format!("Topic map of {} topics. Arrow keys pan, + and − zoom, 0 resets.", nodes.len())}
            onkeydown={on_key}
            onpointerdown={on_pointer_down}
            onpointermove={on_pointer_move}
            onpointerup={on_pointer_up.clone()}
            onpointercancel={on_pointer_up}
        >
            <g class="lectern-links">
                for l in links.iter() {
                    { link_line(&props.map.nodes, l.source as usize, l.target as usize, l.weight,
                        hovered.is_some() && !(neighbours.contains(&(l.source as usize)) && neighbours.contains(&(l.target as usize)))) }
                }
            </g>
            <g class="lectern-nodes">
                for (i, n) in nodes.iter().enumerate() {
                    { node(props, &hovered, i, n, label(n), faded(i)) }
                }
            </g>
            if let Some(h) = *hovered {
                if let Some(n) = nodes.get(h) {
                    { tooltip(n, &label(n), props.scope_articles, &props.topics, frame) }
                }
            }
        </svg>
    }
}

/// The viewBox: the visible nodes' bounds, zoomed and panned.
fn frame(nodes: &[&Node], view: &MapView) -> (f32, f32, f32, f32) {
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for n in nodes {
        let half = n.r.max(n.label_width / 2.0) + 6.0;
        (x0, y0) = (x0.min(n.x - half), y0.min(n.y - n.r - 6.0));
        (x1, y1) = (x1.max(n.x + half), y1.max(n.y + n.r + n.font * 1.6 + 6.0));
    }
    if nodes.is_empty() {
        (x0, y0, x1, y1) = (0.0, 0.0, 100.0, 60.0);
    }
    let (w, h) = ((x1 - x0) / view.zoom, (y1 - y0) / view.zoom);
    let (cx, cy) = ((x0 + x1) / 2.0 + view.pan.0, (y0 + y1) / 2.0 + view.pan.1);
    (cx - w / 2.0, cy - h / 2.0, w, h)
}

fn link_line(nodes: &[Node], a: usize, b: usize, weight: f32, faded: bool) -> Html {
    let (p, q) = (&nodes[a], &nodes[b]);
    html! {
        <line
            key={format!("{a}-{b}")}
            class={classes!("lectern-link", faded.then_some("lectern-faded"))}
            x1={p.x.to_string()} y1={p.y.to_string()} x2={q.x.to_string()} y2={q.y.to_string()}
            stroke="#8a8178"
            stroke-opacity="0.55"
            stroke-width={format!("{:.2}", 0.75 + 5.0 * weight)}
        />
    }
}

fn node(props: &TopicGraphProps, hovered: &UseStateHandle<Option<usize>>, i: usize, n: &Node, label: String, faded: bool) -> Html {
    let selected = props.selected.contains(&label);
    let pick = {
        let (on_pick, label) = (props.on_pick.clone(), label.clone());
        move || on_pick.emit(label.clone())
    };
    let on_click = {
        let pick = pick.clone();
        Callback::from(move |_: MouseEvent| pick())
    };
    let on_key = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            e.stop_propagation();
            pick();
        }
    });
    let enter = {
        let hovered = hovered.clone();
        Callback::from(move |_| hovered.set(Some(i)))
    };
    let leave = {
        let hovered = hovered.clone();
        Callback::from(move |_| hovered.set(None))
    };
    let articles = props.topics.topics[n.topic as usize].articles.min(props.scope_articles);
    html! {
        <g
            key={label.clone()}
            class={classes!("lectern-topic-node", faded.then_some("lectern-faded"), selected.then_some("lectern-topic-selected"))}
            data-testid="topic-node"
            data-label={label.clone()}
            role="button"
            tabindex="0"
            aria-pressed={selected.to_string()}
            aria-label={format!("{label}: {} mentions in {}", n.count, plural(articles, "article"))}
            onclick={on_click}
            onkeydown={on_key}
            onmouseenter={enter.reform(|_: MouseEvent| ())}
            onmouseleave={leave.reform(|_: MouseEvent| ())}
            onfocus={enter.reform(|_: FocusEvent| ())}
            onblur={leave.reform(|_: FocusEvent| ())}
        >
            <circle cx={n.x.to_string()} cy={n.y.to_string()} r={n.r.to_string()} fill={cluster_colour(n.cluster)} stroke="#ffffff" stroke-width="1.5" />
            <text
                x={n.x.to_string()}
                y={(n.y + n.r + 2.0 + n.font * 0.95).to_string()}
                font-size={n.font.to_string()}
                text-anchor="middle"
                textLength={n.label_width.to_string()}
                lengthAdjust="spacingAndGlyphs"
                fill="#1f1b16"
            >{ label }</text>
        </g>
    }
}

fn tooltip(n: &Node, label: &str, scope_articles: usize, topics: &Topics, frame: (f32, f32, f32, f32)) -> Html {
    let articles = topics.topics[n.topic as usize].articles.min(scope_articles);
    let text = format!("{label} — {} · {}", plural(n.count as usize, "mention"), plural(articles, "article"));
    let font = frame.2 / 45.0;
    let width = text.chars().count() as f32 * font * 0.56 + font;
    let x = (n.x - width / 2.0).clamp(frame.0, frame.0 + frame.2 - width);
    let y = (n.y - n.r - font * 2.2).max(frame.1);
    html! {
        <g class="lectern-map-tip" aria-hidden="true" pointer-events="none">
            <rect x={x.to_string()} y={y.to_string()} width={width.to_string()} height={(font * 1.7).to_string()} rx={(font * 0.3).to_string()} />
            <text x={(x + font * 0.5).to_string()} y={(y + font * 1.2).to_string()} font-size={font.to_string()}>{ text }</text>
        </g>
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}
