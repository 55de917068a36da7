//! Sentence and paragraph boundaries.

use veille_core::Span;

/// One sentence, with the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's text, trimmed.
    pub span: Span,
    /// Index of its paragraph (blank-line or line separated block).
    pub paragraph: usize,
}

/// Abbreviations after which a period does not end a sentence.
const NO_BREAK_AFTER: &[&str] = &[
    "M", "Mr", "Mme", "Dr", "St", "Gen", "Col", "Lt", "Cdt", "Capt", "Sgt", "No", "n°", "art",
    "etc", "p", "av", "J.-C", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "janv", "fév",
    "juil", "sept", "oct", "nov", "déc", "U.S", "U.N",
];

/// Splits `text` into sentences. A line break always ends a sentence (scraped
/// headlines and captions carry no final period); `.`, `!`, `?` end one when
/// followed by white space and an upper-case letter, a digit or a quote.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut line_start = 0;
    let mut blank_run = false;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if !blank_run && !out.is_empty() {
                paragraph += 1;
            }
            blank_run = true;
        } else {
            blank_run = false;
            split_line(
                text,
                line_start,
                line_start + content.len(),
                paragraph,
                &mut out,
            );
            // A single line break also separates paragraphs in scraped text.
            paragraph += 1;
        }
        line_start = line_end;
    }
    out
}

fn split_line(text: &str, start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let line = &text[start..end];
    let mut sent_start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let next = chars.get(k + 1).map(|x| x.1);
        let after = chars.get(k + 2).map(|x| x.1);
        let breaks = match (next, after) {
            (None, _) => true,
            (Some(n), Some(a)) if n.is_whitespace() => {
                a.is_uppercase()
                    || a.is_ascii_digit()
                    || matches!(a, '«' | '"' | '“' | '(' | '[' | '-' | '—')
            }
            _ => false,
        };
        if !breaks {
            continue;
        }
        if c == '.' {
            let word = line[sent_start..i]
                .rsplit(|ch: char| ch.is_whitespace())
                .next()
                .unwrap_or("");
            if NO_BREAK_AFTER.contains(&word)
                || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
            {
                continue;
            }
        }
        push(
            text,
            start + sent_start,
            start + i + c.len_utf8(),
            paragraph,
            out,
        );
        sent_start = i + c.len_utf8();
    }
    push(text, start + sent_start, end, paragraph, out);
}

fn push(text: &str, s: usize, e: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if piece.trim().is_empty() {
        return;
    }
    out.push(Sentence {
        span: Span::new(s + lead, e - trail),
        paragraph,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_periods_split() {
        let text = "Titre sans point\n\nLe 3 mai, des hommes armés ont attaqué Diéma. M. Traoré a confirmé. Bilan: 3 morts.\nSuite";
        let s: Vec<&str> = split(text).iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(
            s,
            vec![
                "Titre sans point",
                "Le 3 mai, des hommes armés ont attaqué Diéma.",
                "M. Traoré a confirmé.",
                "Bilan: 3 morts.",
                "Suite"
            ]
        );
    }

    #[test]
    fn decimals_and_initials_do_not_split() {
        let text = "Il a parcouru 2.5 km avec J. Dupont. Puis il est parti.";
        assert_eq!(split(text).len(), 2);
    }
}
