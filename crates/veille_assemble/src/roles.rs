//! Who acts and who is hit, within one sentence.

use veille_core::{FoldedText, Span};
use veille_lexicon::actors::{ActorKind, ActorLexicon, ActorMention};

/// The two sides a sentence gives, before defaults.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sides {
    pub(crate) actor1: Option<ActorMention>,
    pub(crate) actor2: Option<ActorMention>,
}

/// Words that make the actor right after them the one who acted: the agent of a
/// passive ("attaqué par"), or the side an attack is attributed to.
const AGENT_CUES: &[&str] = &[
    "attribue a",
    "attribuee a",
    "attribues a",
    "attribuees a",
    "attribue au",
    "attribues au",
    "attribuee au",
    "attribuees au",
    "attribue aux",
    "attribues aux",
    "impute a",
    "imputee a",
    "impute au",
    "imputees au",
    "revendique par",
    "revendiquee par",
    "claimed by",
    "blamed on",
    "attributed to",
    "carried out by",
    "perpetrated by",
    "menee par",
    "mene par",
    "menees par",
    "commis par",
    "orchestree par",
];

/// The agent of a passive: only after the trigger ("attaqué par", "killed by");
/// before it, "escorté par les FAMa" names the escort, not the attacker.
const PASSIVE_AGENT_CUES: &[&str] = &["par", "by"];

/// Words right before a trigger that make it passive: its subject is the target.
const PASSIVE_CUES: &[&str] = &[
    "ete", "etaient", "sont", "was", "were", "been", "is", "are", "being", "fut", "furent",
];

fn ends_with_word(hay: &str, word: &str) -> bool {
    hay.ends_with(word)
        && hay[..hay.len() - word.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// 1 for the armed non-state side, 2 for the state side, 0 otherwise.
fn side(lex: &ActorLexicon, a: &ActorMention) -> u8 {
    match lex.actor(a.actor).kind {
        ActorKind::ArmedGroup | ActorKind::GenericArmed => 1,
        ActorKind::State | ActorKind::GenericMilitary | ActorKind::External => 2,
        _ => 0,
    }
}

/// Assigns the sides of the event a trigger names in one sentence.
pub(crate) fn assign(text: &str, sentence: Span, trigger: Span, actors: &[ActorMention]) -> Sides {
    let lex = ActorLexicon::embedded();
    let in_sentence: Vec<&ActorMention> = actors
        .iter()
        .filter(|a| sentence.contains(a.span))
        .collect();
    if in_sentence.is_empty() {
        return Sides::default();
    }
    let folded_before = |a: &ActorMention| -> String {
        let from = sentence.start.max(a.span.start.saturating_sub(40));
        let mut from = from;
        while !text.is_char_boundary(from) {
            from += 1;
        }
        FoldedText::new(&text[from..a.span.start])
            .folded
            .trim_end()
            .to_string()
    };
    let agent = in_sentence
        .iter()
        .find(|a| {
            let before = folded_before(a);
            // "du", "des", "le", "la", "les" may stand between the cue and the name.
            let stripped = ["du", "des", "de", "le", "la", "les", "l", "the", "a", "al"]
                .iter()
                .find_map(|d| {
                    before
                        .strip_suffix(d)
                        .filter(|s| s.ends_with(' '))
                        .map(str::trim_end)
                })
                .unwrap_or(&before);
            // "attaqué par une colonne de jihadistes", "carried out by a group of
            // gunmen": up to four words may stand between the cue and the name.
            let cue = |cues: &[&str]| {
                cues.iter().any(|c| {
                    ends_with_word(stripped, c)
                        || ends_with_word(&before, c)
                        || before.rmatch_indices(c).any(|(i, _)| {
                            let head_ok = before[..i]
                                .chars()
                                .next_back()
                                .is_none_or(|ch| !ch.is_alphanumeric());
                            let tail = &before[i + c.len()..];
                            head_ok && tail.starts_with(' ') && tail.split_whitespace().count() <= 4
                        })
                })
            };
            cue(AGENT_CUES) || (a.span.start >= trigger.end && cue(PASSIVE_AGENT_CUES))
        })
        .copied();

    let before_trigger = {
        let from = sentence.start.max(trigger.start.saturating_sub(24));
        let mut from = from;
        while !text.is_char_boundary(from) {
            from += 1;
        }
        FoldedText::new(&text[from..trigger.start]).folded
    };
    let passive = before_trigger.split(' ').any(|w| PASSIVE_CUES.contains(&w));

    let is_civilian = |a: &ActorMention| {
        matches!(
            lex.actor(a.actor).kind,
            ActorKind::Civilians | ActorKind::GenericCivilians
        )
    };
    let before: Vec<&ActorMention> = in_sentence
        .iter()
        .filter(|a| a.span.end <= trigger.start)
        .copied()
        .collect();
    let after: Vec<&ActorMention> = in_sentence
        .iter()
        .filter(|a| a.span.start >= trigger.end)
        .copied()
        .collect();

    let mut sides = Sides::default();
    if passive {
        sides.actor1 = agent.cloned();
        sides.actor2 = before.last().map(|a| *(*a)).or_else(|| {
            after
                .iter()
                .find(|a| Some(a.span) != agent.map(|g| g.span))
                .map(|a| *(*a))
        });
    } else {
        // The subject comes first: "X a rapporté la destruction d'une base
        // terroriste" is X's action, not the base's.
        sides.actor1 = agent
            .or_else(|| before.iter().find(|a| !is_civilian(a)).copied())
            .or_else(|| before.last().copied())
            .cloned();
        let a1 = sides.actor1;
        // "suspected JNIM militants": a group and a generic word for the same
        // side are one actor, not two.
        let same_side = |a: &ActorMention| {
            a1.as_ref().is_some_and(|x| {
                x.actor == a.actor || side(lex, x) == side(lex, a) && side(lex, a) != 0
            })
        };
        sides.actor2 = after
            .iter()
            .chain(before.iter().rev())
            .find(|a| !same_side(a) && Some(a.span) != agent.map(|g| g.span))
            .map(|a| *(*a));
    }
    // Same actor on both sides is one side named twice.
    if let (Some(a), Some(b)) = (&sides.actor1, &sides.actor2)
        && a.actor == b.actor
    {
        sides.actor2 = None;
    }
    sides
}
