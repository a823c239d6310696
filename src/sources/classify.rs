//! The rule table: is a source phrase named, anonymous or vague?
//!
//! A subject phrase ("two people familiar with the talks", "Okafor", "the
//! ministry") is read once into [`Phrase`] facts; then [`RULES`] is tried in
//! order and the first rule that applies decides. **The table's order is its
//! precedence**: an anonymity clause beats everything ("a spokesman, who
//! asked not to be named"), a part of a group comes before the group's own
//! word ("some of the officials"), and the lexicon lists come before the
//! guesses about unknown head nouns. Each rule carries examples in fixture
//! markup.
//!
//! The anonymous/vague line (guideline): a post with access, or someone who
//! was there or knows the person, is anonymous ("a senior official", "her
//! friend", "witnesses"); a field or a side is vague ("experts", "both
//! sides"); anonymity means the article shields who spoke. A definite
//! singular ("the official said") is a back-reference whose kind is that of
//! whom it points back to (see `back_references`); with nothing to point
//! to, an anonymous head stays anonymous and a role ("the mayor") or an
//! unknown head ("the rescuer") is named. See tests/fixtures/README.md,
//! traps 140–145. One test (`every_rule_example_is_decided_by_its_rule`) checks that
//! each example is marked as written and that its rule is the one that fired.

use super::anonymity::starts_with_anonymity_clause;
use super::names::{is_role_word, name_rule, name_run_start, person_after_organisation};
use super::verbs::is_plural_verb;
use super::{Np, Sent, SourceKind};
use crate::lexicon::words::{
    BETWEEN, DETERMINERS, DISCOURSE, DOCUMENTS, DOCUMENT_PARTICIPLES, FIGURES_PEOPLE, INSIDER, KIN,
    NUMBERS, PARTIES, PARTY_ADJECTIVES, PEOPLE, POSTMODIFIERS, PREPOSITIONS, PROFESSIONS, PRONOUNS,
    QUANTIFIERS, RECORDS, RECORD_MODIFIERS, SPEECH, TRAILING_ADVERBS,
};
use crate::lexicon::{derived_word_list, WordList, WORDS};
use crate::text::{is_possessive, strip_possessive};
use std::borrow::Cow;
use std::cell::Cell;

/// Is `head` (lower case) the word of a share in words ("majority",
/// "third", "three-quarters")?
fn is_share_word(head: &str) -> bool {
    // By the last letter first: one comparison for most heads.
    match head.as_bytes().last() {
        Some(b'y') => matches!(head, "majority" | "plurality" | "minority"),
        Some(b'f') => head == "half",
        Some(b'd') => head == "third",
        Some(b'r') => head == "quarter",
        Some(b'h') => head == "fifth",
        Some(b's') => {
            let stem = &head[..head.len() - 1];
            ["third", "quarter", "fourth", "fifth", "tenth"]
                .iter()
                .any(|x| {
                    stem.ends_with(x)
                        && (stem.len() == x.len()
                            || stem.as_bytes()[stem.len() - x.len() - 1] == b'-')
                })
        }
        _ => false,
    }
}

/// The verbs of [`Rule::Evidence`]: what things are said to suggest or
/// show, as evidence does ("fossils suggest", "temperatures are
/// stressing").
const EVIDENCE_VERBS: &[&str] = &["suggest", "indicate", "explain", "reveal", "show", "stress"];

/// Plurals [`Rule::Evidence`] keeps as sources although [`owned_people`]
/// does not read them as people: people ("rebels", "fans", "those"), and
/// papers and the products of research or of an inquiry, which speak
/// for their unnamed authors ("receipts indicate", "findings suggest",
/// "models suggest", "tests revealed", "submissions to the inquiry
/// show", vague).
const MAYBE_PEOPLE_OR_RESEARCH: &[&str] = &[
    "those",
    "these",
    "ones",
    "others",
    "rebels",
    "fans",
    "citizens",
    "troops",
    "kids",
    "teens",
    "youths",
    "folks",
    "elites",
    "moderates",
    "liberals",
    "veterans",
    "couples",
    "families",
    "children",
    "crowds",
    "teams",
    "peers",
    "elders",
    "millennials",
    "girls",
    "boys",
    "guys",
    "natives",
    "victims",
    "locals",
    "findings",
    "models",
    "simulations",
    "tests",
    "experiments",
    "measurements",
    "observations",
    "readings",
    "theories",
    "rumours",
    "rumors",
    "sources",
    "submissions",
    "hearings",
    "interviews",
    "ratings",
    "regulations",
    "statements",
    "comments",
    "remarks",
    "receipts",
    "invoices",
    "files",
    "logs",
    "papers",
    "messages",
    "texts",
    "cables",
];

/// Does a plural head after a possessive pronoun name people ("her
/// lawyers", "his parents", "its defenders", "their aides"), as a tie to
/// someone needs, and not things ("their smiles", "his remarks")? A noun
/// for people or a role's plural, a listed source's or group's word, kin,
/// or an agent noun in -ers, -ors, -ists, -ants or -ents.
fn owned_people(head: &str) -> bool {
    let stem = head.strip_suffix('s').unwrap_or(head);
    looks_like_person(head)
        || plural_role(head)
        || WORDS.anonymous_heads.contains(head)
        || WORDS.vague_groups.contains(head)
        || KIN.contains(stem)
        || ["ers", "ors", "ists", "ants", "ents"]
            .iter()
            .any(|x| head.ends_with(x))
}

/// Is `w` (lower case) a party's members in the plural ("tories",
/// "conservatives", "democrats")? Not "greens", also a party's own name.
fn is_party_plural(w: &str) -> bool {
    w.ends_with('s') && w != "greens" && PARTIES.contains(w)
}

/// Does a head noun name a person: a word of `people.txt`, or one ending in
/// -ist or -ian ("paediatrician", "historian", "columnist"), singular or
/// plural? Such a head is a source before any reporting verb, not only a
/// verb of speech ("a local paediatrician reported").
pub(crate) fn looks_like_person(head: &str) -> bool {
    let stem = head.strip_suffix('s').unwrap_or(head);
    PEOPLE.contains(head) || stem.len() > 4 && (stem.ends_with("ist") || stem.ends_with("ian"))
}
use std::fmt;

/// How many units a common noun phrase may have and still be a source: a
/// word or punctuation mark is one, and so is a whole proper name inside
/// it (see [`phrase_units`]).
const MAX_PHRASE_UNITS: usize = 12;

/// Which rule decided a source. The string form (kebab case) is the middle
/// of the mark's rule id: `anonymous/insider/source-verb/said`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    Pronoun,
    TitledName,
    Name,
    AnonymityClause,
    Insider,
    ThosePresent,
    Question,
    Nobody,
    PartOfVagueGroup,
    PartOfGroup,
    PollShare,
    GenericOne,
    GenericPerson,
    Medium,
    OneMore,
    IdentifiedDocument,
    UnidentifiedDocument,
    UnnamedGroup,
    AnonymousSource,
    DefiniteCount,
    Institution,
    GroupAtNamedBody,
    RepresentativesOfNamedBody,
    CountedGroup,
    VagueGroup,
    OfficeHolder,
    UnnamedRole,
    BareRole,
    PrepositionObject,
    UnnamedInstitutions,
    UnnamedPerson,
    PersonOfSomeone,
    HeadlinePerson,
    DescribedPerson,
    DefiniteNoun,
    DefinitePlural,
    TiedToSomeone,
    PluralRole,
    Evidence,
    UnspecifiedGroup,
    /// Not in the table: an anonymity clause in an appositive ("One
    /// engineer, who asked not to be named, said") makes whoever it
    /// describes anonymous.
    AppositiveAnonymityClause,
    /// Not in the table: "the official said" pointing back to an anonymous
    /// source (see `back_references`).
    BackReference,
    /// Not in the table: "…, an Australian researcher says. Professor Ada
    /// Lind of the university …", the source named in the next sentence
    /// (see `back_references`).
    NamedNextSentence,
    /// Not in the table: "the researchers say" after a named source, the
    /// team behind the work the article reports (see `back_references`).
    StudyTeam,
    /// Not in the table: "…, scientists say." or "a new study shows"
    /// before the article names the work's team (see `back_references`).
    StudyLede,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Pronoun => "pronoun",
            Rule::TitledName => "titled-name",
            Rule::Name => "name",
            Rule::AnonymityClause => "anonymity-clause",
            Rule::Insider => "insider",
            Rule::ThosePresent => "those-present",
            Rule::Question => "question",
            Rule::Nobody => "nobody",
            Rule::PartOfVagueGroup => "part-of-vague-group",
            Rule::PartOfGroup => "part-of-group",
            Rule::PollShare => "poll-share",
            Rule::GenericOne => "generic-one",
            Rule::GenericPerson => "generic-person",
            Rule::Medium => "medium",
            Rule::OneMore => "one-more",
            Rule::IdentifiedDocument => "identified-document",
            Rule::UnidentifiedDocument => "unidentified-document",
            Rule::UnnamedGroup => "unnamed-group",
            Rule::AnonymousSource => "anonymous-source",
            Rule::DefiniteCount => "definite-count",
            Rule::Institution => "institution",
            Rule::GroupAtNamedBody => "group-at-named-body",
            Rule::RepresentativesOfNamedBody => "representatives-of-named-body",
            Rule::CountedGroup => "counted-group",
            Rule::VagueGroup => "vague-group",
            Rule::OfficeHolder => "office-holder",
            Rule::UnnamedRole => "unnamed-role",
            Rule::BareRole => "bare-role",
            Rule::PrepositionObject => "preposition-object",
            Rule::UnnamedInstitutions => "unnamed-institutions",
            Rule::UnnamedPerson => "unnamed-person",
            Rule::PersonOfSomeone => "person-of-someone",
            Rule::HeadlinePerson => "headline-person",
            Rule::DescribedPerson => "described-person",
            Rule::DefiniteNoun => "definite-noun",
            Rule::DefinitePlural => "definite-plural",
            Rule::TiedToSomeone => "tied-to-someone",
            Rule::PluralRole => "plural-role",
            Rule::Evidence => "evidence",
            Rule::UnspecifiedGroup => "unspecified-group",
            Rule::AppositiveAnonymityClause => "appositive-anonymity-clause",
            Rule::BackReference => "back-reference",
            Rule::NamedNextSentence => "named-next-sentence",
            Rule::StudyTeam => "study-team",
            Rule::StudyLede => "study-lede",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where the source stands: before its verb ("Okafor said") or after it
/// ("said Okafor", "according to the Central Bank").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Order {
    SourceVerb,
    VerbSource,
}

impl Order {
    pub fn as_str(self) -> &'static str {
        match self {
            Order::SourceVerb => "source-verb",
            Order::VerbSource => "verb-source",
        }
    }
}

/// The typed rule id of an attribution mark. `Display` gives the string
/// written in JSON: `{kind}/{rule}/{order}/{verb}`, e.g.
/// `named/institution/source-verb/said`, with spaces in the verb as dashes
/// (`according-to`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SourceRule {
    pub kind: SourceKind,
    pub rule: Rule,
    pub order: Order,
    /// The reporting or belief verb, as written in its lexicon.
    pub verb: &'static str,
}

impl SourceRule {
    /// Is the verb a form of a verb of naming ("called", "branded": see
    /// `inflection::is_naming`), which speaks only for the quotation
    /// naming its object? Every form the verb list gives them (the
    /// lexicon's entries and their inflections; `irregular_verbs.txt`
    /// makes "brands", "labels" and "terms" no verb forms, and the
    /// participles never attribute); a test below holds this list to the
    /// forms' `naming` flag.
    #[inline]
    pub fn naming(&self) -> bool {
        // (The first letter first: most verbs are none of these.)
        matches!(
            self.verb.as_bytes().first(),
            Some(b'c' | b'b' | b'l' | b'd' | b't')
        ) && matches!(
            self.verb,
            "called"
                | "calls"
                | "call"
                | "branded"
                | "labelled"
                | "labeled"
                | "dubbed"
                | "dubs"
                | "dub"
                | "termed"
        )
    }

    /// The string `Display` gives, appended to `out`.
    pub fn push_to(&self, out: &mut String) {
        let kind = match self.kind {
            SourceKind::Named => "named",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Vague => "vague",
            SourceKind::Pronoun => "pronoun",
        };
        out.push_str(kind);
        out.push('/');
        if !(self.rule == Rule::Pronoun && self.kind == SourceKind::Pronoun) {
            out.push_str(self.rule.as_str());
            out.push('/');
        }
        out.push_str(self.order.as_str());
        out.push('/');
        crate::mark::push_dashed(self.verb, out);
    }
}

impl fmt::Display for SourceRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::with_capacity(48);
        self.push_to(&mut s);
        f.write_str(&s)
    }
}

/// What a rule decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Source(SourceKind),
    /// The phrase is not a source: no attribution.
    NotASource,
}

/// Test data and documentation in the rule table: the rule tests and
/// the docs read them; the browser build, whose download has a size
/// budget, gets empty ones (as `build.rs` strips the lexicons' examples).
macro_rules! native_only {
    ($value:expr, $empty:expr) => {
        if cfg!(target_arch = "wasm32") {
            $empty
        } else {
            $value
        }
    };
}

/// One row of the table.
pub struct RuleDef {
    pub rule: Rule,
    /// One line: when the rule applies.
    pub doc: &'static str,
    pub decision: Decision,
    /// Sentences in fixture markup the rule decides.
    pub examples: &'static [&'static str],
    applies: fn(&Phrase<'_>) -> bool,
}

