//! The topic map drawn straight onto a canvas, for the PNG download. Drawing from the model
//! (not by loading the SVG as an image) needs no data: or blob: image, which a strict
//! Content-Security-Policy (`img-src 'self'`) would refuse.

use lectern_core::topics::view::visible;
use lectern_core::topics::{TopicMap, Topics};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::components::topic_graph::cluster_colour;

/// Pixels per map unit: sharp on high-density screens.
const SCALE: f64 = 2.0;
const MARGIN: f64 = 12.0;

/// The visible part of the map (its first `count` topics, links of at least `threshold`) as a
/// PNG data URL, on white.
pub fn png_data_url(topics: &Topics, map: &TopicMap, count: usize, threshold: f32) -> Result<String, JsValue> {
    let (nodes, links) = visible(map, count, threshold);
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for n in &nodes {
        let half = f64::from(n.r.max(n.label_width / 2.0));
        x0 = x0.min(f64::from(n.x) - half);
        x1 = x1.max(f64::from(n.x) + half);
        y0 = y0.min(f64::from(n.y - n.r));
        y1 = y1.max(f64::from(n.y + n.r + 4.0 + n.font * 1.2));
    }
    if nodes.is_empty() {
        (x0, y0, x1, y1) = (0.0, 0.0, 100.0, 100.0);
    }
    let (width, height) = (x1 - x0 + 2.0 * MARGIN, y1 - y0 + 2.0 * MARGIN);
    let canvas: HtmlCanvasElement = gloo::utils::document().create_element("canvas")?.dyn_into()?;
    canvas.set_width((width * SCALE).ceil() as u32);
    canvas.set_height((height * SCALE).ceil() as u32);
    let c: CanvasRenderingContext2d = canvas.get_context("2d")?.ok_or("no 2d context")?.dyn_into()?;
    c.set_fill_style_str("#ffffff");
    c.fill_rect(0.0, 0.0, width * SCALE, height * SCALE);
    c.scale(SCALE, SCALE)?;
    c.translate(MARGIN - x0, MARGIN - y0)?;

    c.set_stroke_style_str("rgba(138, 129, 120, 0.55)");
    for l in links {
        let (p, q) = (&map.nodes[l.source as usize], &map.nodes[l.target as usize]);
        c.set_line_width(0.75 + 5.0 * f64::from(l.weight));
        c.begin_path();
        c.move_to(p.x.into(), p.y.into());
        c.line_to(q.x.into(), q.y.into());
        c.stroke();
    }
    c.set_text_align("center");
    c.set_line_join("round");
    for n in &nodes {
        c.begin_path();
        c.arc(n.x.into(), n.y.into(), n.r.into(), 0.0, std::f64::consts::TAU)?;
        c.set_fill_style_str(cluster_colour(n.cluster));
        c.fill();
        c.set_stroke_style_str("#ffffff");
        c.set_line_width(1.5);
        c.stroke();
        // The label on a white halo, as in the SVG.
        let (x, y) = (f64::from(n.x), f64::from(n.y + n.r + 2.0 + n.font * 0.95));
        c.set_font(&format!("{}px system-ui, sans-serif", n.font));
        c.set_line_width(3.0);
        c.stroke_text(topics.label(n.topic), x, y)?;
        c.set_fill_style_str("#1f1b16");
        c.fill_text(topics.label(n.topic), x, y)?;
    }
    canvas.to_data_url_with_type("image/png")
}
