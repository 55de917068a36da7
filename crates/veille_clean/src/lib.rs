//! Cleaning: from a raw document, as `veille_ingest` read it, to the
//! [`veille_core::Article`] every later stage works on.
//!
//! `veille_ingest` feeds this crate [`RawDocument`]s; the cleaned `Article`s go on
//! to `veille_annotate`. Every `Span` veille produces later points into the text
//! made here, so nothing downstream edits it.
//!
//! [`clean`] does, in order:
//! - HTML bodies: the main article text and title ([`veille_ingest::html_to_text`]);
//! - [`clean_text`]: page noise removed (share bars, reaction counters, rating and
//!   comment widgets, "Lire aussi" links, cookie banners, photo credits… listed in
//!   `assets/noise.tsv`), repeated captions kept once, white space normalised,
//!   paragraphs kept;
//! - the title: the given one, else a short first line;
//! - the publication day: the given one, else a dateline ([`find_dateline`]),
//!   whose span is kept;
//! - the language: the given one, else [`detect_lang`];
//! - the outlet: the URL's host ([`outlet_from_url`]), else a signature line.
//!
//! ```
//! use veille_core::Lang;
//! use veille_ingest::{Body, RawDocument};
//! let doc = RawDocument {
//!     id: "a1".into(),
//!     origin: "a1.txt".into(),
//!     url: None,
//!     published: None,
//!     lang: None,
//!     title: None,
//!     body: Body::Text("Embuscade près de Boni\n\nPublié le 3 mars 2025\n\nPartager\n\
//!         Un convoi de l'armée est tombé dans une embuscade près de Boni.\nLike Like 4\n".into()),
//! };
//! let article = veille_clean::clean(doc).unwrap();
//! assert_eq!(article.title.as_deref(), Some("Embuscade près de Boni"));
//! assert_eq!(article.published.unwrap().to_string(), "2025-03-03");
//! assert_eq!(article.lang, Lang::Fr);
//! assert!(!article.text.contains("Like"));
//! ```
#![deny(missing_docs)]

mod dateline;
mod lang;
mod noise;
mod outlet;

pub use dateline::find_dateline;
pub use lang::detect_lang;
pub use noise::clean_text;
pub use outlet::outlet_from_url;

use veille_core::Article;
use veille_ingest::{Body, IngestErrorKind, RawDocument};

/// A first line longer than this is a paragraph, not a title.
const MAX_TITLE_CHARS: usize = 200;

/// A document that could not be cleaned, named by its origin.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {kind}")]
pub struct CleanError {
    /// The document's origin (file path or `batch.jsonl:LINE`).
    pub origin: String,
    /// What went wrong.
    pub kind: CleanErrorKind,
}

/// What went wrong while cleaning.
#[derive(Debug, thiserror::Error)]
pub enum CleanErrorKind {
    /// The HTML held no article text.
    #[error("{0}")]
    Html(IngestErrorKind),
    /// Everything in the document was page noise.
    #[error("no text left after removing page noise")]
    OnlyNoise,
}

/// Cleans one document into an [`Article`].
///
/// The title, publication day and language the document brings win over what the
/// text suggests; the dateline span is recorded only when the day came from the
/// text. Fails when an HTML body holds no text or nothing but noise remains.
pub fn clean(doc: RawDocument) -> Result<Article, CleanError> {
    let RawDocument {
        id,
        origin,
        url,
        published,
        lang,
        title,
        body,
    } = doc;
    let fail = |kind| CleanError {
        origin: origin.clone(),
        kind,
    };
    let (html_title, raw_text) = match body {
        Body::Text(text) => (None, text),
        Body::Html(html) => {
            veille_ingest::html_to_text(&html).map_err(|e| fail(CleanErrorKind::Html(e)))?
        }
    };
    let text = clean_text(&raw_text);
    if text.is_empty() {
        return Err(fail(CleanErrorKind::OnlyNoise));
    }
    let title = title
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .or(html_title)
        .or_else(|| title_from_text(&text));
    let (published, published_span) = match published {
        Some(day) => (Some(day), None),
        None => match find_dateline(&text) {
            Some((day, span)) => (Some(day), Some(span)),
            None => (None, None),
        },
    };
    let lang = lang.unwrap_or_else(|| detect_lang(&text));
    let outlet = url
        .as_deref()
        .and_then(outlet_from_url)
        .or_else(|| outlet::outlet_from_signature(&text));
    Ok(Article {
        id,
        origin,
        url,
        title,
        published,
        published_span,
        outlet,
        lang,
        text,
    })
}