use Decision::{NotASource, Source};
use SourceKind::{Anonymous, Named, Pronoun, Vague};

/// The rules, in order of precedence: the first that applies decides.
pub static RULES: &[RuleDef] = &[
    RuleDef {
        rule: Rule::Pronoun,
        doc: native_only!("A lone pronoun; resolved later to the sentence subject it points back to.", ""),
        decision: Source(Pronoun),
        examples: native_only!(&["Okafor arrived late. [[quote: “We need time,”]] [[named: she said]]."], &[]),
        applies: |p| p.pronoun,
    },
    RuleDef {
        rule: Rule::TitledName,
        doc: native_only!("A name with a title from titles.txt (Mr, Ms, Dr) that would otherwise not count as part of a name.", ""),
        decision: Source(Named),
        examples: native_only!(&["[[named: Ms Okafor said]] the talks had stalled."], &[]),
        applies: |p| p.name_is_source && p.titled,
    },
    RuleDef {
        rule: Rule::Name,
        doc: native_only!("The phrase ends in a capitalised name that is its subject, with any role words before it.", ""),
        decision: Source(Named),
        examples: native_only!(&["[[named: Union president Adebayo Okonkwo said]] the strike would go ahead."], &[]),
        applies: |p| p.name_is_source,
    },
    RuleDef {
        rule: Rule::AnonymityClause,
        doc: native_only!("An anonymity clause after the head noun: whoever it describes is anonymous.", ""),
        decision: Source(Anonymous),
        examples: native_only!(&["[[anonymous: A diplomat who asked not to be named]] said the talks had failed."], &[]),
        applies: |p| p.common.as_ref().is_some_and(|c| c.clause()),
    },
    RuleDef {
        rule: Rule::Insider,
        doc: native_only!("An insider's postmodifier (familiar with, close to, briefed on): an anonymous source.", ""),
        decision: Source(Anonymous),
        examples: native_only!(&["[[anonymous: Diplomats familiar with the talks]] said a deal was near."], &[]),
        applies: |p| p.common.as_ref().is_some_and(|c| c.insider()),
    },
    RuleDef {
        rule: Rule::ThosePresent,
        doc: native_only!("\"Those\" picked out as the people who were there (\"those present\", \"those in attendance\", \"those in the room\", \"those who attended\", \"those who were there\", \"those who saw\", \"those at the scene\"): witnesses, as \"people in attendance\" are, so anonymous; \"those\" picked out by anything else (\"those polled\", \"those who back the bypass\") stays vague.", ""),
        decision: Source(Anonymous),
        examples: native_only!(&["[[anonymous: Those present]] said the chair had walked out."], &[]),
        applies: |p| p.common.as_ref().is_some_and(|c| c.present()),
    },
    RuleDef {
        rule: Rule::Question,
        doc: native_only!("An unnamed person who asks (\"a reporter asked if\", \"a caller asked why\", and inverted after a quote, \"“Why now?” asked a reporter\") or wonders (\"“Is it over?” a clerk wondered\"): a question is not a claim, so no source; a vague group or an institution asking still voices a view. Decision: only an indefinite asker is unnamed here; \"the\" or a possessive points back to someone the article has introduced (\"“Why now?” the harbour master asked\", \"the mayor asked whether\", \"his lawyer asked\"), who gets the mark \"said\" would give, as \"she asked\" and \"asked the mayor\" do.", ""),
        decision: NotASource,
        examples: native_only!(&["When a reporter asked if the yard would close, the owner left."], &[]),
        applies: |p| {
            p.common.as_ref().is_some_and(|c| {
                c.question()
                    && !c.definite
                    && !c.owned
                    && !c.quantified
                    && !c.head_in(HeadList::VagueGroups)
                    && !c.head_in(HeadList::Institutions)
            })
        },
    },
    RuleDef {
        rule: Rule::Nobody,
        doc: native_only!("A phrase opening with a negation (\"neither side would say\", \"no official said\", \"not one voter\"): nobody is given as a source.", ""),
        decision: NotASource,
        examples: native_only!(&["Neither side would say what the deal cost."], &[]),
        applies: |p| {
            p.common.as_ref().is_some_and(|c| {
                !c.head_is_first && matches!(c.first, "neither" | "no" | "not" | "none")
            })
        },
    },
    RuleDef {
        rule: Rule::PartOfVagueGroup,
        doc: native_only!("A quantified part of a group (\"some of the critics\"): vague.", ""),
        decision: Source(Vague),
        examples: native_only!(&["[[vague: Some of the delegates argued]] the vote was rushed."], &[]),
        applies: |p| p.common.as_ref().is_some_and(|c| c.partitive() && c.quantified),
    },
    RuleDef {
        rule: Rule::PartOfGroup,
        doc: native_only!("A counted part of a group, with a verb of speech (\"three of the workers said\"): anonymous.", ""),
        decision: Source(Anonymous),
        examples: native_only!(&["[[anonymous: Three of the workers]] said they had not been paid."], &[]),
        applies: |p| p.common.as_ref().is_some_and(|c| c.partitive() && c.speech),
    },
    RuleDef {
        rule: Rule::PollShare,
        doc: native_only!("A share of those polled (\"another 19 percent said\", \"a majority of voters say\", \"a third said\", \"one in five say\", \"three-quarters of the voters said\"): no particular people, and the poll is the source, so no mark, as \"46 percent of voters said\"; a share of a party's members (\"a majority of Liberals said\") is a side of opinion, vague, below.", ""),
        decision: NotASource,
        examples: native_only!(&["Most backed the plan. Another 19 percent said they were unsure, and one in five say they will not vote."], &[]),
        applies: |p| p.common.as_ref().is_some_and(|c| c.poll_share),
    },
    RuleDef {
        rule: Rule::GenericOne,
        doc: native_only!("\"One\" alone before a modal (\"one could say\", \"one might argue\"): the generic pronoun, anyone at all, so no source.", ""),
        decision: NotASource,
        examples: native_only!(&["By some measures one [[hedge: could]] say the town is thriving."], &[]),
        applies: |p| {
            p.common
                .as_ref()
                .is_some_and(|c| c.head_is_first && c.head == "one" && c.modal_after())
        },
    },
    RuleDef {
        rule: Rule::GenericPerson,
        doc: native_only!("\"A\" or \"an\" before a modal of possibility (\"a pensioner would recall\", \"a rival candidate might claim\"), or after \"when\", \"whenever\", \"if\", \"unless\" or \"how\" with a verb in the present (\"how a mayor responds matters\", \"when a councillor tells voters\"): anyone at all, a type, not a person the article shields, so no source. Decision (round 26): a past verb there tells of one event (\"when a local paediatrician reported\" stays anonymous), and so does \"would\" with anything between it and the verb (\"an aide would only say\", \"a spokesman would later say\").", ""),
        decision: NotASource,
        examples: native_only!(&["How a mayor responds to a flood can decide an election."], &[]),
        applies: |p| p.common.as_ref().is_some_and(|c| c.generic()),
    },
    RuleDef {
        rule: Rule::OneMore,
        doc: native_only!("\"Another said\", \"One said\": one more of the people just mentioned, none named. Decision (round 25): not before a verb's plain form, which a singular subject does not take (\"he tells one joke about the mayor\": \"one\" counts the jokes).", ""),
        decision: Source(Anonymous),
        examples: native_only!(&["Two guards saw it. [[anonymous: Another]] said the gate was open."], &[]),
        applies: |p| {
            p.common.as_ref().is_some_and(|c| {
                c.head_is_first
                    && matches!(c.head, "another" | "one")
                    && c.speech
                    && !c.base_verb()
            })
        },
    },
    RuleDef {
        rule: Rule::IdentifiedDocument,
        doc: native_only!("A document from words/documents.txt identified by a name before it or a named body after it (\"a Reuters analysis\", \"a report by the Audit Office\", \"a study in the Harbour Medical Journal\"): named. Also a record after \"according to\" (words/records.txt, see subject::cited_record) with a name, a possessive or a pronoun in its phrase.", ""),
        decision: Source(Named),
        examples: native_only!(&[
            "[[named: A report by the Audit Office found]] the scheme wasted money.",
            "[[named: A 2019 study in the Harbour Medical Journal found]] the drug was safe.",
            "Fares rose, [[named: according to a tally by the Aldmoor Gazette]].",
        ], &[]),
        applies: |p| {
            p.common.as_ref().is_some_and(|c| {
                c.head_in(HeadList::Documents)
                    && !c.definite
                    && (c.post_has_name() || c.name_before_head() || c.post_in_name())
            })
        },
    },
    RuleDef {
        rule: Rule::UnidentifiedDocument,
        doc: native_only!("A counted or quantified document from words/documents.txt that nothing identifies (\"a study found\", \"an early survey\", \"some reports\"), or one alone opening its clause (\"Research shows\", headline style \"…, poll finds\"): vague. Also a record after \"according to\" that nothing identifies (subject::cited_record), and a record that institutions.txt lists (\"data\", \"figures\", \"records\") with only words of words/record_modifiers.txt before it (\"early data\", \"according to recent figures\") and nothing after it that could say whose it is (see `unidentified_record`).", ""),
        decision: Source(Vague),
        examples: native_only!(&[
            "[[vague: A study found]] the drug was safe.",
            "[[vague: Research shows]] that the drug is safe.",
            "Fares rose, [[vague: according to numbers circulating on the quay]].",
            "[[vague: Early data show]] the drug is safe.",
        ], &[]),
        applies: |p| {
            p.common
                .as_ref()
                .is_some_and(|c| {
                    c.head_in(HeadList::Documents)
                        && (c.counted
                            || c.quantified
                            || c.head_is_first && !c.has_post && c.opens_clause())
                        || c.unidentified_record()
                })
        },
    },
    RuleDef {
        rule: Rule::UnnamedGroup,
        doc: native_only!("A head from anonymous_sources.txt that is quantified, or bare \"people\" with nothing after it: an unspecified group.", ""),
        decision: Source(Vague),
        examples: native_only!(&["[[vague: Some officials say]] the plan is dead."], &[]),
        applies: |p| {
            p.common.as_ref().is_some_and(|c| {
                c.head_in(HeadList::AnonymousHeads)
                    && (c.quantified
                        || matches!(c.head, "people" | "person") && c.head_is_first && !c.has_post)
            })
        },
    },
    RuleDef {
        rule: Rule::RepresentativesOfNamedBody,
        doc: native_only!("\"representatives\" straight after a capitalised name (\"Cornerstone representatives said\"): the named firm or body speaking through the people it sends, on the record as \"Pentagon spokesmen\" are: named. Decision (round 27): a common noun there (\"Union representatives\") does not identify the body, and stays anonymous (anonymous_sources.txt).", ""),
        decision: Source(Named),
        examples: native_only!(&["[[named: Harrow Lane representatives said]] the lease would be signed."], &[]),
        applies: |p| p.common.as_ref().is_some_and(|c| c.representatives_of_name()),
    },
    RuleDef {
        rule: Rule::AnonymousSource,
        doc: native_only!("A head from anonymous_sources.txt (\"a senior official\", \"insiders\", \"one strategist\", \"party operatives\"): a post with access, where the person sits; the heads of vague_groups.txt say what a group thinks about instead. Not \"the\" with a number word before members of a legislature (\"the two lawmakers\"): a definite count, below.", ""),
        decision: Source(Anonymous),
        examples: native_only!(&["[[anonymous: A senior official]] said the vote was delayed."], &[]),
        applies: |p| {
            p.common.as_ref().is_some_and(|c| {
                c.head_in(HeadList::AnonymousHeads)
                    && !(c.counted_legislators() && c.definite_count())
            })
        },
    },
    RuleDef {
        rule: Rule::DefiniteCount,
        doc: native_only!("A definite count of people (\"both candidates\", \"all three candidates\", \"the two voters\"): the whole of a set the article has already counted out, so people it has introduced, nearly always by name, as \"the rescuer\" is (definite-noun, below): named. Decision (round 27): the article does not withhold who they are, which anonymity needs (guideline); a head of anonymous_sources.txt (\"the two officials\", \"the two sources\", above) may point back to unnamed officials and stays anonymous. Decision (round 28): but members of a legislature after \"the\" and a number word (\"the two lawmakers argue\", two committee chairmen the article named) hold seats and speak on the record, so they are named here too, and the back-reference pass (back_references.rs) makes them anonymous again when they point back to an anonymous source with their head (\"Two lawmakers, who asked not to be named, said … the two lawmakers added\"), which \"the\" lets that pass read (after \"both\" or \"all\" they stay anonymous); a side (\"both sides\") stays vague, and a count after other words (\"the remaining two delegates\") or with a word that picks out part of a larger group (\"the two remaining delegates\", \"the three other bidders\") is no such set.", ""),
        decision: Source(Named),
        examples: native_only!(&[
            "Ana Ruiz and Tom Ward met on Monday. [[named: Both candidates said]] the ferry must run.",
            "Ruiz, Ward and Pell debated. [[named: All three candidates have said]] taxes are too high.",
        ], &[]),
        applies: |p| p.common.as_ref().is_some_and(|c| c.definite_count()),
    },
    RuleDef {
        rule: Rule::Institution,
        doc: native_only!("A head from institutions.txt: an organisation or document on the record. Also any document of words/documents.txt, or its plural, after \"the\" or a possessive (\"the reports said\", \"its filings show\"): one the article has identified. Decision (round 43): so is the plural of an institution after \"the\", subject of a verb of speech (\"the firms said\", \"the unions say\", \"the parties say\"), with no qualifier after it but a who/whose clause and at most two words between (\"the two firms\", \"the world's richest countries\"; not \"the last time major Wall Street firms said\"): the organisations the article has named, as \"the firm said\" is one; the guideline's anonymous source is one whose identity the article withholds, and an identified organisation is named (it was a definite plural, anonymous). A party's own name (\"the Tories\", \"the Lib Dems\") is a name already.", ""),
        decision: Source(Named),
        examples: native_only!(&[
            "[[named: The ministry said]] the talks would resume.",
            "Two audits were published. [[named: The audits found]] the fund had lost money.",
            "Corbel and Tay merged. [[named: The firms said]] no jobs would go.",
        ], &[]),
        applies: |p| {
            p.common.as_ref().is_some_and(|c| {
                c.head_in(HeadList::Institutions)
                    || c.definite && c.head_in(HeadList::Documents)
                    || c.named_place()
                    || c.first == "the"
                        && c.speech
                        && c.head_i <= c.start + INSTITUTION_PLURAL_WORDS
                        && (!c.has_post || c.post_who())
                        && institution_plural(c.head)
            })
        },
    },
    RuleDef {
        rule: Rule::GroupAtNamedBody,
        doc: native_only!("A head from vague_groups.txt tied to a named body (\"analysts at Barclays\"): named.", ""),
        decision: Source(Named),
        examples: native_only!(&["[[named: Analysts at Barclays said]] rates would fall."], &[]),
        applies: |p| {
            p.common
                .as_ref()
                .is_some_and(|c| c.head_in(HeadList::VagueGroups) && c.post_has_name())
        },
    },
    RuleDef {
        rule: Rule::CountedGroup,
        doc: native_only!("A head from vague_groups.txt with an exact count (\"two analysts\"; \"several observers\" is still a group, vague), or one the writer met (\"the voters I met\", a relative clause opening with a subject pronoun): particular people, unnamed.", ""),
        decision: Source(Anonymous),
        examples: native_only!(&[
            "[[anonymous: Two analysts]] said rates would fall.",
            "[[anonymous: The experts I interviewed]] said the plan was sound.",
        ], &[]),
        applies: |p| {
            p.common.as_ref().is_some_and(|c| {
                c.head_in(HeadList::VagueGroups)
                    && (c.counted
                        && !c.head_is_first
                        && !matches!(c.first, "several" | "multiple" | "dozens")
                        || c.contact_clause())
            })
        },
    },
    RuleDef {
        rule: Rule::Medium,
        doc: native_only!("\"Social media\": a channel that carries what people post, not a group that reports (\"local media reported\" is vague, by vague_groups.txt): no source.", ""),
        decision: NotASource,
        examples: native_only!(&["Social media has added a new rumour every hour."], &[]),
        applies: |p| {
            p.common
                .as_ref()
                .is_some_and(|c| c.head == "media" && c.modifier() == "social")
        },
    },
    RuleDef {
        rule: Rule::VagueGroup,
        doc: native_only!("A head from vague_groups.txt (\"critics\", \"analysts\", \"political scientists\", \"security specialists\", \"forecasters\"): a body of opinion or expertise, not a post with access: vague.", ""),
        decision: Source(Vague),
        examples: native_only!(&["[[vague: Critics say]] the plan is unworkable."], &[]),
        applies: |p| {
            p.common
                .as_ref()
                .is_some_and(|c| c.head_in(HeadList::VagueGroups))
        },
    },
    RuleDef {
        rule: Rule::OfficeHolder,
        doc: native_only!("A definite head from roles.txt (\"the mayor\", and with a verb of speech \"his lawyer\"): a named office holder, as \"the team's coach\" is.", ""),
        decision: Source(Named),
        examples: native_only!(&[
            "[[named: The mayor said]] the road would reopen.",
            "Dorsey stayed away. [[named: His lawyer said]] he would not answer questions.",
        ], &[]),
        applies: |p| {
            p.common.as_ref().is_some_and(|c| {
                c.head_in(HeadList::Roles) && (c.definite || c.owned && c.speech)
            })
        },
    },
    RuleDef {
        rule: Rule::UnnamedRole,
        doc: native_only!("A counted head from roles.txt (\"a minister\"): the role withholds who.", ""),
        decision: Source(Anonymous),
        examples: native_only!(&["[[anonymous: A minister]] said the bill would pass."], &[]),
        applies: |p| {
            p.common
                .as_ref()
                .is_some_and(|c| c.head_in(HeadList::Roles) && c.counted)
        },
    },
    RuleDef {
        rule: Rule::BareRole,
        doc: native_only!("Any other head from roles.txt (\"ministers\", \"some managers\"): not a source.", ""),
        decision: NotASource,
        examples: native_only!(&["Every minister said no."], &[]),
        applies: |p| {
            p.common
                .as_ref()
                .is_some_and(|c| c.head_in(HeadList::Roles))
        },
    },
    RuleDef {
        rule: Rule::PrepositionObject,
        doc: native_only!("An unknown head whose determiner follows a preposition straight away (\"but in a later interview said\"): the object of the preposition; the subject is elsewhere, so no source.", ""),
        decision: NotASource,
        examples: native_only!(&["Tarrant was away that week but in a later interview said he had known."], &[]),
        applies: |p| p.common.as_ref().is_some_and(|c| c.object),
    },
    RuleDef {
        rule: Rule::UnnamedInstitutions,
        doc: native_only!("Several bodies, none named (\"several states said\", \"multiple agencies\", \"some companies\"): the plural of a word from institutions.txt, or states, countries or nations, with an inexact count: an unspecified group, vague (an exact count, \"two states\", stays an unnamed source).", ""),
        decision: Source(Vague),
        examples: native_only!(&["[[vague: Several states said]] they would sue over the rule."], &[]),
        applies: |p| {
            p.common.as_ref().is_some_and(|c| {
                !c.head_is_first
                    && (c.quantified || matches!(c.first, "several" | "multiple" | "dozens"))
                    && institution_plural(c.head)
            })
        },
    },
    RuleDef {
        rule: Rule::UnnamedPerson,
        doc: native_only!("An unknown head with a number (in figures only for a head that names people: \"409 teachers said\"), subject of a verb of speech (\"a witness said\") or, when the head names a person (people.txt, -ist, -ian), of any reporting verb (\"a local paediatrician reported\", \"two candidates said\"); a count after \"the\" is a count too (\"the two voters\" and \"both candidates\" are a definite count, above).", ""),
        decision: Source(Anonymous),
        examples: native_only!(&[
            "[[anonymous: A witness]] said the car did not stop.",
            "The council acted when [[anonymous: a local paediatrician]] reported high lead levels.",
        ], &[]),
        applies: |p| {
            p.common.as_ref().is_some_and(|c| {
                c.counted && !c.head_is_first && !c.definite && (c.speech || c.person())
            })
        },
    },
    RuleDef {
        rule: Rule::PersonOfSomeone,
        doc: native_only!("A possessive pronoun or, decision (round 28), a name's possessive before a singular head that names a person (\"her friend said\", \"according to his longtime physician\", \"says Okafor's neighbour\"): someone tied to a person in the story whose own name the article withholds: anonymous; not \"man\" or \"woman\" after a name's (\"Okafor's right-hand man\" is a nickname). Roles (\"his lawyer\") are office holders, above. Kin are too only with a verb that plainly reports speech (\"his brother added\", \"my father often said\"); \"his wife had warned him\", \"her mother insisted that he stay\" stay unmarked.", ""),
        decision: Source(Anonymous),
        examples: native_only!(&[
            "Okafor was moving to Leeds, [[anonymous: her friend]] said.",
            "According to [[anonymous: his longtime physician]], Dorsey was in good health.",
            "Okafor had two children, [[anonymous: her brother]] added.",
        ], &[]),
        applies: |p| {
            p.common.as_ref().is_some_and(|c| {
                (c.owned || c.name_owned())
                    && !is_plural(c.head)
                    && (c.person() || c.kin_says())
            })
        },
    },
    RuleDef {
        rule: Rule::HeadlinePerson,
        doc: native_only!("A bare singular head that names a person, with no article (at most three lower-case words; a noun of people.txt alone opening a sentence may be capitalised), before a reporting verb: headline style (\"…, analyst says\", \"former rival says\", \"…; But analyst says\", \"Passenger Reveals …\") drops the \"an\" of \"an analyst says\": anonymous.", ""),
        decision: Source(Anonymous),
        examples: native_only!(&["Rates will fall by June, [[anonymous: analyst]] says."], &[]),
        applies: |p| {
            p.common.as_ref().is_some_and(|c| {
                c.bare() && !is_plural(c.head) && c.person()
            })
        },
    },
    RuleDef {
        rule: Rule::DescribedPerson,
        doc: native_only!("Decision (round 41): \"the\" before a singular head that names a person (people.txt, -ist, -ian) with a \"who\" or \"whose\" clause straight after it (\"the woman who runs the shelter said\", \"the farmer whose barn burned told\"): a particular person the article describes but does not name: anonymous, as the plural (\"the councillors whose seats are at stake\") already is. Without the clause \"the rescuer said\" stays a source introduced earlier (definite-noun, below).", ""),
        decision: Source(Anonymous),
        examples: native_only!(&[
            "[[anonymous: The woman who runs the shelter]] said every bed was taken.",
        ], &[]),
        applies: |p| {
            p.common.as_ref().is_some_and(|c| {
                c.first == "the"
                    && !c.head_is_first
                    && !is_plural(c.head)
                    && c.post_who()
                    && c.person()
            })
        },
    },
    RuleDef {
        rule: Rule::DefiniteNoun,
        doc: native_only!("An unknown singular head after \"the\", subject of a verb of speech (\"the rescuer said\") or, decision (round 30), for a head that names a person (people.txt, -ist, -ian), of any reporting verb (\"the doctor reported that\", \"the self-described socialist has vowed\"), as the plural (\"the authors found\") and the counted head (\"a local paediatrician reported\") already are: a source introduced earlier. A head that names no person keeps to verbs of speech (\"the kettle reported nothing\").", ""),
        decision: Source(Named),
        examples: native_only!(&[
            "[[named: The rescuer said]] the wards were full.",
            "[[named: The doctor reported]] that the wards were full.",
        ], &[]),
        applies: |p| {
            p.common.as_ref().is_some_and(|c| {
                c.definite
                    && !c.head_is_first
                    && !is_plural(c.head)
                    && !c.has_post
                    && (c.speech || c.person())
            })
        },
    },
    RuleDef {
        rule: Rule::DefinitePlural,
        doc: native_only!("An unknown plural head after \"the\", subject of a verb of speech (\"the lawyers said\") or, for a head that names people, of any reporting verb (\"the authors found that\"); a qualifier after it only when it names people or opens with who/whose (\"the councillors whose seats are at stake\", not \"the campaign's efforts at damage control added up\"): particular unnamed people.", ""),
        decision: Source(Anonymous),
        examples: native_only!(&[
            "The roof is sound, [[anonymous: the surveyors]] said.",
            "[[anonymous: The authors]] found that turnout fell.",
        ], &[]),
        applies: |p| {
            p.common.as_ref().is_some_and(|c| {
                c.first == "the"
                    && !c.head_is_first
                    && is_plural(c.head)
                    && (!c.has_post || c.post_who() || c.person())
                    && (c.speech || c.person())
            })
        },
    },
    RuleDef {
        rule: Rule::TiedToSomeone,
        doc: native_only!("A plural tied to someone the article has introduced (\"lawyers for the official\", \"her lawyers\", \"Mr Dorsey's lawyers\", \"lodgers of those hurt\"): anonymous. Decision (round 25): after a possessive pronoun, only a plural that names people (\"their smiles said a lot\" is no source).", ""),
        decision: Source(Anonymous),
        examples: native_only!(&[
            "[[anonymous: Lodgers of the driver]] said he had moved away.",
            "Okafor was charged. [[anonymous: Her lawyers]] said she would appeal.",
            "Dorsey was charged. [[anonymous: Mr Dorsey's lawyers]] said he would appeal.",
        ], &[]),
        applies: |p| p.common.as_ref().is_some_and(|c| c.tied()),
    },
    RuleDef {
        rule: Rule::PluralRole,
        doc: native_only!("The plural of a word from roles.txt with no determiner and no quantifier (\"governors said\", \"presidential candidates say\"): a bare plural role used as a source, particular people whose names the article withholds: anonymous (as \"officials\" is); \"some governors\" stays an unspecified group, vague, and the plural of a profession (words/professions.txt, \"employment lawyers say\") or a head of vague_groups.txt (\"economists\") is a field, vague.", ""),
        decision: Source(Anonymous),
        examples: native_only!(&[
            "[[anonymous: Governors]] said the grant had been cut.",
            "[[anonymous: Mayoral candidates]] say the ferry must keep running.",
        ], &[]),
        applies: |p| {
            p.common.as_ref().is_some_and(|c| {
                !c.quantified
                    && plural_post(c.head)
                    && (c.head_is_first || !DETERMINERS.contains(c.first) && !c.definite)
            })
        },
    },
    RuleDef {
        rule: Rule::Evidence,
        doc: native_only!("A plural of things before \"suggest\", \"indicate\", \"explain\", \"reveal\", \"show\" or \"stress\" (\"fossils suggest\", \"the worn teeth indicate\", \"dry conditions could explain\", \"temperatures are stressing\"): evidence the writer reasons from, not a group holding a view, so no source (the hedge keeps its own mark). Decision (round 38): a head that may name people (people.txt, roles, the source and group lists, kin, -ers, -ors, -ists, -ants, -ents, -ees, -ives, -men, a party, a capitalised word inside the sentence, \"those\" and a few more: \"rebels\", \"fans\", \"citizens\") stays an unspecified group, and so does a document, a record, a paper or the product of research (\"polls show\", \"receipts indicate\", \"findings suggest\", \"models suggest\", \"tests revealed\"), whose unnamed authors the claim rests on (vague).", ""),
        decision: NotASource,
        examples: native_only!(&["Worn molars [[hedge: suggest]] the herd grazed on grit."], &[]),
        applies: |p| p.common.as_ref().is_some_and(|c| c.evidence()),
    },
    RuleDef {
        rule: Rule::UnspecifiedGroup,
        doc: native_only!("A quantified or bare plural (\"some traders\", \"campaigners\"), or \"those\" picked out by what follows it (\"those who back the bypass say\"): vague. Decision (round 25): not a plural of things after a possessive pronoun (\"their smiles said a lot\"), no group of people.", ""),
        decision: Source(Vague),
        examples: native_only!(&[
            "[[vague: Campaigners argue]] the law goes too far.",
            "[[vague: Those who back the bypass say]] it will ease traffic.",
        ], &[]),
        applies: |p| {
            p.common.as_ref().is_some_and(|c| {
                c.quantified && !c.head_is_first
                    // (A possessive pronoun before things is no group:
                    // "their smiles said a lot", "His remarks indicated".)
                    || is_plural(c.head)
                        && (!c.owned || owned_people(c.head))
                        && (c.head_is_first || !DETERMINERS.contains(c.first) && !c.definite)
                    || c.head == "those" && c.head_is_first && c.has_post
            })
        },
    },
];

