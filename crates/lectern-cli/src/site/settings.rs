//! How a site is set up (`--title`, `--description`, `--base-url`, `--theme`, `--panels`,
//! `--split`), with a title and description taken from the articles when none is given.

use std::collections::BTreeMap;

use lectern_core::Article;
use lectern_site::site_page::SitePage;

use crate::cli::{SiteArgs, SourceArgs, Split};

const PANELS: [&str; 4] = ["list", "reader", "quotes", "map"];

#[derive(Debug, Clone)]
pub struct Settings {
    pub title: Option<String>,
    pub description: Option<String>,
    pub base_url: Option<String>,
    pub theme: Option<String>,
    pub panels: Option<String>,
    pub split: Split,
    /// The one folder or file given, whose name may title the site.
    source_name: Option<String>,
}

impl Settings {
    /// The options, checked: a panel that does not exist or a base URL that is not http(s) is
    /// a mistake on the command line.
    pub fn from_args(site: &SiteArgs, sources: &SourceArgs) -> Result<Settings, String> {
        if let Some(panels) = &site.panels {
            let unknown: Vec<&str> = panels
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|p| !p.is_empty() && !PANELS.contains(&p.to_ascii_lowercase().as_str()))
                .collect();
            if !unknown.is_empty() {
                return Err(format!("--panels: {} is not a panel (use {})", unknown.join(", "), PANELS.join(", ")));
            }
        }
        if let Some(url) = &site.base_url {
            if !(url.starts_with("https://") || url.starts_with("http://") || url.starts_with('/')) {
                return Err(format!("--base-url {url}: give an http(s) address or a path starting with /"));
            }
        }
        let source_name = match &sources.sources[..] {
            [one] if sources.urls.is_empty() => {
                std::path::Path::new(one).file_stem().map(|n| capitalised(&n.to_string_lossy().replace(['-', '_'], " ")))
            }
            _ => None,
        };
        Ok(Settings {
            title: site.title.clone().filter(|t| !t.trim().is_empty()),
            description: site.description.clone().filter(|d| !d.trim().is_empty()),
            base_url: site.base_url.clone(),
            theme: Some(site.theme.name()).filter(|t| *t != "auto").map(str::to_string),
            panels: site.panels.clone(),
            split: site.split,
            source_name,
        })
    }

    /// A title and description from the articles where none was given: the source most of
    /// them share (a feed's title, a site's name), else the one folder's name.
    pub fn with_defaults(mut self, articles: &[Article]) -> Settings {
        let mut sources: BTreeMap<&str, usize> = BTreeMap::new();
        for source in articles.iter().filter_map(|a| a.source.as_deref()) {
            *sources.entry(source).or_default() += 1;
        }
        let shared = sources.into_iter().max_by_key(|&(_, n)| n).filter(|&(_, n)| n * 2 > articles.len()).map(|(s, _)| s);
        if self.title.is_none() {
            self.title = shared.map(str::to_string).or_else(|| self.source_name.clone());
        }
        if self.description.is_none() {
            let count = if articles.len() == 1 { "One article".to_string() } else { format!("{} articles", articles.len()) };
            self.description = Some(match shared {
                Some(source) => format!("{count} from {source}: search them, read their quotes, explore their topics."),
                None => format!("{count}: search them, read their quotes, explore their topics."),
            });
        }
        self
    }

    pub fn page(&self, bundle: &str) -> SitePage {
        SitePage {
            title: self.title.clone().unwrap_or_else(|| "Lectern".to_string()),
            description: self.description.clone(),
            bundle: bundle.to_string(),
            theme: self.theme.clone(),
            panels: self.panels.clone(),
            base_url: self.base_url.clone(),
        }
    }
}

/// "field notes" → "Field notes": a folder's name as a title.
fn capitalised(name: &str) -> String {
    let mut chars = name.trim().chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
