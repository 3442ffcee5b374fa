//! A split bundle's article outlines, stored by column: every article's strings one after
//! another in one text, their lengths and the sections' shapes as varints in one byte string.
//! Decoding 10,000 outlines is then a loop over bytes; one serde struct per article, and one
//! string per empty paragraph, took most of a head's decoding (a long first decode runs in the
//! browser's baseline wasm compiler, where each of serde's small calls costs).

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::model::{Article, Section};
use crate::search::{Passage, PassageKind};

#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Outlines {
    count: u32,
    text: String,
    /// Per article: its id, title, byline, date, source and url, each as its length in `text`
    /// plus one (zero for none); then its section count, and per section its paragraph count
    /// times two, plus one if it has a heading.
    shape: Varints,
    /// Where each article's fields begin in `text` and `shape`, once [`Outlines::open`] has
    /// checked them.
    #[serde(skip)]
    starts: Vec<(u32, u32)>,
}

/// The fields an outline stores before its sections, in order.
const FIELDS: usize = 6;

impl Outlines {
    /// The outlines of `articles`: their texts (headings, paragraphs, quotations) are left out,
    /// and so is the file name, which nothing needs before the text.
    pub fn of<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Outlines {
        let mut out = Outlines::default();
        for a in articles {
            out.count += 1;
            let fields = [Some(&a.id), Some(&a.title), a.byline.as_ref(), a.date.as_ref(), a.source.as_ref(), a.url.as_ref()];
            for field in fields {
                out.shape.push(field.map_or(0, |s| s.len() as u64 + 1));
                out.text.push_str(field.map_or("", String::as_str));
            }
            out.shape.push(a.sections.len() as u64);
            for s in &a.sections {
                out.shape.push(s.paragraphs.len() as u64 * 2 + u64::from(s.heading.is_some()));
            }
        }
        out
    }

