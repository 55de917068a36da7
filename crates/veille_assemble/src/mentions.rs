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
        let places = veille_geocode::find_place_mentions(Gazetteer::embedded(), text)
            .into_iter()
            .filter(|p| !actors.iter().any(|a| a.span.overlaps(p.span)))
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
                .filter(|d| !(d.kind == DateKind::Full && Some(d.date) == article.published && d.span.start < 400))
                .collect(),
            tolls: find_tolls(text, &folded),
            actors,
            places,
        }
    }
}
