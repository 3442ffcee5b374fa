//! One component per file. Each renders the props it is given and reports what the reader did
//! through callbacks; none holds article state of its own.

pub mod app;
pub mod article_item;
pub mod article_list;
pub mod article_meta;
pub mod error_message;
pub mod notice;
pub mod reader;
pub mod reading_pane;
pub mod table_of_contents;