/// Members of a legislature, heads of anonymous_sources.txt that a
/// definite count names ([`Common::counted_legislators`]).
const LEGISLATORS: &[&str] = &["lawmakers", "legislators", "senators", "congressmen", "mps"];

/// Do the words after "those" at token `a` (before `end`, the verb) pick
/// out the people who were there: "those present", "those in attendance",
/// "those in the room", "those at the scene", "those who attended", "those
/// who witnessed", "those who saw", "those who were there", "those who were
/// present"? Reads at most three words after "those".
fn those_present(s: &Sent, a: usize, end: usize) -> bool {
    let w = |k: usize| if a + k < end { s.lower(a + k) } else { None };
    match w(1) {
        Some("present") => true,
        Some("in") => w(2) == Some("attendance") || w(2) == Some("the") && w(3) == Some("room"),
        Some("at") => w(2) == Some("the") && w(3) == Some("scene"),
        Some("who") => match w(2) {
            Some("attended" | "witnessed" | "saw") => true,
            Some("were" | "was") => matches!(w(3), Some("there" | "present")),
            _ => false,
        },
        _ => false,
    }
}

/// Does a singular phrase opening with "a" or "an" at token `a` (its
/// words end before token `end`) speak of anyone at all ([`Rule::GenericPerson`])?
/// A modal of possibility stands between it and `verb` with nothing else
/// ("a pensioner would recall"; a parenthesis after the phrase is passed
/// over: "a pensioner (of any party) would recall"), or "when",
/// "whenever", "if", "unless" or "how" opens it and the verb is in the
/// present ("how a mayor responds"). Reads at most the few tokens of
/// a parenthesis and two words on either side.
fn speaks_of_anyone(
    s: &Sent,
    a: usize,
    end: usize,
    verb: &str,
    verb_form: Option<&super::forms::VerbForm>,
) -> bool {
    let m = if s.is_punct(end, '(') {
        (end + 1..(end + 8).min(s.toks.len()))
            .find(|&i| s.is_punct(i, ')'))
            .map_or(end, |i| i + 1)
    } else {
        end
    };
    let modal = !s.is_capitalised(m)
        && s.lower(m)
            .is_some_and(|w| matches!(w, "would" | "might" | "could" | "may"))
        && s.lower(m + 1)
            .is_some_and(|w| verb.split(' ').next() == Some(w));
    modal
        || a > 0
            && verb_form.is_some_and(|f| f.tense == super::forms::Tense::Third)
            && s.lower(a - 1)
                .is_some_and(|w| matches!(w, "when" | "whenever" | "if" | "unless" | "how"))
}

