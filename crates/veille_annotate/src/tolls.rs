//! Casualty counts: a number (digits, words, or a vague word) next to a word
//! saying what happened (killed, wounded, missing, abducted) and, often, who
//! (soldiers, militants, civilians). Only counts with a "what" word are kept;
//! a bare number is a date, a distance or an age.

use veille_core::{FoldedText, Span};
use veille_lexicon::casualties::{CasualtyRole, CasualtyWords};
use veille_lexicon::numbers::{NumberWord, Numbers};

/// What happened to the people counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Dead: the only outcome fatalities count.
    Killed,
    /// Wounded.
    Wounded,
    /// Missing.
    Missing,
    /// Abducted, held hostage.
    Abducted,
}

/// Who the people counted were.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Victims {
    /// Soldiers, police, gendarmes, militia fighters of the state side.
    Military,
    /// Attackers, militants, "terroristes".
    Militant,
    /// Civilians.
    Civilian,
    /// "personnes", "people": not said.
    Unknown,
}

/// How the count was qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// A number ("12", "douze", "au moins 12").
    Exact(u32),
    /// A vague word, valued per CODEBOOK §6 for a small incident and a large attack.
    Vague {
        /// Value for a small incident.
        small: u32,
        /// Value for a large attack.
        large: u32,
    },
}

impl Count {
    /// The value to code, given the size of the event.
    pub fn value(self, large_event: bool) -> u32 {
        match self {
            Count::Exact(n) => n,
            Count::Vague { small, large } => {
                if large_event {
                    large
                } else {
                    small
                }
            }
        }
    }
}

/// One casualty count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Toll {
    /// From the number to the word that classifies it.
    pub span: Span,
    /// The number's own span.
    pub number_span: Span,
    /// How many.
    pub count: Count,
    /// What happened to them.
    pub outcome: Outcome,
    /// Who they were.
    pub victims: Victims,
}

struct Token {
    start: usize,
    end: usize,
    /// Separator tokens (`.`, `;`, `:`) stop the search for a classifying word.
    separator: bool,
}

fn tokens(folded: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in folded.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Token {
                start: s,
                end: i,
                separator: false,
            });
        }
        if matches!(c, '.' | ';' | ':' | '!' | '?' | '(' | ')' | '\n') {
            out.push(Token {
                start: i,
                end: i + c.len_utf8(),
                separator: true,
            });
        }
    }
    if let Some(s) = start {
        out.push(Token {
            start: s,
            end: folded.len(),
            separator: false,
        });
    }
    out
}

/// Words that make a number something other than a count of people.
const NOT_PEOPLE_AFTER: &[&str] = &[
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "miles",
    "h",
    "heures",
    "hours",
    "ans",
    "years",
    "jours",
    "days",
    "mois",
    "months",
    "semaines",
    "weeks",
    "minutes",
    "fois",
    "times",
    "vehicules",
    "vehicles",
    "motos",
    "camions",
    "trucks",
    "pick",
    "fcfa",
    "francs",
    "dollars",
    "tonnes",
    "kg",
    "litres",
    "pour",
    "percent",
    "per",
    "sur",
];

/// Who a victim word says the people were, if it is a victim word.
fn victims_of(role: CasualtyRole) -> Option<Victims> {
    match role {
        CasualtyRole::Military => Some(Victims::Military),
        CasualtyRole::Militant => Some(Victims::Militant),
        CasualtyRole::Civilian => Some(Victims::Civilian),
        CasualtyRole::People => Some(Victims::Unknown),
        _ => None,
    }
}

