//! Event trigger words (`assets/triggers.tsv`) and modality cues
//! (`assets/modality.tsv`), compiled once into Aho-Corasick automata over folded
//! text.

use crate::{LexiconError, parse_tsv};
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::OnceLock;
use veille_core::{FoldedText, Span};

/// What a trigger word signals; `veille_assemble` maps it, with the arguments
/// around it, to an ACLED sub-event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)] // Each variant is the `class` column of the same name.
pub enum TriggerClass {
    Attack,
    Clash,
    Ambush,
    AirStrike,
    Shelling,
    Ied,
    Suicide,
    Grenade,
    Abduction,
    Kill,
    Neutralize,
    Destruction,
    Looting,
    Protest,
    Riot,
    Mob,
    Arrest,
    Blockade,
    Curfew,
    Takeover,
    Retake,
    Withdrawal,
    Agreement,
    WeaponsSeized,
    /// A word of announcing or imposing ("annoncé", "imposed"): a blockade or a
    /// curfew is an event when it is announced, not when it is only mentioned.
    Announce,
    /// A phrase that contains a trigger word but names no event ("mine d'or",
    /// "gold mine"): matching it first keeps the shorter word from firing.
    NotEvent,
}

impl TriggerClass {
    fn parse(s: &str) -> Option<TriggerClass> {
        use TriggerClass::*;
        Some(match s {
            "attack" => Attack,
            "clash" => Clash,
            "ambush" => Ambush,
            "air_strike" => AirStrike,
            "shelling" => Shelling,
            "ied" => Ied,
            "suicide" => Suicide,
            "grenade" => Grenade,
            "abduction" => Abduction,
            "kill" => Kill,
            "neutralize" => Neutralize,
            "destruction" => Destruction,
            "looting" => Looting,
            "protest" => Protest,
            "riot" => Riot,
            "mob" => Mob,
            "arrest" => Arrest,
            "blockade" => Blockade,
            "curfew" => Curfew,
            "takeover" => Takeover,
            "retake" => Retake,
            "withdrawal" => Withdrawal,
            "agreement" => Agreement,
            "weapons_seized" => WeaponsSeized,
            "not_event" => NotEvent,
            "announce" => Announce,
            _ => return None,
        })
    }
}

/// What a modality cue does to the triggers near it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModalityScope {
    /// Blocks every trigger in the sentence.
    Sentence,
    /// Blocks triggers in the few words after the cue.
    After,
}

/// A phrase found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<T> {
    /// Where, in the original text.
    pub span: Span,
    /// What it signals.
    pub value: T,
}

struct PhraseSet<T> {
    automaton: AhoCorasick,
    values: Vec<(T, bool)>, // (value, prefix match)
}

impl<T: Copy> PhraseSet<T> {
    fn new(phrases: Vec<(String, T)>) -> PhraseSet<T> {
        let mut pats = Vec::with_capacity(phrases.len());
        let mut values = Vec::with_capacity(phrases.len());
        for (p, v) in phrases {
            let prefix = p.ends_with('*');
            pats.push(p.trim_end_matches('*').trim().to_string());
            values.push((v, prefix));
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)
            .expect("phrase patterns are plain strings");
        PhraseSet { automaton, values }
    }

    fn find(&self, text: &str, folded: &FoldedText) -> Vec<Hit<T>> {
        let mut out = Vec::new();
        for m in self.automaton.find_iter(&folded.folded) {
            let (value, prefix) = self.values[m.pattern().as_usize()];
            if !folded.is_boundary(m.start()) {
                continue;
            }
            let mut end = m.end();
            if prefix {
                // Extend to the end of the word.
                end += folded.folded[end..]
                    .char_indices()
                    .find(|(_, c)| !c.is_alphanumeric())
                    .map_or(folded.folded.len() - end, |(i, _)| i);
            } else if !folded.is_boundary(end) {
                continue;
            }
            out.push(Hit {
                span: folded.original_span(m.start(), end, text),
                value,
            });
        }
        out
    }
}

/// The trigger and modality lexicons.
pub struct Triggers {
    triggers: PhraseSet<TriggerClass>,
    modality: PhraseSet<(ModalityScope, &'static str)>,
}

const TRIGGERS: &str = include_str!("../assets/triggers.tsv");
const MODALITY: &str = include_str!("../assets/modality.tsv");

impl Triggers {
    /// The embedded lexicons, compiled once.
    pub fn embedded() -> &'static Triggers {
        static T: OnceLock<Triggers> = OnceLock::new();
        T.get_or_init(|| {
            Triggers::parse(TRIGGERS, MODALITY)
                .expect("embedded trigger assets are checked by tests")
        })
    }