/// How far after "the" an institution's plural may stand for the
/// `institution` rule's definite plural ("the world's richest
/// *countries*").
const INSTITUTION_PLURAL_WORDS: usize = 3;

/// Does a head noun look plural ("lawyers", not "witness" or "actress")?
/// A plural naming bodies rather than people: "states", "countries",
/// "nations", or the plural of a word from institutions.txt ("agencies",
/// "companies", "governments").
fn institution_plural(head: &str) -> bool {
    matches!(head, "states" | "countries" | "nations")
        || head.strip_suffix("ies").is_some_and(|stem| {
            let mut one = String::with_capacity(stem.len() + 1);
            one.push_str(stem);
            one.push('y');
            WORDS.institutions.contains(&one)
        })
        || head
            .strip_suffix('s')
            .is_some_and(|one| !one.ends_with('s') && WORDS.institutions.contains(one))
}

/// Is `verb` (as written in its lexicon) a verb of speech
/// (`words/speech.txt`), itself or as a form of an entry there ("warned"
/// of "warn")? `form` is its [`super::forms::form_of`].
fn is_speech_form(verb: &str, form: Option<&super::forms::VerbForm>) -> bool {
    SPEECH.contains(verb) || form.is_some_and(|f| SPEECH.contains(f.entry))
}

impl Sent<'_, '_> {
    /// `verb`'s [`super::forms::form_of`] and [`is_speech_form`], kept for
    /// the last verb asked about in its slot of `verb_facts`
    /// ([`super::verb_slot`]), the last verb's slot read first: the phrase
    /// rules ask for every subject they read, and an article's verbs are
    /// mostly a few ("the official said. " repeated looked both up 52,000
    /// times a megabyte). Kept by the verb's own string (its address and
    /// length: the lexicon's, so one verb is one string).
    fn verb_facts(&self, verb: &'static str) -> (Option<&'static super::forms::VerbForm>, bool) {
        let Some((slots, last)) = self.verb_facts else {
            let form = super::forms::form_of(verb);
            return (form, is_speech_form(verb, form));
        };
        // The last verb's slot first: one comparison when the verb is the
        // same as the last ("the official said. " repeated).
        let kept = |i: usize| {
            slots[i % super::VERB_SLOTS]
                .get()
                .filter(|&(v, _, _)| std::ptr::eq(v, verb))
                .map(|(_, form, speech)| (form, speech))
        };
        if let Some(facts) = kept(last.get()) {
            return facts;
        }
        let i = super::verb_slot(verb);
        last.set(i);
        if let Some(facts) = kept(i) {
            return facts;
        }
        // The slot's pair, `i ^ 1`, holds the verb that was last pushed out
        // of slot `i`: two verbs of an article that fall on one slot
        // ("said" and "says") took turns in it, each pushing the other
        // out (578 of 2,191 look-ups on 1 MB of news missed).
        if let Some(facts) = kept(i ^ 1) {
            last.set(i ^ 1);
            return facts;
        }
        let form = super::forms::form_of(verb);
        let speech = is_speech_form(verb, form);
        let slot = &slots[i % super::VERB_SLOTS];
        slots[(i ^ 1) % super::VERB_SLOTS].set(slot.get());
        slot.set(Some((verb, form, speech)));
        (form, speech)
    }
}

/// Does a verb plainly report speech (said, told, added, explained,
/// recalled, replied, wrote)? Kin are sources only with one of these: a
/// relative's warning or demand ("his wife had warned him", "her mother
/// insisted that he stay") is the family's story, not a claim reported.
fn plainly_says(verb: &str) -> bool {
    matches!(
        verb,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "explained"
            | "explains"
            | "recalled"
            | "recalls"
            | "replied"
            | "replies"
            | "wrote"
            | "writes"
    )
}

/// Is a (lowercased) word an adverb by a suffix no noun has
/// ("successfully", "repeatedly"; not "family", "rally")? Such a word ends
/// a subject's words only before a verb of speech ("Democrats successfully
/// argued"): "superdelegates currently pledged" is a participle phrase more
/// often than a claim.
fn suffix_adverb(w: &str) -> bool {
    w.len() > 6
        && [
            "ally", "ully", "ively", "edly", "ously", "ently", "antly", "ingly", "ately",
        ]
        .iter()
        .any(|suffix| w.ends_with(suffix))
}

/// Is a head the plural of a word from roles.txt ("governors",
/// "candidates", "secretaries", "lawyers")? Then it names people.
fn plural_role(head: &str) -> bool {
    role_of_plural(head).is_some()
}

/// Is a head the plural of a post from roles.txt ("governors",
/// "candidates"), not of a profession ("lawyers", professions.txt) nor a
/// head of vague_groups.txt ("economists"): a field is vague.
fn plural_post(head: &str) -> bool {
    role_of_plural(head).is_some_and(|one| !PROFESSIONS.contains(&one))
        && !WORDS.vague_groups.contains(head)
}

/// The word of roles.txt whose plural `head` is ("secretaries" →
/// "secretary").
fn role_of_plural(head: &str) -> Option<Cow<'_, str>> {
    if !is_plural(head) {
        return None;
    }
    if let Some(stem) = head.strip_suffix("ies") {
        let mut one = String::with_capacity(stem.len() + 1);
        one.push_str(stem);
        one.push('y');
        if WORDS.roles.contains(&one) {
            return Some(Cow::Owned(one));
        }
    }
    head.strip_suffix('s')
        .filter(|one| WORDS.roles.contains(one))
        .map(Cow::Borrowed)
}

/// Does a (lowercased) head look plural: an -s that is not the end of
/// "-ss", "-us" or "-is" ("officials", not "boss", "census", "analysis"),
/// or "men" ending a word ("women", "fishermen", "spokesmen"; not the few
/// singulars such as "specimen" or "regimen")?
/// Also read by the speaker pass (a "he" or "she" is no group).
pub(crate) fn is_plural(head: &str) -> bool {
    head.ends_with('s') && !head.ends_with("ss") && !head.ends_with("us") && !head.ends_with("is")
        || head.ends_with("men")
            && !matches!(
                head,
                "specimen" | "regimen" | "abdomen" | "omen" | "acumen" | "amen"
            )
}

/// The word lists the rules look a head up in, and whether it names a
/// person ([`Common::person`]): the lists' answers are read from
/// [`head_lists`]' bits, found once a phrase, where the rules looked the
/// head up in the same list again and again; whether it names a person
/// is read at most once a phrase ([`Common::head_in`]).
#[derive(Clone, Copy)]
enum HeadList {
    Documents,
    AnonymousHeads,
    Institutions,
    VagueGroups,
    Roles,
    Person,
}

/// The bits of [`head_lists`], one a list (in the order of `build.rs`'s
/// `HEAD_LISTS`, which writes the native build's table of them).
mod list_bit {
    /// [`super::super::is_document`]: words/documents.txt, with plurals.
    pub const DOCUMENT: u8 = 1;
    pub const ANONYMOUS: u8 = 2;
    pub const INSTITUTION: u8 = 4;
    pub const VAGUE: u8 = 8;
    pub const ROLE: u8 = 16;
    /// words/records.txt ("data", "figures", "polls").
    pub const RECORD: u8 = 32;
}

/// The six lists' words (the documents' with their plurals) and, in
/// the same order, the bits of the lists each is in: written by
/// `build.rs` (see [`head_lists`]).
#[cfg(not(target_arch = "wasm32"))]
static HEAD_WORDS: WordList = crate::lexicon::static_word_list!("/derived/", "head_lists");
#[cfg(not(target_arch = "wasm32"))]
static HEAD_TAGS: &[u8] = &include!(concat!(env!("OUT_DIR"), "/derived/head_lists.tags.rs"));

/// The lists of [`list_bit`] that `head` (with no ASCII capital, as a
/// phrase's head is) is in, as bits: [`lists_of`], which asks each list
/// in turn, read natively from a table made at compile time in one
/// look-up, where there were six (and two for a plural document). The
/// page asks the lists, as its word lists are built at first use.
fn head_lists(head: &str) -> u8 {
    #[cfg(not(target_arch = "wasm32"))]
    return HEAD_WORDS.index_of(head).map_or(0, |i| HEAD_TAGS[i]);
    #[cfg(target_arch = "wasm32")]
    return lists_of(head);
}

/// The lists of [`list_bit`] that `head` is in, each asked in turn.
#[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
fn lists_of(head: &str) -> u8 {
    let bit = |is: bool, bit: u8| if is { bit } else { 0 };
    bit(super::is_document(head), list_bit::DOCUMENT)
        | bit(WORDS.anonymous_heads.contains(head), list_bit::ANONYMOUS)
        | bit(WORDS.institutions.contains(head), list_bit::INSTITUTION)
        | bit(WORDS.vague_groups.contains(head), list_bit::VAGUE)
        | bit(WORDS.roles.contains(head), list_bit::ROLE)
        | bit(RECORDS.contains(head), list_bit::RECORD)
}

