//! What an embedding page asked for — attributes of `<lectern-reader>` or the options of
//! `Lectern.mount` — checked. A value that makes no sense gets a message saying so and the
//! default instead: the reader still shows.

use crate::setup::{Panels, Setup, Theme};
use crate::url_state::ViewState;

/// The options as the page wrote them (every value a string, absent ones `None`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawOptions {
    pub src: Option<String>,
    pub query: Option<String>,
    pub article: Option<String>,
    pub panels: Option<String>,
    pub theme: Option<String>,
    pub height: Option<String>,
    pub history: Option<String>,
}

/// The checked options.
#[derive(Debug, Clone, PartialEq)]
pub struct EmbedOptions {
    /// A bundle URL to load instead of the built-in articles.
    pub src: Option<String>,
    /// A CSS height for the widget; `None` keeps the stylesheet's.
    pub height: Option<String>,
    pub setup: Setup,
}

/// Longest query an attribute may set: more is a mistake, not a search.
const MAX_QUERY: usize = 500;

pub fn check(raw: &RawOptions) -> EmbedOptions {
    let mut problems = Vec::new();
    let given = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);

    let src = given(&raw.src).and_then(|src| checked_src(&src).map_err(|e| problems.push(e)).ok());
    let panels = match Panels::parse(raw.panels.as_deref().unwrap_or("")) {
        Ok(p) => p,
        Err(unknown) => {
            problems.push(format!(
                "panels=\"{}\": {unknown} is not a panel (use {}); showing every panel.",
                raw.panels.as_deref().unwrap_or(""),
                Panels::NAMES.join(", ")
            ));
            Panels::default()
        }
    };
    let theme = Theme::parse(raw.theme.as_deref().unwrap_or("")).unwrap_or_else(|| {
        problems.push(format!("theme=\"{}\" is not light, dark or auto; using auto.", raw.theme.as_deref().unwrap_or("")));
        Theme::Auto
    });
    let height = given(&raw.height).and_then(|h| {
        let css = css_height(&h);
        if css.is_none() {
            problems.push(format!("height=\"{h}\" is not a height such as 600px, 40em or 80vh; using the default."));
        }
        css
    });
    let url_hash = match given(&raw.history).as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("none") => false,
        Some("hash") => true,
        Some(_) => {
            problems.push(format!("history=\"{}\" is not hash or none; the URL is left alone.", raw.history.as_deref().unwrap_or("")));
            false
        }
    };
    let mut query: String = raw.query.clone().unwrap_or_default();
    if query.chars().count() > MAX_QUERY {
        problems.push(format!("The query attribute is longer than {MAX_QUERY} characters; it was shortened."));
        query = query.chars().take(MAX_QUERY).collect();
    }
    let start = ViewState { query, article: given(&raw.article), ..Default::default() };
    EmbedOptions { src, height, setup: Setup { panels, theme, url_hash, start, problems, bridge: None, title: None } }
}

/// A bundle URL from an attribute or the site's `?src=`, or why it will not be fetched.
pub fn checked_src(src: &str) -> Result<String, String> {
    let src = src.trim();
    bundle_url(src)
        .map(|()| src.to_string())
        .map_err(|why| format!("src=\"{src}\" {why}; showing the built-in articles."))
}

/// Bundles come over http(s), from a path on this host, or (opened from disk) a file.
fn bundle_url(src: &str) -> Result<(), &'static str> {
    let scheme_end = src.find([':', '/', '?', '#']);
    match scheme_end.filter(|&i| src[i..].starts_with(':')) {
        None => Ok(()),
        Some(i) if ["http", "https", "file"].contains(&src[..i].to_ascii_lowercase().as_str()) => Ok(()),
        Some(_) => Err("is not an http(s) or relative URL"),
    }
}