    /// Parses the two tables.
    pub fn parse(triggers: &str, modality: &str) -> Result<Triggers, LexiconError> {
        let mut t = Vec::new();
        for row in parse_tsv(
            "triggers.tsv",
            triggers,
            &["phrase", "lang", "class", "note"],
        )? {
            let class = TriggerClass::parse(row.get(2)).ok_or_else(|| {
                row.error("triggers.tsv", format!("unknown class {:?}", row.get(2)))
            })?;
            t.push((normalise_phrase(row.get(0)), class));
        }
        let mut m = Vec::new();
        for row in parse_tsv(
            "modality.tsv",
            modality,
            &["phrase", "lang", "kind", "scope"],
        )? {
            let scope = match row.get(3) {
                "sentence" => ModalityScope::Sentence,
                "after" => ModalityScope::After,
                other => return Err(row.error("modality.tsv", format!("unknown scope {other:?}"))),
            };
            let kind: &'static str = match row.get(2) {
                "threat" => "threat",
                "irrealis" => "irrealis",
                "general" => "general",
                "denial" => "denial",
                other => return Err(row.error("modality.tsv", format!("unknown kind {other:?}"))),
            };
            m.push((normalise_phrase(row.get(0)), (scope, kind)));
        }
        Ok(Triggers {
            triggers: PhraseSet::new(t),
            modality: PhraseSet::new(m),
        })
    }

    /// Every trigger word in `text`, in order.
    pub fn find_triggers(&self, text: &str, folded: &FoldedText) -> Vec<Hit<TriggerClass>> {
        let mut hits = self.triggers.find(text, folded);
        hits.retain(|h| h.value != TriggerClass::NotEvent);
        hits
    }

    /// Every modality cue in `text`, in order, with its scope and kind.
    pub fn find_modality(
        &self,
        text: &str,
        folded: &FoldedText,
    ) -> Vec<Hit<(ModalityScope, &'static str)>> {
        self.modality.find(text, folded)
    }
}

fn normalise_phrase(p: &str) -> String {
    let star = p.ends_with('*');
    let mut f = veille_core::fold(p.trim_end_matches('*'));
    if star {
        f.push('*');
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(text: &str) -> Vec<(String, TriggerClass)> {
        let ft = FoldedText::new(text);
        Triggers::embedded()
            .find_triggers(text, &ft)
            .into_iter()
            .map(|h| (h.span.slice(text).to_string(), h.value))
            .collect()
    }

    #[test]
    fn prefix_phrases_cover_inflections() {
        let found = classes("Des hommes armés ont attaqué le poste ; l'attaque a duré.");
        assert_eq!(found[0], ("attaqué".to_string(), TriggerClass::Attack));
        assert_eq!(found[1], ("attaque".to_string(), TriggerClass::Attack));
    }

    #[test]
    fn longest_phrase_wins_and_accents_do_not_matter() {
        let found = classes("Une frappe de drone a visé un marché; a roadside bomb exploded.");
        assert_eq!(found[0].1, TriggerClass::AirStrike);
        assert_eq!(found[0].0, "frappe de drone");
        assert!(
            found
                .iter()
                .any(|(s, c)| s == "roadside bomb" && *c == TriggerClass::Ied)
        );
    }

    #[test]
    fn words_inside_other_words_do_not_fire() {
        // "tue" must not fire inside "statue" nor "mort" inside "mortalité"-like words.
        let found = classes("La statue a été restaurée.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn modality_cues() {
        let text = "Le groupe menace de frapper la ville. Les attaques se multiplient.";
        let ft = FoldedText::new(text);
        let m = Triggers::embedded().find_modality(text, &ft);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].value.1, "threat");
        assert_eq!(m[1].value.0, ModalityScope::Sentence);
    }

    #[test]
    fn unknown_class_is_reported() {
        let err = Triggers::parse(
            "phrase\tlang\tclass\tnote\nfoo\tfr\tnope\n",
            "phrase\tlang\tkind\tscope\n",
        )
        .err()
        .unwrap();
        assert_eq!(err.to_string(), "triggers.tsv:2: unknown class \"nope\"");
    }
}

#[cfg(test)]
mod false_friend_tests {
    use super::*;

    #[test]
    fn look_alike_words_are_not_triggers() {
        for text in [
            "Le pouvoir exécutif a publié un décret.",
            "Les mineurs vendent le minerai au marché.",
            "Il est manifestement inquiet.",
            "Le pays frappé par la sécheresse.",
            "Des orpailleurs travaillent dans une mine d'or près de Kéniéba.",
            "The gold mine employs two hundred people.",
        ] {
            let ft = FoldedText::new(text);
            let found: Vec<_> = Triggers::embedded()
                .find_triggers(text, &ft)
                .into_iter()
                .filter(|h| h.value != TriggerClass::Announce)
                .collect();
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }
}
