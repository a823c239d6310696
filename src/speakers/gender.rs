//! He or she: whether a "he said" or "she said" can go back to a person.
//!
//! The subject rule ([`super::walk`]) credits a pronoun to the person the
//! article last made a sentence's subject; when that person is plainly of
//! the other sex ("Mr. Trump" for a "she said"), the pronoun means someone
//! else: the name its own sentence opens with ("In Louisville, Ms. Nwanguma
//! was shocked, she said"), else the latest earlier subject who may be
//! meant. Nothing found leaves the subject rule's answer.
//!
//! Decision (the guideline is silent): a person's sex is read only where
//! the article writes it down — a gendered title or relation ("Mr.",
//! "Ms.", "his wife"), a role noun ending in "-man" or "-woman"
//! ("spokesman", "congresswoman"), or a common first name before a surname
//! (`gender_he.txt`, `gender_she.txt`). Anyone else, a lone surname
//! included, is of unknown sex and agrees with any pronoun: nobody is
//! guessed from a name's sound, and "they" is never checked. (A memory of
//! the sex each surname's full mention gave was tried: on every PolNeAR
//! dev and train text it changed no speaker, since a pronoun's person
//! already carries the full name of its attribution, and it cost 4% of the
//! engine's time.)

use crate::lexicon::words::{GENDER_HE, GENDER_SHE};
use crate::text::strip_possessive;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    He,
    She,
}

impl Sex {
    pub fn other(self) -> Sex {
        match self {
            Sex::He => Sex::She,
            Sex::She => Sex::He,
        }
    }
}

/// The sex a personal pronoun refers to: "he", "him", "his"; "she", "her".
pub fn of_pronoun(word: &str) -> Option<Sex> {
    let is = |w: &str| word.eq_ignore_ascii_case(w);
    if is("he") || is("him") || is("his") {
        Some(Sex::He)
    } else if is("she") || is("her") {
        Some(Sex::She)
    } else {
        None
    }
}

/// What a source's own words say of its sex (see the module docs): the first
/// word that tells, among a gendered title anywhere, a relation or a "-man"
/// or "-woman" role noun in lower case, or a first name followed by another
/// capitalised word.
pub fn of_words(words: &str) -> Option<Sex> {
    let mut it = words.split_whitespace().peekable();
    while let Some(w) = it.next() {
        let raw = w.trim_end_matches(['.', ',']);
        let w = strip_possessive(raw);
        // "the farmer whose wife …", "the man who sued his sister": a
        // relative clause describes the person by someone else, whose sex
        // is not the person's (decision, round 41).
        if matches!(w, "who" | "whose") {
            return None;
        }
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        let listed = || {
            if GENDER_HE.contains(w) {
                Some(Sex::He)
            } else if GENDER_SHE.contains(w) {
                Some(Sex::She)
            } else {
                None
            }
        };
        if !capitalised {
            if w.ends_with("woman") || w.ends_with("women") {
                return Some(Sex::She);
            }
            if is_man_noun(w) || is_his_relation(w) || matches!(w, "man" | "boy") {
                return Some(Sex::He);
            }
            if is_her_relation(w) || w == "girl" {
                return Some(Sex::She);
            }
            continue;
        }
        // A capitalised word: a title or relation ("Mr.", "Lady") tells
        // wherever it stands; a first name only before a surname.
        // Where the word stands first, then the two lists: the last word
        // of a name ("Trump") is read in neither.
        // "Chelsea's Tom Reyes": a capitalised possessive owns the name
        // after it (a club, a party, a firm), and is no first name of the
        // person (decision, round 42).
        let before_surname = raw.len() == w.len()
            && it
                .peek()
                .is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase));
        if before_surname || is_gendered_title(w) {
            if let Some(sex) = listed() {
                return Some(sex);
            }
        }
    }
    None
}

/// Relations that tell a source's sex ("his son said", "the widow said").
///
/// A `match` (a test of the length, then of the bytes), where a list
/// compared each lower-case word of a source with every entry in turn.
fn is_his_relation(w: &str) -> bool {
    matches!(
        w,
        "father"
            | "brother"
            | "son"
            | "husband"
            | "uncle"
            | "nephew"
            | "grandfather"
            | "boyfriend"
            | "widower"
            | "dad"
    )
}

/// [`is_his_relation`]'s counterpart.
fn is_her_relation(w: &str) -> bool {
    matches!(
        w,
        "mother"
            | "sister"
            | "daughter"
            | "wife"
            | "aunt"
            | "niece"
            | "grandmother"
            | "girlfriend"
            | "widow"
            | "mom"
    )
}

/// "Mr", "Mrs", "Ms", "Miss": a title that tells the sex even before a
/// lone surname.
fn is_gendered_title(w: &str) -> bool {
    ["mr", "mrs", "ms", "miss", "sir", "dame", "lady", "lord"]
        .iter()
        .any(|t| w.eq_ignore_ascii_case(t))
}

/// "spokesman", "congressman", "gunman"; not "human", "German", "Roman".
fn is_man_noun(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("man")
        && !matches!(w, "human" | "german" | "roman" | "shaman" | "ottoman")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_relations_roles_and_first_names_tell_the_sex() {
        assert_eq!(of_words("Mr. Trump"), Some(Sex::He));
        assert_eq!(of_words("Ms Okafor"), Some(Sex::She));
        assert_eq!(of_words("Sen. Claire Dunmore"), Some(Sex::She));
        assert_eq!(of_words("Bernie Halvorsen"), Some(Sex::He));
        assert_eq!(of_words("his wife"), Some(Sex::She));
        assert_eq!(of_words("a spokeswoman"), Some(Sex::She));
        assert_eq!(of_words("the congressman"), Some(Sex::He));
        assert_eq!(of_words("the man who founded the charity"), Some(Sex::He));
        assert_eq!(of_words("the farmer whose wife sold the farm"), None);
    }

    #[test]
    fn a_surname_or_an_unlisted_name_tells_nothing() {
        // "James" is a surname here; the lists read first names only.
        assert_eq!(of_words("James"), None);
        assert_eq!(of_words("Letitia James"), None);
        assert_eq!(of_words("a senior official"), None);
        assert_eq!(of_words("the human rights group"), None);
        assert_eq!(of_words("Jordan Vale"), None);
    }

    #[test]
    fn pronouns_of_either_sex_and_they() {
        assert_eq!(of_pronoun("She"), Some(Sex::She));
        assert_eq!(of_pronoun("his"), Some(Sex::He));
        assert_eq!(of_pronoun("they"), None);
    }
}
