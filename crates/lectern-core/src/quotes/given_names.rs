//! Common given names whose bearers are usually of one gender, so that "she said" can skip past
//! a Marco to reach an Anna. A name not listed decides nothing; a pronoun bound to a speaker
//! teaches the rest.

use super::speaker::Gender;

const FEMALE: &[&str] = &[
    "aisha", "alice", "amara", "amina", "ana", "angela", "anna", "anne", "ayesha", "barbara", "beatriz",
    "carla", "carmen", "catherine", "chen", "claire", "claudia", "elena", "elif", "elizabeth", "emily", "emma",
    "eva", "fatima", "francesca", "giulia", "hana", "hannah", "helen", "ingrid", "isabel", "isabella", "jane",
    "jennifer", "jessica", "julia", "karen", "katarzyna", "kate", "laura", "leila", "linda", "lucia", "lucy",
    "maria", "marie", "marta", "mary", "maryam", "mei", "mia", "michelle", "monica", "nadia", "natalia",
    "nicole", "nina", "olga", "olivia", "priya", "rachel", "rosa", "sara", "sarah", "sofia", "sophie", "susan",
    "svetlana", "tatiana", "ursula", "valentina", "yuki", "zainab", "zara",
];

const MALE: &[&str] = &[
    "abdul", "ahmed", "ali", "andrei", "antonio", "boris", "carlos", "charles", "daniel", "david", "dieter",
    "dmitry", "emmanuel", "erik", "francisco", "george", "hans", "hassan", "ibrahim", "imran", "ivan", "jacob",
    "james", "jean", "john", "jose", "joseph", "juan", "karl", "kenji", "kwame", "luis", "marco", "mark",
    "martin", "michael", "miguel", "mohammed", "muhammad", "nawaz", "omar", "paul", "pedro", "peter", "pierre",
    "rahul", "richard", "robert", "sergei", "shamshad", "thomas", "vladimir", "wei", "william", "xi", "yusuf",
    "zafar",
];

pub fn gender(given: &str) -> Option<Gender> {
    let g = given.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
    if FEMALE.binary_search(&g.as_str()).is_ok() {
        Some(Gender::Female)
    } else if MALE.binary_search(&g.as_str()).is_ok() {
        Some(Gender::Male)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [super::FEMALE, super::MALE] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