impl Common<'_> {
    /// The head names a person ([`looks_like_person`]); read only by the
    /// rules that need it.
    /// The plural of a role ("the candidates", "prosecutors") names
    /// people too.
    fn person(&self) -> bool {
        self.head_in(HeadList::Person)
    }

    /// Is the head in `list`? A list's answer is a bit of `listed`;
    /// whether it names a person is read once, then kept in
    /// `names_person`.
    fn head_in(&self, list: HeadList) -> bool {
        let is_listed = |bit: u8| self.listed & bit != 0;
        match list {
            HeadList::Documents => is_listed(list_bit::DOCUMENT),
            HeadList::AnonymousHeads => is_listed(list_bit::ANONYMOUS) || self.people_figures,
            HeadList::Institutions => is_listed(list_bit::INSTITUTION) && !self.people_figures,
            HeadList::VagueGroups => is_listed(list_bit::VAGUE),
            // "the chief of staff", "Okafor's chief of staff": one post,
            // whose head "chief" is no role alone ("police Chief Ana
            // Ruiz" titles a name).
            HeadList::Roles => {
                is_listed(list_bit::ROLE)
                    || self.head == "chief"
                        && self.post + 1 < self.end
                        && self.s.lower(self.post) == Some("of")
                        && self.s.lower(self.post + 1) == Some("staff")
            }
            HeadList::Person => self.names_person.get().unwrap_or_else(|| {
                let is = looks_like_person(self.head) || plural_role(self.head);
                self.names_person.set(Some(is));
                is
            }),
        }
    }
}

/// What the rules read about a subject phrase.
pub struct Phrase<'a> {
    /// A lone pronoun.
    pronoun: bool,
    /// The phrase ends in a name that is its subject (not one inside a
    /// prepositional phrase, not a capitalised group).
    name_is_source: bool,
    /// The name holds a title from titles.txt (see [`name_rule`]).
    titled: bool,
    /// Token where the named source starts (role words and "the" included).
    name_start: usize,
    /// The phrase read as a common noun phrase, if it is one.
    common: Option<Common<'a>>,
}

/// A common noun phrase: its start, its head and what surrounds the head.
/// The facts most rules read are kept; the rest are methods, read only
/// by the rules that reach them (the table's first rules decide most
/// phrases, and a megabyte of "the official said. " computed some thirty
/// facts a phrase where a dozen are read).
struct Common<'a> {
    /// The sentence, and the phrase's words `[start, end)` before `verb`.
    s: &'a Sent<'a, 'a>,
    start: usize,
    end: usize,
    verb: &'static str,
    /// `verb`'s [`super::forms::form_of`].
    verb_form: Option<&'static super::forms::VerbForm>,
    /// The head's token, and the postmodifier's first token (`end` when
    /// there is none).
    head_i: usize,
    post: usize,
    head: &'a str,
    first: &'a str,
    head_is_first: bool,
    has_post: bool,
    counted: bool,
    quantified: bool,
    definite: bool,
    speech: bool,
    /// A possessive pronoun before the head ("his lawyer", "their aides").
    owned: bool,
    /// The phrase is a preposition's object: its determiner follows the
    /// preposition straight away ("in a later interview").
    object: bool,
    /// A share of those polled ("another 19 percent", "a majority of
    /// voters", "one in five"), not of a party's members.
    poll_share: bool,
    /// The lists the head is in ([`head_lists`]), as [`list_bit`]s.
    listed: u8,
    /// Whether the head names a person, once read ([`Common::head_in`]).
    names_person: Cell<Option<bool>>,
    /// "figures" after a word of words/figures_people.txt or a party
    /// ("some party figures", "senior Labour figures"): people, read as
    /// "officials" are (an anonymous head), not as a record; not before
    /// a form of "show" ("Labour figures show" are numbers).
    people_figures: bool,
}

impl Common<'_> {
    /// The word straight before the head, lower-cased ("" when the head
    /// opens the phrase): "social" in "social media".
    fn modifier(&self) -> &str {
        if self.head_i > self.start {
            self.s.lower(self.head_i - 1).unwrap_or_default()
        } else {
            ""
        }
    }

    /// The phrase opens its sentence or follows punctuation ("Research
    /// shows", "…, poll finds"), so it is no verb's object ("teams that
    /// review reports").
    fn opens_clause(&self) -> bool {
        self.start == 0 || !self.s.is_word(self.start - 1)
    }

    /// "both candidates", "all three candidates", "the two voters": "both",
    /// or "all" or "the" with a number word straight after it, then a
    /// plural head that names people ([`Rule::DefiniteCount`]).
    fn definite_count(&self) -> bool {
        let s = self.s;
        let a = self.start;
        // (After "all" or "the", `counted` is a number word straight
        // after it, read once already.)
        // "the two remaining delegates", "the three other bidders": a
        // word that picks out part of a larger group makes no set of its
        // own.
        let part = || {
            (a + 1..self.head_i).any(|i| {
                s.lower(i).is_some_and(|w| {
                    matches!(w, "remaining" | "other" | "last" | "additional" | "unnamed")
                })
            })
        };
        // Decision (round 28): "The two admitted that", "the three
        // argued": "the" and a number word with no noun after it is the
        // same set of people the article has counted out, as "the two
        // said" (definite-noun) already is, whatever the reporting verb:
        // named.
        let bare_count = || {
            self.first == "the"
                && self.head_i == a + 1
                && self.end == a + 2
                && matches!(
                    self.head,
                    "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
                )
        };
        (self.first == "both" && self.head_i > a
            || matches!(self.first, "all" | "the") && self.counted)
            && is_plural(self.head)
            && (self.person() || self.counted_legislators())
            && !part()
            || bare_count()
    }

    /// "the city of Nice urged", "the state of Ohio argued": "the", a
    /// place's kind and "of" before its capitalised name. Decision (round
    /// 28): the place named as the subject of a reporting verb is its
    /// government speaking on the record, an identified organisation as
    /// "the government" is: named ("the city said" alone stays a definite
    /// noun, a source only before a verb of speech).
    fn named_place(&self) -> bool {
        self.first == "the"
            && self.has_post
            && matches!(
                self.head,
                "city" | "town" | "state" | "county" | "village" | "province" | "borough"
            )
            && self.s.lower(self.post) == Some("of")
            && self.post + 1 < self.end
            && self.s.is_capitalised(self.post + 1)
    }

    /// "the two lawmakers", "the three senators": "the" and a number word
    /// before members of a legislature ([`LEGISLATORS`]), people whose
    /// votes and words are on the record (see [`Rule::DefiniteCount`]).
    fn counted_legislators(&self) -> bool {
        self.first == "the" && self.counted && LEGISLATORS.contains(&self.head)
    }

    /// "analysts at Barclays", "a report published by the Audit Office",
    /// not "residents of a Yorkshire town".
    fn post_has_name(&self) -> bool {
        let s = self.s;
        (self.post..self.end).any(|i| {
            s.lower(i)
                .is_some_and(|w| matches!(w, "at" | "for" | "from" | "with" | "by"))
        }) && (self.post..self.end).any(|i| s.is_capitalised(i) && s.is_name_word(i))
    }

    /// "in" and a capitalised name after the head ("a study in the
    /// Lancet", "a survey published in the Harbour Gazette"): where a
    /// document appeared identifies it.
    fn post_in_name(&self) -> bool {
        let s = self.s;
        self.has_post
            && (self.post..self.end).any(|i| s.lower(i) == Some("in"))
            && (self.post..self.end).any(|i| s.is_capitalised(i) && s.is_name_word(i))
    }

    /// A capitalised name between the first word and the head ("a Reuters
    /// analysis"), or a body's word: "a police report", "a council
    /// survey". (The first word too, away from the sentence's start,
    /// where any word is capitalised: "…, FEC reports show" as "an FEC
    /// report shows", but not "Early polls show".)
    fn name_before_head(&self) -> bool {
        let s = self.s;
        let a = self.start;
        (a + usize::from(a == 0)..self.head_i).any(|i| {
            s.is_capitalised(i) && s.is_name_word(i)
                || s.lower(i).is_some_and(|w| WORDS.institutions.contains(w))
        })
    }

    /// "representatives" straight after a capitalised name word ("TF
    /// Cornerstone representatives"), not a chamber's, a country's or a
    /// party's word ("House representatives", "U.S. representatives",
    /// "Republican representatives": unnamed members, not a body's voice).
    fn representatives_of_name(&self) -> bool {
        let s = self.s;
        self.head == "representatives"
            && self.head_i > self.start
            && s.is_capitalised(self.head_i - 1)
            && s.lower(self.head_i - 1).is_some_and(|w| {
                !PARTIES.contains(w)
                    && !matches!(
                        w,
                        "house"
                            | "state"
                            | "senate"
                            | "assembly"
                            | "congress"
                            | "congressional"
                            | "democratic"
                            | "federal"
                            | "u.s."
                            | "us"
                            | "american"
                    )
            })
            && s.is_name_word(self.head_i - 1)
    }

    /// An anonymity clause after the head.
    fn clause(&self) -> bool {
        self.has_post && starts_with_anonymity_clause(self.s, self.post, self.end)
    }

    /// An insider's postmodifier ("familiar with", "close to").
    fn insider(&self) -> bool {
        self.has_post && self.s.lower(self.post).is_some_and(|w| INSIDER.contains(w))
    }

    /// "those present", "those who were there": see [`those_present`].
    fn present(&self) -> bool {
        self.first == "those" && those_present(self.s, self.start, self.end)
    }

    /// The verb asks ("asked", "asks") or wonders ("wondered"): a
    /// question, not a claim.
    fn question(&self) -> bool {
        self.verb_form
            .is_some_and(|f| matches!(f.lemma, "ask" | "wonder"))
    }

    /// "three of the workers", "some of the critics": a part of a group.
    fn partitive(&self) -> bool {
        self.head_is_first
            && self.s.lower(self.start + 1) == Some("of")
            && (self.counted || self.quantified)
    }

    /// The head is "one" and a lower-case modal follows the phrase ("one
    /// could say").
    fn modal_after(&self) -> bool {
        let s = self.s;
        self.head == "one"
            && !s.is_capitalised(self.end)
            && s.lower(self.end).is_some_and(|w| {
                matches!(
                    w,
                    "could" | "would" | "should" | "might" | "must" | "can" | "may"
                )
            })
    }

    /// "A" or "an" opens a singular phrase that speaks of anyone at all:
    /// a modal of possibility straight before the verb ("a pensioner
    /// would recall"), or "when", "whenever", "if", "unless" or "how"
    /// straight before the phrase and a verb in the present ("how a
    /// mayor responds"). See [`Rule::GenericPerson`].
    fn generic(&self) -> bool {
        matches!(self.first, "a" | "an")
            && self.head_i > self.start
            && !is_plural(self.head)
            && speaks_of_anyone(self.s, self.start, self.end, self.verb, self.verb_form)
    }

    /// The verb is in its plain form ("say", "joke"): no agreement with a
    /// singular subject.
    fn base_verb(&self) -> bool {
        self.verb_form
            .is_some_and(|f| f.tense == super::forms::Tense::Base)
    }

    /// The postmodifier is "who" or "whose": the head is people.
    fn post_who(&self) -> bool {
        self.s
            .lower(self.post)
            .is_some_and(|w| matches!(w, "who" | "whose"))
    }

    /// A subject pronoun opens the postmodifier ("the voters I met").
    fn contact_clause(&self) -> bool {
        self.s.lower(self.post).is_some_and(is_contact_pronoun)
    }

    /// A name's possessive opens the phrase ("Okafor's neighbour", "says
    /// Tom Ward's friend"), as "her" does "her neighbour" ([`Rule::PersonOfSomeone`]).
    /// Not before "man", "woman" or "guy": "Okafor's right-hand man", "her
    /// numbers man" is a nickname for someone the article names.
    fn name_owned(&self) -> bool {
        self.head_i > self.start
            && is_possessive(self.first)
            && self.s.is_capitalised(self.start)
            && !matches!(self.head, "man" | "woman" | "guy")
    }

    /// The verb weighs evidence (suggest, indicate, explain, reveal,
    /// show, stress) and the head is a plural of things: no word for
    /// people, no document, record or product of research
    /// ([`Rule::Evidence`]). The verb is read first: most phrases stop
    /// there.
    fn evidence(&self) -> bool {
        self.verb_form
            .is_some_and(|f| EVIDENCE_VERBS.contains(&f.lemma))
            && is_plural(self.head)
            && !self.head.ends_with("men")
            && (self.head_i == 0 || !self.s.is_capitalised(self.head_i))
            && !owned_people(self.head)
            && !is_party_plural(self.head)
            && !["ees", "ives"].iter().any(|x| self.head.ends_with(x))
            && !MAYBE_PEOPLE_OR_RESEARCH.contains(&self.head)
            // In none of the head's lists, records.txt among them.
            && self.listed == 0
    }

    /// The head is kin (words/kin.txt) and the verb plainly reports
    /// speech ([`plainly_says`]): "his brother added".
    fn kin_says(&self) -> bool {
        KIN.contains(self.head) && plainly_says(self.verb)
    }

    /// A record that institutions.txt lists ("data", "figures", "records",
    /// "documents") that nothing identifies: no "the" or possessive, only
    /// words of words/record_modifiers.txt before it ("early data",
    /// "exit polling data"), and nothing after it in the phrase or straight
    /// after the phrase that might say whose it is ("from", "by", "that",
    /// a participle: "according to figures that were released by the
    /// Gazette", "data from eMarket" stay the institution's). The guideline
    /// calls an unidentified document vague.
    fn unidentified_record(&self) -> bool {
        let (s, verb) = (self.s, self.verb);
        !self.people_figures
            && self.post >= self.end
            // (Both answers are bits of `listed`: "body", whose
            // institution bit may be cleared, is no record.)
            && self.listed & (list_bit::RECORD | list_bit::INSTITUTION)
                == list_bit::RECORD | list_bit::INSTITUTION
            && (self.start..self.head_i)
                .all(|i| s.lower(i).is_some_and(|w| RECORD_MODIFIERS.contains(w)))
            // (The word after the phrase is the verb itself in "Data show".)
            && !s.lower(self.end).filter(|&w| w != verb).is_some_and(|w| {
                matches!(
                    w,
                    "that" | "which" | "from" | "by" | "of" | "at" | "for" | "in" | "on" | "with"
                ) || w.ends_with("ed")
            })
    }

    /// The phrase is the head alone, in lower case ("analyst says"): up
    /// to three lower-case words with no determiner, count or possessive
    /// before the head.
    fn bare(&self) -> bool {
        let (s, a, end, first) = (self.s, self.start, self.end, self.first);
        self.head_i + 1 == end
            && end - a <= 3
            && !DETERMINERS.contains(first)
            && !self.counted
            && !self.quantified
            && !is_possessive(first)
            && !matches!(
                first,
                "his" | "her" | "their" | "its" | "our" | "whose" | "what"
            )
            // ... in a headline's slot: after a comma, a colon or nothing,
            // and straight before its verb ("man or woman, who said" is
            // not one); a discourse word may open the slot, after a
            // semicolon too ("…; But expert says …", a subhead's turn).
            && {
                let slot = |i: usize| i == 0 || s.is_punct(i - 1, ',') || s.is_punct(i - 1, ':');
                slot(a)
                    || a > 0
                        && s.lower(a - 1).is_some_and(|w| DISCOURSE.contains(w))
                        && (slot(a - 1) || a > 1 && s.is_punct(a - 2, ';'))
            }
            && s.lower(end).is_some_and(|w| w != "who")
            // A noun for people alone at a sentence's start counts as lower
            // case ("Expert says rates will fall", see `name_source`).
            && (a..end).all(|i| !s.is_capitalised(i) || sentence_people_noun(s, i, end))
    }

    /// "Lawyers for the official", "friends of the singer": people tied
    /// to someone the article names or has introduced, not a whole group.
    /// "Her lawyers", "their attorneys": the same, with a possessive
    /// pronoun.
    fn tied(&self) -> bool {
        let (s, a, head, post) = (self.s, self.start, self.head, self.post);
        is_plural(head)
            && !self.quantified
            && self.speech
            && (s.lower(post).is_some_and(|w| matches!(w, "for" | "of"))
                && s.lower(post + 1)
                    .is_some_and(|w| matches!(w, "the" | "those") || is_possessive(w))
                // Decision (round 25): a possessive pronoun ties people
                // only: "their smiles said a lot" is no source, where
                // "her lawyers", "its defenders", "his parents" are.
                || self.owned && owned_people(head)
                // "the agency's reviewers", "Mr Smith's lawyers": people
                // behind an 's possessive (not "Cruz's charges").
                || (looks_like_person(head)
                    || WORDS.roles.contains(head.strip_suffix('s').unwrap_or(head)))
                    && (a..self.head_i).any(|i| s.lower(i).is_some_and(is_possessive)))
    }
}

