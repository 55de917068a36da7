//! Finding place names in text, with the cue words around them.

use veille_core::{Country, FoldedText, Span};
use veille_gazetteer::{Gazetteer, PlaceId};
use veille_lexicon::calendar::Calendar;
use veille_lexicon::numbers::{NumberWord, Numbers};

use crate::lexicon::{Cue, CueToken, Lexicon, NotPlaceRule, Relation};

/// How the text relates the event to a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// At the place itself.
    At,
    /// Near it, `km` away when the text says so.
    Near {
        /// Distance given by the text ("à 20 km de").
        km: Option<u32>,
    },
    /// Between it and a second place (also used for "sur l'axe X-Y").
    Between {
        /// The second place's name.
        second: Span,
    },
    /// Somewhere in the admin unit it names (région, cercle, commune).
    AdminArea,
    /// In a forest, park, wadi or border zone.
    Feature,
    /// At a military camp or base.
    Camp,
}

/// A place name found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// The place name itself.
    pub span: Span,
    /// The name with its cue words ("à 20 km de Diéma").
    pub cue_span: Span,
    /// The folded name, as looked up.
    pub key: String,
    /// How the text relates the event to the place.
    pub kind: MentionKind,
    /// The finer relation the cue gave (région vs cercle, forest vs park…).
    pub relation: Relation,
    /// Every gazetteer entry with this name.
    pub candidates: Vec<PlaceId>,
}

/// One word of the folded text: byte range in the folded text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// The folded text cut into words, with the original for case and spans.
pub(crate) struct Words<'a> {
    pub(crate) text: &'a str,
    pub(crate) ft: FoldedText,
    pub(crate) words: Vec<Word>,
}

impl<'a> Words<'a> {
    pub(crate) fn new(text: &'a str) -> Words<'a> {
        let ft = FoldedText::new(text);
        let mut words = Vec::new();
        let mut start = None;
        for (i, c) in ft.folded.char_indices() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    words.push(Word { start: s, end: i });
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            words.push(Word {
                start: s,
                end: ft.folded.len(),
            });
        }
        Words { text, ft, words }
    }

    pub(crate) fn word(&self, i: usize) -> &str {
        &self.ft.folded[self.words[i].start..self.words[i].end]
    }

    /// Whether word `i` and word `i + 1` are separated by one plain space in the folded
    /// text (so by white space, a hyphen or an apostrophe in the original).
    pub(crate) fn joined(&self, i: usize) -> bool {
        i + 1 < self.words.len()
            && &self.ft.folded[self.words[i].end..self.words[i + 1].start] == " "
    }

    /// Folded text of words `i..i + n`.
    pub(crate) fn key(&self, i: usize, n: usize) -> &str {
        &self.ft.folded[self.words[i].start..self.words[i + n - 1].end]
    }

    /// Original span of words `i..i + n`.
    pub(crate) fn span(&self, i: usize, n: usize) -> Span {
        self.ft
            .original_span(self.words[i].start, self.words[i + n - 1].end, self.text)
    }

    fn is_capitalised(&self, i: usize) -> bool {
        self.span(i, 1)
            .slice(self.text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}

/// A country named at word `i`: (country, is_name, words used).
pub(crate) fn country_at(lex: &Lexicon, words: &Words, i: usize) -> Option<(Country, bool, usize)> {
    let mut best = None;
    for n in 1..=lex.longest_country_words.min(words.words.len() - i) {
        if n > 1 && !words.joined(i + n - 2) {
            break;
        }
        if let Some(&(c, is_name)) = lex.countries.get(words.key(i, n)) {
            best = Some((c, is_name, n));
        }
    }
    best
}

/// The cue matched around a name: which cue, how many words before and after it used,
/// and the number it read.
#[derive(Debug, Clone, Copy)]
struct CueMatch<'l> {
    cue: &'l Cue,
    before: usize,
    after: usize,
    km: Option<u32>,
}

fn number_value(word: &str) -> Option<u32> {
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok();
    }
    let numbers = Numbers::embedded();
    match numbers
        .get(word)
        .or_else(|| numbers.get(&format!("une {word}")))
    {
        Some(NumberWord::Unit(v) | NumberWord::Approx(v)) => Some(v),
        _ => None,
    }
}

