//! The publication date written in an article: "2 Juillet 2025 - 09:04",
//! "Publié le 3 septembre 2025", "Posted on Wednesday, 6 April 2022", "Jun 2, 2025",
//! "2025-09-03", "03/09/2025".

use regex::Regex;
use std::sync::OnceLock;
use veille_core::{Date, FoldedText, Span};
use veille_lexicon::calendar::Calendar;

/// How far into the text a dateline is looked for first (in characters): datelines
/// sit under the title.
const HEAD_CHARS: usize = 600;

/// Years outside this range are page furniture or typos, not publication years.
const YEARS: std::ops::RangeInclusive<i16> = 1990..=2100;

/// What may follow a date on a date line without making it a sentence: a short
/// tail such as a time ("- 09:04", "à 10h12") or a few characters.
const DATE_LINE_TAIL_CHARS: usize = 12;

/// A date written in the text, with its span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DateMention {
    date: Date,
    span: Span,
}

/// The publication date written in `text`, with its span in `text`.
///
/// First, in the first 600 characters, a date on a line of its own or after a
/// dateline cue ("Publié le", "Posted on", "Mis à jour", "Bamako, le"…); then,
/// anywhere, a date on a line that is mostly that date. Dates inside sentences
/// ("Le 3 septembre 2025, des hommes armés…") are events, not datelines, and are
/// left alone. Month names come from `veille_lexicon`'s calendar; numeric dates are
/// read day first. Years before 1990 or after 2100 are ignored.
///
/// ```
/// let text = "Attaque à Kayes\n\n2 Juillet 2025 - 09:04\n\nÀ l'aube du lundi…";
/// let (date, span) = veille_clean::find_dateline(text).unwrap();
/// assert_eq!(date.to_string(), "2025-07-02");
/// assert_eq!(&text[span.start..span.end], "2 Juillet 2025");
/// ```
pub fn find_dateline(text: &str) -> Option<(Date, Span)> {
    let mentions = date_mentions(text);
    let head_end = text
        .char_indices()
        .nth(HEAD_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let in_head = mentions
        .iter()
        .filter(|m| m.span.start < head_end)
        .find(|m| opens_dateline(text, m.span));
    in_head
        .or_else(|| mentions.iter().find(|m| is_date_line(text, m.span)))
        .map(|m| (m.date, m.span))
}

/// Every complete date (day, month, year) written in `text`, in text order.
fn date_mentions(text: &str) -> Vec<DateMention> {
    let patterns = Patterns::get();
    let mut found = Vec::new();
    // Month names are matched in the folded text, so "Août", "AOUT" and "aout" agree.
    let folded = FoldedText::new(text);
    for caps in patterns.day_month_year.captures_iter(&folded.folded) {
        let whole = caps.get(0).expect("group 0 always matches");
        let (day, month, year) = (&caps[1], &caps[2], &caps[3]);
        push(
            &mut found,
            year,
            Calendar::embedded().month(month),
            day,
            folded.original_span(whole.start(), whole.end(), text),
        );
    }
    for caps in patterns.month_day_year.captures_iter(&folded.folded) {
        let whole = caps.get(0).expect("group 0 always matches");
        let (month, day, year) = (&caps[1], &caps[2], &caps[3]);
        push(
            &mut found,
            year,
            Calendar::embedded().month(month),
            day,
            folded.original_span(whole.start(), whole.end(), text),
        );
    }
    for caps in patterns.iso.captures_iter(text) {
        let whole = caps.get(0).expect("group 0 always matches");
        let span = Span::new(whole.start(), whole.end());
        push(&mut found, &caps[1], caps[2].parse().ok(), &caps[3], span);
    }
    for caps in patterns.numeric.captures_iter(text) {
        let whole = caps.get(0).expect("group 0 always matches");
        let span = Span::new(whole.start(), whole.end());
        let (first, second) = (&caps[1], &caps[2]);
        let before = found.len();
        push(&mut found, &caps[3], second.parse().ok(), first, span);
        // Day first, as the French press writes; an impossible month means the
        // English order was used.
        if found.len() == before {
            push(&mut found, &caps[3], first.parse().ok(), second, span);
        }
    }
    found.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    found.dedup_by(|later, earlier| later.span.overlaps(earlier.span));
    found
}

fn push(found: &mut Vec<DateMention>, year: &str, month: Option<u8>, day: &str, span: Span) {
    let (Ok(year), Some(month), Ok(day)) = (year.parse::<i16>(), month, day.parse::<i8>()) else {
        return;
    };
    if !YEARS.contains(&year) {
        return;
    }
    if let Ok(date) = Date::new(year, month as i8, day) {
        found.push(DateMention { date, span });
    }
}

/// The line around `span`, trimmed.
fn line_around(text: &str, span: Span) -> (&str, &str, &str) {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    (
        text[start..span.start].trim_start(),
        &text[span.start..span.end],
        text[span.end..end].trim_end(),
    )
}

/// Whether what precedes the date on its line is nothing, or a dateline cue
/// ("Publié le", "Posted on Wednesday,", "Bamako, le").
fn cue_before(before: &str) -> bool {
    before.is_empty() || (before.chars().count() <= 60 && Patterns::get().cue.is_match(before))
}

/// Whether the date is most of its line: a cue or nothing before it, a time or a
/// few characters after it. "Mali : l'attaque du 14 mars 2024 à Kayes" is a
/// title, not a date line.
fn is_date_line(text: &str, span: Span) -> bool {
    let (before, _, after) = line_around(text, span);
    let short_tail = after.chars().count() <= DATE_LINE_TAIL_CHARS && !after.ends_with('.');
    cue_before(before) && (short_tail || Patterns::get().time_tail.is_match(after))
}

/// Whether the date opens a dateline that the article then runs on from, as in
/// "Bamako, le 3 septembre 2025 – Les autorités…": a real cue before it, or the
/// date starting the line and a dash after it. A sentence that starts with a date
/// ("Le 3 septembre 2025, des hommes armés…") does not.
fn opens_dateline(text: &str, span: Span) -> bool {
    let (before, _, after) = line_around(text, span);
    is_date_line(text, span)
        || (!before.is_empty() && cue_before(before))
        || (before.is_empty() && after.trim_start().starts_with(['–', '—', '-', '|']))
}

struct Patterns {
    day_month_year: Regex,
    month_day_year: Regex,
    iso: Regex,
    numeric: Regex,
    cue: Regex,
    time_tail: Regex,
}

impl Patterns {
    fn get() -> &'static Patterns {
        static PATTERNS: OnceLock<Patterns> = OnceLock::new();
        PATTERNS.get_or_init(|| {
            let mut words: Vec<&str> = Calendar::embedded().month_words().collect();
            // Longest first, so "septembre" wins over "sept".
            words.sort_by_key(|w| std::cmp::Reverse(w.len()));
            let months = words.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
            let build = |p: &str| Regex::new(p).expect("dateline patterns are checked by tests");
            Patterns {
                // Folded text: lower case, no accents, '.' and '-' turned to spaces.
                day_month_year: build(&format!(
                    r"\b(\d{{1,2}})(?:er|st|nd|rd|th)? (?:de )?({months})\b ?,? ?(\d{{4}})\b"
                )),
                month_day_year: build(&format!(r"\b({months})\b ?(\d{{1,2}})(?:st|nd|rd|th)? ?,? ?(\d{{4}})\b")),
                iso: build(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
                numeric: build(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b"),
                cue: build(
                    r"(?ix)
                    ^(?:[•*\-–—|]\s*)?
                    (?:
                        (?:publi[ée]\w*|posted|published|mis\ à\ jour|mise\ à\ jour|updated|modifi[ée]\w*|date|dated)
                        \b[^.!?]{0,40}
                      | \p{Lu}[\p{L}\p{M}'’\ -]{1,30},\s*(?:le\s+)?  # Bamako, le …
                    )
                    (?:\b(?:le|on|du|the)\s+)?
                    (?:\p{L}+,?\s+)?   # a weekday
                    $",
                ),
                time_tail: build(
                    r"(?ix)^[\s,;|–—•·-]*
                    (?:(?:à|a|at|@)\s*)?
                    \d{1,2}\s*[:h]\s*\d{2}(?:\s*:\d{2})?\s*(?:am|pm|gmt|utc|h)?
                    [\s,;|–—•·-]*$",
                ),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected_date: &str, expected_span_text: &str) {
        let (date, span) = find_dateline(text).unwrap_or_else(|| panic!("no dateline in {text:?}"));
        assert_eq!(date.to_string(), expected_date, "{text:?}");
        assert_eq!(span.slice(text), expected_span_text, "{text:?}");
    }

    #[test]
    fn every_dateline_form() {
        check(
            "Attaque à Kayes\n2 Juillet 2025 - 09:04\nLe texte.",
            "2025-07-02",
            "2 Juillet 2025",
        );
        check(
            "Titre\nPublié le 3 septembre 2025 à 10h12\nTexte.",
            "2025-09-03",
            "3 septembre 2025",
        );
        check(
            "Bamako, le 3 septembre 2025 – Les autorités ont annoncé la fermeture des écoles.",
            "2025-09-03",
            "3 septembre 2025",
        );
        check(
            "Headline\nPosted on Wednesday, 6 April 2022 10:27\nBody.",
            "2022-04-06",
            "6 April 2022",
        );
        check(
            "Headline\nJun 2, 2025\nBody text here.",
            "2025-06-02",
            "Jun 2, 2025",
        );
        check(
            "Headline\n27 Aug 2024\nBody text.",
            "2024-08-27",
            "27 Aug 2024",
        );
        check("Titre\n2025-09-03\nTexte.", "2025-09-03", "2025-09-03");
        check("Titre\n03/09/2025\nTexte.", "2025-09-03", "03/09/2025");
        check(
            "Titre\n1er août 2025\nTexte.",
            "2025-08-01",
            "1er août 2025",
        );
        check(
            "Headline\nSeptember 14th, 2025\nBody.",
            "2025-09-14",
            "September 14th, 2025",
        );
        check(
            "Titre\nMis à jour le 12 déc. 2024\nTexte.",
            "2024-12-12",
            "12 déc. 2024",
        );
    }

    #[test]
    fn spans_are_byte_offsets_into_the_text() {
        let text =
            "Ségou : l’armée annonce des frappes\n\nPublié le 7 février 2025\n\nDes frappes…";
        let (_, span) = find_dateline(text).unwrap();
        assert_eq!(&text[span.start..span.end], "7 février 2025");
    }

    #[test]
    fn date_line_far_down_the_text() {
        let filler = "Une phrase de remplissage qui raconte autre chose. ".repeat(20);
        let text = format!("Titre\n\n{filler}\n\nGao, 14 mars 2024\n\nFin.");
        check(&text, "2024-03-14", "14 mars 2024");
    }

    #[test]
    fn dates_inside_sentences_are_not_datelines() {
        assert_eq!(
            find_dateline("Le 3 septembre 2025, des hommes armés ont attaqué le village de Boni."),
            None
        );
        assert_eq!(
            find_dateline("Mali : l'attaque du 14 mars 2024 à Kayes\n\nLe texte."),
            None
        );
        let filler = "Une phrase de remplissage qui raconte autre chose. ".repeat(20);
        let text = format!(
            "Titre\n\n{filler} Les combats du 12 mai 2024 avaient fait dix morts selon la mairie."
        );
        assert_eq!(find_dateline(&text), None);
    }

    #[test]
    fn impossible_dates_and_years_are_ignored() {
        assert_eq!(find_dateline("Titre\n31 février 2025\nTexte."), None);
        assert_eq!(find_dateline("Titre\n12 mars 1889\nTexte."), None);
        assert_eq!(find_dateline("Titre\n12/03/2150\nTexte."), None);
        assert_eq!(find_dateline("Titre\n45/45/2020\nTexte."), None);
        // Month first when the day-first reading is impossible.
        check("Titre\n09/23/2025\nTexte.", "2025-09-23", "09/23/2025");
    }
}
