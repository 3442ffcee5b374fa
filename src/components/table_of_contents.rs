use std::rc::Rc;

use lectern_core::Article;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TableOfContentsProps {
    pub article: Rc<Article>,
    /// Called with the index of the section to show.
    pub on_jump: Callback<usize>,
}

/// The article's section headings; shown only for articles that have them.
#[component]
pub fn TableOfContents(props: &TableOfContentsProps) -> Html {
    html! {
        <nav class="lectern-toc" aria-label="Contents">
            <h3 class="lectern-toc-title">{ "Contents" }</h3>
            <ol>
                for (section, heading) in props.article.headings() {
                    <li key={section}>
                        <button type="button" onclick={props.on_jump.reform(move |_: MouseEvent| section)}>
                            { heading }
                        </button>
                    </li>
                }
            </ol>
        </nav>
    }
}