/// "the experts I interviewed", "the people we spoke to": a subject
/// pronoun opens a relative clause with no "who", after the head.
fn is_contact_pronoun(w: &str) -> bool {
    matches!(w, "i" | "we" | "you" | "they" | "he" | "she")
}

/// Classifies the clause-final noun phrase in tokens `[start, end)`.
#[inline]
pub(super) fn classify(s: &Sent, start: usize, end: usize, verb: &'static str) -> Option<Np> {
    classify_read(s, start, end, verb).0
}

/// [`classify`], and whether it read the words as a common noun phrase
/// over all of `[start, end)` (no pronoun, no name, no adverb trimmed off
/// its end): its answer is then [`common_np`]'s for the same words and
/// verb (the table's pronoun and name rows do not apply, and no other row
/// reads where a name would start), which [`common_np_after`] gives with no
/// second reading.
pub(super) fn classify_read(
    s: &Sent,
    start: usize,
    end: usize,
    verb: &'static str,
) -> (Option<Np>, bool) {
    // "he sometimes added", "Okafor has always maintained", "Democrats
    // successfully argued": adverbs and auxiliaries ending the words before
    // the verb belong to the verb, not the subject; with nothing left
    // ("has always maintained") there is no subject here.
    // A capitalised word is kept ("Will wrote", "Yin Myint May said"), and
    // so is an adverb of a relative clause's own verb ("a senior aide who
    // spoke anonymously said").
    // (A function, always inlined natively: as a closure it was a call,
    // some 15 instructions of each phrase's.)
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn adverb_at(s: &Sent, i: usize, verb: &'static str) -> bool {
        if s.is_capitalised(i) {
            return false;
        }
        let Some(w) = s.lower(i) else {
            return false;
        };
        VERB_ADVERBS.contains(w) || suffix_adverb(w) && s.verb_facts(verb).1
    }
    let whole = end;
    let mut end = end;
    if adverb_at(s, end - 1, verb)
        && !(start..end).any(|i| {
            s.lower(i)
                .is_some_and(|w| matches!(w, "who" | "that" | "which"))
        })
    {
        while end > start && adverb_at(s, end - 1, verb) {
            end -= 1;
        }
    }
    if end == start {
        return (None, false);
    }
    // Decision (round 25): "Both men said", "both women added": "both"
    // before "men" or "women" points back to two people the article has
    // already introduced, as "they" does: no unnamed pair (anonymous).
    // Which two it means the latest source does not tell (it may be their
    // firm, named just before), so the phrase is no source of its own,
    // not resolved as a pronoun.
    if end - start == 2
        && s.lower(start) == Some("both")
        && s.lower(start + 1)
            .is_some_and(|w| matches!(w, "men" | "women"))
    {
        return (None, false);
    }
    let pronoun = end - start == 1 && s.lower(start).is_some_and(|w| PRONOUNS.contains(w));
    // "told the panel she had warned them": a pronoun ending a longer
    // phrase is the subject of a clause inside another's statement.
    if end - start > 1 && s.lower(end - 1).is_some_and(|w| PRONOUNS.contains(w)) {
        return (None, false);
    }
    // Decision (round 24): "He needs to keep speaking to crowds 15,000
    // strong who believe", "He even gave a few hints": a subject pronoun
    // opening a longer phrase starts a clause (its verb follows it), so
    // the words are no noun phrase; the relative clause's antecedent is
    // no source here either. Not before a form of "have" or "be", whose
    // object or complement the rules below read ("he had a well-connected
    // source who told him", "she was pleased Ms. Okafor had said"), nor
    // an initial ("I. Charles Reyes"). ("he, once again, pledged" and
    // "they both said" never reach this: the appositive and the trailing
    // adverbs are read before.)
    if end - start > 1
        && s.lower(start)
            .is_some_and(|w| matches!(w, "he" | "she" | "they" | "we" | "i"))
        && !s.is_abbreviation_dot(start + 1)
        && s.lower(start + 1)
            .is_some_and(|w| !matches!(w, "has" | "have" | "had" | "is" | "was" | "are" | "were"))
    {
        return (None, false);
    }
    let (name_is_source, name_start) = if pronoun {
        (false, start)
    } else {
        name_source(s, start, end, verb)
    };
    let read = !pronoun && !name_is_source;
    let phrase = Phrase {
        pronoun,
        name_is_source,
        titled: name_is_source && name_rule(s, name_start, end) == Rule::TitledName,
        name_start,
        common: read.then(|| common(s, start, end, verb)).flatten(),
    };
    (decide(&phrase, start, end), read && end == whole)
}

/// [`common_np`] of tokens `[start, end)` with `verb`, where
/// [`classify_read`] of the same words and verb gave `classified`: its
/// answer when it read them as a common noun phrase, else read anew.
///
/// "One engineer, who asked not to be named, said": the words before the
/// appositive are classified, then read as a common phrase for the
/// anonymity clause (`subject::appositive_np`), some 260 second readings
/// of about 800 instructions on 1 MB of news.
pub(super) fn common_np_after(
    s: &Sent,
    start: usize,
    end: usize,
    verb: &'static str,
    classified: (Option<Np>, bool),
) -> Option<Np> {
    match classified {
        (np, true) => np,
        (_, false) => common_np(s, start, end, verb),
    }
}

derived_word_list!(
    /// The words of [`TRAILING_ADVERBS`] and [`BETWEEN`] in one list: an
    /// adverb or a word between subject and verb that ends the words before a
    /// verb belongs to the verb ([`classify`]). One look-up where two were.
    VERB_ADVERBS,
    "verb_adverbs",
    WordList::new(TRAILING_ADVERBS.iter().chain(BETWEEN.iter()))
);

/// Classifies tokens `[start, end)` as a common noun phrase (no name).
pub(super) fn common_np(s: &Sent, start: usize, end: usize, verb: &'static str) -> Option<Np> {
    let phrase = Phrase {
        pronoun: false,
        name_is_source: false,
        titled: false,
        name_start: start,
        common: common(s, start, end, verb),
    };
    decide(&phrase, start, end)
}

/// The first rule of the table that applies to `phrase`.
pub fn first_rule(phrase: &Phrase<'_>) -> Option<&'static RuleDef> {
    RULES.iter().find(|r| (r.applies)(phrase))
}

fn decide(phrase: &Phrase<'_>, start: usize, end: usize) -> Option<Np> {
    let def = first_rule(phrase)?;
    let Source(kind) = def.decision else {
        return None;
    };
    let start = match def.rule {
        Rule::Pronoun => start,
        Rule::Name | Rule::TitledName => phrase.name_start,
        _ => phrase.common.as_ref()?.start,
    };
    Some(Np {
        start,
        end,
        kind,
        rule: def.rule,
    })
}

/// "A senior Tory said", "a Labour MP told", "one leading Democrat
/// warned": a party's member, or an elected member (the name run `[n,
/// end)` all words of parties.txt), counted with "a", "one" or a number
/// and up to two lower-case adjectives (from `start` on), is an unnamed
/// person, not a name. "A Reuters report" is no such run.
/// Decision (round 24): so is a counted member placed by capitalised
/// words before the party's word, a state, a chamber or a town ("said a
/// Vermont Democrat", "an Iowa Republican told", "one top Senate
/// Democrat"): the place says where the member sits and names nobody, as
/// "a senior Tory" does. Read before or after the verb (the forward
/// reading's `described_then_name` asks it too). At most two words back.
pub(super) fn counted_party_member(s: &Sent, start: usize, n: usize, end: usize) -> bool {
    let party = |i: usize| s.lower(i).is_some_and(|w| PARTIES.contains(w));
    // A word before the name first (most names open their phrase), then
    // the party's word last (one look-up rules out nearly every other
    // name), then party words or capitalised words before it.
    if n <= start
        || n >= end
        || !party(end - 1)
        || !(n..end - 1).all(|i| s.is_word(i) && (s.is_capitalised(i) || party(i)))
    {
        return false;
    }
    let mut a = n;
    while a > start
        && n - a < 2
        && s.word(a - 1).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_lowercase())
                && !DETERMINERS.contains(w)
                && !NUMBERS.contains(w)
        })
    {
        a -= 1;
    }
    a > start
        && s.lower(a - 1)
            .is_some_and(|w| NUMBERS.contains(w) || w == "another")
}

/// Is token `i` a noun for people of people.txt opening the sentence and
/// standing alone before the verb at `end` ("Expert says", "Neighbour
/// says"), not in capitals? Then it is no name.
fn sentence_people_noun(s: &Sent, i: usize, end: usize) -> bool {
    i == 0 && end == 1 && !s.toks[0].is_all_caps() && s.lower(0).is_some_and(|w| PEOPLE.contains(w))
}