/// The first line of the cleaned text when it reads as a title: short and without
/// a final period. A line that is only a dateline is passed over.
fn title_from_text(text: &str) -> Option<String> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let mut first = lines.next()?;
    if find_dateline(first).is_some_and(|(_, span)| span.len() * 2 >= first.len()) {
        first = lines.next()?;
    }
    let is_title = first.chars().count() < MAX_TITLE_CHARS && !first.ends_with('.');
    is_title.then(|| first.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use veille_core::{Date, Lang, Span};

    fn text_doc(text: &str) -> RawDocument {
        RawDocument {
            id: "doc-1".into(),
            origin: "tests/doc-1.txt".into(),
            url: None,
            published: None,
            lang: None,
            title: None,
            body: Body::Text(text.into()),
        }
    }

    /// An invented French article with the page furniture scrapers bring along.
    const NOISY_FR: &str = "top of page\n\
3\n\
Ménaka : une patrouille visée par un engin explosif\n\
\n\
12 Février 2025 - 18:40\n\
 7\n\
Ménaka : une patrouille visée par un engin explosif\n\
Véhicule militaire sur une piste (photo à titre indicatif)\n\
\n\
Une patrouille de l'armée a sauté sur un engin explosif improvisé mardi matin à une vingtaine de kilométres de Ménaka, selon des sources locales.\u{a0}Deux soldats ont été blessés.\n\
\n\
\n\
\n\
Le poste de commandement a confirmé l'incident sur sa page Facebook en fin de journée, sans donner d'autre détail.\n\
Lire aussi : Gao, la route nationale rouverte à la circulation\n\
[ad_1]\n\
Le véhicule endommagé a été remorqué jusqu'au camp.\u{200b}\n\
\n\
RÉDACTION WEB/L'ÉCHO DU NORD\n\
\n\
Quelle est votre réaction ?\n\
Like Like 2\n\
Je kiff pas Je kiff pas 0\n\
Drôle Drôle 1\n\
Triste Triste 0\n\
Commentaires\n\
Noté 0 étoile sur 5.\n\
Pas encore de note\n\
Ajouter une note\n\
  • Instagram\n\
  • Facebook\n\
  • Nous suivre sur Twitter\n\
  • TikTok\n\
bottom of page\n";

    #[test]
    fn noisy_french_article() {
        let article = clean(text_doc(NOISY_FR)).unwrap();
        let expected = "Ménaka : une patrouille visée par un engin explosif\n\n\
12 Février 2025 - 18:40\n\
Ménaka : une patrouille visée par un engin explosif\n\n\
Une patrouille de l'armée a sauté sur un engin explosif improvisé mardi matin à une vingtaine de kilométres de Ménaka, selon des sources locales. Deux soldats ont été blessés.\n\n\
Le poste de commandement a confirmé l'incident sur sa page Facebook en fin de journée, sans donner d'autre détail.\n\
Le véhicule endommagé a été remorqué jusqu'au camp.\n\n\
RÉDACTION WEB/L'ÉCHO DU NORD";
        assert_eq!(article.text, expected);
        assert_eq!(
            article.title.as_deref(),
            Some("Ménaka : une patrouille visée par un engin explosif")
        );
        assert_eq!(article.published, Some(Date::new(2025, 2, 12).unwrap()));
        let span = article.published_span.unwrap();
        assert_eq!(span.slice(&article.text), "12 Février 2025");
        assert_eq!(article.lang, Lang::Fr);
        assert_eq!(article.outlet.as_deref(), Some("L'ÉCHO DU NORD"));
        assert_eq!(
            (article.id.as_str(), article.origin.as_str()),
            ("doc-1", "tests/doc-1.txt")
        );
    }

    #[test]
    fn noisy_english_article() {
        let raw = "Share\nTwitter\nWhatsApp\n\
Convoy ambushed near Tessit\n\
Posted on Tuesday, 8 April 2025 07:15\n\
\n\
Gunmen ambushed a supply convoy near Tessit on Monday, a local official said. Three drivers were wounded.\n\
Read also: Floods displace hundreds in the south\n\
Sponsor: Desert Lodge, book your stay today\n\
We use cookies to improve your experience on our website.\n\
Accept all cookies\n\
Rated 4 out of 5\n\
Leave a comment\n\
0 comments\n\
Residents said they had shared videos of the attack on Facebook and WhatsApp before the network went down.\n\
© AFP\n\
Source: AFP\n\
Follow us\n";
        let article = clean(text_doc(raw)).unwrap();
        assert_eq!(
            article.text,
            "Convoy ambushed near Tessit\nPosted on Tuesday, 8 April 2025 07:15\n\n\
Gunmen ambushed a supply convoy near Tessit on Monday, a local official said. Three drivers were wounded.\n\
Residents said they had shared videos of the attack on Facebook and WhatsApp before the network went down.\n\
Source: AFP"
        );
        assert_eq!(article.lang, Lang::En);
        assert_eq!(
            article.title.as_deref(),
            Some("Convoy ambushed near Tessit")
        );
        assert_eq!(article.published, Some(Date::new(2025, 4, 8).unwrap()));
        assert_eq!(
            article.published_span.unwrap().slice(&article.text),
            "8 April 2025"
        );
        assert_eq!(article.outlet.as_deref(), Some("AFP"));
    }

    #[test]
    fn given_metadata_wins() {
        let mut doc = text_doc(
            "Titre du texte\n\nPublié le 3 mars 2025\n\nLes faits se sont déroulés dimanche soir à Douentza.",
        );
        doc.title = Some("  Titre   donné ".into());
        doc.published = Some(Date::new(2025, 3, 4).unwrap());
        doc.lang = Some(Lang::En);
        doc.url = Some("https://www.journal.example/article/1".into());
        let article = clean(doc).unwrap();
        assert_eq!(article.title.as_deref(), Some("Titre donné"));
        assert_eq!(article.published, Some(Date::new(2025, 3, 4).unwrap()));
        assert_eq!(article.published_span, None);
        assert_eq!(article.lang, Lang::En);
        assert_eq!(article.outlet.as_deref(), Some("journal.example"));
    }

    #[test]
    fn long_or_final_period_first_line_is_no_title() {
        let article = clean(text_doc(
            "Les faits se sont déroulés dimanche soir à Douentza.\n\nSuite.",
        ))
        .unwrap();
        assert_eq!(article.title, None);
        let article = clean(text_doc(&format!("{}\n\nSuite.", "mot ".repeat(60)))).unwrap();
        assert_eq!(article.title, None);
        let article = clean(text_doc(
            "27 Aug 2024\nClashes in the north\n\nBody text follows here.",
        ))
        .unwrap();
        assert_eq!(article.title.as_deref(), Some("Clashes in the north"));
        assert_eq!(article.published_span, Some(Span::new(0, 11)));
    }

    #[test]
    fn html_body_gives_text_and_title() {
        let mut doc = text_doc("");
        doc.body = Body::Html(
            "<html><head><title>Frappe de drone à Ber</title></head><body><nav>Accueil</nav>\
             <article><p>Une frappe de drone a visé un rassemblement près de Ber, selon des notables de la zone.</p>\
             <p>Partager</p><p>Le bilan n'a pas pu être vérifié de source indépendante.</p></article></body></html>"
                .into(),
        );
        let article = clean(doc).unwrap();
        assert_eq!(article.title.as_deref(), Some("Frappe de drone à Ber"));
        assert!(
            article.text.starts_with("Une frappe de drone"),
            "{}",
            article.text
        );
        assert!(
            article.text.contains("\n\nLe bilan n'a pas pu"),
            "{}",
            article.text
        );
        assert!(!article.text.contains("Partager"));
    }

    #[test]
    fn errors_name_the_origin() {
        let err = clean(text_doc("Facebook\nTwitter\n\n12\nbottom of page")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "tests/doc-1.txt: no text left after removing page noise"
        );
        let mut doc = text_doc("");
        doc.body = Body::Html("<html><body><div> </div></body></html>".into());
        assert_eq!(
            clean(doc).unwrap_err().to_string(),
            "tests/doc-1.txt: no article text found in HTML"
        );
    }

    #[test]
    fn arbitrary_text_never_panics_and_spans_fit() {
        // xorshift64*: deterministic, no dependency. Characters drawn from a mix of
        // ASCII, accents, digits, separators and invisible characters.
        let alphabet: Vec<char> =
            "aZ é1 2/0.9-\n\r\u{a0}\u{200b}:,<p>€’Août 2025 sept Jun juillet\t"
                .chars()
                .collect();
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = || {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            state.wrapping_mul(0x2545_F491_4F6C_DD1D)
        };
        for round in 0..1000 {
            let len = (next() % 120) as usize;
            let text: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let mut doc = text_doc(&text);
            if round % 5 == 0 {
                doc.body = Body::Html(text.clone());
            }
            if let Ok(article) = clean(doc)
                && let Some(span) = article.published_span
            {
                assert!(article.text.get(span.start..span.end).is_some(), "{text:?}");
            }
            let _ = find_dateline(&text);
            let _ = outlet_from_url(&text);
        }
    }

    #[test]
    fn spans_fit_the_cleaned_text() {
        let article = clean(text_doc(NOISY_FR)).unwrap();
        let span = article.published_span.unwrap();
        assert!(
            article.text.is_char_boundary(span.start) && article.text.is_char_boundary(span.end)
        );
    }
}