/// Matches `tokens` against the end of `prev` (words in text order). Returns the words
/// used and the number read.
fn match_before(lex: &Lexicon, tokens: &[CueToken], prev: &[&str]) -> Option<(usize, Option<u32>)> {
    let Some((last, rest)) = tokens.split_last() else {
        return Some((0, None));
    };
    let (&word, earlier) = prev.split_last()?;
    match last {
        CueToken::Word(w) => (w == word)
            .then(|| match_before(lex, rest, earlier))
            .flatten()
            .map(|(n, km)| (n + 1, km)),
        CueToken::Number => {
            let v = number_value(word)?;
            match_before(lex, rest, earlier).map(|(n, km)| (n + 1, km.or(Some(v))))
        }
        CueToken::Direction => {
            if !lex.directions.iter().any(|d| d == word) {
                return None;
            }
            // "nord est" is two words after folding "nord-est".
            if let Some((&w2, earlier2)) = earlier.split_last()
                && lex.directions.iter().any(|d| d == w2)
                && let Some((n, km)) = match_before(lex, rest, earlier2)
            {
                return Some((n + 2, km));
            }
            match_before(lex, rest, earlier).map(|(n, km)| (n + 1, km))
        }
    }
}

fn match_after(tokens: &[CueToken], next: &[&str]) -> Option<usize> {
    if tokens.len() > next.len() {
        return None;
    }
    tokens
        .iter()
        .zip(next)
        .all(|(t, w)| matches!(t, CueToken::Word(x) if x == w))
        .then_some(tokens.len())
}

/// The longest cue around words `i..i + n`.
fn cue_around<'l>(lex: &'l Lexicon, words: &Words, i: usize, n: usize) -> Option<CueMatch<'l>> {
    const REACH: usize = 8;
    let mut first = i;
    while first > 0 && i - first < REACH && words.joined(first - 1) {
        first -= 1;
    }
    let prev: Vec<&str> = (first..i).map(|j| words.word(j)).collect();
    let mut next = Vec::new();
    let mut j = i + n - 1;
    while next.len() < 4 && words.joined(j) {
        j += 1;
        next.push(words.word(j));
    }
    let mut best: Option<CueMatch> = None;
    for cue in &lex.cues {
        let Some((before, km)) = match_before(lex, &cue.before, &prev) else {
            continue;
        };
        let Some(after) = match_after(&cue.after, &next) else {
            continue;
        };
        let better = match best {
            None => true,
            Some(b) => {
                before + after > b.before + b.after
                    || (before + after == b.before + b.after && cue.strong && !b.cue.strong)
            }
        };
        if better {
            best = Some(CueMatch {
                cue,
                before,
                after,
                km,
            });
        }
    }
    best
}

fn kind_of(relation: Relation, km: Option<u32>) -> MentionKind {
    match relation {
        Relation::At | Relation::Village => MentionKind::At,
        Relation::Near | Relation::Between | Relation::Axis => MentionKind::Near { km },
        Relation::Region | Relation::Cercle | Relation::Commune => MentionKind::AdminArea,
        Relation::Forest | Relation::Park | Relation::Zone | Relation::Border | Relation::Wadi => {
            MentionKind::Feature
        }
        Relation::Camp => MentionKind::Camp,
    }
}

/// Words naming an admin unit that may end a gazetteer name ("Mopti Region").
const UNIT_WORDS: [&str; 8] = [
    "region",
    "cercle",
    "circle",
    "province",
    "commune",
    "district",
    "department",
    "prefecture",
];

/// First words of gazetteer names that are really a cue ("Région de Ségou").
const UNIT_PREFIXES: [&str; 11] = [
    "region",
    "cercle",
    "commune",
    "province",
    "departement",
    "prefecture",
    "foret",
    "parc",
    "reserve",
    "zone",
    "camp",
];

