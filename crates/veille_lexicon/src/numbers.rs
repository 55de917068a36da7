//! Number words and vague quantities (`assets/numbers.tsv`), with the values
//! CODEBOOK.md §6 assigns to vague words.

use crate::{LexiconError, parse_tsv};
use std::collections::HashMap;
use std::sync::OnceLock;
use veille_core::fold;

/// How a number word contributes to a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberWord {
    /// Adds its value: "vingt", "three".
    Unit(u32),
    /// Multiplies what came before (or 1): "cent", "thousand".
    Scale(u32),
    /// An approximate count, taken at face value: "une dizaine" → 10.
    Approx(u32),
    /// A vague quantity: the value for a small incident and for a large attack.
    Vague {
        /// Value for a small incident.
        small: u32,
        /// Value for a large attack.
        large: u32,
    },
}

/// The number-word table, keyed by folded phrase.
#[derive(Debug, Clone, Default)]
pub struct Numbers {
    words: HashMap<String, NumberWord>,
    longest_phrase_words: usize,
}

const NUMBERS: &str = include_str!("../assets/numbers.tsv");

impl Numbers {
    /// The embedded table, parsed once.
    pub fn embedded() -> &'static Numbers {
        static N: OnceLock<Numbers> = OnceLock::new();
        N.get_or_init(|| Numbers::parse(NUMBERS).expect("embedded numbers.tsv is checked by tests"))
    }

    /// Parses a numbers table.
    pub fn parse(text: &str) -> Result<Numbers, LexiconError> {
        const FILE: &str = "numbers.tsv";
        let mut n = Numbers::default();
        for row in parse_tsv(FILE, text, &["phrase", "kind", "value", "value_large"])? {
            let value: u32 = row
                .get(2)
                .parse()
                .map_err(|_| row.error(FILE, "value is not a number"))?;
            let word = match row.get(1) {
                "unit" => NumberWord::Unit(value),
                "scale" => NumberWord::Scale(value),
                "approx" => NumberWord::Approx(value),
                "vague" => NumberWord::Vague {
                    small: value,
                    large: row
                        .get(3)
                        .parse()
                        .map_err(|_| row.error(FILE, "a vague word needs value_large"))?,
                },
                other => return Err(row.error(FILE, format!("unknown kind {other:?}"))),
            };
            let key = fold(row.get(0));
            n.longest_phrase_words = n.longest_phrase_words.max(key.split(' ').count());
            if n.words.insert(key, word).is_some() {
                return Err(row.error(FILE, "duplicate phrase"));
            }
        }
        Ok(n)
    }

    /// The word or phrase's meaning, if it is a number word.
    pub fn get(&self, phrase: &str) -> Option<NumberWord> {
        self.words.get(&fold(phrase)).copied()
    }

    /// The longest phrase, in words.
    pub fn longest_phrase_words(&self) -> usize {
        self.longest_phrase_words
    }

    /// Reads a count written in words from the start of `words` (already folded,
    /// one word each): "vingt trois" → 23, "quatre vingt" → 80, "two hundred
    /// fifty" → 250, "une dizaine" → 10, "plusieurs dizaines" → vague 12.
    /// Returns the meaning and how many words it used.
    pub fn read(&self, words: &[&str]) -> Option<(NumberWord, usize)> {
        // Phrases first, longest first ("plusieurs dizaines" before "plusieurs").
        for len in (1..=self.longest_phrase_words.min(words.len())).rev() {
            let phrase = words[..len].join(" ");
            match self.words.get(&phrase) {
                Some(w @ (NumberWord::Approx(_) | NumberWord::Vague { .. })) => {
                    return Some((*w, len));
                }
                Some(_) if len > 1 => {}
                _ => {}
            }
        }
        // Then compose units and scales: "deux cent cinquante", "quatre vingt dix".
        let mut total = 0u32;
        let mut current = 0u32;
        let mut used = 0;
        for (i, w) in words.iter().enumerate() {
            match self.words.get(*w) {
                Some(NumberWord::Unit(v)) => {
                    // "quatre vingt" multiplies (French 80); otherwise units add.
                    if *v == 20 && current > 0 && current < 20 {
                        current *= 20;
                    } else {
                        current += v;
                    }
                    used = i + 1;
                }
                Some(NumberWord::Scale(s)) => {
                    current = current.max(1) * s;
                    if *s >= 1000 {
                        total += current;
                        current = 0;
                    }
                    used = i + 1;
                }
                _ if (*w == "et" || *w == "and") && used == i && i > 0 => {}
                _ => break,
            }
        }
        (used > 0).then_some((NumberWord::Unit(total + current), used))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(NumberWord, usize)> {
        let f = fold(s);
        let words: Vec<&str> = f.split(' ').collect();
        Numbers::embedded().read(&words)
    }

    #[test]
    fn compound_numbers() {
        assert_eq!(read("vingt-trois soldats"), Some((NumberWord::Unit(23), 2)));
        assert_eq!(read("quatre-vingt civils"), Some((NumberWord::Unit(80), 2)));
        assert_eq!(read("two hundred fifty"), Some((NumberWord::Unit(250), 3)));
        assert_eq!(read("trente et un morts"), Some((NumberWord::Unit(31), 3)));
        assert_eq!(read("Fourteen troops"), Some((NumberWord::Unit(14), 1)));
    }

    #[test]
    fn approximate_and_vague_words() {
        assert_eq!(read("une vingtaine de"), Some((NumberWord::Approx(20), 2)));
        assert_eq!(
            read("plusieurs dizaines de combattants"),
            Some((
                NumberWord::Vague {
                    small: 12,
                    large: 12
                },
                2
            ))
        );
        assert_eq!(
            read("plusieurs assaillants"),
            Some((
                NumberWord::Vague {
                    small: 3,
                    large: 10
                },
                1
            ))
        );
        assert_eq!(
            read("hundreds of civilians"),
            Some((
                NumberWord::Vague {
                    small: 100,
                    large: 100
                },
                2
            ))
        );
        assert_eq!(read("soldats"), None);
    }

    #[test]
    fn embedded_table_loads_without_duplicates() {
        assert!(Numbers::parse(NUMBERS).is_ok());
        let dup = Numbers::parse("phrase\tkind\tvalue\tvalue_large\nun\tunit\t1\nun\tunit\t1\n")
            .unwrap_err();
        assert_eq!(dup.to_string(), "numbers.tsv:3: duplicate phrase");
    }
}
