//! One self-contained HTML file: the reader's script, its WebAssembly and the articles' bundle
//! inlined (base64), so it works opened straight from disk (file://) and makes no request — for
//! mailing an article set to someone or reading offline. The worker that reads articles added
//! in the browser is inlined too, and started from a blob.

use base64::Engine;

use crate::early_start;
use crate::glue::inline_snippet;
use crate::html::{attribute, find_tag};
use crate::reader::{module_script, ReaderFiles};
use crate::{fail, SiteError};

/// `page` (the site's page, naming `bundle_name` in its lectern-src meta) as one file carrying
/// everything it loads, the bundle's `bundle` bytes among them.
pub fn build(files: &ReaderFiles, page: &str, bundle_name: &str, bundle: &[u8]) -> Result<String, SiteError> {
    let app = files.app_files()?;
    let page = early_start::remove(page);
    let (init, glue) = without_exports(&inline_snippet(files.text(&app.glue)?, &worker_functions(files)?)?)?;
    if glue.to_ascii_lowercase().contains("</script") {
        return fail("the wasm-bindgen glue contains '</script', which cannot be inlined");
    }
    let script = format!(
        "{glue}\nconst wasmBytes = {};\nawait {init}({{ module_or_path: wasmBytes }});\n",
        decode_base64(files.get(&app.wasm)?)
    );
    let (module, _) = module_script(&page)?;
    let page = format!("{}<script type=module>{script}</script>{}", &page[..module.start], &page[module.end..]);
    let page = without_preloads(&page);
    let page = with_bundle(&page, bundle_name, bundle)?;
    if find_tag(&page, "link", 0, |t| attribute(t, "href").is_some_and(|h| h.starts_with("./"))).is_some()
        || find_tag(&page, "script", 0, |t| attribute(t, "src").is_some()).is_some()
    {
        return fail("something in the page still points at a file beside it");
    }
    Ok(page)
}

/// JavaScript giving the bytes of `bytes` as a Uint8Array.
fn decode_base64(bytes: &[u8]) -> String {
    let text = base64::engine::general_purpose::STANDARD.encode(bytes);
    format!("Uint8Array.from(atob(\"{text}\"), (c) => c.charCodeAt(0))")
}

/// The glue without its export line, and the name of its init function.
fn without_exports(glue: &str) -> Result<(String, String), SiteError> {
    let Some(line) = glue.lines().find(|l| l.starts_with("export { initSync, ") && l.ends_with(" as default };")) else {
        return fail("the wasm-bindgen glue no longer ends with the export line this code expects");
    };
    let init = line["export { initSync, ".len()..line.len() - " as default };".len()].to_string();
    Ok((init, glue.replacen(line, "", 1)))
}

/// The snippet's functions for a single file: the worker starts from a blob holding its glue
/// and its wasm, as a page opened from disk may not start a worker from a file.
fn worker_functions(files: &ReaderFiles) -> Result<String, SiteError> {
    let source = format!(
        "{}\nwasm_bindgen({{ module_or_path: {} }}).catch((error) => postMessage({{ failed: String(error) }}));\n",
        files.text("lectern-worker.js")?,
        decode_base64(files.get("lectern-worker_bg.wasm")?)
    );
    let source = serde_json::Value::String(source).to_string();
    Ok(format!(
        "const lecternWorker = URL.createObjectURL(new Blob([{source}], {{ type: 'text/javascript' }}));\n\
         function worker_loader() {{ return lecternWorker; }}"
    ))
}

/// The preload links: what they name is inline now.
fn without_preloads(page: &str) -> String {
    let mut page = page.to_string();
    while let Some(tag) = find_tag(&page, "link", 0, |t| {
        matches!(attribute(t, "rel"), Some("modulepreload" | "preload"))
    }) {
        page.replace_range(tag, "");
    }
    page
}

/// The bundle handed to the reader as if the page had fetched it already (see `fetch_first`
/// in src/embed/load.rs), before the page's early fetch would ask for it.
fn with_bundle(page: &str, name: &str, bundle: &[u8]) -> Result<String, SiteError> {
    let Some(first_script) = page.find("<script") else { return fail("the page has no scripts") };
    let name = serde_json::Value::String(name.to_string()).to_string();
    let script = format!(
        "<script>(function () {{ var bytes = {}; window.lecternPrefetch = {{ url: new URL({name}, document.baseURI).href, \
         response: Promise.resolve(new Response(bytes)), inflated: Promise.resolve(bytes.buffer) }}; }})();</script>",
        decode_base64(bundle)
    );
    Ok(format!("{}{script}{}", &page[..first_script], &page[first_script..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::tests::build as reader;
    use crate::site_page::SitePage;

    fn page(files: &ReaderFiles) -> String {
        let page = early_start::add(files.index().unwrap(), &files.app_files().unwrap()).unwrap();
        let site = SitePage { title: "T".into(), bundle: "articles.lectern".into(), ..SitePage::default() };
        site.render(&page, &[]).unwrap()
    }

    #[test]
    fn everything_is_inline() {
        let files = reader();
        let out = build(&files, &page(&files), "articles.lectern", b"LECTERN bytes").unwrap();
        assert!(!out.contains("lectern-start"));
        assert!(!out.contains("./lectern-reader"), "{out}");
        assert!(!out.contains("./snippets"));
        assert!(out.contains("await __wbg_init({ module_or_path: wasmBytes })"));
        assert!(out.contains("function worker_loader() { return lecternWorker; }"));
        assert!(out.contains(&base64::engine::general_purpose::STANDARD.encode(b"LECTERN bytes")));
        assert!(out.find("window.lecternPrefetch").unwrap() < out.find("window.early").unwrap());
    }

    #[test]
    fn a_glue_of_another_shape_is_refused_not_mangled() {
        assert!(without_exports("export default x;").is_err());
    }

}