/// Every place name in `text`, sorted by start and non-overlapping.
///
/// A name must start with a capital letter (places are proper nouns), except after a
/// région/cercle/zone cue. Words that are names but usually something else
/// (`assets/not_places.tsv`, months, weekdays, names of one to three letters) count
/// only after a place cue. Country names are never mentions: they feed
/// [`crate::context_for`].
pub fn find_place_mentions(gaz: &Gazetteer, text: &str) -> Vec<PlaceMention> {
    let lex = Lexicon::embedded();
    let words = Words::new(text);
    let calendar = Calendar::embedded();
    let max_words = gaz.max_name_words().max(1);
    let mut out: Vec<PlaceMention> = Vec::new();
    let mut i = 0;
    while i < words.words.len() {
        if let Some((_, _, n)) = country_at(lex, &words, i) {
            i += n;
            continue;
        }
        // Longest name starting here.
        let mut best: Option<(usize, Vec<PlaceId>)> = None;
        let mut n = 1;
        while i + n <= words.words.len() && n <= max_words {
            if n > 1 && !words.joined(i + n - 2) {
                break;
            }
            let key = words.key(i, n);
            let ids = gaz.lookup(key);
            if !ids.is_empty() {
                best = Some((n, ids));
            }
            if !gaz.has_longer_name(key) {
                break;
            }
            n += 1;
        }
        let Some((mut n, mut candidates)) = best else {
            i += 1;
            continue;
        };
        // "Mopti Region" is a key (the GeoNames unit), but "in the Mopti region" reads
        // better as the name plus a cue: keep the unit word for the cue when the shorter
        // name exists.
        if n > 1 && UNIT_WORDS.contains(&words.word(i + n - 1)) {
            let shorter = gaz.lookup(words.key(i, n - 1));
            if !shorter.is_empty() {
                n -= 1;
                candidates = shorter;
            }
        }
        // "Région de Ségou", "Forêt du Baoulé": leave the unit word to the cue, so the
        // name after it gets the région/forest relation.
        if n > 1 && UNIT_PREFIXES.contains(&words.word(i)) {
            i += 1;
            continue;
        }
        let key = words.key(i, n).to_string();
        let cue = cue_around(lex, &words, i, n);
        let relation = cue.map(|c| c.cue.relation);
        let capitalised = words.is_capitalised(i);
        if !capitalised && !relation.is_some_and(Relation::allows_lowercase) {
            i += 1;
            continue;
        }
        let any_cue = cue.is_some();
        let strong_cue = cue.is_some_and(|c| c.cue.strong);
        // "Moussa Traoré" can be a village, but every word of it is a person's name.
        let person_words = n > 1
            && (0..n).all(|k| {
                matches!(
                    lex.not_places.get(words.word(i + k)),
                    Some(NotPlaceRule::StrongCue)
                )
            });
        let rule = lex
            .not_places
            .get(&key)
            .copied()
            .or(person_words.then_some(NotPlaceRule::StrongCue));
        let licensed = match rule {
            Some(NotPlaceRule::Never | NotPlaceRule::PersonTitle) => false,
            Some(NotPlaceRule::Cue) => any_cue,
            Some(NotPlaceRule::StrongCue) => strong_cue,
            None => {
                let letters = key.chars().filter(|c| c.is_alphanumeric()).count();
                let short =
                    letters <= 3 && !candidates.iter().any(|&id| gaz.place(id).kind.rank() >= 3);
                let calendar_word =
                    n == 1 && (calendar.month(&key).is_some() || calendar.weekday(&key).is_some());
                if letters <= 2 {
                    // "W" is a park after "le parc du"; "sur X" is a social network.
                    relation.is_some_and(|r| r.allows_lowercase())
                } else {
                    any_cue || !(short || calendar_word)
                }
            }
        };
        // A capitalised word right after a first name or a title is a person's name.
        let after_person = i > 0
            && words.joined(i - 1)
            && words.is_capitalised(i - 1)
            && matches!(
                lex.not_places.get(words.word(i - 1)),
                Some(NotPlaceRule::StrongCue)
            )
            || i > 0
                && words.joined(i - 1)
                && matches!(
                    lex.not_places.get(words.word(i - 1)),
                    Some(NotPlaceRule::PersonTitle)
                );
        if !licensed || (after_person && !strong_cue) {
            i += 1;
            continue;
        }
        let span = words.span(i, n);
        let (relation, cue_span, km, after) = match cue {
            Some(c) => (
                c.cue.relation,
                words.span(i - c.before, c.before + n + c.after),
                c.km,
                c.after,
            ),
            None => (Relation::At, span, None, 0),
        };
        out.push(PlaceMention {
            span,
            cue_span,
            key,
            kind: kind_of(relation, km),
            relation,
            candidates,
        });
        i += n + after;
    }
    link_second_places(&words, &mut out);
    out
}

