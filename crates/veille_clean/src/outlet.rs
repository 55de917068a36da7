//! The outlet that published an article: its URL's host, or a signature line.

use regex::Regex;
use std::collections::HashSet;
use std::sync::OnceLock;
use veille_core::fold;
use veille_lexicon::{LexiconError, parse_tsv};

const OUTLETS_TSV: &str = include_str!("../assets/outlets.tsv");

/// How many non-empty lines at the end of an article may hold its signature.
const SIGNATURE_LINES: usize = 4;

/// The outlet named by a URL: its host, lower case, without `www.`.
///
/// ```
/// assert_eq!(veille_clean::outlet_from_url("https://www.maliweb.net/insecurite/x.html").as_deref(), Some("maliweb.net"));
/// assert_eq!(veille_clean::outlet_from_url("not a url"), None);
/// ```
pub fn outlet_from_url(url: &str) -> Option<String> {
    let url = url.trim();
    let after_scheme = match url.find("://") {
        Some(at)
            if url[..at]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c)) =>
        {
            &url[at + 3..]
        }
        Some(_) => return None,
        None if url.starts_with("//") => &url[2..],
        // Without a scheme, "mailto:…" or "user@host" is not a web address.
        None if url
            .split('/')
            .next()
            .is_some_and(|head| head.contains([':', '@'])) =>
        {
            return None;
        }
        None => url,
    };
    let authority = after_scheme.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit('@').next()?;
    let host = host_port
        .split(':')
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let valid = host.contains('.')
        && !host.starts_with(['.', '-'])
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    valid.then(|| host.to_owned())
}

/// The outlet named by a signature among the last lines of a cleaned article:
/// "Source: AFP", "RÉDACTION WEB/L'AUBE", or a known outlet's name alone
/// ("I-Sahel"; `assets/outlets.tsv`). Written as in the text.
pub(crate) fn outlet_from_signature(text: &str) -> Option<String> {
    let patterns = SignaturePatterns::get();
    text.lines()
        .rev()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(SIGNATURE_LINES)
        .filter(|l| l.chars().count() <= 80)
        .find_map(|line| {
            let named = patterns
                .source
                .captures(line)
                .or_else(|| patterns.desk.captures(line));
            if let Some(caps) = named {
                return Some(caps[1].trim().trim_end_matches('.').to_owned());
            }
            // "Avec RFI": a known outlet credited for the story.
            let credited = ["avec ", "with "].iter().find_map(|with| {
                line.get(..with.len())
                    .filter(|h| h.eq_ignore_ascii_case(with))
                    .map(|_| &line[with.len()..])
            });
            let name = credited.unwrap_or(line).trim();
            patterns
                .known
                .contains(&fold(name))
                .then(|| name.to_owned())
        })
}

struct SignaturePatterns {
    source: Regex,
    desk: Regex,
    known: HashSet<String>,
}

impl SignaturePatterns {
    fn get() -> &'static SignaturePatterns {
        static PATTERNS: OnceLock<SignaturePatterns> = OnceLock::new();
        PATTERNS.get_or_init(|| SignaturePatterns {
            source: Regex::new(r"(?i)^(?:sources?|avec|with)\s*:\s*(\S.{0,58})$")
                .expect("constant pattern"),
            desk: Regex::new(r"(?i)^(?:la\s+)?r[ée]daction(?:\s+web)?\s*/\s*(\S.{0,58})$")
                .expect("constant pattern"),
            known: known_outlets(OUTLETS_TSV)
                .expect("the embedded outlets.tsv is checked by tests"),
        })
    }
}

/// Folded outlet names from an outlets table.
fn known_outlets(tsv: &str) -> Result<HashSet<String>, LexiconError> {
    let mut names = HashSet::new();
    for row in parse_tsv("outlets.tsv", tsv, &["name", "note"])? {
        if !names.insert(fold(row.get(0))) {
            return Err(row.error("outlets.tsv", format!("duplicate outlet {:?}", row.get(0))));
        }
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(
            outlet_from_url("https://www.maliweb.net/a/b?c=1").as_deref(),
            Some("maliweb.net")
        );
        assert_eq!(
            outlet_from_url("http://user@News.Example.ORG:8080/x").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(
            outlet_from_url("//cdn.example.com/x").as_deref(),
            Some("cdn.example.com")
        );
        assert_eq!(
            outlet_from_url("lefaso.net/spip.php").as_deref(),
            Some("lefaso.net")
        );
        assert_eq!(outlet_from_url(""), None);
        assert_eq!(outlet_from_url("https://localhost/x"), None);
        assert_eq!(outlet_from_url("mailto:x@example.org"), None);
        assert_eq!(outlet_from_url("https://exa mple.org/"), None);
    }

    #[test]
    fn signatures() {
        let body = "Des tirs ont été entendus toute la nuit.\n\n";
        assert_eq!(
            outlet_from_signature(&format!("{body}RÉDACTION WEB/L'AUBE")).as_deref(),
            Some("L'AUBE")
        );
        assert_eq!(
            outlet_from_signature(&format!("{body}I-Sahel")).as_deref(),
            Some("I-Sahel")
        );
        assert_eq!(
            outlet_from_signature(&format!("{body}Source: AFP")).as_deref(),
            Some("AFP")
        );
        assert_eq!(
            outlet_from_signature(&format!(
                "{body}Source : Studio Tamani.\n\nUnis nous vaincrons."
            ))
            .as_deref(),
            Some("Studio Tamani")
        );
        assert_eq!(
            outlet_from_signature(&format!("{body}Avec RFI")).as_deref(),
            Some("RFI")
        );
        assert_eq!(outlet_from_signature(&format!("{body}Avec Moussa")), None);
        assert_eq!(outlet_from_signature(&format!("{body}Moussa Keïta")), None);
        assert_eq!(outlet_from_signature(body), None);
    }

    #[test]
    fn outlets_table_loads_and_rejects_duplicates() {
        assert!(known_outlets(OUTLETS_TSV).unwrap().contains("i sahel"));
        let err = known_outlets("name\tnote\nAFP\t\nafp\t\n").unwrap_err();
        assert_eq!(err.to_string(), "outlets.tsv:3: duplicate outlet \"afp\"");
    }
}
