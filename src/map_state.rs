//! How the reader is looking at the topic map: which articles, how many topics, which links,
//! zoom and pan, map or table. A reducer of its own, tested natively; the map's data never
//! changes here, so nothing is laid out again.

use std::rc::Rc;

use yew::Reducible;

pub const DEFAULT_TOPICS: usize = 30;
pub const TOPIC_CHOICES: [usize; 5] = [10, 20, 30, 50, 100];
const MIN_ZOOM: f32 = 0.5;
const MAX_ZOOM: f32 = 8.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    OpenArticle,
    /// Two articles side by side: topics both cover, and topics only one covers.
    Compare,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MapView {
    pub scope: Scope,
    pub count: usize,
    /// Links weaker than this are hidden (0 to 1).
    pub threshold: f32,
    pub zoom: f32,
    /// Offset of the view's centre from the map's centre, in map units.
    pub pan: (f32, f32),
    pub as_list: bool,
    /// The two articles compared (indices).
    pub compared: (usize, usize),
}

impl Default for MapView {
    fn default() -> Self {
        MapView { scope: Scope::All, count: DEFAULT_TOPICS, threshold: 0.3, zoom: 1.0, pan: (0.0, 0.0), as_list: false, compared: (0, 1) }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum MapAction {
    Scope(Scope),
    Count(usize),
    Threshold(f32),
    /// Multiply the zoom, keeping the point `at` (map units from the centre) where it is.
    ZoomBy { factor: f32, at: (f32, f32) },
    PanBy(f32, f32),
    Reset,
    ShowList(bool),
    Compare { first: bool, article: usize },
}

impl Reducible for MapView {
    type Action = MapAction;

    fn reduce(self: Rc<Self>, action: MapAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            MapAction::Scope(scope) => {
                next.scope = scope;
                (next.zoom, next.pan) = (1.0, (0.0, 0.0));
            }
            MapAction::Count(count) => next.count = count.max(1),
            MapAction::Threshold(t) => next.threshold = if t.is_finite() { t.clamp(0.0, 1.0) } else { next.threshold },
            MapAction::ZoomBy { factor, at } => {
                let zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
                let kept = zoom / self.zoom;
                // The point under the cursor stays under the cursor.
                next.pan = (at.0 - (at.0 - self.pan.0) / kept, at.1 - (at.1 - self.pan.1) / kept);
                next.zoom = zoom;
            }
            MapAction::PanBy(dx, dy) if dx.is_finite() && dy.is_finite() => next.pan = (self.pan.0 + dx, self.pan.1 + dy),
            MapAction::PanBy(..) => {}
            MapAction::Reset => (next.zoom, next.pan) = (1.0, (0.0, 0.0)),
            MapAction::ShowList(list) => next.as_list = list,
            MapAction::Compare { first: true, article } => next.compared.0 = article,
            MapAction::Compare { first: false, article } => next.compared.1 = article,
        }
        if next == *self { self } else { Rc::new(next) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> Rc<MapView> {
        Rc::new(MapView::default())
    }

    #[test]
    fn zoom_is_bounded_and_keeps_the_point_under_the_cursor() {
        let v = view().reduce(MapAction::ZoomBy { factor: 2.0, at: (100.0, 0.0) });
        assert_eq!(v.zoom, 2.0);
        assert_eq!(v.pan, (50.0, 0.0));
        let v = (0..20).fold(v, |v, _| v.reduce(MapAction::ZoomBy { factor: 2.0, at: (0.0, 0.0) }));
        assert_eq!(v.zoom, MAX_ZOOM);
        let v = v.reduce(MapAction::Reset);
        assert_eq!((v.zoom, v.pan), (1.0, (0.0, 0.0)));
    }

    #[test]
    fn odd_input_is_clamped_or_ignored() {
        let v = view().reduce(MapAction::Threshold(f32::NAN));
        assert_eq!(v.threshold, 0.3);
        assert_eq!(v.clone().reduce(MapAction::Threshold(7.0)).threshold, 1.0);
        assert_eq!(v.clone().reduce(MapAction::PanBy(f32::INFINITY, 1.0)).pan, (0.0, 0.0));
        assert_eq!(v.reduce(MapAction::Count(0)).count, 1);
    }

    #[test]
    fn a_new_scope_starts_unzoomed() {
        let v = view().reduce(MapAction::ZoomBy { factor: 3.0, at: (0.0, 0.0) }).reduce(MapAction::Scope(Scope::OpenArticle));
        assert_eq!((v.scope, v.zoom), (Scope::OpenArticle, 1.0));
    }
}