    /// Check the outlines, note where each begins, and lay out the passage table that follows
    /// from them, one passage per length in `lens` (each passage's length in words). The
    /// outlines themselves are built one by one, when asked for ([`Outlines::outline`]): a
    /// 10,000-article head has 120,000 passages, and this runs before the reader's first view,
    /// which shows a few dozen articles. Damaged counts must not make the reader allocate
    /// without end: there are no more titles, headings and paragraphs than lengths.
    pub fn open(mut self, lens: &Varints) -> Result<(Outlines, Vec<Passage>), String> {
        let damaged = || "its article outlines are damaged".to_string();
        let mut passages = Vec::with_capacity(lens.count());
        let mut starts = Vec::with_capacity((self.count as usize).min(self.shape.0.len()));
        let mut lens = lens.read();
        let mut shape = self.shape.read();
        let mut at = 0usize;
        for a in 0..self.count {
            starts.push((at as u32, (self.shape.0.len() - shape.0.len()) as u32));
            for field in 0..FIELDS {
                let len = shape.next().ok_or_else(damaged)? as usize;
                // The id and title are always there; the other fields may be absent (zero).
                let Some(len) = len.checked_sub(1) else {
                    if field < 2 {
                        return Err(damaged());
                    }
                    continue;
                };
                at = at.checked_add(len).filter(|&end| self.text.is_char_boundary(end)).ok_or_else(damaged)?;
            }
            let mut passage = |section: usize, paragraph: u32, kind: PassageKind| -> Result<(), String> {
                let len = lens.next().ok_or_else(damaged)? as u32;
                passages.push(Passage { article: a, section: section as u32, paragraph, kind, len });
                Ok(())
            };
            passage(0, 0, PassageKind::Title)?;
            let count = shape.next().ok_or_else(damaged)? as usize;
            for s in 0..count {
                let n = shape.next().ok_or_else(damaged)?;
                if n % 2 == 1 {
                    passage(s, 0, PassageKind::Heading)?;
                }
                for p in 0..n / 2 {
                    passage(s, p as u32, PassageKind::Paragraph)?;
                }
            }
        }
        if shape.next().is_some() || at != self.text.len() {
            return Err(damaged());
        }
        if lens.next().is_some() {
            return Err(format!("its outline has {} passages but more lengths", passages.len()));
        }
        self.starts = starts;
        Ok((self, passages))
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Article `a` without its text: headings and paragraphs are empty strings (their count
    /// kept), quotations left out. None beyond the end, or before [`Outlines::open`].
    pub fn outline(&self, a: usize) -> Option<Article> {
        let (mut fields, mut shape) = self.fields(a)?;
        let mut next = || fields.next().flatten().map(str::to_string);
        let (id, title) = (next()?, next()?);
        let (byline, date, source, url) = (next(), next(), next(), next());
        let count = shape.next()? as usize;
        let sections = shape
            .take(count)
            .map(|n| Section { heading: (n % 2 == 1).then(String::new), paragraphs: vec![String::new(); (n / 2) as usize] })
            .collect();
        Some(Article {
            id,
            file: String::new(),
            title,
            byline,
            date,
            source,
            url,
            // The list and the map need none of these; the article's own part has them.
            language: None,
            summary: false,
            categories: Vec::new(),
            sections,
            quotes: Vec::new(),
        })
    }

    /// Article `a`'s id, without building its outline.
    pub fn id(&self, a: usize) -> Option<&str> {
        self.fields(a)?.0.next().flatten()
    }

    /// Article `a`'s fields (each absent one none), and its shape from its section count on.
    fn fields(&self, a: usize) -> Option<(impl Iterator<Item = Option<&str>>, VarintReader<'_>)> {
        let &(text_at, shape_at) = self.starts.get(a)?;
        let mut shape = VarintReader(self.shape.0.get(shape_at as usize..)?);
        let mut lens = [0u64; FIELDS];
        for len in &mut lens {
            *len = shape.next()?;
        }
        let mut at = text_at as usize;
        let fields = lens.into_iter().map(move |len| {
            let len = (len as usize).checked_sub(1)?;
            let field = self.text.get(at..at + len);
            at += len;
            field
        });
        Some((fields, shape))
    }
}

/// Unsigned integers as LEB128 (seven bits a byte, low first), serialised as one byte string.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Varints(Vec<u8>);

impl Varints {
    pub fn push(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.0.push(n as u8 | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    pub fn read(&self) -> VarintReader<'_> {
        VarintReader(&self.0)
    }

    /// How many numbers there are: one ends at each byte below 0x80.
    pub fn count(&self) -> usize {
        self.0.iter().filter(|&&b| b < 0x80).count()
    }
}

impl FromIterator<u64> for Varints {
    fn from_iter<I: IntoIterator<Item = u64>>(iter: I) -> Varints {
        let mut out = Varints::default();
        iter.into_iter().for_each(|n| out.push(n));
        out
    }
}

pub(crate) struct VarintReader<'a>(&'a [u8]);

impl Iterator for VarintReader<'_> {
    type Item = u64;

    /// The next number; none at the end, or where the bytes are not a varint of 64 bits.
    fn next(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for (i, &b) in self.0.iter().enumerate().take(10) {
            n |= u64::from(b & 0x7F).checked_shl(7 * i as u32)?;
            if b < 0x80 {
                self.0 = &self.0[i + 1..];
                return Some(n);
            }
        }
        self.0 = &[];
        None
    }
}

impl Serialize for Varints {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Varints {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Varints, D::Error> {
        struct Bytes;
        impl Visitor<'_> for Bytes {
            type Value = Varints;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a byte string")
            }
            fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Varints, E> {
                Ok(Varints(bytes.to_vec()))
            }
        }
        d.deserialize_bytes(Bytes)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn article(id: &str, title: &str, byline: Option<&str>, sections: &[(bool, usize)]) -> Article {
        Article {
            id: id.into(),
            file: String::new(),
            title: title.into(),
            byline: byline.map(Into::into),
            date: Some("24 February 2022".into()),
            source: None,
            url: Some(String::new()),
            language: None,
            summary: false,
            categories: Vec::new(),
            sections: sections
                .iter()
                .map(|&(h, p)| Section { heading: h.then(String::new), paragraphs: vec![String::new(); p] })
                .collect(),
            quotes: Vec::new(),
        }
    }

