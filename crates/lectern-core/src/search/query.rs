//! The query language: words, "exact phrases" (straight or curly quotes), -excluded words or
//! phrases, and the word being typed as a prefix. Any string parses; nothing here can fail.

use super::tokenize::tokenize;

/// More clauses than this add nothing a reader could mean and only cost time.
const MAX_CLAUSES: usize = 32;
const OPEN_QUOTES: &[char] = &['"', '“', '„', '«', '”'];
const CLOSE_QUOTES: &[char] = &['"', '”', '“', '»'];

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub clauses: Vec<Clause>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// Folded words; more than one means they must appear together, in order.
    pub words: Vec<String>,
    pub negated: bool,
    /// The last word is still being typed: it also matches words it begins.
    pub prefix: bool,
    /// Written in quotes: exact words only, no stems-of-misspellings.
    pub quoted: bool,
}

impl Query {
    pub fn parse(input: &str) -> Query {
        let mut clauses = Vec::new();
        let mut rest = input;
        while clauses.len() < MAX_CLAUSES {
            rest = rest.trim_start();
            let Some(first) = rest.chars().next() else { break };
            let negated = first == '-' && rest.len() > 1;
            let body = if negated { &rest[1..] } else { rest };
            let (text, after, quoted) = match body.strip_prefix(OPEN_QUOTES) {
                Some(inner) => {
                    // An unclosed quote runs to the end: the reader is still typing the phrase.
                    let end = inner.find(CLOSE_QUOTES).unwrap_or(inner.len());
                    let close = inner[end..].chars().next().map_or(0, char::len_utf8);
                    (&inner[..end], &inner[end + close..], true)
                }
                None => {
                    let end = body.find(char::is_whitespace).unwrap_or(body.len());
                    (&body[..end], &body[end..], false)
                }
            };
            let words: Vec<String> = tokenize(text).into_iter().map(|t| t.word).collect();
            let still_typing = after.is_empty() && !quoted && !input.ends_with(char::is_whitespace);
            if !words.is_empty() {
                clauses.push(Clause { prefix: still_typing && !negated, negated, quoted, words });
            }
            rest = after;
        }
        Query { clauses }
    }

    /// No clause that asks for something (a query of only exclusions finds nothing to show).
    pub fn is_empty(&self) -> bool {
        self.clauses.iter().all(|c| c.negated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause(words: &[&str], negated: bool, prefix: bool, quoted: bool) -> Clause {
        Clause { words: words.iter().map(|w| w.to_string()).collect(), negated, prefix, quoted }
    }

    #[test]
    fn words_phrases_exclusions_and_prefix() {
        let q = Query::parse("Khan “gas pipeline” -Ukraine pipel");
        assert_eq!(
            q.clauses,
            [
                clause(&["khan"], false, false, false),
                clause(&["gas", "pipeline"], false, false, true),
                clause(&["ukraine"], true, false, false),
                clause(&["pipel"], false, true, false),
            ]
        );
    }

    #[test]
    fn a_finished_word_is_not_a_prefix() {
        assert!(!Query::parse("visit ").clauses[0].prefix);
        assert!(Query::parse("visit").clauses[0].prefix);
    }

    #[test]
    fn odd_input_is_harmless() {
        assert!(Query::parse("-").is_empty());
        assert!(Query::parse("\"").is_empty());
        assert!(Query::parse("   ").is_empty());
        assert!(Query::parse("-word").is_empty());
        assert_eq!(Query::parse("\"unclosed phrase").clauses[0].words, ["unclosed", "phrase"]);
        assert_eq!(Query::parse("path-breaking").clauses[0].words, ["path", "breaking"]);
        assert_eq!(Query::parse(".*+?[](){}|^$\\").clauses.len(), 0);
    }
}