/// Does the phrase end in a name that is its subject? And if so, where does
/// the source start?
fn name_source(s: &Sent, start: usize, end: usize, verb: &str) -> (bool, usize) {
    let n = name_run_start(s, start, end);
    if n >= end {
        return (false, start);
    }
    // "A person close to Halden", "the diversion via Mill Lane": the name
    // sits inside a phrase about something else.
    let inside = |i: usize| {
        s.lower(i).is_some_and(|w| {
            PREPOSITIONS.contains(w) || matches!(w, "to" | "via" | "about" | "against" | "by")
        })
    };
    // ... also behind "the": "a report by the Audit Office".
    if n > start && inside(n - 1) || n > start + 1 && s.lower(n - 1) == Some("the") && inside(n - 2)
    {
        // ... unless the person's own name follows the organisation's
        // ("Chief executive of the Growers Association Kim Doyle").
        if let Some(person) = person_after_organisation(s, start, end) {
            return (true, person);
        }
        return (false, start);
    }
    // "A study by Loyola Law School professor Ana Ruiz found": a name
    // after a document and "by", with role words between, is the
    // document's author; the document is the subject.
    if (start..n.saturating_sub(1))
        .any(|i| s.lower(i + 1) == Some("by") && s.lower(i).is_some_and(|w| DOCUMENTS.contains(w)))
    {
        return (false, start);
    }
    // "A senior Tory said", "a Vermont Democrat told": a counted party
    // member is an unnamed person, not a name ([`counted_party_member`]).
    // (Read where it is needed, after that test's cheaper parts.)
    let party_run = || (n..end).all(|i| s.lower(i).is_some_and(|w| PARTIES.contains(w)));
    if counted_party_member(s, start, n, end) {
        return (false, start);
    }
    // Decision: "veteran Republicans said", "prominent Democrats say",
    // "Conservative MPs told": a party's members, or elected members, in
    // the plural with only lower-case adjectives before them (or elected
    // members alone: "MPs said", "Labour MPs said") are people of a party,
    // not a name; the common-noun rules read them as they read
    // "Republicans said" or "Tory backbenchers said" (an unspecified
    // group, vague, as the guideline's "other senior Tories said"), or
    // "MPs" as "lawmakers" (anonymous_sources.txt: anonymous). A party's
    // own name stays one ("Liberal Democrats said", "Greens said"), and so
    // does a party after "the" or a possessive, which may be the party
    // speaking ("the Democrats said in a statement").
    if s.lower(end - 1)
        .is_some_and(|w| w.ends_with('s') && (n > start || matches!(w, "mps" | "meps" | "msps")))
        && party_run()
        && (start..n).all(|i| {
            s.word(i).is_some_and(|w| {
                w.starts_with(|c: char| c.is_ascii_lowercase())
                    && !DETERMINERS.contains(w)
                    && !is_possessive(w)
                    && !matches!(w, "his" | "her" | "their" | "its" | "our")
            })
        })
    {
        return (false, start);
    }
    // Decision (round 22): "Senior Tories said", "Moderate Democrats
    // say", "Fellow Republicans are urging": an adjective of
    // words/party_adjectives.txt, capitalised as a sentence's or a
    // headline's first word, before a party's plural is the lower-case
    // case above ("senior Tories said"), an unspecified group of members
    // (vague), not a name. Only these two words: the list holds no word
    // that opens a party's or a body's own name ("Liberal Democrats",
    // "House Republicans", "Young Conservatives" stay named), and "Greens"
    // is a party's own name.
    if end - n == 2
        && s.lower(n + 1).is_some_and(is_party_plural)
        && s.lower(n).is_some_and(|w| PARTY_ADJECTIVES.contains(w))
    {
        return (false, start);
    }
    // "Campaigners argue": a capitalised plural at the start of a
    // sentence, with a verb only a plural takes, is a group, not a name.
    // Likewise "Allies of Mr Elland say".
    // "Campaigners have long argued": "have" agrees only with a plural.
    // "Fishermen say": a plural in -men too.
    let opens_with_plural = n == start
        && s.lower(n)
            .is_some_and(|w| w.ends_with('s') || w.ends_with("men"));
    let plural_aux = |w: &str| matches!(w, "have" | "are" | "were" | "do");
    // Decision (round 28): "Okafor and Fields say", "Fields, along with
    // Moreau, say": a plural verb after two people joined by "and" (the
    // word before "and" a singular name) or by "along with", "together
    // with" or "as well as" between commas agrees with the pair, not with
    // the surname in -s, which stays a named person (the pair are named
    // people, not an unnamed group). "Latinos and Blacks say" (the first
    // word a plural too) and the common plurals below stay a group.
    let paired = || {
        n >= 2
            && s.lower(n - 1) == Some("and")
            && s.is_name_word(n - 2)
            && s.lower(n - 2).is_some_and(|w| !w.ends_with('s'))
            || s.is_punct(end, ',')
                && matches!(
                    (s.lower(end + 1), s.lower(end + 2)),
                    (Some("along" | "together"), Some("with")) | (Some("as"), Some("well"))
                )
    };
    // "Councillors who have said": the relative clause agrees too.
    // (Read only for a one-word plural opening the phrase.)
    let plural_verb = || {
        (is_plural_verb(verb)
            || s.lower(end).is_some_and(plural_aux)
            || s.lower(end) == Some("who") && s.lower(end + 1).is_some_and(plural_aux))
            && !paired()
    };
    // "Demonstrators said", "Protesters told": a plural with a suffix no
    // surname has is a common noun whatever its verb.
    // "Witnesses said": so is a plural the source lists or people.txt know
    // as common nouns.
    let common_plural = || {
        s.lower(n).is_some_and(|w| {
            w.ends_with("ators")
                || w.ends_with("esters")
                || w.ends_with("ists")
                // "Democrats said", "Republicans said", "Russians said": a
                // party's or a nation's members, a group no surname spells.
                || w.ends_with("ocrats")
                || w.ends_with("icans")
                || w.ends_with("ians")
                // Round 21: "Tories said", "Conservatives warned", as
                // "Republicans said" (the guideline's "other senior Tories
                // said" is vague). Not "Greens", also a party's own name.
                || is_party_plural(w)
                || WORDS.anonymous_heads.contains(w)
                || WORDS.vague_groups.contains(w)
                || PEOPLE.contains(w)
                // "Governors said": the plural of a role.
                || plural_role(w)
        })
        // "Fact-checkers noted": a lower-case plural after a hyphen.
        || s.word(n).is_some_and(|w| {
                w.ends_with('s')
                    && w
                        .rsplit_once('-')
                        .is_some_and(|(_, t)| t.starts_with(|c: char| c.is_ascii_lowercase()))
            })
    };
    if opens_with_plural
        && (end - n == 1 && (plural_verb() || common_plural())
            || s.lower(n + 1).is_some_and(|w| w == "of"))
    {
        return (false, start);
    }
    // "Expert says rates will fall": a noun for people of people.txt
    // alone at a sentence's start is a headline's "an expert", no name.
    if sentence_people_noun(s, n, end) {
        return (false, start);
    }
    // "some Conservatives warned": a quantified group, capitalised or not;
    // "several Democrats cautioned", "two Republicans said": a counted one
    // ("a" is no count here: "a Reuters report").
    if n > start
        && s.lower(n - 1).is_some_and(|w| {
            QUANTIFIERS.contains(w) || NUMBERS.contains(w) && !matches!(w, "a" | "an")
        })
    {
        return (false, start);
    }
    // Role words before the name belong to the source: "union president
    // Adebayo Okonkwo", "Halden chief executive Marta Lindqvist".
    let mut a = n;
    let role_word = |i: usize| s.lower(i).is_some_and(is_role_word);
    while a > start && n - a < 4 && role_word(a - 1) {
        a -= 1;
    }
    // "other senior Tories said": a quantified group behind its role words.
    // "several junior Whigs" too: a count that is not "a".
    if a < n
        && a > start
        && s.lower(a - 1).is_some_and(|w| {
            QUANTIFIERS.contains(w) || NUMBERS.contains(w) && !matches!(w, "a" | "an")
        })
    {
        return (false, start);
    }
    if a > start && s.lower(a - 1).is_some_and(|w| w == "the") {
        a -= 1;
    }
    (true, a)
}

/// The length of tokens `[a, end)` in units, counting up to one past
/// [`MAX_PHRASE_UNITS`]: each token is one, except that a proper name counts
/// once however long it is. "The party’s complaint to the D.C. Court of
/// Appeals’ Board on Professional Responsibility says" is a document of
/// six units, not fourteen tokens: the capitalised words after the first of
/// a run, the full stops of its abbreviations and the "of", "on", "for" or
/// "and" joining two of its capitalised words add nothing. Decision: the
/// limit keeps a look-back from running over a clause's start into a
/// sentence's other words; a long official name is no such run.
fn phrase_units(s: &Sent, a: usize, end: usize) -> usize {
    let mut units = 0;
    let mut in_name = false;
    for k in a..end {
        let capital = s.is_capitalised(k);
        let joins = in_name
            && (s.is_abbreviation_dot(k)
                || s.is_capitalised(k + 1)
                    && k + 1 < end
                    && s.lower(k)
                        .is_some_and(|w| matches!(w, "of" | "on" | "for" | "and")));
        if !(in_name && (capital || joins)) {
            units += 1;
            if units > MAX_PHRASE_UNITS {
                break;
            }
        }
        in_name = capital || joins;
    }
    units
}

/// The token after a number in figures opening at token `a`, read on
/// over its thousands' commas ("1,409" is three tokens, "12,500,000"
/// five): at most a few tokens.
fn figures_end(s: &Sent, a: usize) -> usize {
    let mut f = a + 1;
    while super::subject::thousands_comma(s, f) {
        f += 2;
    }
    f
}

/// Is `w` in `list`, one of the lists a common noun phrase's first word
/// is looked up in (discourse words, prepositions, numbers, quantifiers)?
/// None holds "the" (a unit test says so), the commonest first word: it
/// is answered by one comparison, not a look-up (five of them a phrase on
/// a megabyte of "the official said. ").
fn listed(list: &WordList, w: &str) -> bool {
    w != "the" && list.contains(w)
}