    /// As many passage lengths as `articles` have passages (titles, headings, paragraphs).
    fn lens(articles: &[Article]) -> Varints {
        let n: usize = articles.iter().map(|a| 1 + a.sections.iter().map(|s| s.paragraphs.len() + usize::from(s.heading.is_some())).sum::<usize>()).sum();
        (0..n as u64).map(|i| i * 7 % 300).collect()
    }

    #[test]
    fn outlines_round_trip() {
        let articles = vec![
            article("imran-khan", "Imran Khan in Moscow", Some("Bol News"), &[(false, 3), (true, 200), (true, 0)]),
            article("москва", "Визит в Москву — 北京", None, &[]),
            article("x", "", Some(""), &[(false, 1)]),
        ];
        let encoded = postcard::to_allocvec(&Outlines::of(&articles)).unwrap();
        let decoded: Outlines = postcard::from_bytes(&encoded).unwrap();
        let (opened, passages) = decoded.open(&lens(&articles)).unwrap();
        let back: Vec<Article> = (0..opened.len()).filter_map(|a| opened.outline(a)).collect();
        assert_eq!(back, articles);
        assert_eq!((opened.id(1), opened.id(3), opened.outline(3)), (Some("москва"), None, None));
        let mut expected = crate::search::passage_layout(&articles);
        expected.iter_mut().zip(lens(&articles).read()).for_each(|(p, len)| p.len = len as u32);
        assert_eq!(passages, expected, "the passage table the index would have, with the lengths in order");
    }

    #[test]
    fn damaged_outlines_are_refused() {
        let articles = vec![article("a", "Title", Some("By"), &[(true, 2)])];
        let enough = lens(&articles);
        let mut short = enough.clone();
        short.0.pop();
        assert!(Outlines::of(&articles).open(&short).is_err(), "more passages than lengths");
        let mut long = enough.clone();
        long.push(5);
        assert!(Outlines::of(&articles).open(&long).is_err(), "more lengths than passages");
        let mut cut = Outlines::of(&articles);
        cut.text.pop();
        assert!(cut.open(&enough).is_err(), "text shorter than its lengths");
        let mut extra = Outlines::of(&articles);
        extra.shape.push(1);
        assert!(extra.open(&enough).is_err(), "numbers left over");
        let mut untitled = Outlines::of(&articles);
        untitled.shape = std::iter::once(0).chain(untitled.shape.read().skip(1)).collect();
        untitled.text.remove(0); // the id, "a"
        assert!(untitled.open(&enough).is_err(), "an outline without an id");
        let mut inside = Outlines::of(&[article("é", "T", None, &[])]);
        inside.shape = [2u64, 2, 0, 0, 0, 0, 0].into_iter().collect(); // "é" is two bytes: cut inside it
        inside.text = "éT".into();
        assert!(inside.open(&(0..10).collect()).is_err(), "a length ending inside a character");
    }

    #[test]
    fn varints_read_back() {
        let numbers = [0, 1, 127, 128, 300, u32::MAX as u64, u64::MAX];
        let v: Varints = numbers.into_iter().collect();
        assert_eq!(v.read().collect::<Vec<_>>(), numbers);
        assert_eq!(VarintReader(&[0x80, 0x80]).next(), None, "cut short");
        assert_eq!(VarintReader(&[0xFF; 11]).next(), None, "too long");
    }

    proptest! {
        #[test]
        fn arbitrary_outlines_never_panic(count in 0u32..50, text in ".{0,40}", shape in proptest::collection::vec(any::<u8>(), 0..200), lens in proptest::collection::vec(any::<u8>(), 0..1000)) {
            if let Ok((opened, _)) = (Outlines { count, text, shape: Varints(shape), starts: Vec::new() }).open(&Varints(lens)) {
                for a in 0..opened.len() {
                    prop_assert!(opened.outline(a).is_some() && opened.id(a).is_some(), "an opened outline is readable");
                }
            }
        }
    }
}
