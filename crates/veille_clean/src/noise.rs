//! Page noise: whole-line widgets listed in `assets/noise.tsv`, repeated captions,
//! and the white-space and invisible-character normalisation every text gets.

use regex::RegexSet;
use std::sync::OnceLock;
use veille_lexicon::{LexiconError, parse_tsv};

const NOISE_TSV: &str = include_str!("../assets/noise.tsv");

/// Lines longer than this are never page furniture, whatever a pattern says: a
/// safety net so a loose pattern cannot eat a paragraph.
const MAX_NOISE_LINE_CHARS: usize = 300;

/// Characters a line may start with as a list bullet (share bars are lists).
const BULLETS: &[char] = &[
    '•', '·', '▪', '●', '◦', '■', '-', '–', '—', '*', '>', '»', '|',
];

/// The compiled noise patterns.
#[derive(Debug)]
pub(crate) struct NoiseRules {
    set: RegexSet,
    kinds: Vec<String>,
}

impl NoiseRules {
    /// The embedded `assets/noise.tsv`, compiled once.
    pub(crate) fn embedded() -> &'static NoiseRules {
        static RULES: OnceLock<NoiseRules> = OnceLock::new();
        RULES.get_or_init(|| {
            NoiseRules::parse(NOISE_TSV).expect("the embedded noise.tsv is checked by tests")
        })
    }

    /// Parses and compiles a noise table (`pattern`, `kind`, `note`).
    pub(crate) fn parse(tsv: &str) -> Result<NoiseRules, LexiconError> {
        let mut patterns = Vec::new();
        let mut kinds = Vec::new();
        for row in parse_tsv("noise.tsv", tsv, &["pattern", "kind", "note"])? {
            let pattern = format!("(?i)^(?:{})$", row.get(0));
            if let Err(e) = regex::Regex::new(&pattern) {
                return Err(row.error("noise.tsv", format!("bad pattern: {e}")));
            }
            if row.get(1).is_empty() {
                return Err(row.error("noise.tsv", "missing kind"));
            }
            patterns.push(pattern);
            kinds.push(row.get(1).to_owned());
        }
        let set = RegexSet::new(&patterns).map_err(|e| LexiconError {
            file: "noise.tsv".into(),
            line: 0,
            reason: format!("patterns do not compile together: {e}"),
        })?;
        Ok(NoiseRules { set, kinds })
    }

    /// The kind of noise a (normalised, trimmed) line is, if it is noise.
    pub(crate) fn kind_of(&self, line: &str) -> Option<&str> {
        if line.is_empty() || line.chars().count() > MAX_NOISE_LINE_CHARS {
            return None;
        }
        let line = line.replace('\u{2019}', "'");
        let unbulleted = line
            .strip_prefix(BULLETS)
            .map(str::trim_start)
            .filter(|rest| !rest.is_empty());
        std::iter::once(line.as_str())
            .chain(unbulleted)
            .find_map(|candidate| self.set.matches(candidate).into_iter().next())
            .map(|i| self.kinds[i].as_str())
    }
}

/// Removes page noise from scraped text, keeping the article's paragraphs.
///
/// - line endings become `\n`; no-break spaces become spaces; zero-width
///   characters, soft hyphens and BOMs are dropped; lines are trimmed;
/// - whole lines that are page widgets (share bars, reaction counters, rating
///   widgets, comment prompts, "Lire aussi" links, cookie banners, photo credits,
///   lone numbers and bullets…, see `assets/noise.tsv`) are dropped;
/// - a line repeated right after itself (a caption printed twice) is kept once;
/// - paragraphs stay separated by exactly one blank line.
///
/// ```
/// let raw = "Attaque à Boni\r\n\r\n\r\n\r\nDes hommes armés ont attaqué le poste.\nPartager\n• Facebook\nLike Like 3\n";
/// assert_eq!(veille_clean::clean_text(raw), "Attaque à Boni\n\nDes hommes armés ont attaqué le poste.");
/// ```
pub fn clean_text(raw: &str) -> String {
    let rules = NoiseRules::embedded();
    let normalised = normalise_characters(raw);
    let mut out = String::with_capacity(normalised.len());
    let mut previous_kept: Option<String> = None;
    let mut blank_pending = false;
    for line in normalised.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            blank_pending = true;
            continue;
        }
        if rules.kind_of(line).is_some() {
            continue;
        }
        let key: String = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if previous_kept.as_deref() == Some(key.as_str()) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_pending { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank_pending = false;
        previous_kept = Some(key);
    }
    out
}

