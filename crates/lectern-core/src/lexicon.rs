//! Closed word lists that both quotations and topics need to read names: titles, which are
//! never part of a name, and the words that make a name an organisation's.

/// Titles and honorifics (with their abbreviations). Everything up to the last of them in
/// "Russian President Vladimir Putin" is title, not name.
const TITLES: [&str; 76] = [
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president", "prime", "minister",
    "secretary", "chancellor", "senator", "sen", "rep", "representative", "governor", "gov", "mayor", "ambassador",
    "former", "ex", "acting", "senior", "foreign", "general", "gen", "lieutenant", "lt", "colonel", "col",
    "captain", "capt", "admiral", "adm", "sergeant", "sgt", "brigadier", "brig", "marshal", "chief", "justice",
    "judge", "king", "queen", "prince", "princess", "pope", "cardinal", "bishop", "archbishop", "rabbi", "imam",
    "sheikh", "professor", "deputy", "vice", "spokesman", "spokeswoman", "spokesperson", "commissioner",
    "director", "chairman", "chairwoman", "ceo", "premier", "attorney", "councillor", "councilor", "inspector",
    "detective", "coach", "secretary-general",
];

/// Words that make a capitalised name an organisation's: the Foreign *Office*, *Reuters*.
const ORGANISATION_WORDS: [&str; 41] = [
    "office", "ministry", "department", "government", "kremlin", "agency", "council", "committee", "party", "bank",
    "union", "organisation", "organization", "commission", "court", "police", "army", "embassy", "news", "times",
    "post", "reuters", "tass", "company", "corporation", "inc", "ltd", "group", "association", "institute",
    "university", "fund", "forum", "parliament", "assembly", "senate", "congress", "authority", "board", "service",
    "administration",
];

fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase()
}

pub fn is_title_word(word: &str) -> bool {
    let w = bare(word);
    TITLES.contains(&w.as_str()) || w == "vice-president"
}

pub fn is_organisation_word(word: &str) -> bool {
    ORGANISATION_WORDS.contains(&bare(word).as_str())
}