/// A CSS height from an attribute: a number means pixels; lengths keep their unit.
fn css_height(text: &str) -> Option<String> {
    const UNITS: [&str; 12] = ["px", "em", "rem", "vh", "dvh", "svh", "lvh", "vw", "vmin", "vmax", "ch", "%"];
    if text.eq_ignore_ascii_case("auto") {
        return Some("auto".to_string());
    }
    let number_end = text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
    let (number, unit) = text.split_at(number_end);
    let value: f64 = number.parse().ok()?;
    if !(value > 0.0 && value.is_finite()) {
        return None;
    }
    match unit.to_ascii_lowercase().as_str() {
        "" => Some(format!("{number}px")),
        u if UNITS.contains(&u) => Some(format!("{number}{u}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(f: impl FnOnce(&mut RawOptions)) -> RawOptions {
        let mut r = RawOptions::default();
        f(&mut r);
        r
    }

    #[test]
    fn defaults_are_quiet_and_leave_the_url_alone() {
        let o = check(&RawOptions::default());
        assert_eq!((o.src, o.height), (None, None));
        assert!(o.setup.problems.is_empty());
        assert!(!o.setup.url_hash);
        assert!(o.setup.panels.all());
    }

    #[test]
    fn good_values_are_taken() {
        let o = check(&raw(|r| {
            r.src = Some(" /corpus.lectern ".into());
            r.query = Some("gas pipeline".into());
            r.article = Some("001_x".into());
            r.panels = Some("reader quotes".into());
            r.theme = Some("dark".into());
            r.height = Some("480".into());
            r.history = Some("hash".into());
        }));
        assert!(o.setup.problems.is_empty(), "{:?}", o.setup.problems);
        assert_eq!(o.src.as_deref(), Some("/corpus.lectern"));
        assert_eq!(o.height.as_deref(), Some("480px"));
        assert_eq!((o.setup.theme, o.setup.url_hash), (Theme::Dark, true));
        assert_eq!(o.setup.start.query, "gas pipeline");
        assert_eq!(o.setup.start.article.as_deref(), Some("001_x"));
        assert!(!o.setup.panels.list && o.setup.panels.reader);
    }

    #[test]
    fn each_bad_value_gets_its_own_message_and_the_default() {
        let o = check(&raw(|r| {
            r.src = Some("javascript:alert(1)".into());
            r.panels = Some("list,sidebar".into());
            r.theme = Some("purple".into());
            r.height = Some("tall; color: red".into());
            r.history = Some("yes".into());
        }));
        let p = &o.setup.problems;
        assert_eq!(p.len(), 5, "{p:?}");
        assert!(p[0].starts_with("src=\"javascript:alert(1)\" is not an http(s) or relative URL"));
        assert!(p[1].contains("“sidebar” is not a panel"));
        assert!(p[2].contains("theme=\"purple\""));
        assert!(p[3].contains("height=\"tall; color: red\""));
        assert!(p[4].contains("history=\"yes\""));
        assert_eq!((o.src, o.height, o.setup.theme), (None, None, Theme::Auto));
        assert!(o.setup.panels.all());
    }

    #[test]
    fn heights() {
        assert_eq!(css_height("80vh").as_deref(), Some("80vh"));
        assert_eq!(css_height("12.5EM").as_deref(), Some("12.5em"));
        assert_eq!(css_height("auto").as_deref(), Some("auto"));
        for bad in ["0", "-5px", "1e3px", "px", "100px)", "calc(1px)", "NaN"] {
            assert_eq!(css_height(bad), None, "{bad}");
        }
    }

    #[test]
    fn bundle_urls() {
        for ok in ["corpus.lectern", "/a/b.lectern?v=2", "https://x.org/c", "HTTP://x", "./a:b", "file:///tmp/x"] {
            assert!(bundle_url(ok).is_ok(), "{ok}");
        }
        for bad in ["javascript:alert(1)", "data:text/plain,x", " vbscript:x"] {
            assert!(bundle_url(bad.trim()).is_err(), "{bad}");
        }
    }
}
