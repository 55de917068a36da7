//! The article's language: French, English, or something veille does not read.

use veille_core::Lang;
use whatlang::{Detector, Script};

/// How much of the text the detector reads (in characters): the opening of an
/// article decides its language, and the cost stays flat for long ones.
const SAMPLE_CHARS: usize = 5000;

/// Detects the language of an article's text.
///
/// whatlang over all its languages first, so that a text clearly in another
/// language (German, Arabic…) is [`Lang::Other`]; otherwise whatlang limited to
/// French and English, which is far more accurate on short or name-heavy text.
/// Text without letters is `Other`.
///
/// ```
/// use veille_core::Lang;
/// assert_eq!(veille_clean::detect_lang("Des hommes armés ont attaqué le poste de gendarmerie."), Lang::Fr);
/// assert_eq!(veille_clean::detect_lang("Gunmen attacked the police station on Sunday night."), Lang::En);
/// ```
pub fn detect_lang(text: &str) -> Lang {
    let sample = text
        .char_indices()
        .nth(SAMPLE_CHARS)
        .map_or(text, |(i, _)| &text[..i]);
    match whatlang::detect_script(sample) {
        Some(Script::Latin) => {}
        _ => return Lang::Other,
    }
    if let Some(info) = whatlang::detect(sample)
        && !matches!(info.lang(), whatlang::Lang::Fra | whatlang::Lang::Eng)
        && info.is_reliable()
    {
        return Lang::Other;
    }
    match Detector::with_allowlist(vec![whatlang::Lang::Fra, whatlang::Lang::Eng])
        .detect_lang(sample)
    {
        Some(whatlang::Lang::Fra) => Lang::Fr,
        Some(whatlang::Lang::Eng) => Lang::En,
        _ => Lang::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_articles() {
        let fr = "Les forces armées ont repoussé une attaque contre leur position dans la nuit de samedi à dimanche. \
                  Selon une source sécuritaire, plusieurs assaillants ont été tués et du matériel a été récupéré.";
        let en = "The army said it repelled an attack on its base overnight. According to a security source, \
                  several attackers were killed and equipment was recovered after the fighting.";
        assert_eq!(detect_lang(fr), Lang::Fr);
        assert_eq!(detect_lang(en), Lang::En);
    }

    #[test]
    fn other_languages_and_no_letters() {
        let de = "Die Armee hat in der Nacht einen Angriff auf ihren Stützpunkt abgewehrt. Nach Angaben einer \
                  Sicherheitsquelle wurden mehrere Angreifer getötet und Ausrüstung sichergestellt.";
        let ar = "صد الجيش هجوما على قاعدته خلال الليل وقتل عدد من المهاجمين حسب مصدر أمني";
        assert_eq!(detect_lang(de), Lang::Other);
        assert_eq!(detect_lang(ar), Lang::Other);
        assert_eq!(detect_lang("12 / 34 — 56"), Lang::Other);
        assert_eq!(detect_lang(""), Lang::Other);
    }
}
