//! HTML pages: the main article text (trafilatura, else the `<body>` paragraphs)
//! and the few metadata veille keeps (title, canonical URL, publication day).

use crate::IngestErrorKind;
use crate::batch::parse_day;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Selector};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;
use veille_core::Date;

/// What an HTML page's head says about the article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlMetadata {
    /// `<link rel="canonical">`, else `<meta property="og:url">`.
    pub url: Option<String>,
    /// `<meta property="article:published_time">`, else the first `<time datetime>`.
    pub published: Option<Date>,
}

/// Reads an HTML page's canonical URL and publication day.
///
/// ```
/// let page = r#"<html><head><link rel="canonical" href="https://example.org/a">
/// <meta property="article:published_time" content="2025-09-04T10:00:00Z"></head></html>"#;
/// let meta = veille_ingest::html_metadata(page);
/// assert_eq!(meta.url.as_deref(), Some("https://example.org/a"));
/// assert_eq!(meta.published.unwrap().to_string(), "2025-09-04");
/// let page = r#"<html><head><meta name="pubdate" content="20240621"></head></html>"#;
/// assert_eq!(veille_ingest::html_metadata(page).published.unwrap().to_string(), "2024-06-21");
/// ```
pub fn html_metadata(html: &str) -> HtmlMetadata {
    let page = Html::parse_document(html);
    let first_attr = |selector: &Selector, attr: &str| {
        page.select(selector)
            .filter_map(|e| e.value().attr(attr))
            .map(str::trim)
            .find(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let url = first_attr(selector(Sel::Canonical), "href")
        .or_else(|| first_attr(selector(Sel::OgUrl), "content"));
    let published = first_attr(selector(Sel::PublishedTime), "content")
        .and_then(|v| parse_day(&v).or_else(|| parse_compact_day(&v)))
        .or_else(|| {
            first_attr(selector(Sel::TimeDatetime), "datetime").and_then(|v| parse_day(&v))
        });
    HtmlMetadata { url, published }
}

/// The title and main article text of an HTML page.
///
/// trafilatura finds the article and drops navigation, footers and comments;
/// paragraphs come out separated by blank lines. When it finds nothing (tiny or
/// truncated pages), the text of the `<body>`'s paragraphs (or of the whole body
/// when it has no `<p>`) serves instead. The title is trafilatura's, else `<title>`.
///
/// ```
/// let page = "<html><head><title>Attaque à Diéma</title></head><body>\
///     <p>Des hommes armés ont attaqué un poste.</p><p>Le bilan reste inconnu.</p>";
/// let (title, text) = veille_ingest::html_to_text(page).unwrap();
/// assert_eq!(title.as_deref(), Some("Attaque à Diéma"));
/// assert_eq!(text, "Des hommes armés ont attaqué un poste.\n\nLe bilan reste inconnu.");
/// ```
pub fn html_to_text(html: &str) -> Result<(Option<String>, String), IngestErrorKind> {
    let options = trafilatura::Options::default()
        .with_fallback(true)
        .with_exclude_comments(true);
    // trafilatura is young; a panic inside it on some odd page must not bring the
    // batch down, so it is treated like "found nothing".
    let extracted = catch_unwind(AssertUnwindSafe(|| trafilatura::extract(html, &options)))
        .ok()
        .and_then(Result::ok);
    let page = Html::parse_document(html);
    let body_paragraphs: Vec<String> = page
        .select(selector(Sel::BodyParagraphs))
        .flat_map(block_texts)
        .collect();
    let title = extracted
        .as_ref()
        .map(|r| r.metadata.title.trim().to_owned())
        .filter(|t| !t.is_empty())
        .or_else(|| {
            page.select(selector(Sel::Title))
                .map(|e| {
                    e.text()
                        .collect::<String>()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .find(|t| !t.is_empty())
        });
    // trafilatura's plain text runs paragraphs together, so its cleaned HTML is
    // read instead, one block element per paragraph.
    let text = extracted
        .map(|r| {
            let main = Html::parse_fragment(&r.content_html);
            paragraphs(&unglue(block_texts(main.root_element()), &body_paragraphs))
        })
        .unwrap_or_default();
    if !text.is_empty() {
        return Ok((title, text));
    }
    let mut blocks = body_paragraphs;
    if blocks.iter().all(|b| b.trim().is_empty()) {
        blocks = page
            .select(selector(Sel::Body))
            .flat_map(block_texts)
            .collect();
    }
    let text = paragraphs(&blocks);
    if text.is_empty() {
        Err(IngestErrorKind::NoArticleText)
    } else {
        Ok((title, text))
    }
}

/// Non-empty blocks, white space inside each folded, separated by blank lines.
///
/// A line break inside a block also ends a paragraph when it falls between a
/// sentence end and a capital: trafilatura's baseline extractor joins paragraphs
/// that way, while the line breaks of hand-wrapped HTML source fall mid-sentence.
fn paragraphs(blocks: &[String]) -> String {
    let mut out: Vec<String> = Vec::new();
    for block in blocks {
        let mut paragraph = String::new();
        for line in block.lines() {
            let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
            if line.is_empty() {
                continue;
            }
            let sentence_ended = paragraph.ends_with(['.', '!', '?', ':', '»', '"', '”', '…']);
            let starts_anew =
                line.starts_with(|c: char| c.is_uppercase() || matches!(c, '«' | '"' | '“'));
            if !paragraph.is_empty() && sentence_ended && starts_anew {
                out.push(std::mem::take(&mut paragraph));
            } else if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(&line);
        }
        if !paragraph.is_empty() {
            out.push(paragraph);
        }
    }
    out.join("\n\n")
}

/// Splits blocks in which trafilatura ran several page paragraphs together.
///
/// Its baseline extractor (used for short pages) can join `<p>A.</p><p>B.</p>`
/// into "A.B.". A block made mostly (90%, white space aside) of two or more of the
/// page's own paragraphs, in order, is replaced by those paragraphs.
fn unglue(blocks: Vec<String>, page_paragraphs: &[String]) -> Vec<String> {
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    let squashed_paragraphs: Vec<String> = page_paragraphs.iter().map(|p| squash(p)).collect();
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        let squashed = squash(&block);
        let mut cursor = 0;
        let mut found = Vec::new();
        for (paragraph, key) in page_paragraphs.iter().zip(&squashed_paragraphs) {
            if key.is_empty() {
                continue;
            }
            if let Some(at) = squashed[cursor..].find(key.as_str()) {
                cursor += at + key.len();
                found.push((paragraph, key.len()));
            }
        }
        let covered: usize = found.iter().map(|(_, len)| len).sum();
        if found.len() >= 2 && covered * 10 >= squashed.len() * 9 {
            out.extend(found.into_iter().map(|(p, _)| p.clone()));
        } else {
            out.push(block);
        }
    }
    out
}

/// Elements that start a new paragraph (or line) in rendered text.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "hr",
    "body",
    "html",
];

/// Elements whose content is never text.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "iframe",
];

/// The text of an element split at block boundaries, one string per block.
fn block_texts(element: ElementRef<'_>) -> Vec<String> {
    let mut blocks = vec![String::new()];
    for edge in element.traverse() {
        // Both the opening and the closing of a block end the current paragraph.
        let node = match edge {
            Edge::Open(node) | Edge::Close(node) => node,
        };
        if let Some(el) = node.value().as_element() {
            if BLOCK_ELEMENTS.contains(&el.name()) && !blocks.last().is_some_and(String::is_empty) {
                blocks.push(String::new());
            }
        } else if let (Some(text), Edge::Open(_)) = (node.value().as_text(), edge) {
            let hidden = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| SKIPPED_ELEMENTS.contains(&e.name()))
            });
            if !hidden && let Some(block) = blocks.last_mut() {
                block.push_str(text);
            }
        }
    }
    blocks.retain(|b| !b.trim().is_empty());
    blocks
}

