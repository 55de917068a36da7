//! Bytes to text: byte-order marks, declared charsets, UTF-8, else chardetng's guess;
//! and the checks that refuse what is not a text document.

use crate::IngestErrorKind;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// The largest input accepted, in bytes (20 MB): far above any news article,
/// low enough that a stray archive or video is refused before it fills memory.
pub const MAX_INPUT_BYTES: usize = 20 * 1024 * 1024;

/// Share of control characters above which decoded "text" is taken for binary.
/// Real articles have none besides tabs and line breaks; a few stray ones are
/// tolerated.
const MAX_CONTROL_SHARE: f64 = 0.05;

/// Decodes an input's bytes to text.
///
/// In order of trust: a byte-order mark (UTF-8, UTF-16 LE/BE); then valid UTF-8;
/// then the `declared` charset label (HTTP or `<meta charset>`); then chardetng's
/// guess, which is Windows-1252 for Latin-1 French. Valid UTF-8 wins over a declared
/// legacy charset because pages that mislabel UTF-8 as ISO-8859-1 are common, and
/// the opposite mistake (Latin-1 bytes that happen to form valid multi-byte UTF-8)
/// is all but impossible in French or English text.
///
/// Refuses inputs larger than [`MAX_INPUT_BYTES`], binary content (NUL bytes, or
/// more than 5% control characters) and inputs that are empty or only white space.
///
/// ```
/// // "Diéma" in Windows-1252.
/// assert_eq!(veille_ingest::decode_bytes(b"Di\xe9ma", None).unwrap(), "Diéma");
/// ```
pub fn decode_bytes(bytes: &[u8], declared: Option<&str>) -> Result<String, IngestErrorKind> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(IngestErrorKind::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    let text = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        encoding
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned()
    } else {
        // Without a BOM, UTF-16 is not supported, so a NUL byte means binary data.
        if bytes.contains(&0) {
            return Err(IngestErrorKind::Binary);
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => {
                let encoding = declared
                    .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
                    // A page cannot really be UTF-16 without a BOM when its meta tag
                    // was readable as ASCII: the HTML standard says to read it as UTF-8.
                    .map(|e| {
                        if e == UTF_16LE || e == UTF_16BE {
                            UTF_8
                        } else {
                            e
                        }
                    })
                    .unwrap_or_else(|| guess_encoding(bytes));
                encoding.decode_without_bom_handling(bytes).0.into_owned()
            }
        }
    };
    check_text(&text)?;
    Ok(text)
}

/// chardetng's guess for bytes that are not valid UTF-8.
fn guess_encoding(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Allow)
}

/// Refuses decoded text that is empty or looks binary.
pub(crate) fn check_text(text: &str) -> Result<(), IngestErrorKind> {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            return Err(IngestErrorKind::Binary);
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0c}') {
            control += 1;
        }
    }
    if control > 0 && control as f64 > total as f64 * MAX_CONTROL_SHARE {
        return Err(IngestErrorKind::Binary);
    }
    if text.trim().is_empty() {
        return Err(IngestErrorKind::Empty);
    }
    Ok(())
}