/// Finds every casualty count in `text`.
pub fn find_tolls(text: &str, folded: &FoldedText) -> Vec<Toll> {
    let f = folded.folded.as_str();
    let toks = tokens(f);
    let words: Vec<&str> = toks
        .iter()
        .map(|t| if t.separator { "." } else { &f[t.start..t.end] })
        .collect();
    let numbers = Numbers::embedded();
    let cas = CasualtyWords::embedded();

    // Pass 1: numbers.
    struct Num {
        first: usize,
        last: usize,
        count: Count,
        article_like: bool,
    }
    let mut nums: Vec<Num> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i].separator {
            i += 1;
            continue;
        }
        let w = words[i];
        if w.chars().all(|c| c.is_ascii_digit()) {
            let value: u32 = w.parse().unwrap_or(u32::MAX);
            let next = words.get(i + 1).copied().unwrap_or("");
            let is_year = w.len() == 4 && (1900..2100).contains(&value);
            let is_measure = NOT_PEOPLE_AFTER.contains(&next)
                || veille_lexicon::calendar::Calendar::embedded()
                    .month(next)
                    .is_some();
            if !is_year && !is_measure && value < 100_000 {
                nums.push(Num {
                    first: i,
                    last: i,
                    count: Count::Exact(value),
                    article_like: false,
                });
            }
            i += 1;
            continue;
        }
        let window: Vec<&str> = words[i..(i + 6).min(words.len())].to_vec();
        if let Some((nw, used)) = numbers.read(&window) {
            let count = match nw {
                NumberWord::Unit(v) | NumberWord::Approx(v) => Count::Exact(v),
                NumberWord::Scale(v) => Count::Exact(v),
                NumberWord::Vague { small, large } => Count::Vague { small, large },
            };
            let next = words.get(i + used).copied().unwrap_or("");
            if !NOT_PEOPLE_AFTER.contains(&next) {
                // "un", "a", "one" count people only right before a victim word.
                let article_like = used == 1 && matches!(w, "un" | "une" | "a" | "an" | "one");
                let before_victim = cas
                    .at(&words[i + used..])
                    .and_then(|(role, _)| victims_of(role))
                    .is_some();
                if !article_like || before_victim {
                    nums.push(Num {
                        first: i,
                        last: i + used - 1,
                        count,
                        article_like,
                    });
                }
            }
            i += used;
            continue;
        }
        i += 1;
    }

    // Pass 2: classify each number by the words around it.
    let mut out: Vec<Option<Toll>> = Vec::new();
    for (k, n) in nums.iter().enumerate() {
        let next_num = nums.get(k + 1).map_or(toks.len(), |x| x.first);
        let prev_num = if k == 0 { 0 } else { nums[k - 1].last + 1 };
        let mut outcome = None;
        let mut victims = None;
        let mut end_tok = n.last;
        let mut j = n.last + 1;
        let limit = (n.last + 9).min(next_num).min(toks.len());
        while j < limit {
            if toks[j].separator {
                break;
            }
            if let Some((role, len)) = cas.at(&words[j..]) {
                match role {
                    CasualtyRole::Killed => outcome = outcome.or(Some(Outcome::Killed)),
                    CasualtyRole::Wounded => outcome = outcome.or(Some(Outcome::Wounded)),
                    CasualtyRole::Missing => outcome = outcome.or(Some(Outcome::Missing)),
                    CasualtyRole::Abducted => outcome = outcome.or(Some(Outcome::Abducted)),
                    CasualtyRole::Military
                    | CasualtyRole::Militant
                    | CasualtyRole::Civilian
                    | CasualtyRole::People => victims = victims.or(victims_of(role)),
                    CasualtyRole::Toll => {}
                }
                if outcome.is_some() {
                    end_tok = j + len - 1;
                    break;
                }
                j += len;
                continue;
            }
            j += 1;
        }
        let mut start_tok = n.first;
        // "aucun"/"no" counts nobody only when the word after says what did not
        // happen ("aucun mort", "no casualties"); "neutralisés, aucun n'a pu
        // s'enfuir" is not a count of zero.
        if outcome.is_none() && n.count == Count::Exact(0) {
            out.push(None);
            continue;
        }
        if outcome.is_none() {
            // Backwards: "tuant 12 civils", "killed 14 soldiers", "bilan de 12".
            let mut j = n.first;
            while j > prev_num && n.first - j < 4 {
                j -= 1;
                // "killed and five arrested": the word before a conjunction
                // belongs to another count.
                if toks[j].separator || matches!(words[j], "et" | "and" | "ou" | "or") {
                    break;
                }
                if let Some((role, _)) = cas.at(&words[j..]) {
                    let o = match role {
                        CasualtyRole::Killed | CasualtyRole::Toll => Some(Outcome::Killed),
                        CasualtyRole::Wounded => Some(Outcome::Wounded),
                        CasualtyRole::Abducted => Some(Outcome::Abducted),
                        CasualtyRole::Missing => Some(Outcome::Missing),
                        _ => None,
                    };
                    if o.is_some() {
                        outcome = o;
                        start_tok = j;
                        break;
                    }
                }
            }
        }
        out.push(outcome.map(|outcome| Toll {
            span: folded.original_span(toks[start_tok].start, toks[end_tok.max(n.last)].end, text),
            number_span: folded.original_span(toks[n.first].start, toks[n.last].end, text),
            count: n.count,
            outcome,
            victims: victims.unwrap_or(Victims::Unknown),
        }));
    }
    // Pass 3: "seven police and seven guards were killed": a number left
    // unclassified takes the outcome of the next one when only a noun and "and"
    // stand between them.
    for k in (0..nums.len().saturating_sub(1)).rev() {
        if out[k].is_some() || nums[k].article_like {
            continue;
        }
        let Some(next) = out[k + 1] else { continue };
        let between = &words[nums[k].last + 1..nums[k + 1].first];
        if between.len() <= 4
            && between.iter().any(|w| matches!(*w, "et" | "and"))
            && !between.contains(&".")
        {
            let victims = between
                .iter()
                .find_map(|w| {
                    cas.at(&[w])
                        .and_then(|(role, _)| victims_of(role))
                        .filter(|v| *v != Victims::Unknown)
                })
                .unwrap_or(next.victims);
            let number_span =
                folded.original_span(toks[nums[k].first].start, toks[nums[k].last].end, text);
            out[k] = Some(Toll {
                span: number_span.cover(next.span),
                number_span,
                count: nums[k].count,
                outcome: next.outcome,
                victims,
            });
        }
    }
    out.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tolls(text: &str) -> Vec<(u32, Outcome, Victims)> {
        let ft = FoldedText::new(text);
        find_tolls(text, &ft)
            .into_iter()
            .map(|t| (t.count.value(false), t.outcome, t.victims))
            .collect()
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(
            tolls("L'attaque a fait 12 morts et 5 blessés parmi les soldats."),
            vec![
                (12, Outcome::Killed, Victims::Unknown),
                (5, Outcome::Wounded, Victims::Unknown)
            ]
        );
        assert_eq!(
            tolls("Vingt-trois civils ont été tués."),
            vec![(23, Outcome::Killed, Victims::Civilian)]
        );
        assert_eq!(
            tolls("Gunmen killed 14 soldiers near the border."),
            vec![(14, Outcome::Killed, Victims::Military)]
        );
    }

    #[test]
    fn vague_words_follow_the_codebook() {
        let ft_text = "Plusieurs dizaines de terroristes ont été neutralisés.";
        let ft = FoldedText::new(ft_text);
        let t = find_tolls(ft_text, &ft);
        assert_eq!(
            t[0].count,
            Count::Vague {
                small: 12,
                large: 12
            }
        );
        assert_eq!(t[0].victims, Victims::Militant);
        assert_eq!(
            tolls("une dizaine de villageois ont péri"),
            vec![(10, Outcome::Killed, Victims::Civilian)]
        );
    }

    #[test]
    fn numbers_that_are_not_people() {
        assert!(tolls("À 20 km de la ville, le 14 septembre 2025, vers 5 h.").is_empty());
        assert!(tolls("Un convoi a été attaqué, tuant le chauffeur.").is_empty());
    }

    #[test]
    fn shared_outcome_across_and() {
        assert_eq!(
            tolls("six gendarmes and four guards were killed"),
            vec![
                (6, Outcome::Killed, Victims::Military),
                (4, Outcome::Killed, Victims::Military)
            ]
        );
    }

    #[test]
    fn none_survived_is_not_a_count_of_zero() {
        assert!(
            tolls("Tous les assaillants ont été neutralisés, aucun n'a pu s'enfuir.").is_empty()
        );
        assert_eq!(
            tolls("aucun mort n'a été signalé"),
            vec![(0, Outcome::Killed, Victims::Unknown)]
        );
    }

    #[test]
    fn a_count_after_and_is_not_the_killed_one() {
        assert_eq!(
            tolls("Two men were killed and five people were taken away."),
            vec![(2, Outcome::Killed, Victims::Unknown)]
        );
    }

    #[test]
    fn a_single_victim() {
        assert_eq!(
            tolls("un soldat a été tué"),
            vec![(1, Outcome::Killed, Victims::Military)]
        );
    }
}
