//! Start the reader from the top of Trunk's index.html rather than from its module script.
//!
//! A module script runs only once the page is parsed (and, when this was written, its
//! stylesheets had arrived: some 30 ms after the app's script and wasm, on a first load), and
//! the wasm compiles only then. A script before the styles imports the app's script as soon as
//! it arrives, and starts it; Trunk's module script then waits for that start instead of making
//! its own (a second would run the app twice). Four A/Bs of alternating cold loads at 10,000
//! articles (16 to 24 each): the first view's p50 was 1 to 23 ms sooner, 15 ms on average.

use crate::html::{attribute, find_tag};
use crate::reader::{module_script, AppFiles};
use crate::{fail, SiteError};

/// The early start's script element is found (and removed, by the single file) by this id.
pub const ID: &str = "lectern-start";

/// `page` with the early start before its styles; unchanged if it has one already.
pub fn add(page: &str, app: &AppFiles) -> Result<String, SiteError> {
    if has(page) {
        return Ok(page.to_string());
    }
    let (module, script) = module_script(page)?;
    let call = format!("init({{ module_or_path: './{}' }})", app.wasm);
    if !script.contains(&call) {
        return fail("the reader's module script does not start the wasm as this code expects");
    }
    let patched = script.replace(&call, &format!("(window.lecternStart || {call})"));
    let first_style = [page.find("<style"), page.find("<link")].into_iter().flatten().min();
    let Some(first_style) = first_style.filter(|&at| at < module.start) else {
        return fail("the reader's index.html has no styles before its module script");
    };
    let early = format!(
        "<script id={ID}>window.lecternStart = import(\"./{}\").then(function (app) {{ \
         return app.default({{ module_or_path: \"./{}\" }}); }});</script>",
        app.glue, app.wasm
    );
    let module_tag_end = module.start + page[module.start..].find('>').unwrap_or(0) + 1;
    Ok(format!(
        "{}{early}{}{patched}{}",
        &page[..first_style],
        &page[first_style..module_tag_end],
        &page[module.end - "</script>".len()..]
    ))
}

pub fn has(page: &str) -> bool {
    find_tag(page, "script", 0, |t| attribute(t, "id") == Some(ID)).is_some()
}

/// `page` without the early start (a single file has no app script to import).
pub fn remove(page: &str) -> String {
    match find_tag(page, "script", 0, |t| attribute(t, "id") == Some(ID)) {
        Some(tag) => {
            let end = page[tag.end..].find("</script>").map_or(tag.end, |at| tag.end + at + "</script>".len());
            format!("{}{}", &page[..tag.start], &page[end..])
        }
        None => page.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::tests::build;

    #[test]
    fn the_start_goes_before_the_styles_and_the_module_script_waits_for_it() {
        let files = build();
        let page = add(files.index().unwrap(), &files.app_files().unwrap()).unwrap();
        let early = page.find("<script id=lectern-start>window.lecternStart = import(\"./lectern-reader-abc.js\")").unwrap();
        assert!(early < page.find("<style").unwrap());
        assert!(page.contains("(window.lecternStart || init({ module_or_path: './lectern-reader-abc_bg.wasm' }))"));
        assert_eq!(add(&page, &files.app_files().unwrap()).unwrap(), page, "added once");
        assert_eq!(remove(&page).matches("lectern-start").count(), 0);
        assert!(remove(&page).contains("<style>"));
    }
}