/// The charset an HTML page declares in its first 1024 bytes (`<meta charset=…>` or
/// `<meta http-equiv content="…; charset=…">`), as the HTML standard's prescan
/// looks for it.
///
/// ```
/// let page = b"<html><head><meta charset=\"ISO-8859-15\"></head>";
/// assert_eq!(veille_ingest::sniff_html_charset(page).as_deref(), Some("iso-8859-15"));
/// ```
pub fn sniff_html_charset(bytes: &[u8]) -> Option<String> {
    let head: Vec<u8> = bytes
        .iter()
        .take(1024)
        .map(u8::to_ascii_lowercase)
        .collect();
    let mut from = 0;
    while let Some(at) = find(&head[from..], b"charset") {
        let mut i = from + at + b"charset".len();
        from = i;
        while head.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
            i += 1;
        }
        if head.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while head
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            i += 1;
        }
        let start = i;
        while head
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(b))
        {
            i += 1;
        }
        if i > start {
            return Some(String::from_utf8_lossy(&head[start..i]).into_owned());
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode_bytes("Ségou, à l’aube".as_bytes(), None).unwrap(),
            "Ségou, à l’aube"
        );
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("Ménaka".as_bytes());
        assert_eq!(decode_bytes(&bytes, None).unwrap(), "Ménaka");
    }

    #[test]
    fn utf16_with_bom() {
        let text = "Attaque près de Gao\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode_bytes(&le, None).unwrap(), text);
        assert_eq!(decode_bytes(&be, None).unwrap(), text);
    }

    #[test]
    fn windows_1252_is_detected() {
        // "L'armée a repoussé l’attaque à Kidal." with é=E9, à=E0, ’=92.
        let bytes = b"L'arm\xe9e a repouss\xe9 l\x92attaque \xe0 Kidal, selon un communiqu\xe9 de l'\xe9tat-major.";
        assert_eq!(
            decode_bytes(bytes, None).unwrap(),
            "L'armée a repoussé l’attaque à Kidal, selon un communiqué de l'état-major."
        );
    }

    #[test]
    fn declared_charset_is_honoured_when_bytes_are_not_utf8() {
        // 0xA4 is '€' in ISO-8859-15 but '¤' in Windows-1252.
        assert_eq!(
            decode_bytes(b"Prix: 5 \xa4", Some("iso-8859-15")).unwrap(),
            "Prix: 5 €"
        );
        // A wrong label on valid UTF-8 is ignored.
        assert_eq!(
            decode_bytes("Tombouctou, été".as_bytes(), Some("iso-8859-1")).unwrap(),
            "Tombouctou, été"
        );
    }

    #[test]
    fn binary_empty_and_large_inputs_are_refused() {
        assert!(matches!(
            decode_bytes(b"PK\x03\x04\x00\x00abc", None),
            Err(IngestErrorKind::Binary)
        ));
        assert!(matches!(
            decode_bytes(b"\x01\x02\x03\x04\x05text", None),
            Err(IngestErrorKind::Binary)
        ));
        assert!(matches!(
            decode_bytes(b"", None),
            Err(IngestErrorKind::Empty)
        ));
        assert!(matches!(
            decode_bytes(b" \n\t\r\n ", None),
            Err(IngestErrorKind::Empty)
        ));
        assert!(matches!(
            decode_bytes(&[0xEF, 0xBB, 0xBF], None),
            Err(IngestErrorKind::Empty)
        ));
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        assert!(matches!(
            decode_bytes(&big, None),
            Err(IngestErrorKind::TooLarge { .. })
        ));
    }

    #[test]
    fn random_bytes_never_panic() {
        // xorshift64*: deterministic, no dependency.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            state.wrapping_mul(0x2545_F491_4F6C_DD1D)
        };
        for round in 0..3000 {
            let len = (next() % 300) as usize;
            let mut bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            // Half the rounds avoid NUL so that the decoders, not the NUL check, run.
            if round % 2 == 0 {
                bytes
                    .iter_mut()
                    .filter(|b| **b == 0)
                    .for_each(|b| *b = b' ');
            }
            if round % 7 == 0 {
                bytes.splice(0..0, [0xFF, 0xFE]);
            }
            let declared = ["utf-8", "windows-1252", "utf-16", "nonsense"][round % 4];
            let _ = decode_bytes(&bytes, Some(declared));
            let _ = decode_bytes(&bytes, None);
            let _ = sniff_html_charset(&bytes);
        }
    }

    #[test]
    fn charset_prescan() {
        let page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">";
        assert_eq!(sniff_html_charset(page).as_deref(), Some("windows-1252"));
        assert_eq!(sniff_html_charset(b"<p>charset is a word</p>"), None);
        assert_eq!(
            sniff_html_charset(b"<meta charset='UTF-8'>").as_deref(),
            Some("utf-8")
        );
    }
}
