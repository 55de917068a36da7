//! The geocoder's word lists (`assets/*.tsv`): place cues, words that are not places,
//! country names. Parsed once, on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

use veille_core::{Country, fold};
use veille_lexicon::{LexiconError, parse_tsv};

/// How the text relates an event to a named place, as a cue word says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    /// At the place ("à Diéma", "in the town of Kayes", or no cue at all).
    At,
    /// At a village named as such ("le village de Kaniéra").
    Village,
    /// Near it ("près de", "à 20 km de", "outside").
    Near,
    /// Between it and a second place ("entre X et Y").
    Between,
    /// On the road from it to a second place ("sur l'axe X-Y").
    Axis,
    /// Somewhere in the region it names ("dans la région de Kayes").
    Region,
    /// Somewhere in the cercle, province or department it names.
    Cercle,
    /// Somewhere in the commune it names.
    Commune,
    /// In the forest it names.
    Forest,
    /// In the park or reserve it names.
    Park,
    /// In the zone it names ("la zone des trois frontières").
    Zone,
    /// At the border with it.
    Border,
    /// In the wadi it names.
    Wadi,
    /// At the military camp or base it names.
    Camp,
}

impl Relation {
    fn parse(s: &str) -> Option<Relation> {
        Some(match s {
            "at" => Relation::At,
            "village" => Relation::Village,
            "near" => Relation::Near,
            "between" => Relation::Between,
            "axis" => Relation::Axis,
            "region" => Relation::Region,
            "cercle" => Relation::Cercle,
            "commune" => Relation::Commune,
            "forest" => Relation::Forest,
            "park" => Relation::Park,
            "zone" => Relation::Zone,
            "border" => Relation::Border,
            "wadi" => Relation::Wadi,
            "camp" => Relation::Camp,
            _ => return None,
        })
    }

    /// Whether a name after this cue may start with a lower-case letter ("dans la
    /// région de kayes", "la zone des trois frontières").
    pub fn allows_lowercase(self) -> bool {
        matches!(
            self,
            Relation::Region
                | Relation::Cercle
                | Relation::Commune
                | Relation::Forest
                | Relation::Park
                | Relation::Zone
                | Relation::Wadi
        )
    }
}

/// One token of a cue pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CueToken {
    /// A literal folded word.
    Word(String),
    /// A number: digits or a number word.
    Number,
    /// One or two compass words.
    Direction,
}

/// A cue: the tokens before and after the name.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    pub(crate) before: Vec<CueToken>,
    pub(crate) after: Vec<CueToken>,
    pub(crate) relation: Relation,
    pub(crate) strong: bool,
}

/// What `not_places.tsv` says about a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotPlaceRule {
    Never,
    Cue,
    StrongCue,
    /// A title before a person's name ("colonel", "président").
    PersonTitle,
}

#[derive(Debug)]
pub(crate) struct Lexicon {
    pub(crate) cues: Vec<Cue>,
    pub(crate) directions: Vec<String>,
    pub(crate) not_places: HashMap<String, NotPlaceRule>,
    /// Folded country name or demonym → (country, is_name).
    pub(crate) countries: HashMap<String, (Country, bool)>,
    pub(crate) longest_country_words: usize,
}

const CUES: &str = include_str!("../assets/place_cues.tsv");
const NOT_PLACES: &str = include_str!("../assets/not_places.tsv");
const COUNTRIES: &str = include_str!("../assets/countries.tsv");

