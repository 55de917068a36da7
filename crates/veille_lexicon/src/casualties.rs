//! Casualty words (`assets/casualty_words.tsv`): what happened to the people a
//! number counts, and who they were.

use crate::{LexiconError, parse_tsv};
use std::sync::OnceLock;

/// The role a casualty word plays next to a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // Each variant is the `role` column of the same name.
pub enum CasualtyRole {
    Killed,
    Wounded,
    Missing,
    Abducted,
    Military,
    Militant,
    Civilian,
    People,
    Toll,
}

/// The casualty-word table: folded words and phrases, some prefixes.
#[derive(Debug, Clone, Default)]
pub struct CasualtyWords {
    entries: Vec<(Vec<String>, bool, CasualtyRole)>,
}

const WORDS: &str = include_str!("../assets/casualty_words.tsv");

impl CasualtyWords {
    /// The embedded table.
    pub fn embedded() -> &'static CasualtyWords {
        static C: OnceLock<CasualtyWords> = OnceLock::new();
        C.get_or_init(|| {
            CasualtyWords::parse(WORDS).expect("embedded casualty_words.tsv is checked by tests")
        })
    }

    /// Parses a table.
    pub fn parse(text: &str) -> Result<CasualtyWords, LexiconError> {
        const FILE: &str = "casualty_words.tsv";
        let mut entries = Vec::new();
        for row in parse_tsv(FILE, text, &["word", "role"])? {
            use CasualtyRole::*;
            let role = match row.get(1) {
                "killed" => Killed,
                "wounded" => Wounded,
                "missing" => Missing,
                "abducted" => Abducted,
                "military" => Military,
                "militant" => Militant,
                "civilian" => Civilian,
                "people" => People,
                "toll" => Toll,
                other => return Err(row.error(FILE, format!("unknown role {other:?}"))),
            };
            let w = row.get(0);
            let prefix = w.ends_with('*');
            let words: Vec<String> = veille_core::fold(w.trim_end_matches('*'))
                .split(' ')
                .map(String::from)
                .collect();
            entries.push((words, prefix, role));
        }
        // Longest phrases first, so "shot dead" wins over "dead".
        entries.sort_by_key(|(w, _, _)| std::cmp::Reverse(w.len()));
        Ok(CasualtyWords { entries })
    }

    /// The role of the phrase starting at `words[0]` (folded words), with its
    /// length in words.
    pub fn at(&self, words: &[&str]) -> Option<(CasualtyRole, usize)> {
        for (phrase, prefix, role) in &self.entries {
            if phrase.len() > words.len() {
                continue;
            }
            let last = phrase.len() - 1;
            let ok = phrase.iter().zip(words).enumerate().all(|(i, (p, w))| {
                if i == last && *prefix {
                    w.starts_with(p.as_str())
                } else {
                    p == w
                }
            });
            if ok {
                return Some((*role, phrase.len()));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        let c = CasualtyWords::embedded();
        assert_eq!(c.at(&["tues", "et"]), Some((CasualtyRole::Killed, 1)));
        assert_eq!(c.at(&["shot", "dead"]), Some((CasualtyRole::Killed, 2)));
        assert_eq!(c.at(&["soldats"]), Some((CasualtyRole::Military, 1)));
        assert_eq!(c.at(&["blessees"]), Some((CasualtyRole::Wounded, 1)));
        assert_eq!(c.at(&["convoi"]), None);
    }
}
