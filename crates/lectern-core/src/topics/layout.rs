//! Where each topic sits: a deterministic force-directed layout (Fruchterman–Reingold from a
//! spiral start, fixed iterations, no randomness), then label boxes pushed apart until none
//! overlap. Sizes are in the map's own units; the browser scales the whole drawing to fit.

/// One topic's place and size. The label sits centred under the circle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    pub x: f32,
    pub y: f32,
    pub r: f32,
    pub font: f32,
    pub label_width: f32,
}

/// Average advance of a sans-serif character, as a share of the font size. The browser draws
/// each label at exactly this width (`textLength`), so boxes computed here are the boxes seen.
pub const CHAR_WIDTH: f32 = 0.56;
const LABEL_GAP: f32 = 2.0;
const PAD: f32 = 3.0;
const MARGIN: f32 = 12.0;
const ITERATIONS: usize = 120;
/// How far repulsion reaches, in ideal distances.
const REPULSION_REACH: f32 = 3.0;

pub struct Laid {
    pub places: Vec<Place>,
    pub width: f32,
    pub height: f32,
}

/// `sizes` are mention counts (biggest first is best); edges are (a, b, weight in 0..=1).
pub fn layout(labels: &[&str], sizes: &[usize], edges: &[(usize, usize, f32)]) -> Laid {
    let n = labels.len();
    let max = sizes.iter().copied().max().unwrap_or(1).max(1) as f32;
    let mut places: Vec<Place> = (0..n)
        .map(|i| {
            let share = (sizes[i] as f32 / max).sqrt();
            let font = 11.0 + 5.0 * share;
            let angle = i as f32 * 2.399_963;
            let radius = 60.0 * (i as f32 + 0.5).sqrt();
            Place {
                x: radius * angle.cos(),
                y: radius * angle.sin(),
                r: 5.0 + 13.0 * share,
                font,
                label_width: labels[i].chars().count() as f32 * font * CHAR_WIDTH,
            }
        })
        .collect();
    forces(&mut places, edges);
    separate(&mut places);
    fit(places)
}

fn forces(places: &mut [Place], edges: &[(usize, usize, f32)]) {
    let n = places.len();
    if n < 2 {
        return;
    }
    // The ideal distance grows with the labels, so forces already leave room for them and the
    // overlap removal has little left to do.
    let mean_width = places.iter().map(|p| bounds(p).2 - bounds(p).0).sum::<f32>() / n as f32;
    let k = (0.75 * mean_width).max(60.0);
    let mut shift = vec![(0.0f32, 0.0f32); n];
    for step in 0..ITERATIONS {
        let temperature = k * 0.6 * (1.0 - step as f32 / ITERATIONS as f32) + 0.5;
        shift.iter_mut().for_each(|s| *s = (0.0, 0.0));
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (places[i].x - places[j].x, places[i].y - places[j].y);
                let d2 = (dx * dx + dy * dy).max(0.01);
                // Repulsion reaches a few ideal distances, no further (as in Fruchterman and
                // Reingold's grid variant): summed over a whole map it would outpull gravity
                // and push an unlinked topic ~25 distances out, shrinking the rest to a dot.
                if d2 > REPULSION_REACH * REPULSION_REACH * k * k {
                    continue;
                }
                let f = k * k / d2;
                shift[i].0 += dx * f;
                shift[i].1 += dy * f;
                shift[j].0 -= dx * f;
                shift[j].1 -= dy * f;
            }
        }
        for &(a, b, w) in edges {
            let (dx, dy) = (places[a].x - places[b].x, places[a].y - places[b].y);
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            let f = d / k * (0.2 + w);
            shift[a].0 -= dx * f;
            shift[a].1 -= dy * f;
            shift[b].0 += dx * f;
            shift[b].1 += dy * f;
        }
        for (p, s) in places.iter_mut().zip(&shift) {
            // Gravity keeps unlinked topics from drifting off.
            let (sx, sy) = (s.0 - p.x * 0.05, s.1 - p.y * 0.05);
            let len = (sx * sx + sy * sy).sqrt().max(0.01);
            let step = len.min(temperature);
            p.x += sx / len * step;
            p.y += sy / len * step;
        }
    }
}