#[derive(Clone, Copy)]
enum Sel {
    Canonical,
    OgUrl,
    PublishedTime,
    TimeDatetime,
    Title,
    BodyParagraphs,
    Body,
}

/// "20240621", as some sites write `<meta name="pubdate">`.
fn parse_compact_day(value: &str) -> Option<Date> {
    let v = value.trim();
    if v.len() != 8 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Date::new(
        v[..4].parse().ok()?,
        v[4..6].parse().ok()?,
        v[6..].parse().ok()?,
    )
    .ok()
}

/// The CSS selectors, parsed once.
fn selector(which: Sel) -> &'static Selector {
    const SOURCES: [&str; 7] = [
        r#"link[rel~="canonical"]"#,
        r#"meta[property="og:url"]"#,
        r#"meta[property="article:published_time"], meta[property="og:published_time"], meta[itemprop="datePublished"], meta[name="pubdate"], meta[name="date"], meta[name="DC.date.issued"]"#,
        "time[datetime]",
        "title",
        "body p",
        "body",
    ];
    static PARSED: OnceLock<Vec<Selector>> = OnceLock::new();
    let parsed = PARSED.get_or_init(|| {
        SOURCES
            .iter()
            .map(|s| Selector::parse(s).expect("constant selectors are checked by tests"))
            .collect()
    });
    &parsed[which as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="fr"><head>
<title>Embuscade sur l'axe Boni-Hombori | Le Journal du Sahel</title>
<meta property="og:url" content="https://journal.example/embuscade">
<meta property="article:published_time" content="2025-03-11T07:30:00+00:00">
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li></ul></nav>
<article>
<h1>Embuscade sur l'axe Boni-Hombori</h1>
<p>Un convoi de ravitaillement escorté par l'armée est tombé dans une embuscade mardi matin sur l'axe reliant Boni à Hombori, selon plusieurs sources locales jointes par téléphone.</p>
<p>Les assaillants, arrivés à moto, ont ouvert le feu sur les premiers camions avant de se replier vers le sud. Deux chauffeurs ont été blessés et un camion a été incendié.</p>
<p>Les autorités régionales n'avaient pas encore communiqué de bilan officiel mardi soir. Des renforts ont été dépêchés sur place pour sécuriser la route.</p>
</article>
<footer><p>© 2025 Le Journal du Sahel. Tous droits réservés.</p></footer>
</body></html>"#;

    #[test]
    fn article_text_and_metadata() {
        let (title, text) = html_to_text(PAGE).unwrap();
        assert!(title.unwrap().contains("Embuscade sur l'axe Boni-Hombori"));
        assert!(text.contains("Un convoi de ravitaillement"), "{text}");
        assert!(text.contains("Deux chauffeurs ont été blessés"), "{text}");
        assert!(
            text.contains(".\n\nLes assaillants"),
            "paragraphs kept: {text}"
        );
        assert!(!text.contains("Accueil"), "{text}");
        let meta = html_metadata(PAGE);
        assert_eq!(
            meta.url.as_deref(),
            Some("https://journal.example/embuscade")
        );
        assert_eq!(meta.published, Some(Date::new(2025, 3, 11).unwrap()));
    }

    #[test]
    fn truncated_html_still_yields_text() {
        let cut = "<html><head><title>Gao</title></head><body><div><p>Des tirs ont été entendus à Gao dans la nuit de lundi";
        let (title, text) = html_to_text(cut).unwrap();
        assert_eq!(title.as_deref(), Some("Gao"));
        assert!(text.contains("Des tirs ont été entendus à Gao"), "{text}");
        let (_, text) = html_to_text(&PAGE[..PAGE.len() / 2]).unwrap();
        assert!(text.contains("Un convoi de ravitaillement"), "{text}");
    }

    #[test]
    fn page_without_text_is_an_error() {
        assert!(matches!(
            html_to_text("<html><body><div></div></body></html>"),
            Err(IngestErrorKind::NoArticleText)
        ));
        let blank = "<html><head><title>Titre</title><script>var p = 1;</script></head><body> \n </body></html>";
        assert!(matches!(
            html_to_text(blank),
            Err(IngestErrorKind::NoArticleText)
        ));
    }

    #[test]
    fn time_element_and_canonical_link() {
        let page = r#"<link rel="canonical" href=" https://x.example/a "><body><time datetime="2024-08-27">27 Aug</time></body>"#;
        let meta = html_metadata(page);
        assert_eq!(meta.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(meta.published, Some(Date::new(2024, 8, 27).unwrap()));
        assert_eq!(html_metadata("<p>rien</p>"), HtmlMetadata::default());
    }

    #[test]
    fn source_line_wrapping_is_not_a_paragraph_break() {
        let blocks = [
            "Des tirs ont été\n   entendus à Gao.\nLe calme est revenu.".to_owned(),
            "Fin.".to_owned(),
        ];
        assert_eq!(
            paragraphs(&blocks),
            "Des tirs ont été entendus à Gao.\n\nLe calme est revenu.\n\nFin."
        );
    }

    #[test]
    fn paragraphs_glued_by_the_extractor_are_split_again() {
        let page = "<html><body><article><p>Une frappe a visé un marché près de Ber, selon des notables.</p>\
            <p>Le bilan n'a pas pu être vérifié de source indépendante.</p></article></body></html>";
        let (_, text) = html_to_text(page).unwrap();
        assert_eq!(
            text,
            "Une frappe a visé un marché près de Ber, selon des notables.\n\nLe bilan n'a pas pu être vérifié de source indépendante."
        );
    }

    #[test]
    fn odd_markup_never_panics() {
        for page in [
            "",
            "<<<>>>",
            "<html><body><p>",
            "</p></body><p>x",
            "<table><tr><td>a<td>b",
            "<script>var a='<p>'</script>",
        ] {
            let _ = html_to_text(page);
            let _ = html_metadata(page);
        }
    }
}
