//! Where each article's sections lie among all sections, and which have a heading: what the
//! section filter counts in. Read from the passage table (a heading is a passage), once per
//! index, so that counting needs no article outlines (a split bundle's reader builds those
//! only when it shows them).

use std::sync::OnceLock;

use super::index::{Passage, PassageKind};

#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct SectionLayout {
    /// Per article, its first section's slot; one more entry for the end.
    base: Vec<usize>,
    headed: Vec<bool>,
}

impl SectionLayout {
    /// The layout of `passages`, which list each article's passages together, in order. An
    /// article's sections are counted up to its last one with a passage: any after it have
    /// neither heading nor paragraphs, and nothing to count.
    pub fn of(passages: &[Passage]) -> SectionLayout {
        let mut layout = SectionLayout { base: vec![0], headed: Vec::new() };
        let mut article = None;
        for p in passages {
            if article != Some(p.article) {
                // Articles without passages have none to count (every article has its title).
                while layout.base.len() <= p.article as usize {
                    layout.base.push(layout.headed.len());
                }
                article = Some(p.article);
            }
            let start = layout.base[p.article as usize];
            let slot = start + p.section as usize;
            if layout.headed.len() <= slot {
                layout.headed.resize(slot + 1, false);
            }
            layout.headed[slot] |= p.kind == PassageKind::Heading;
        }
        layout.base.push(layout.headed.len());
        layout
    }

    pub fn slots(&self) -> usize {
        self.headed.len()
    }

    /// The slot of section `section` of article `article`, if the layout has it.
    pub fn slot(&self, article: u32, section: u32) -> Option<usize> {
        let (start, end) = (*self.base.get(article as usize)?, *self.base.get(article as usize + 1)?);
        let slot = start + section as usize;
        (slot < end).then_some(slot)
    }

    pub fn headed(&self, slot: usize) -> bool {
        self.headed.get(slot).copied().unwrap_or(false)
    }

    /// The article and section of `slot`.
    pub fn section_of(&self, slot: usize) -> (u32, u32) {
        let a = self.base.partition_point(|&b| b <= slot).saturating_sub(1);
        (a as u32, (slot - self.base[a]) as u32)
    }
}

/// A value worked out from its owner's other fields when first needed, and not part of what
/// the owner is: equal, cloned empty and never stored.
#[derive(Debug, Default)]
pub(super) struct Derived<T>(OnceLock<T>);

impl<T> Derived<T> {
    pub fn get_or_init(&self, f: impl FnOnce() -> T) -> &T {
        self.0.get_or_init(f)
    }
}

impl<T> Clone for Derived<T> {
    fn clone(&self) -> Self {
        Derived(OnceLock::new())
    }
}

impl<T> PartialEq for Derived<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passage(article: u32, section: u32, kind: PassageKind) -> Passage {
        Passage { article, section, paragraph: 0, kind, len: 1 }
    }

    #[test]
    fn sections_are_laid_out_from_the_passages() {
        use PassageKind::*;
        let passages = [
            passage(0, 0, Title),
            passage(0, 0, Paragraph),
            passage(0, 1, Heading),
            passage(0, 1, Paragraph),
            passage(1, 0, Title),
            passage(2, 0, Title),
            passage(2, 2, Heading),
        ];
        let layout = SectionLayout::of(&passages);
        assert_eq!(layout.slots(), 2 + 1 + 3);
        assert_eq!((layout.slot(0, 1), layout.slot(0, 2)), (Some(1), None));
        assert_eq!((layout.slot(2, 2), layout.slot(3, 0)), (Some(5), None));
        assert!(!layout.headed(0) && layout.headed(1) && layout.headed(5) && !layout.headed(4) && !layout.headed(9));
        assert_eq!((layout.section_of(1), layout.section_of(5)), ((0, 1), (2, 2)));
        assert_eq!(SectionLayout::of(&[]).slots(), 0);
    }
}