/// "entre X et Y", "l'axe X-Y": the first place gets the second as `Between`.
fn link_second_places(words: &Words, mentions: &mut [PlaceMention]) {
    for k in 0..mentions.len().saturating_sub(1) {
        if !matches!(mentions[k].relation, Relation::Between | Relation::Axis) {
            continue;
        }
        let gap = words
            .text
            .get(mentions[k].span.end..mentions[k + 1].span.start)
            .unwrap_or("")
            .trim();
        let linked = matches!(gap, "et" | "and" | "-" | "–" | "—" | "/" | "à" | "to" | "")
            || gap.chars().all(|c| matches!(c, '-' | '–' | '—' | ' '));
        if !linked {
            continue;
        }
        let second = mentions[k + 1].span;
        mentions[k].kind = MentionKind::Between { second };
        mentions[k].cue_span = mentions[k].cue_span.cover(second);
        if mentions[k + 1].relation == Relation::At && mentions[k + 1].cue_span == second {
            mentions[k + 1].relation = Relation::Near;
            mentions[k + 1].kind = MentionKind::Near { km: None };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str) -> Vec<(String, MentionKind, Relation)> {
        find_place_mentions(Gazetteer::embedded(), text)
            .into_iter()
            .map(|m| (m.span.slice(text).to_string(), m.kind, m.relation))
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        mentions(text).into_iter().map(|m| m.0).collect()
    }

    #[test]
    fn village_near_town() {
        let text = "Des hommes armés ont attaqué le village de Kaniéra, près de Diéma, dans la nuit de lundi.";
        let found = find_place_mentions(Gazetteer::embedded(), text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].span.slice(text), "Kaniéra");
        assert_eq!(found[0].cue_span.slice(text), "le village de Kaniéra");
        assert_eq!(found[0].kind, MentionKind::At);
        assert_eq!(found[0].relation, Relation::Village);
        assert_eq!(found[1].span.slice(text), "Diéma");
        assert_eq!(found[1].kind, MentionKind::Near { km: None });
        assert_eq!(found[1].cue_span.slice(text), "près de Diéma");
    }

    #[test]
    fn distance_cues() {
        let text = "L'embuscade a eu lieu à 20 km de Nioro du Sahel. Un second groupe a frappé à 15 kilomètres au nord-est de Kayes.";
        let found = find_place_mentions(Gazetteer::embedded(), text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].span.slice(text), "Nioro du Sahel");
        assert_eq!(found[0].kind, MentionKind::Near { km: Some(20) });
        assert_eq!(found[0].cue_span.slice(text), "à 20 km de Nioro du Sahel");
        assert_eq!(found[1].kind, MentionKind::Near { km: Some(15) });
        assert_eq!(
            found[1].cue_span.slice(text),
            "à 15 kilomètres au nord-est de Kayes"
        );
        let english = "Gunmen struck 30 km from Diema on Sunday.";
        assert_eq!(mentions(english)[0].1, MentionKind::Near { km: Some(30) });
    }

    #[test]
    fn between_and_axis() {
        let text = "Un convoi a sauté sur une mine entre Diéma et Nioro.";
        let found = find_place_mentions(Gazetteer::embedded(), text);
        assert_eq!(found.len(), 2);
        let MentionKind::Between { second } = found[0].kind else {
            panic!("{found:?}")
        };
        assert_eq!(second.slice(text), "Nioro");
        assert_eq!(found[0].cue_span.slice(text), "entre Diéma et Nioro");
        assert_eq!(found[1].kind, MentionKind::Near { km: None });

        let text = "Des coupeurs de route sévissent sur l'axe Kayes-Diboli.";
        let found = find_place_mentions(Gazetteer::embedded(), text);
        assert_eq!(found[0].span.slice(text), "Kayes");
        assert!(
            matches!(found[0].kind, MentionKind::Between { second } if second.slice(text) == "Diboli")
        );
    }

    #[test]
    fn admin_features_and_camps() {
        let text = "Dans la région de Mopti et le cercle de Kita, la forêt du Baoulé et le camp de Boulkessi.";
        let found = mentions(text);
        let rel: Vec<(&str, Relation)> = found.iter().map(|(n, _, r)| (n.as_str(), *r)).collect();
        assert_eq!(
            rel,
            vec![
                ("Mopti", Relation::Region),
                ("Kita", Relation::Cercle),
                ("Baoulé", Relation::Forest),
                ("Boulkessi", Relation::Camp)
            ]
        );
        assert_eq!(found[0].1, MentionKind::AdminArea);
        assert_eq!(found[2].1, MentionKind::Feature);
        assert_eq!(found[3].1, MentionKind::Camp);
        let english =
            mentions("Fighting was reported in the Mopti region and near the Boulkessy camp.");
        assert_eq!(english[0].2, Relation::Region);
        assert_eq!(english[0].0, "Mopti");
        assert_eq!(english[1].0, "Boulkessy");
    }

    #[test]
    fn lower_case_names_only_after_area_cues() {
        assert_eq!(
            names("Ils sont passés par la zone des trois frontières."),
            vec!["trois frontières"]
        );
        assert_eq!(names("dans la région de kayes"), vec!["kayes"]);
        let text = "Région de Ségou : Niono attaquée";
        let found = find_place_mentions(Gazetteer::embedded(), text);
        assert_eq!(
            (found[0].span.slice(text), found[0].relation),
            ("Ségou", Relation::Region)
        );
        assert!(names("les kayes et les ségou").is_empty());
    }

    #[test]
    fn common_words_need_a_cue() {
        // "Moussa" and "Sahel" are villages in the gazetteer, but not here.
        assert!(names("Moussa Traoré a déclaré que le Sahel souffre.").is_empty());
        assert_eq!(names("Des tirs ont été entendus à Dioura."), vec!["Dioura"]);
        assert!(names("Dioura a précisé que rien n'avait changé.").is_empty());
        // A title before a name makes it a person.
        assert!(names("Le colonel Diarra a confirmé l'attaque.").is_empty());
        // One or two letters: only a park or zone name, after its cue.
        assert!(names("La vidéo a circulé sur X.").is_empty());
        assert_eq!(names("Des braconniers armés dans le parc du W."), vec!["W"]);
    }

    #[test]
    fn countries_are_not_places() {
        let found = names(
            "Au Mali, près de la frontière avec le Burkina Faso, l'armée malienne a repris Léré.",
        );
        assert_eq!(found, vec!["Léré"]);
        assert!(names("Le Niger et la Mauritanie, la Côte d'Ivoire et l'Algérie.").is_empty());
    }

    #[test]
    fn spelling_variants() {
        for (text, want) in [
            ("Une attaque à Ké-Macina.", "Ké-Macina"),
            ("Une attaque à Macina.", "Macina"),
            ("Des combats à Tinzaouatène.", "Tinzaouatène"),
            ("Des combats à Tin Zaouatene.", "Tin Zaouatene"),
            ("Le camp de Boulkessy a été visé.", "Boulkessy"),
            ("Les rebelles ont pris TESSIT.", "TESSIT"),
        ] {
            assert_eq!(names(text), vec![want], "{text}");
        }
    }
}
