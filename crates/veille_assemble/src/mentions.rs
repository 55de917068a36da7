use veille_annotate::dates::{DateKind, DateMention, find_dates};
use veille_annotate::sentences::{self, Sentence};
use veille_annotate::tolls::{Toll, find_tolls};
use veille_core::{Article, Date, FoldedText};
use veille_gazetteer::Gazetteer;
use veille_geocode::PlaceMention;
use veille_lexicon::actors::{ActorLexicon, ActorMention};
use veille_lexicon::triggers::{Hit, ModalityScope, TriggerClass, Triggers};

/// Everything the annotators found in one article.
#[derive(Debug, Clone)]
pub struct Mentions {
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Trigger words.
    pub triggers: Vec<Hit<TriggerClass>>,
    /// Modality cues.
    pub modality: Vec<Hit<(ModalityScope, &'static str)>>,
    /// Resolved dates.
    pub dates: Vec<DateMention>,
    /// Casualty counts.
    pub tolls: Vec<Toll>,
    /// Actor mentions.
    pub actors: Vec<ActorMention>,
    /// Place mentions.
    pub places: Vec<PlaceMention>,
}

impl Mentions {
    /// Runs every annotator over the article's cleaned text. `today` bounds the
    /// year guessed for a weekday-dated event when the article has no date.
    pub fn collect(article: &Article, today: Date) -> Mentions {
        let text = article.text.as_str();
        let folded = FoldedText::new(text);
        let triggers = Triggers::embedded();
        let actors = ActorLexicon::embedded().find_all(text);
        // A name inside an actor's name is not a place: "Boko" in Boko Haram,
        // "Azawad" in the Front de libération de l'Azawad.
        let gaz = Gazetteer::embedded();
        let places = veille_geocode::find_place_mentions(gaz, text)
            .into_iter()
            .filter(|p| !actors.iter().any(|a| a.span.overlaps(p.span)))
            .filter(|p| !is_dateline_city(text, p))
            .filter(|p| !is_capital_in_passing(gaz, text, p))
            .collect();
        Mentions {
            sentences: sentences::split(text),
            triggers: triggers.find_triggers(text, &folded),
            modality: triggers.find_modality(text, &folded),
            dates: find_dates(text, &folded, article.published, today)
                .into_iter()
                // The dateline is when the article appeared, not an event: the
                // span the cleaner read it from, or the publication day written
                // out in full near the top.
                .filter(|d| article.published_span.is_none_or(|p| !p.overlaps(d.span)))
                .filter(|d| {
                    !(d.kind == DateKind::Full
                        && Some(d.date) == article.published
                        && d.span.start < 400)
                })
                .collect(),
            tolls: find_tolls(text, &folded),
            actors,
            places,
        }
    }
}

/// "NIAMEY, March 3 (Agency) -": the city a wire story was filed from, written
/// in capitals at the start of a line, is not where the event happened.
fn is_dateline_city(text: &str, p: &PlaceMention) -> bool {
    let name = p.span.slice(text);
    let line_start = text[..p.span.start].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..p.span.start].trim();
    let after = text[p.span.end..].trim_start();
    name.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && name.chars().filter(|c| c.is_alphabetic()).count() > 2
        && before.len() <= 12
        && after.starts_with([',', '-', '—', '–', '('])
}

/// A national capital named in passing ("l'approvisionnement de Bamako", "from
/// Niamey", "à 100 km au nord de Bamako") is a landmark, not the scene: only a
/// capital the text puts the event in ("à Bamako", "in Niamey") counts.
fn is_capital_in_passing(gaz: &Gazetteer, text: &str, p: &PlaceMention) -> bool {
    let is_capital = p
        .candidates
        .iter()
        .any(|id| gaz.place(*id).kind == veille_gazetteer::PlaceKind::Capital);
    if !is_capital || p.kind == veille_geocode::MentionKind::AdminArea {
        return false;
    }
    let before = FoldedText::new(&text[p.cue_span.start.min(p.span.start)..p.span.start]).folded;
    let before = before.trim();
    let locative = [
        "a",
        "in",
        "dans",
        "at",
        "sur",
        "inside",
        "en plein",
        "au coeur de",
        "ville de",
        "city of",
        "capitale",
        "capital",
    ];
    // No cue at all ("Bamako s'est réveillée sous les tirs") is kept.
    !before.is_empty()
        && !locative
            .iter()
            .any(|l| before == *l || before.ends_with(&format!(" {l}")))
}
