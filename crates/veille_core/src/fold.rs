use unicode_normalization::UnicodeNormalization;

/// Folds one character for matching: lower case, accents dropped; hyphens,
/// apostrophes (straight and curly) and other punctuation inside names become a
/// space. Returns `None` for combining marks, which folding drops.
pub fn fold_char(c: char) -> Option<char> {
    match c {
        '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' | '\'' | '\u{2019}'
        | '\u{2018}' | '`' | '\u{02bc}' | '_' | '.' => Some(' '),
        c if unicode_normalization::char::is_combining_mark(c) => None,
        c => Some(c),
    }
}

/// The matching key for names and words: NFD-decomposed, combining marks dropped,
/// lower-cased, hyphens and apostrophes turned into spaces, runs of white space
/// folded to one, trimmed. "Ké-Macina" and "ke macina" share a key; so do
/// "Tin-Zaouatène" and "tin zaouatene", and "l’armée" and "l armee".
///
/// Non-Latin scripts are kept (NFD stripping does not transliterate), so Arabic
/// names stay matchable against themselves.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfd().filter_map(fold_char) {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn accents_case_hyphens_apostrophes() {
        assert_eq!(fold("Ségou"), "segou");
        assert_eq!(fold("Tin-Zaouatène"), "tin zaouatene");
        assert_eq!(fold("l’armée  malienne "), "l armee malienne");
        assert_eq!(fold("N'Tillit"), "n tillit");
        assert_eq!(fold("  BOULKESSI"), "boulkessi");
    }

    #[test]
    fn folding_is_idempotent() {
        for s in ["Kéniéba", "Ké-Macina", "Dan Na Ambassagou", "Ménaka"] {
            assert_eq!(fold(&fold(s)), fold(s));
        }
    }
}

/// A text and its folded form, with a map from folded offsets back to the
/// original, so that a dictionary match found in the folded text yields an
/// evidence [`crate::Span`] in the original.
///
/// Folding is per character ([`fold_char`] after NFD, then lower case); runs of
/// white space become one space, so "Nioro  du\nSahel" matches "nioro du sahel".
#[derive(Debug, Clone)]
pub struct FoldedText {
    /// The folded text.
    pub folded: String,
    /// For each byte of `folded`, plus one past the end, the original byte offset.
    starts: Vec<usize>,
}

impl FoldedText {
    /// Folds `text`.
    pub fn new(text: &str) -> FoldedText {
        let mut folded = String::with_capacity(text.len());
        let mut starts = Vec::with_capacity(text.len() + 1);
        let mut last_space = true;
        for (offset, ch) in text.char_indices() {
            let mut buf = [0u8; 4];
            for c in ch.encode_utf8(&mut buf).nfd().filter_map(fold_char) {
                if c.is_whitespace() {
                    if last_space {
                        continue;
                    }
                    last_space = true;
                    folded.push(' ');
                    starts.push(offset);
                    continue;
                }
                last_space = false;
                for lc in c.to_lowercase() {
                    let before = folded.len();
                    folded.push(lc);
                    starts.extend(std::iter::repeat_n(offset, folded.len() - before));
                }
            }
        }
        starts.push(text.len());
        FoldedText { folded, starts }
    }

    /// The original span behind folded bytes `[start, end)`: from the start of the
    /// first original character to the end of the last one.
    pub fn original_span(&self, start: usize, end: usize, original: &str) -> crate::Span {
        let s = self.starts.get(start).copied().unwrap_or(original.len());
        let e = if end == 0 {
            s
        } else {
            // End of the original character that produced the last folded byte.
            let last = self.starts.get(end - 1).copied().unwrap_or(original.len());
            original[last..]
                .chars()
                .next()
                .map_or(last, |c| last + c.len_utf8())
        };
        crate::Span::new(s, e)
    }

    /// Whether folded byte offset `at` is a word boundary (start/end of text, or
    /// next to a non-alphanumeric character).
    pub fn is_boundary(&self, at: usize) -> bool {
        let before = self.folded[..at].chars().next_back();
        let after = self.folded[at..].chars().next();
        !matches!((before, after), (Some(b), Some(a)) if b.is_alphanumeric() && a.is_alphanumeric())
    }
}

#[cfg(test)]
mod folded_text_tests {
    use super::FoldedText;

    #[test]
    fn maps_back_to_original() {
        let text = "Attaque à Ké-Macina,  près de Ségou.";
        let ft = FoldedText::new(text);
        assert_eq!(ft.folded, "attaque a ke macina, pres de segou ");
        let at = ft.folded.find("ke macina").unwrap();
        let span = ft.original_span(at, at + "ke macina".len(), text);
        assert_eq!(span.slice(text), "Ké-Macina");
        let at = ft.folded.find("segou").unwrap();
        assert_eq!(ft.original_span(at, at + 5, text).slice(text), "Ségou");
        assert!(ft.is_boundary(at));
        assert!(!ft.is_boundary(at + 1));
    }
}
