//! The cleaning rules are general: articles written here in the shapes news pages take, none of
//! them the seeds, must come out as cleanly.

mod common;

use common::{all_text, headings, paragraphs, read};

const STORM: &str = "\
WORLD

Storm floods coastal towns as rivers burst their banks

Storm floods coastal towns as rivers burst their banks

By Maria Gonzalez | 12 March 2024 | 4 min read

Share this article

Heavy rain swept across the coast on Tuesday, flooding hundreds of homes and forcing thousands of residents to leave overnight.

Advertisement

“We have never seen the water this high,” said the mayor, Ana Ruiz, standing on a bridge above the flooded market.

Share on Facebook | Share on X | Email

Related

Ten ways to prepare your home for winter
Markets rally as inflation cools
Local team wins championship in overtime
";

#[test]
fn news_page_furniture_is_removed_and_metadata_recovered() {
    let a = read("storm.txt", STORM);
    assert_eq!(a.title, "Storm floods coastal towns as rivers burst their banks");
    assert_eq!(a.byline.as_deref(), Some("Maria Gonzalez"));
    assert_eq!(a.date.as_deref(), Some("12 March 2024"));
    let paras = paragraphs(&a);
    assert_eq!(paras.len(), 2, "{paras:#?}");
    assert!(paras[0].starts_with("Heavy rain swept"));
    assert!(paras[1].starts_with("“We have never seen"));
    let text = all_text(&a);
    for furniture in ["WORLD", "Share", "Advertisement", "Related", "Ten ways", "Markets rally", "4 min read"] {
        assert!(!text.contains(furniture), "{furniture:?} left in the text");
    }
}

#[test]
fn a_date_below_the_headline_is_the_publication_date() {
    let a = read(
        "budget.txt",
        "Saturday, 5 April 2025\n\nCity approves a smaller budget\n\nApril 4, 2025\n\n\
         The council voted on Friday to cut spending by four percent after a long debate over libraries.\n",
    );
    assert_eq!(a.title, "City approves a smaller budget");
    assert_eq!(a.date.as_deref(), Some("April 4, 2025"));
    assert!(!all_text(&a).contains("2025"));
}

const REPORT: &str = "\
Why the pipeline matters

Posted by Sam Lee

The project would carry gas across the country for the first time, officials said on Monday after the talks.

What was agreed

Both sides signed a memorandum that sets out the route, the financing and a timetable for the first phase.

The second phase depends on funding that has not yet been found.

Risks ahead
The main risk is security along the route, which crosses several contested districts in the south.
";

#[test]
fn subheads_become_sections_in_sentence_or_title_case() {
    let a = read("report.txt", REPORT);
    assert_eq!(a.title, "Why the pipeline matters");
    assert_eq!(a.byline.as_deref(), Some("Sam Lee"));
    assert_eq!(headings(&a), ["What was agreed", "Risks ahead"]);
    assert_eq!(a.sections[1].paragraphs.len(), 2);
    assert_eq!(a.sections[2].paragraphs.len(), 1);
}

#[test]
fn a_short_line_that_introduces_no_prose_is_not_a_heading() {
    let a = read(
        "list.txt",
        "Packing for the trip\n\nThe list below is what the team took with them on the two-week expedition north.\n\n\
         Warm Boots\n\nThree Maps\n\nThe rest was bought on the way, in the last town before the ice.\n",
    );
    assert!(headings(&a).is_empty(), "{:?}", headings(&a));
    assert_eq!(paragraphs(&a).len(), 4);
}

#[test]
fn hard_wrapped_paragraphs_are_joined() {
    let a = read(
        "wrapped.txt",
        "Rail strike ends after nine days\n\nUnion leaders accepted the offer late on Sunday after\n\
         a ballot in which two thirds of members voted to return\nto work from Tuesday morning.\n",
    );
    assert_eq!(
        paragraphs(&a),
        ["Union leaders accepted the offer late on Sunday after a ballot in which two thirds of members voted to return to work from Tuesday morning."]
    );
}

#[test]
fn an_article_without_a_headline_gets_its_opening_words() {
    let a = read(
        "untitled.txt",
        "The committee met for the third time this month and again failed to agree on a chair.\n",
    );
    assert_eq!(a.title, "The committee met for the third time this month and again…");
    assert_eq!(paragraphs(&a).len(), 1);
}

#[test]
fn markup_and_script_in_text_stay_text() {
    let hostile = "<img src=x onerror=alert(1)> and <script>alert('x')</script> were posted, the moderators said in a statement.";
    let a = read("hostile.txt", &format!("Forum hacked\n\n{hostile}\n"));
    assert_eq!(paragraphs(&a), [hostile]);
}

#[test]
fn other_languages_are_read_without_damage() {
    let fr = read(
        "fr.txt",
        "La visite historique\n\nPar Jeanne Martin\n\nLe Premier ministre est arrivé à Moscou mercredi, malgré la crise qui s’aggrave en Ukraine.\n",
    );
    assert_eq!(fr.title, "La visite historique");
    assert_eq!(paragraphs(&fr).len(), 1);

    let zh = read("zh.txt", "巴基斯坦总理访问俄罗斯\n\n巴基斯坦总理伊姆兰·汗周四在莫斯科与俄罗斯总统普京举行会谈，双方讨论了能源合作和地区安全问题。\n");
    assert_eq!(zh.title, "巴基斯坦总理访问俄罗斯");
    assert_eq!(paragraphs(&zh).len(), 1);
    assert!(zh.word_count() > 20);

    let ar = read("ar.txt", "زيارة تاريخية إلى موسكو\n\nوصل رئيس الوزراء إلى موسكو يوم الأربعاء رغم الأزمة المتصاعدة في أوكرانيا، وقال إن الزيارة مهمة.\n");
    assert_eq!(ar.title, "زيارة تاريخية إلى موسكو");
    assert_eq!(paragraphs(&ar).len(), 1);
}