/// Line endings to `\n`, no-break and other fixed-width spaces to a plain space,
/// invisible characters removed.
fn normalise_characters(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
            '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}' | '\u{200a}' | '\u{3000}' => {
                out.push(' ')
            }
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> Option<&'static str> {
        NoiseRules::embedded().kind_of(line)
    }

    #[test]
    fn embedded_table_loads() {
        assert!(NoiseRules::embedded().kinds.len() > 20);
    }

    #[test]
    fn bad_rows_are_reported_with_their_line() {
        let err = NoiseRules::parse("pattern\tkind\tnote\n(unclosed\tshare\t\n").unwrap_err();
        assert!(
            err.to_string().starts_with("noise.tsv:2: bad pattern"),
            "{err}"
        );
        let err = NoiseRules::parse("pattern\tkind\tnote\nabc\t\t\n").unwrap_err();
        assert_eq!(err.to_string(), "noise.tsv:2: missing kind");
    }

    #[test]
    fn each_kind_of_widget_is_recognised() {
        let cases = [
            ("top of page", "navigation"),
            ("Bottom of Page", "navigation"),
            ("Haut de page", "navigation"),
            ("Facebook", "share"),
            ("  • Instagram", "share"),
            ("- WhatsApp", "share"),
            ("X", "share"),
            ("Telegram", "share"),
            ("Partager", "share"),
            ("Share this article:", "share"),
            ("Nous suivre sur Twitter", "share"),
            ("Follow us on LinkedIn", "share"),
            ("Like Like 2", "reaction"),
            ("Je kiff pas Je kiff pas 0", "reaction"),
            ("Drôle Drôle 1", "reaction"),
            ("Triste Triste 0", "reaction"),
            ("Hmmm Hmmm 0", "reaction"),
            ("Quelle est votre réaction ?", "reaction"),
            ("Noté 0 étoile sur 5.", "rating"),
            ("Pas encore de note", "rating"),
            ("Ajouter une note", "rating"),
            ("Rated 4 out of 5", "rating"),
            ("Commentaires", "comment"),
            ("Laisser un commentaire", "comment"),
            ("Leave a comment", "comment"),
            ("0 comments", "comment"),
            (
                "Lire aussi : Le gouverneur reçoit les chefs de village",
                "related",
            ),
            ("À lire aussi", "related"),
            ("Read also: Talks resume in the capital", "related"),
            ("Related: Drought hits the north", "related"),
            ("[ad_1]", "ad"),
            ("[ad_2]", "ad"),
            ("Sponsor: Boutique Djenné, vos tissus en ligne", "sponsor"),
            (
                "Nous utilisons des cookies pour améliorer votre expérience sur notre site.",
                "cookie",
            ),
            ("Tout accepter", "cookie"),
            ("Accept all cookies", "cookie"),
            (
                "Des soldats en patrouille près du fleuve (photo à titre indicatif)",
                "credit",
            ),
            ("© AFP", "credit"),
            ("Photo : DR", "credit"),
            ("Comments are closed.", "comment"),
            ("Bouton retour en haut de la page", "navigation"),
            ("Loading...", "navigation"),
            ("6 days ago", "navigation"),
            ("Lire la suite dans le quotidien du jour", "related"),
            ("Réservé aux abonnés", "paywall"),
            ("4", "number"),
            ("•", "bullet"),
            ("—", "bullet"),
        ];
        for (line, expected) in cases {
            assert_eq!(kind(line.trim()), Some(expected), "{line:?}");
        }
    }

    #[test]
    fn sentences_that_mention_widgets_are_kept() {
        for line in [
            "Le porte-parole a publié sur Facebook un message annonçant la libération des otages.",
            "Related to the attack, the governor called for calm in the town.",
            "Commentaires et critiques ont afflué après la publication du rapport officiel.",
            "Read more carefully, the statement suggests a change of strategy.",
            "Share prices fell in Lagos.",
            "03/09/2025",
            "2 Juillet 2025 - 09:04",
            "AFP",
            "Source: AFP",
            "I-Sahel",
        ] {
            assert_eq!(kind(line), None, "{line:?}");
        }
    }

    #[test]
    fn characters_are_normalised() {
        let raw = "A\u{a0}B\u{200b}C\u{feff}\r\nD\rE\u{ad}F  \n";
        assert_eq!(clean_text(raw), "A BC\nD\nEF");
    }

    #[test]
    fn repeated_caption_is_kept_once() {
        let raw = "Premier paragraphe de l'article, assez long pour compter.\n\nLe marché de Gao après l'incendie\nLe marché de Gao  après l'incendie\n\nLe marché de Gao après l'incendie\nSuite de l'article.";
        assert_eq!(
            clean_text(raw),
            "Premier paragraphe de l'article, assez long pour compter.\n\nLe marché de Gao après l'incendie\n\nSuite de l'article."
        );
    }
}