/// Reads tokens `[start, end)` as a common noun phrase: finds its start and
/// its head (see the module doc). `None` when it cannot be one.
fn common<'a>(
    s: &'a Sent<'a, 'a>,
    start: usize,
    end: usize,
    verb: &'static str,
) -> Option<Common<'a>> {
    let mut a = start;
    // Leading discourse words: "But critics say", "Now officials say".
    while a < end && s.lower(a).is_some_and(|w| listed(&DISCOURSE, w)) {
        a += 1;
    }
    // "no matter how many times people told him", "Many years ago
    // officials said": a quantifier before a word of time counts the
    // times, not the people; the phrase starts after it (and after "ago",
    // "later" or "earlier").
    if a + 2 < end
        && s.lower(a)
            .is_some_and(|w| matches!(w, "many" | "some" | "few" | "several"))
        && s.lower(a + 1).is_some_and(|w| {
            matches!(
                w,
                "times" | "days" | "weeks" | "months" | "years" | "decades" | "occasions"
            )
        })
    {
        a += 2;
        if s.lower(a)
            .is_some_and(|w| matches!(w, "ago" | "later" | "earlier"))
        {
            a += 1;
        }
    }
    if a >= end {
        return None;
    }
    let mut object = false;
    if s.lower(a).is_some_and(|w| listed(&PREPOSITIONS, w)) {
        // "In a statement the ministry said": the phrase starts at the last
        // determiner.
        // "Outside experts say": an adjective, not a preposition.
        let adjective = s
            .lower(a)
            .is_some_and(|w| matches!(w, "outside" | "inside"));
        let preposition = a;
        a = (a + 1..end)
            .rev()
            .find(|&i| s.lower(i).is_some_and(|w| DETERMINERS.contains(w)))
            .or(adjective.then_some(a))?;
        object = a == preposition + 1;
    }
    // (A phrase of no more tokens than that has no more units: most are
    // read no further.)
    if end - a > MAX_PHRASE_UNITS && phrase_units(s, a, end) > MAX_PHRASE_UNITS {
        return None;
    }
    // "The ban has fueled the unease many women feel": words opening with
    // an auxiliary are a verb phrase, no subject (the look-back went past
    // the clause's start).
    if s.lower(a)
        .is_some_and(|w| matches!(w, "has" | "have" | "had" | "did" | "does"))
    {
        return None;
    }
    // "an inside source", "two outside experts": before the last word,
    // which is a source's head, "inside" is an adjective.
    let adjective = |i: usize| {
        i + 2 == end
            && s.lower(i)
                .is_some_and(|w| matches!(w, "inside" | "outside"))
            && s.lower(i + 1).is_some_and(|w| {
                WORDS.anonymous_heads.contains(w) || WORDS.vague_groups.contains(w)
            })
    };
    // "because the talks were private said": a copula inside the words
    // before any postmodifier makes them a clause, not a noun phrase; one
    // opening them ("is why critics say") or after "there" ("there are
    // some experts who think") does not. Read in the same pass.
    let after_there = if s.lower(a) == Some("there") {
        a + 2
    } else {
        a + 1
    };
    let mut post = end;
    for i in a + 1..end {
        let Some(w) = s.lower(i) else { continue };
        // "critics that have endorsed him": "that" before an auxiliary or
        // a past form opens a relative clause, as "who" does (see
        // `subject::boundary_back`).
        let relative_that = w == "that"
            && s.lower(i + 1).is_some_and(|n| {
                matches!(n, "have" | "has" | "had") || n.len() > 4 && n.ends_with("ed")
            });
        // "A Bank of England official", "a Department of Health source":
        // "of" between two capitalised words is inside a name, before the
        // head, not a postmodifier after it.
        // (Not a capital opening the phrase: "Supporters of Sanders",
        // "Friends of Mr. Clinton's".)
        // Decision (round 40): so is "at" in a document's title before
        // its word ("The People at Work report, published by …, says"),
        // where "People" was read as an anonymous group.
        let in_name = matches!(w, "of" | "at")
            && i - 1 > a
            && s.is_capitalised(i - 1)
            && s.is_capitalised(i + 1)
            && (w == "of" || s.lower(end - 1).is_some_and(super::is_document));
        // Decision (round 23): "a court document filed Thursday said", "a
        // fundraising email sent out by Halden warned": a participle of
        // words/document_participles.txt straight after a document's word
        // opens its postmodifier; read so, the head is the document (named
        // when the words identify it, vague when not), where "Thursday" or
        // "out" was read as an unnamed person. Elsewhere such a word may be
        // a finite verb ("The campaign sent an email saying").
        // (Read last, and after a suffix test: the look-ups run for few
        // words.)
        // Decision (round 40): so do "into" and "since" after a
        // document's word ("a new report into the region's gas reserves",
        // "the first survey since the 1990s"), and an adverb of time
        // before such a participle ("a draft report just released by the
        // Harbour Commission"), where the last word before the verb, or
        // the adverb, was read as an unnamed person.
        let document_participle = || {
            ((w.ends_with("ed") || w.ends_with("en") || w == "sent")
                && DOCUMENT_PARTICIPLES.contains(w)
                || matches!(w, "into" | "since")
                || matches!(w, "just" | "recently" | "newly" | "quietly")
                    && s.lower(i + 1).is_some_and(|n| {
                        n.ends_with("ed")
                            && (POSTMODIFIERS.contains(n) || DOCUMENT_PARTICIPLES.contains(n))
                    }))
                && s.lower(i - 1).is_some_and(super::is_document)
        };
        if (POSTMODIFIERS.contains(w)
            || is_contact_pronoun(w)
            || relative_that
            || document_participle())
            && !adjective(i)
            && !in_name
        {
            post = i;
            break;
        }
        if i >= after_there && matches!(w, "is" | "are" | "was" | "were") {
            return None;
        }
        // "Obama has proposed many ways of helping people who feel", "He
        // did not address his series", "those voters could be a warning":
        // so does an auxiliary or a modal in lower case ("May" may be a
        // name). A determiner or a count right after "has", "have" or
        // "had" opens its object, which a "who" clause after it makes the
        // source ("claiming that he had a well-connected source who told
        // him"): the phrase is read from there ("Lynch has the final say"
        // is no source).
        let aux = matches!(w, "has" | "have" | "had" | "did" | "does")
            || matches!(
                w,
                "could" | "would" | "should" | "might" | "must" | "can" | "will" | "may"
            );
        if i >= after_there && aux && !s.is_capitalised(i) {
            let object = matches!(w, "has" | "have" | "had")
                && s.lower(i + 1)
                    .is_some_and(|n| DETERMINERS.contains(n) || NUMBERS.contains(n))
                && (i + 2..=end).any(|k| s.lower(k) == Some("who"));
            return if object && i + 1 < end {
                common(s, i + 1, end, verb)
            } else {
                None
            };
        }
    }
    // The head: the last word before any postmodifier.
    let head_i = (a..post).rev().find(|&i| s.is_word(i))?;
    let head = s.lower(head_i)?;
    let head = strip_possessive(head).trim_end_matches(['\'', '’']);
    // The verb's form, looked up once for the three tests that read it
    // (a hash look-up each, where they were three), and whether it is a
    // verb of speech: kept for the next subject too.
    let (verb_form, speech) = s.verb_facts(verb);
    // "the years of empty promises", "relies on user reports", "false
    // news reports": a plural head does not take a verb in -s, so that
    // "verb" is a noun and the words before it no subject ("the news
    // says", "politics reports": nouns in -s that are singular).
    if is_plural(head)
        && !matches!(
            head,
            "news" | "series" | "species" | "means" | "headquarters"
        )
        && !head.ends_with("ics")
        && verb.ends_with('s')
        && verb_form.is_some_and(|f| f.tense == super::forms::Tense::Third)
    {
        return None;
    }
    // "Donald Trump's campaign manager": a name of two or three words
    // ending in a possessive is one determiner, as "Trump's" is.
    let first = if s.is_capitalised(a) && head_i > a + 1 {
        (a + 1..(a + 3).min(head_i))
            .find(|&p| s.lower(p).is_some_and(is_possessive))
            .filter(|&p| (a..=p).all(|i| s.is_capitalised(i) && s.is_name_word(i)))
            .unwrap_or(a)
    } else {
        a
    };
    let first = s.lower(first).unwrap_or_default();
    let has_post = post < end;
    // "the two voters": a count after "the" counts too; "both candidates"
    // are two particular people, but "both sides" is a side, vague.
    let counted = listed(&NUMBERS, first)
        || first == "the"
            && head_i > a + 1
            && s.lower(a + 1)
                .is_some_and(|w| NUMBERS.contains(w) && !matches!(w, "a" | "an" | "another"))
            && !DOCUMENTS.contains(head)
        || first == "both" && head_i > a && !WORDS.vague_groups.contains(head)
        // "all three candidates": a count after "all".
        || first == "all"
            && head_i > a + 1
            && s.lower(a + 1)
                .is_some_and(|w| NUMBERS.contains(w) && !matches!(w, "a" | "an" | "another"))
        // "409 teachers said": a count in figures, when the head names
        // people ("46 percent of voters", a poll's share, is not one).
        // ("1,409 teachers": the thousands' commas are inside the count.)
        || first.starts_with(|c: char| c.is_ascii_digit())
            && head_i == figures_end(s, a)
            && looks_like_person(head);
    // Decision (round 22): "several Democrats cautioned", "a handful of
    // Republicans said", "a growing number of Tories warn": a party's
    // members with a count that gives no number are a side of opinion,
    // an unspecified group (vague), as "some Democrats say" and the
    // guideline's "other senior Tories said" are; "two Republicans said"
    // stays two particular people (anonymous), and so do "several
    // officials" or "a handful of aides", posts with access. A share of
    // them is no count either: "a majority of Democrats said", "a third
    // of Republicans say" are vague, as "two-thirds of Republicans" was.
    let inexact_party = matches!(first, "several" | "multiple" | "dozens") && is_party_plural(head)
        || matches!(first, "a" | "an")
            && matches!(
                head,
                "handful" | "number" | "majority" | "plurality" | "minority" | "third" | "quarter"
            )
            && head_i <= a + 2
            && s.lower(post) == Some("of")
            && s.lower(post + 1).is_some_and(is_party_plural);
    let counted = counted && !inexact_party;
    // Decision (round 25): "another 19 percent said", "a mere 9 percent
    // say", "a majority of Americans say", "a third said", "one in five
    // say", "three-quarters of the voters said", "a drop from 76 percent
    // who said": a share of those polled counts no particular people, so
    // it is no unnamed person; the poll is the source, and the phrase is
    // left unmarked, as "46 percent of voters said" has been since round 5
    // (trap 231). A share of a party's members stays a side of opinion,
    // vague (round 24, trap 636), but a percentage is always a poll's
    // figure ("79 percent of Democrats say", as trap 587's). Reads a
    // share's word as the head, "%" or "in" and a count straight after a
    // count ("a full 79%", "one in five", "four in 10"), and the words
    // after "from" straight after a counted head ("a drop from 76
    // percent"): few tokens, and only in the rare phrases that hold them.
    // (A share needs one of: a head opening the phrase ("one in five"), a
    // count ("a drop from 76 percent"), a head ending as "percent" or a
    // share's word does, or "%" after the head: tested first, on one
    // comparison of the head's last byte for most phrases, where every
    // subject ran the whole test: 2.9M instructions on a megabyte of "the
    // official said. ".)
    let may_share = head_i == a
        || counted
        || matches!(
            head.as_bytes().last(),
            Some(b't' | b'y' | b'f' | b'd' | b'r' | b'h' | b's')
        )
        || head_i + 1 < end && s.is_punct(head_i + 1, '%');
    let poll_share = may_share && {
        let number = |i: usize| s.is_number(i) || s.lower(i).is_some_and(|w| NUMBERS.contains(w));
        let post_word = if head_i + 1 < end {
            s.lower(head_i + 1)
        } else {
            None
        };
        let percent_share = head == "percent"
            || head_i + 1 < end && s.is_punct(head_i + 1, '%')
            || counted
                && post_word == Some("from")
                && (head_i + 2..end).any(|i| s.is_punct(i, '%') || s.lower(i) == Some("percent"));
        let one_in =
            || head_i == a && post_word == Some("in") && number(head_i) && number(head_i + 2);
        percent_share
            || (is_share_word(head) || one_in())
                && !inexact_party
                && !(s.lower(post) == Some("of") && s.lower(post + 1).is_some_and(is_party_plural))
    };
    let quantified = listed(&QUANTIFIERS, first) || inexact_party;
    // "his lawyer", "their attorneys", "whose aides": a possessive pronoun
    // before the head.
    let owned = head_i > a
        && matches!(
            first,
            "his" | "her" | "their" | "its" | "our" | "my" | "whose"
        );
    // ... but figures that show are numbers ("Labour figures show waiting
    // lists grew": the party's statistics).
    let people_figures = head == "figures"
        && !matches!(verb, "show" | "shows" | "showed" | "shown")
        && head_i > a
        && s.lower(head_i - 1)
            .is_some_and(|w| FIGURES_PEOPLE.contains(w) || PARTIES.contains(w));
    // Round 41: "body" is an institution only with a word that says
    // which ("a regulatory body", "the peak industry body", "the governing
    // body of the sport"): not bare ("the body was found"), owned ("his
    // body told him to stop"), nor a mass of something ("a large body of
    // work suggests", "the body of men added").
    let mut listed = head_lists(head);
    if head == "body" {
        let says_which = head_i > a + 1 || head_i > a && !DETERMINERS.contains(first);
        let mass_of = s.lower(post) == Some("of")
            && s.lower(post + 1)
                .is_some_and(|w| !DETERMINERS.contains(w) && !s.is_capitalised(post + 1));
        if owned || !says_which || mass_of {
            listed &= !list_bit::INSTITUTION;
        }
    }
    // Unknown heads ("a witness", "the consultant") are sources only as the
    // subject of a verb of speech (`speech`): "two new cases reported" is
    // not one.
    Some(Common {
        s,
        start: a,
        end,
        verb,
        verb_form,
        head_i,
        post,
        head,
        first,
        head_is_first: head_i == a,
        has_post,
        counted,
        quantified,
        // "Sanders' team": a name's bare possessive apostrophe before a
        // singular head too ("Fans’ groups said" stays a bare plural).
        // Decision (round 28): "this look-alike declared", "this
        // rescuer said": "this" before a singular head points back to
        // someone the article has introduced, as "the" does.
        definite: first == "the"
            || first == "this" && head_i > a && !is_plural(head)
            || is_possessive(first)
            || head_i == a + 1
                && !is_plural(head)
                && s.is_capitalised(a)
                && (first.ends_with("s'") || first.ends_with("s’")),
        speech,
        owned,
        object,
        poll_share,
        listed,
        names_person: Cell::new(None),
        people_figures,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mark::RuleId;
    use crate::markup::{annotate, expected_from, parse};

    /// [`SourceRule::naming`] names every form of a verb of naming the
    /// verb list gives (but the participle, which never attributes), and
    /// no other form.
    #[test]
    fn naming_rules_are_the_naming_forms() {
        for form in super::super::forms::VERB_FORMS.iter() {
            let rule = SourceRule {
                kind: SourceKind::Named,
                rule: Rule::Institution,
                order: Order::SourceVerb,
                verb: form.form,
            };
            let want = form.naming && form.tense != super::super::forms::Tense::Ing;
            assert_eq!(rule.naming(), want, "{:?}", form.form);
        }
    }

    /// The compile-time table of the head's lists answers as the lists
    /// do: for each of its words, each word of the lists and their
    /// plurals, and other words.
    #[test]
    fn head_lists_are_the_lists() {
        #[cfg(not(target_arch = "wasm32"))]
        assert_eq!(HEAD_TAGS.len(), HEAD_WORDS.iter().count());
        let lists: [&WordList; 6] = [
            &DOCUMENTS,
            &WORDS.anonymous_heads,
            &WORDS.institutions,
            &WORDS.vague_groups,
            &WORDS.roles,
            &RECORDS,
        ];
        let mut words: Vec<String> = lists
            .iter()
            .flat_map(|l| l.iter())
            .flat_map(|w| {
                let w = w.to_ascii_lowercase();
                let stem = w.strip_suffix('y').unwrap_or(&w);
                [format!("{stem}ies"), format!("{w}s"), format!("{w}ss"), w]
            })
            .collect();
        #[cfg(not(target_arch = "wasm32"))]
        words.extend(HEAD_WORDS.iter().map(str::to_ascii_lowercase));
        words.extend(["the", "said", "people", "", "s", "ies", "über"].map(String::from));
        let mut listed = 0;
        for w in &words {
            assert_eq!(head_lists(w), lists_of(w), "{w:?}");
            listed |= head_lists(w);
        }
        assert_eq!(listed, 63, "every list has a word");
    }

    proptest::proptest! {
        #[test]
        fn head_lists_answer_as_the_lists_for_any_word(w in "[a-z]{0,3}(ies|s|y)?") {
            proptest::prop_assert_eq!(head_lists(&w), lists_of(&w));
        }
    }

    /// `listed` answers "the" without looking it up.
    #[test]
    fn the_is_in_no_list_of_first_words() {
        for list in [&DISCOURSE, &PREPOSITIONS, &NUMBERS, &QUANTIFIERS] {
            assert!(!list.contains("the"));
            assert!(!listed(list, "the"));
        }
        assert!(listed(&NUMBERS, "two") && listed(&QUANTIFIERS, "some"));
    }

    #[test]
    fn every_rule_example_is_decided_by_its_rule() {
        let mut failures = Vec::new();
        for def in RULES {
            assert!(!def.examples.is_empty(), "{} has no example", def.rule);
            assert!(!def.doc.contains('\n'), "{}: the doc is one line", def.rule);
            for ex in def.examples {
                let want = parse(ex).unwrap_or_else(|e| panic!("{ex}: {e}"));
                let got = annotate(&want.text, &expected_from(&want.text), false);
                let want_text = annotate(&want.text, &want.marks, false);
                if got != want_text {
                    failures.push(format!("{}: want {want_text}\n  got {got}", def.rule));
                    continue;
                }
                let rules: Vec<Rule> = crate::analyze(&want.text)
                    .marks
                    .iter()
                    .filter_map(|m| match m.rule_id {
                        RuleId::Source(r) => Some(r.rule),
                        _ => None,
                    })
                    .collect();
                let ok = match def.decision {
                    Source(_) => rules.contains(&def.rule),
                    NotASource => rules.is_empty(),
                };
                if !ok {
                    failures.push(format!("{}: {ex} was decided by {rules:?}", def.rule));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