/// The box a topic takes: its circle and the label under it, padded.
pub fn bounds(p: &Place) -> (f32, f32, f32, f32) {
    let half = p.r.max(p.label_width / 2.0) + PAD;
    (p.x - half, p.y - p.r - PAD, p.x + half, p.y + p.r + LABEL_GAP + p.font * 1.25 + PAD)
}

fn overlap(a: (f32, f32, f32, f32), b: (f32, f32, f32, f32)) -> Option<(f32, f32)> {
    let ox = a.2.min(b.2) - a.0.max(b.0);
    let oy = a.3.min(b.3) - a.1.max(b.1);
    (ox > 0.0 && oy > 0.0).then_some((ox, oy))
}

/// Push overlapping boxes apart along the axis they overlap least, half each, until none do.
/// Boxes are swept in order of their left edge, so only neighbours along x are compared.
fn separate(places: &mut [Place]) {
    let n = places.len();
    let mut boxes: Vec<(f32, f32, f32, f32)> = places.iter().map(bounds).collect();
    let mut order: Vec<usize> = (0..n).collect();
    for _ in 0..500 {
        let mut clean = true;
        order.sort_by(|&a, &b| boxes[a].0.total_cmp(&boxes[b].0));
        for oi in 0..n {
            let i = order[oi];
            for &j in &order[oi + 1..] {
                if boxes[j].0 >= boxes[i].2 {
                    break;
                }
                let Some((ox, oy)) = overlap(boxes[i], boxes[j]) else { continue };
                clean = false;
                let (dx, dy) = if ox < oy {
                    let dir = if places[i].x <= places[j].x { 1.0 } else { -1.0 };
                    (dir * (ox / 2.0 + 0.5), 0.0)
                } else {
                    let (ci, cj) = ((boxes[i].1 + boxes[i].3) / 2.0, (boxes[j].1 + boxes[j].3) / 2.0);
                    (0.0, if ci <= cj { 1.0 } else { -1.0 } * (oy / 2.0 + 0.5))
                };
                places[i].x -= dx;
                places[i].y -= dy;
                places[j].x += dx;
                places[j].y += dy;
                boxes[i] = bounds(&places[i]);
                boxes[j] = bounds(&places[j]);
            }
        }
        if clean {
            return;
        }
    }
}

/// Move everything inside a margin and report the drawing's size.
fn fit(mut places: Vec<Place>) -> Laid {
    if places.is_empty() {
        return Laid { places, width: 2.0 * MARGIN, height: 2.0 * MARGIN };
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for p in &places {
        let b = bounds(p);
        (x0, y0, x1, y1) = (x0.min(b.0), y0.min(b.1), x1.max(b.2), y1.max(b.3));
    }
    for p in places.iter_mut() {
        p.x = round(p.x - x0 + MARGIN);
        p.y = round(p.y - y0 + MARGIN);
        p.label_width = round(p.label_width);
    }
    Laid { places, width: round(x1 - x0 + 2.0 * MARGIN), height: round(y1 - y0 + 2.0 * MARGIN) }
}

fn round(v: f32) -> f32 {
    (v * 10.0).round() / 10.0
}

/// Do any two topics' boxes overlap? (For tests, and for anyone checking a layout.)
pub fn any_overlap(places: &[Place]) -> Option<(usize, usize)> {
    for i in 0..places.len() {
        for j in i + 1..places.len() {
            if overlap(bounds(&places[i]), bounds(&places[j])).is_some_and(|(ox, oy)| ox > 0.2 && oy > 0.2) {
                return Some((i, j));
            }
        }
    }
    None
}