impl Lexicon {
    pub(crate) fn embedded() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        // The assets are ours and `assets_parse` checks them; a failure is a build defect.
        LEX.get_or_init(|| {
            Lexicon::parse(CUES, NOT_PLACES, COUNTRIES).expect("geocoder assets parse")
        })
    }

    pub(crate) fn parse(
        cues: &str,
        not_places: &str,
        countries: &str,
    ) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon {
            cues: Vec::new(),
            directions: Vec::new(),
            not_places: HashMap::new(),
            countries: HashMap::new(),
            longest_country_words: 1,
        };
        for row in parse_tsv(
            "place_cues.tsv",
            cues,
            &["cue", "relation", "strength", "lang"],
        )? {
            let cue = row.get(0);
            if row.get(1) == "direction" {
                lex.directions.push(fold(cue));
                continue;
            }
            let relation = Relation::parse(row.get(1))
                .ok_or_else(|| row.error("place_cues.tsv", "unknown relation"))?;
            let strong = match row.get(2) {
                "strong" => true,
                "weak" => false,
                _ => return Err(row.error("place_cues.tsv", "strength must be strong or weak")),
            };
            let Some((before, after)) = cue.split_once("{}") else {
                return Err(row.error("place_cues.tsv", "cue must contain {} where the name goes"));
            };
            let tokens = |s: &str| -> Vec<CueToken> {
                s.split_whitespace()
                    .map(|w| match w {
                        "<n>" => CueToken::Number,
                        "<dir>" => CueToken::Direction,
                        w => CueToken::Word(fold(w)),
                    })
                    .collect()
            };
            let (before, after) = (tokens(before), tokens(after));
            if before.is_empty() && after.is_empty() {
                return Err(row.error("place_cues.tsv", "cue has no words"));
            }
            lex.cues.push(Cue {
                before,
                after,
                relation,
                strong,
            });
        }
        for row in parse_tsv("not_places.tsv", not_places, &["word", "rule", "note"])? {
            let rule = match row.get(1) {
                "never" => NotPlaceRule::Never,
                "cue" => NotPlaceRule::Cue,
                "strong_cue" => NotPlaceRule::StrongCue,
                "person_title" => NotPlaceRule::PersonTitle,
                _ => {
                    return Err(row.error(
                        "not_places.tsv",
                        "rule must be never, cue, strong_cue or person_title",
                    ));
                }
            };
            if lex.not_places.insert(fold(row.get(0)), rule).is_some() {
                return Err(row.error("not_places.tsv", "duplicate word"));
            }
        }
        for row in parse_tsv("countries.tsv", countries, &["word", "country", "kind"])? {
            let country = Country::from_iso2(row.get(1))
                .ok_or_else(|| row.error("countries.tsv", "unknown country code"))?;
            let is_name = match row.get(2) {
                "name" => true,
                "adjective" => false,
                _ => return Err(row.error("countries.tsv", "kind must be name or adjective")),
            };
            let key = fold(row.get(0));
            lex.longest_country_words = lex.longest_country_words.max(key.split(' ').count());
            if lex.countries.insert(key, (country, is_name)).is_some() {
                return Err(row.error("countries.tsv", "duplicate word"));
            }
        }
        Ok(lex)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assets_parse() {
        let lex = Lexicon::parse(CUES, NOT_PLACES, COUNTRIES).unwrap();
        assert!(lex.cues.len() > 100);
        assert!(lex.directions.contains(&"nord".to_string()));
        assert_eq!(lex.not_places.get("moussa"), Some(&NotPlaceRule::StrongCue));
        assert_eq!(
            lex.countries.get("cote d ivoire"),
            Some(&(Country::IvoryCoast, true))
        );
        assert_eq!(lex.longest_country_words, 3);
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let cues = "cue\trelation\tstrength\tlang\na {}\tsomewhere\tstrong\tfr\n";
        let err = Lexicon::parse(cues, NOT_PLACES, COUNTRIES).unwrap_err();
        assert_eq!(err.to_string(), "place_cues.tsv:2: unknown relation");
        let cues = "cue\trelation\tstrength\tlang\npres de\tnear\tstrong\tfr\n";
        let err = Lexicon::parse(cues, NOT_PLACES, COUNTRIES).unwrap_err();
        assert!(err.to_string().contains("{}"), "{err}");
    }
}
