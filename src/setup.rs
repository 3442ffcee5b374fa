//! How one reader is set up: which panels it shows, its colour theme, whether it keeps its view
//! in the page's URL, and who hears about its changes. The standalone site uses the defaults;
//! an embedding page chooses with attributes (checked in `embed::options`).

use std::rc::Rc;

use crate::embed::bridge::Bridge;
use crate::url_state::ViewState;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panels {
    /// The article list, and search results beside it.
    pub list: bool,
    pub reader: bool,
    pub quotes: bool,
    pub map: bool,
}

impl Default for Panels {
    fn default() -> Self {
        Panels { list: true, reader: true, quotes: true, map: true }
    }
}

impl Panels {
    pub const NAMES: [&'static str; 4] = ["list", "reader", "quotes", "map"];

    /// `"list reader"` or `"list,reader"`: the named panels only. Unknown names are an error
    /// naming them; an empty list means every panel.
    pub fn parse(text: &str) -> Result<Panels, String> {
        let names: Vec<&str> = text.split([',', ' ']).map(str::trim).filter(|n| !n.is_empty()).collect();
        if names.is_empty() {
            return Ok(Panels::default());
        }
        let unknown: Vec<String> =
            names.iter().filter(|n| !Self::NAMES.contains(&n.to_ascii_lowercase().as_str())).map(|n| format!("“{n}”")).collect();
        if !unknown.is_empty() {
            return Err(unknown.join(", "));
        }
        let has = |name: &str| names.iter().any(|n| n.eq_ignore_ascii_case(name));
        Ok(Panels { list: has("list"), reader: has("reader"), quotes: has("quotes"), map: has("map") })
    }

    /// Whether every panel is shown (the full three-column layout).
    pub fn all(&self) -> bool {
        *self == Panels::default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the reader's system setting.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn parse(text: &str) -> Option<Theme> {
        match text.trim().to_ascii_lowercase().as_str() {
            "" | "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The `data-theme` value the styles key on; none for auto.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Setup {
    pub panels: Panels,
    pub theme: Theme,
    /// Read the view from the URL hash and keep it there (back and forward work). Only one
    /// reader on a page should.
    pub url_hash: bool,
    /// The view to start in when the URL is not used.
    pub start: ViewState,
    /// Problems with how the page set this reader up, shown above it.
    pub problems: Vec<String>,
    /// The page's handle on this reader, when it was embedded.
    pub bridge: Option<Rc<Bridge>>,
    /// The collection's name in the reader's bar (a site `lectern build` made); else "Lectern".
    pub title: Option<String>,
}

impl Setup {
    /// The view the reader opens in: the URL's, or the one the page asked for.
    pub fn first_view(&self) -> ViewState {
        if self.url_hash { crate::url_state::read() } else { self.start.clone() }
    }
}

impl Default for Setup {
    /// The standalone site: every panel, the system's theme, the view in the URL.
    fn default() -> Self {
        Setup {
            panels: Panels::default(),
            theme: Theme::Auto,
            url_hash: true,
            start: ViewState::default(),
            problems: Vec::new(),
            bridge: None,
            title: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panels_by_name_in_any_separator_and_case() {
        let p = Panels::parse("List, MAP").unwrap();
        assert_eq!(p, Panels { list: true, reader: false, quotes: false, map: true });
        assert_eq!(Panels::parse("  "), Ok(Panels::default()));
        assert_eq!(Panels::parse("list sidebar,x"), Err("“sidebar”, “x”".to_string()));
    }

    #[test]
    fn themes() {
        assert_eq!(Theme::parse(" Dark "), Some(Theme::Dark));
        assert_eq!(Theme::parse(""), Some(Theme::Auto));
        assert_eq!(Theme::parse("purple"), None);
    }
}
