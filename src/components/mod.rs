//! One component per file. Each renders the props it is given and reports what the reader did
//! through callbacks; none holds article state of its own.

pub mod add_articles;
pub mod app;
pub mod article_item;
pub mod article_list;
pub mod article_meta;
pub mod error_message;
pub mod filter_bar;
pub mod help_popover;
pub mod highlighted_text;
pub mod map_controls;
pub mod match_stepper;
pub mod no_results;
pub mod notice;
pub mod quote_export;
pub mod quotes_panel;
pub mod quotes_toggle;
pub mod reader;
pub mod reader_loader;
pub mod reading_pane;
pub mod result_item;
pub mod results_list;
pub mod search_bar;
pub mod setup_problems;
pub mod side_panels;
pub mod speaker_group;
pub mod table_of_contents;
pub mod topic_compare;
pub mod topic_export;
pub mod topic_graph;
pub mod topic_map;
pub mod topic_table;
