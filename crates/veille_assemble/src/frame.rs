use crate::Mentions;
use crate::roles::{self, Sides};
use veille_annotate::dates::DateKind;
use veille_annotate::tolls::{Count, Outcome, Toll, Victims};
use veille_core::{Article, Country, Date, EventType, FoldedText, Span, SubEventType};
use veille_geocode::{MentionKind, PlaceMention};
use veille_lexicon::actors::{ActorKind, ActorLexicon, ActorMention};
use veille_lexicon::triggers::{ModalityScope, TriggerClass};

/// A side the article implies without naming it in the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenericActor {
    /// The state's military (named for the event's country and period).
    StateMilitary,
    /// The state's police and gendarmerie.
    StatePolice,
    /// The government.
    Government,
    /// "Unidentified Armed Group (country)".
    UnidentifiedArmed,
    /// "Civilians (country)".
    Civilians,
    /// "Protesters (country)".
    Protesters,
    /// "Rioters (country)".
    Rioters,
}

/// One side of an event.
#[derive(Debug, Clone, PartialEq)]
pub enum ActorSlot {
    /// An actor of the dictionary, named in the text (or resolved from a
    /// pronoun-like mention to the group the article names).
    Named {
        /// Index in [`ActorLexicon`].
        actor: usize,
        /// Where it is named.
        span: Span,
        /// A country the text ties it to ("soldats nigériens").
        country_hint: Option<Country>,
    },
    /// A generic side, named for the event's country.
    Generic {
        /// Which.
        kind: GenericActor,
        /// The words it came from, if any.
        span: Option<Span>,
        /// A country the text ties it to.
        country_hint: Option<Country>,
    },
}

impl ActorSlot {
    /// The evidence span, if any.
    pub fn span(&self) -> Option<Span> {
        match self {
            ActorSlot::Named { span, .. } => Some(*span),
            ActorSlot::Generic { span, .. } => *span,
        }
    }

    /// The country the text ties the actor to, if any.
    pub fn country_hint(&self) -> Option<Country> {
        match self {
            ActorSlot::Named { country_hint, .. } | ActorSlot::Generic { country_hint, .. } => {
                *country_hint
            }
        }
    }
}

/// One event as the text gives it, before geocoding and naming.
#[derive(Debug, Clone)]
pub struct EventFrame {
    /// ACLED sub-event type.
    pub sub_event_type: SubEventType,
    /// The trigger word that decided the type.
    pub trigger: Span,
    /// The sentence that introduced the event.
    pub sentence: Span,
    /// The day.
    pub date: Date,
    /// CODEBOOK time precision.
    pub time_precision: u8,
    /// Where the day was read, if in the text.
    pub date_span: Option<Span>,
    /// The side that acts.
    pub actor1: ActorSlot,
    /// The other side.
    pub actor2: Option<ActorSlot>,
    /// The place mention to geocode.
    pub place: PlaceMention,
    /// Deaths, all sides, most conservative reading.
    pub fatalities: u32,
    /// Lowest toll supported.
    pub fatalities_low: u32,
    /// Highest toll supported.
    pub fatalities_high: u32,
    /// The counts the toll was read from.
    pub toll_spans: Vec<Span>,
    /// Whether it came from a headline-like line only.
    pub from_title: bool,
    /// Frames cut from one sentence's list of places ("à Nioro, Niono et
    /// Gogui") share a group; a toll the sentence gives is split across it.
    pub group: usize,
}

#[derive(Debug, Clone)]
struct Draft {
    classes: Vec<(TriggerClass, Span)>,
    sentence: usize,
    /// The span of that sentence, as the sentence splitter cut it.
    sentence_span: Span,
    date: Option<(Date, u8, Option<Span>)>,
    sides: Sides,
    place: PlaceMention,
    tolls: Vec<(usize, Toll)>,
    vague_neutralized: Option<Span>,
    from_title: bool,
    group: usize,
}

fn is_headline(text: &str, s: Span) -> bool {
    let t = s.slice(text).trim();
    t.len() < 220 && !t.ends_with(['.', '!', '?', ':', '»', '"', '”'])
}

/// Sentences (headline and dateline included) that count as the story's lead.
const LEAD_SENTENCES: usize = 6;

/// Trigger classes that make an event by themselves, without a victim count or
/// an acting side in the sentence.
fn stands_alone(c: TriggerClass) -> bool {
    !matches!(c, TriggerClass::Kill)
}

/// Words that say the thing seized or found was a weapon or an explosive.
const WEAPON_WORDS: &[&str] = &[
    "ied",
    "ieds",
    "eei",
    "engin",
    "engins",
    "explosive",
    "explosives",
    "explosif",
    "explosifs",
    "mine",
    "mines",
    "weapons",
    "arms",
    "armes",
    "munitions",
    "ammunition",
    "cache",
    "bomb",
    "bombe",
];

/// Assembles the article's event frames.
pub fn assemble(article: &Article, m: &Mentions) -> Vec<EventFrame> {
    let text = article.text.as_str();
    let lex = ActorLexicon::embedded();
    let main_group = main_armed_group(m);
    let first_date = m.dates.first().map(|d| (d.date, d.precision, Some(d.span)));

    let mut drafts: Vec<Draft> = Vec::new();
    // The draft that sentences without their own place or day elaborate: the
    // last event told, or an earlier one the text has come back to by naming
    // its place again.
    let mut focus: Option<usize> = None;
    let mut pending_tolls: Vec<(usize, Toll)> = Vec::new();
    // The last place a sentence named, even one with no event word: "On 3 May,
    // soldiers conducted an operation in Ganguel. Two men were killed." sets
    // the scene the next sentence's event happens in.
    let mut scene: Option<(usize, PlaceMention)> = None;
    for (si, s) in m.sentences.iter().enumerate() {
        let span = s.span;
        if let Some(k) = m
            .places
            .iter()
            .filter(|p| span.contains(p.span))
            .find_map(|p| {
                drafts
                    .iter()
                    .rposition(|d| d.place.key == p.key && !d.from_title)
            })
        {
            focus = Some(k);
        }
        let blocked_all = m
            .modality
            .iter()
            .any(|c| span.contains(c.span) && c.value.0 == ModalityScope::Sentence);
        if blocked_all {
            continue;
        }
        let tolls: Vec<Toll> = m
            .tolls
            .iter()
            .filter(|t| span.contains(t.span))
            .copied()
            .collect();
        let killed = tolls.iter().any(|t| t.outcome == Outcome::Killed);
        let actors: Vec<&ActorMention> =
            m.actors.iter().filter(|a| span.contains(a.span)).collect();
        // A killing needs a victim or a killer in the sentence to be an event:
        // "la mort de l'imam" alone is not one.
        let victims_named = actors.iter().any(|a| {
            matches!(
                lex.actor(a.actor).kind,
                ActorKind::Civilians
                    | ActorKind::GenericCivilians
                    | ActorKind::State
                    | ActorKind::GenericMilitary
                    | ActorKind::ArmedGroup
                    | ActorKind::Militia
                    | ActorKind::GenericArmed
                    | ActorKind::External
            )
        });
        let places: Vec<&PlaceMention> =
            m.places.iter().filter(|p| span.contains(p.span)).collect();
        let own_date = m.dates.iter().find(|d| span.contains(d.span));
        let previous_scene = scene.clone();
        if let Some(p) = places
            .iter()
            .find(|p| !matches!(p.kind, MentionKind::AdminArea))
            .or(places.first())
        {
            scene = Some((si, (*p).clone()));
        }
        let scene = previous_scene;
        let classes: Vec<(TriggerClass, Span)> = m
            .triggers
            .iter()
            .filter(|t| span.contains(t.span))
            .filter(|t| {
                !m.modality.iter().any(|c| {
                    c.value.0 == ModalityScope::After
                        && c.span.end <= t.span.start
                        && t.span.start - c.span.end < 60
                        && span.contains(c.span)
                })
            })
            .filter(|t| stands_alone(t.value) || killed || victims_named)
            .map(|t| (t.value, t.span))
            .collect();
        // A blockade or a curfew is an event where it is announced or imposed;
        // elsewhere it is the background of the story ("the blockade of Bamako").
        let announced = classes.iter().any(|(c, _)| *c == TriggerClass::Announce);
        let classes: Vec<(TriggerClass, Span)> = classes
            .into_iter()
            .filter(|(c, _)| *c != TriggerClass::Announce)
            .filter(|(c, _)| {
                announced || !matches!(c, TriggerClass::Blockade | TriggerClass::Curfew)
            })
            .collect();
        if classes.is_empty() || (drafts.is_empty() && places.is_empty() && is_headline(text, span))
        {
            // A headline toll before any event is told ("11 morts dans
            // l'attaque…") belongs to the first event.
            if drafts.is_empty() {
                pending_tolls.extend(tolls.iter().map(|t| (si, *t)));
                if !classes.is_empty() {
                    continue;
                }
            }
            // A toll sentence with no trigger elaborates the event in focus.
            if let Some(last) = focus.and_then(|k| drafts.get_mut(k))
                && !tolls.is_empty()
                && si - last.sentence <= 3
            {
                last.tolls.extend(tolls.iter().map(|t| (si, *t)));
            }
            continue;
        }

        let headline = is_headline(text, span);
        // The sides are read around the first event word that has an actor
        // before it: a leading label ("Looting: … militants burned …") or a
        // noun before its subject would put every actor after it.
        let trigger_span = classes
            .iter()
            .map(|c| c.1)
            .find(|t| {
                actors.iter().any(|a| {
                    a.span.end <= t.start
                        && !matches!(
                            lex.actor(a.actor).kind,
                            ActorKind::Civilians | ActorKind::GenericCivilians
                        )
                })
            })
            .unwrap_or(classes[0].1);
        let sides = roles::assign(text, span, trigger_span, &m.actors);
        let vague_neutralized = classes
            .iter()
            .find(|(c, _)| *c == TriggerClass::Neutralize)
            .filter(|_| !tolls.iter().any(|t| t.outcome == Outcome::Killed))
            .map(|(_, s)| *s);

        // A sentence that dates its event but names no place may be the event
        // already told on that day ("l'embuscade de ce samedi").
        let same_day = own_date.and_then(|d| {
            drafts
                .iter()
                .rposition(|x| x.date.is_some_and(|(xd, _, _)| xd == d.date))
        });
        if places.is_empty() && (own_date.is_none() || same_day.is_some()) {
            if let Some(k) = same_day {
                focus = Some(k);
            }
            if let Some(last) = focus.and_then(|k| drafts.get_mut(k)) {
                let adjacent = si - last.sentence <= 1;
                // Elaboration: more on the event just told.
                last.tolls.extend(tolls.iter().map(|t| (si, *t)));
                // Only the next sentence may name the sides the event lacked:
                // further on, the story has moved to other actors.
                if last.sides.actor1.is_none() && adjacent {
                    last.sides.actor1 = sides.actor1;
                }
                if last.sides.actor2.is_none() && adjacent {
                    last.sides.actor2 = sides.actor2.filter(|a| {
                        last.sides
                            .actor1
                            .as_ref()
                            .is_none_or(|b| b.actor != a.actor)
                    });
                }
                if last.vague_neutralized.is_none() {
                    last.vague_neutralized = vague_neutralized;
                }
                // Its trigger words do not retype the event: "les combats ont
                // duré" after a drone strike is the same strike.
                continue;
            }
        }

        // Far from the lead, an undated sentence is background or commentary:
        // it starts no event of its own.
        if own_date.is_none() && si >= LEAD_SENTENCES && !drafts.is_empty() {
            continue;
        }
        // Places: after the trigger first (where it happened), then before it.
        let specific: Vec<&PlaceMention> = places
            .iter()
            .copied()
            .filter(|p| !matches!(p.kind, MentionKind::AdminArea))
            .collect();
        let pool = if specific.is_empty() {
            places.clone()
        } else {
            specific
        };
        let one_event_only = classes.iter().all(|(c, _)| {
            matches!(
                c,
                TriggerClass::Blockade
                    | TriggerClass::Curfew
                    | TriggerClass::Agreement
                    | TriggerClass::Withdrawal
            )
        });
        // An announcement names its places in any order: take the first.
        let first_place = if one_event_only {
            pool.first()
        } else {
            pool.iter()
                .find(|p| p.span.start >= classes[0].1.start)
                .or_else(|| pool.iter().rev().find(|p| p.span.end <= classes[0].1.start))
        };
        let chosen: Vec<PlaceMention> = if let Some(first) = first_place {
            enumeration(text, &pool, first)
        } else {
            let from_draft = drafts
                .last()
                .filter(|d| si - d.sentence <= 3)
                .map(|d| (d.sentence, d.place.clone()));
            // Only for the story's first event: later, a place named in passing
            // is more often background than the scene.
            let from_scene = scene
                .clone()
                .filter(|(at, _)| si - at <= 1 && drafts.is_empty());
            // The nearer of the two.
            let inherited = match (from_draft, from_scene) {
                (Some(d), Some(sc)) => Some(if sc.0 > d.0 { sc.1 } else { d.1 }),
                (d, sc) => d.or(sc).map(|x| x.1),
            };
            match inherited {
                Some(p) => vec![p],
                None => continue,
            }
        };
        let date = own_date
            .map(|d| match &d.kind {
                DateKind::List(days) => {
                    // Days listed with no day-by-day account: the middle, as a range.
                    let mid = days[days.len() / 2];
                    (mid, 2, Some(d.span))
                }
                _ => (d.date, d.precision, Some(d.span)),
            })
            .or_else(|| {
                drafts
                    .last()
                    .filter(|d| si - d.sentence <= 4)
                    .and_then(|d| d.date)
            })
            .or(first_date)
            .or_else(|| article.published.map(|p| (p, 1, None)));
        if date.is_none() {
            continue;
        }
        let simultaneous = chosen.len() > 1;
        focus = Some(drafts.len());
        for (k, place) in chosen.into_iter().enumerate() {
            if k > 0 && one_event_only {
                break;
            }
            drafts.push(Draft {
                classes: classes.clone(),
                sentence: si,
                sentence_span: span,
                date,
                sides: sides.clone(),
                place,
                // A toll for several places is split later; keep it on each.
                tolls: if simultaneous && k > 0 {
                    Vec::new()
                } else {
                    std::mem::take(&mut pending_tolls)
                        .into_iter()
                        .chain(tolls.iter().map(|t| (si, *t)))
                        .collect()
                },
                vague_neutralized,
                from_title: headline,
                group: si,
            });
        }
    }

    let mut frames: Vec<EventFrame> = drafts
        .into_iter()
        .filter_map(|d| finish(text, d, main_group.as_ref()))
        .collect();
    split_shared_tolls(&mut frames);
    // A headline repeats the story's main event: keep it only when the body
    // tells no event of its type.
    let body_types: Vec<EventType> = frames
        .iter()
        .filter(|f| !f.from_title)
        .map(|f| f.sub_event_type.event_type())
        .collect();
    // Its toll still counts when the body gives none ("11 morts dans l'embuscade…").
    let title_tolls: Vec<(EventType, u32, u32, u32, Vec<Span>)> = frames
        .iter()
        .filter(|f| f.from_title && f.fatalities > 0)
        .map(|f| {
            (
                f.sub_event_type.event_type(),
                f.fatalities,
                f.fatalities_low,
                f.fatalities_high,
                f.toll_spans.clone(),
            )
        })
        .collect();
    frames.retain(|f| !f.from_title || !body_types.contains(&f.sub_event_type.event_type()));
    for (t, v, lo, hi, spans) in title_tolls {
        if let Some(f) = frames
            .iter_mut()
            .find(|f| !f.from_title && f.sub_event_type.event_type() == t && f.fatalities == 0)
        {
            f.fatalities = v;
            f.fatalities_low = lo;
            f.fatalities_high = hi;
            f.toll_spans = spans;
        }
    }
    frames
}

/// CODEBOOK §6: a total that covers several events (several places on one
/// day) is split evenly, the remainder on the first. The assembler gives a
/// list's toll to its first place; this spreads it over the group.
fn split_shared_tolls(frames: &mut [EventFrame]) {
    let mut start = 0;
    while start < frames.len() {
        let group = frames[start].group;
        let end = start
            + frames[start..]
                .iter()
                .take_while(|f| f.group == group)
                .count();
        let n = (end - start) as u32;
        if n > 1 {
            let total = frames[start].fatalities;
            for (k, f) in frames[start..end].iter_mut().enumerate() {
                f.fatalities = total / n + if k == 0 { total % n } else { 0 };
                f.fatalities_low = f.fatalities_low.min(f.fatalities);
                f.fatalities_high = f.fatalities_high.max(f.fatalities);
            }
        }
        start = end;
    }
}

/// The places enumerated with `first` ("à Ségou, San et Bla").
fn enumeration(text: &str, pool: &[&PlaceMention], first: &PlaceMention) -> Vec<PlaceMention> {
    let mut out = vec![first.clone()];
    if !matches!(first.kind, MentionKind::At) {
        return out;
    }
    let mut last = first.span;
    for p in pool.iter().filter(|p| p.span.start > first.span.start) {
        let between = text.get(last.end..p.span.start).unwrap_or("x");
        let b = FoldedText::new(between).folded;
        let b = b.trim();
        let joined = matches!(
            b,
            "," | "et" | "and" | ", et" | ", and" | "ou" | "or" | "et de" | "et a" | ", de" | ", a"
        ) || b.is_empty();
        // "(Bankass, Mopti)" after a village names its cercle and region, not
        // more places attacked.
        let in_brackets = text[..p.span.start].rfind('(') > text[..p.span.start].rfind(')');
        if joined && matches!(p.kind, MentionKind::At) && !in_brackets {
            out.push((*p).clone());
            last = p.span;
        } else {
            break;
        }
    }
    out
}

/// The named armed group the article is about: most mentioned, first on a tie.
fn main_armed_group(m: &Mentions) -> Option<ActorMention> {
    let lex = ActorLexicon::embedded();
    let groups: Vec<&ActorMention> = m
        .actors
        .iter()
        .filter(|a| matches!(lex.actor(a.actor).kind, ActorKind::ArmedGroup))
        .collect();
    let mut best: Option<(&ActorMention, usize)> = None;
    for g in &groups {
        let n = groups.iter().filter(|x| x.actor == g.actor).count();
        if best.is_none_or(|(_, bn)| n > bn) {
            best = Some((g, n));
        }
    }
    best.map(|(g, _)| *g)
}

fn slot_from(m: &ActorMention, main_group: Option<&ActorMention>) -> ActorSlot {
    let lex = ActorLexicon::embedded();
    let kind = lex.actor(m.actor).kind;
    let hint = m.country_hint;
    match kind {
        ActorKind::GenericArmed => match main_group {
            Some(g) => ActorSlot::Named {
                actor: g.actor,
                span: m.span,
                country_hint: hint,
            },
            None => ActorSlot::Generic {
                kind: GenericActor::UnidentifiedArmed,
                span: Some(m.span),
                country_hint: hint,
            },
        },
        // Generic state words keep their dictionary entry: "gendarmes" are police.
        _ => ActorSlot::Named {
            actor: m.actor,
            span: m.span,
            country_hint: hint,
        },
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    State,
    Armed,
    Civilian,
    Crowd,
    Unknown,
}

fn side_of(slot: Option<&ActorSlot>) -> Side {
    let lex = ActorLexicon::embedded();
    match slot {
        None => Side::Unknown,
        Some(ActorSlot::Generic { kind, .. }) => match kind {
            GenericActor::StateMilitary | GenericActor::StatePolice | GenericActor::Government => {
                Side::State
            }
            GenericActor::UnidentifiedArmed => Side::Armed,
            GenericActor::Civilians => Side::Civilian,
            GenericActor::Protesters | GenericActor::Rioters => Side::Crowd,
        },
        Some(ActorSlot::Named { actor, .. }) => match lex.actor(*actor).kind {
            ActorKind::State | ActorKind::External | ActorKind::GenericMilitary => Side::State,
            ActorKind::ArmedGroup | ActorKind::Militia | ActorKind::GenericArmed => Side::Armed,
            ActorKind::Civilians | ActorKind::GenericCivilians => Side::Civilian,
            ActorKind::Protesters | ActorKind::Rioters => Side::Crowd,
        },
    }
}

/// Words that say the target was a military position or an escorted convoy.
const MILITARY_TARGET_WORDS: &[&str] = &[
    "camp",
    "poste",
    "position",
    "positions",
    "base",
    "caserne",
    "garnison",
    "patrouille",
    "escorte",
    "escorted",
    "checkpoint",
    "post",
    "outpost",
    "patrol",
    "barracks",
    "detachement",
    "convoi militaire",
    "military convoy",
    "unite",
    "unit",
    "brigade",
    "soldats",
    "soldiers",
    "troops",
    "militaires",
];
/// Words that say the target was civilian.
const CIVILIAN_TARGET_WORDS: &[&str] = &[
    "village",
    "villages",
    "vehicle",
    "vehicles",
    "vehicule",
    "vehicules",
    "transport",
    "community",
    "communaute",
    "man",
    "woman",
    "men",
    "women",
    "homme",
    "femme",
    "hommes",
    "femmes",
    "people",
    "personnes",
    "person",
    "personne",
    "dogon",
    "fulani",
    "peul",
    "peuls",
    "bambara",
    "tuareg",
    "bellah",
    "driver",
    "drivers",
    "chauffeur",
    "chauffeurs",
    "houses",
    "maisons",
    "shed",
    "livestock",
    "betail",
    "herder",
    "herders",
    "berger",
    "bergers",
    "trader",
    "traders",
    "shop",
    "shops",
    "boutique",
    "boutiques",
    "farmer",
    "farmers",
    "cultivateur",
    "cultivateurs",
    "bateau",
    "boat",
    "pirogue",
    "car",
    "minibus",
    "autocar",
    "marche",
    "market",
    "civils",
    "civilians",
    "villageois",
    "villagers",
    "habitants",
    "residents",
    "population",
    "bus",
    "passagers",
    "passengers",
    "mosquee",
    "mosque",
    "eglise",
    "church",
    "ecole",
    "school",
    "fideles",
    "worshippers",
    "orpailleurs",
    "site d orpaillage",
];

fn has_word(folded: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        folded.match_indices(w).any(|(i, _)| {
            let before = folded[..i].chars().next_back();
            let after = folded[i + w.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

fn finish(text: &str, d: Draft, main_group: Option<&ActorMention>) -> Option<EventFrame> {
    let (date, time_precision, date_span) = d.date?;
    let sent_span = d.classes.first().map(|c| c.1)?;

    let mut actor1 = d.sides.actor1.as_ref().map(|a| slot_from(a, main_group));
    let mut actor2 = d.sides.actor2.as_ref().map(|a| slot_from(a, main_group));
    let killed: Vec<&Toll> = d
        .tolls
        .iter()
        .map(|(_, t)| t)
        .filter(|t| t.outcome == Outcome::Killed)
        .collect();
    let victims_civilian = killed.iter().any(|t| t.victims == Victims::Civilian);
    let victims_armed = killed
        .iter()
        .any(|t| matches!(t.victims, Victims::Military | Victims::Militant));
    // "Two people were killed": in an attack with no soldier named, people are civilians.
    let victims_people = killed.iter().any(|t| t.victims == Victims::Unknown);

    let classes: Vec<TriggerClass> = d.classes.iter().map(|c| c.0).collect();
    let has = |c: TriggerClass| classes.contains(&c);
    let folded_sentence = FoldedText::new(d.sentence_span.slice(text)).folded;

    // Pick the sub-event type (CODEBOOK §2 and its precedence).
    let s1 = side_of(actor1.as_ref());
    let s2 = side_of(actor2.as_ref());
    let target_civilian = s2 == Side::Civilian
        || (s2 == Side::Unknown && victims_civilian && !victims_armed)
        || (s2 == Side::Unknown
            && victims_people
            && !victims_armed
            && !has_word(&folded_sentence, MILITARY_TARGET_WORDS))
        || (s2 == Side::Unknown
            && !victims_armed
            && has_word(&folded_sentence, CIVILIAN_TARGET_WORDS)
            && !has_word(&folded_sentence, MILITARY_TARGET_WORDS));
    // State forces killing people who are not fighters: violence against civilians.
    let target_civilian = target_civilian
        || (s1 == Side::State
            && s2 != Side::Armed
            && (victims_people || victims_civilian)
            && !victims_armed);
    let fight = has(TriggerClass::Clash) || has(TriggerClass::Ambush);
    let weapons_found = has(TriggerClass::WeaponsSeized)
        && has_word(&folded_sentence, WEAPON_WORDS)
        && killed.is_empty();
    let property_only = (has(TriggerClass::Looting) || has(TriggerClass::Destruction))
        && killed.is_empty()
        && !fight;
    let violent = fight
        || has(TriggerClass::Attack)
        || has(TriggerClass::Kill)
        || has(TriggerClass::Neutralize);
    use SubEventType as T;
    let sub = if (fight && !target_civilian) || (fight && s1 == Side::State && s2 == Side::Armed) {
        T::ArmedClash
    } else if weapons_found {
        // An explosive found or defused before it went off.
        T::DisruptedWeaponsUse
    } else if has(TriggerClass::AirStrike) {
        T::AirDroneStrike
    } else if has(TriggerClass::Shelling) {
        T::ShellingArtilleryMissileAttack
    } else if has(TriggerClass::Suicide) {
        T::SuicideBomb
    } else if has(TriggerClass::Grenade) {
        T::Grenade
    } else if has(TriggerClass::Ied) {
        T::RemoteExplosiveLandmineIed
    } else if (has(TriggerClass::Protest) || has(TriggerClass::Riot) || has(TriggerClass::Mob))
        && !fight
        && !matches!(s1, Side::Armed | Side::State)
    {
        // People marching against attacks, or rioting, are the event; the
        // attacks they name are its cause.
        if has(TriggerClass::Mob) {
            T::MobViolence
        } else if has(TriggerClass::Riot)
            || has(TriggerClass::Destruction)
            || has(TriggerClass::Looting)
        {
            T::ViolentDemonstration
        } else {
            T::PeacefulProtest
        }
    } else if has(TriggerClass::Takeover) && s1 != Side::State {
        T::NonStateActorOvertakesTerritory
    } else if has(TriggerClass::Retake) && s1 == Side::State {
        T::GovernmentRegainsTerritory
    } else if property_only
        && !has(TriggerClass::Abduction)
        && (target_civilian || s2 == Side::Unknown)
        && !has(TriggerClass::Kill)
    {
        // A village raided for its livestock, with no one hurt.
        T::LootingPropertyDestruction
    } else if violent {
        if target_civilian && s1 != Side::Civilian {
            T::Attack
        } else if has(TriggerClass::Abduction) && !victims_armed && !has(TriggerClass::Attack) {
            T::AbductionForcedDisappearance
        } else {
            T::ArmedClash
        }
    } else if has(TriggerClass::Abduction) {
        T::AbductionForcedDisappearance
    } else if has(TriggerClass::Mob) {
        T::MobViolence
    } else if has(TriggerClass::Riot) {
        T::ViolentDemonstration
    } else if has(TriggerClass::Protest) {
        T::PeacefulProtest
    } else if has(TriggerClass::Destruction) || has(TriggerClass::Looting) {
        T::LootingPropertyDestruction
    } else if has(TriggerClass::Arrest) {
        T::Arrests
    } else if has(TriggerClass::Blockade) || has(TriggerClass::Curfew) {
        T::ChangeToGroupActivity
    } else if has(TriggerClass::WeaponsSeized) {
        T::DisruptedWeaponsUse
    } else if has(TriggerClass::Withdrawal) {
        T::NonViolentTransferOfTerritory
    } else if has(TriggerClass::Agreement) {
        T::Agreement
    } else {
        return None;
    };
    let trigger = d
        .classes
        .iter()
        .find(|(c, _)| class_fits(*c, sub))
        .map_or(sent_span, |c| c.1);

    // One actor named twice is one side.
    if let (Some(ActorSlot::Named { actor: a, .. }), Some(ActorSlot::Named { actor: b, .. })) =
        (&actor1, &actor2)
        && a == b
    {
        actor2 = None;
    }
    // Defaults for missing sides.
    let main_slot = |span: Option<Span>| match main_group {
        Some(g) => ActorSlot::Named {
            actor: g.actor,
            span: span.or(Some(g.span)).unwrap_or(g.span),
            country_hint: None,
        },
        None => ActorSlot::Generic {
            kind: GenericActor::UnidentifiedArmed,
            span,
            country_hint: None,
        },
    };
    let generic = |kind| ActorSlot::Generic {
        kind,
        span: None,
        country_hint: None,
    };
    match sub.event_type() {
        EventType::Battles | EventType::ExplosionsRemoteViolence => {
            // An air strike in the Sahel is the state's.
            if actor1.is_none() && sub == T::AirDroneStrike {
                actor1 = Some(generic(GenericActor::StateMilitary));
            }
            if side_of(actor1.as_ref()) == Side::Civilian {
                actor2 = actor1.take();
            }
            if actor1.is_none() {
                actor1 = Some(match side_of(actor2.as_ref()) {
                    Side::Armed => generic(GenericActor::StateMilitary),
                    _ => main_slot(None),
                });
            }
            if actor2.is_none() && sub.event_type() == EventType::Battles {
                actor2 = Some(match side_of(actor1.as_ref()) {
                    Side::State => main_slot(None),
                    _ => generic(GenericActor::StateMilitary),
                });
            }
            if actor2.is_none() && victims_civilian {
                actor2 = Some(generic(GenericActor::Civilians));
            }
        }
        EventType::ViolenceAgainstCivilians => {
            if side_of(actor1.as_ref()) == Side::Civilian {
                actor2 = actor1.take();
            }
            if actor1.is_none() {
                actor1 = Some(main_slot(None));
            }
            if side_of(actor2.as_ref()) != Side::Civilian {
                let hint = actor2.as_ref().and_then(ActorSlot::country_hint);
                actor2 = Some(ActorSlot::Generic {
                    kind: GenericActor::Civilians,
                    span: actor2.as_ref().and_then(ActorSlot::span),
                    country_hint: hint,
                });
            }
        }
        EventType::Protests => {
            actor1 = Some(ActorSlot::Generic {
                kind: GenericActor::Protesters,
                span: None,
                country_hint: actor1.as_ref().and_then(ActorSlot::country_hint),
            });
            actor2 = None;
        }
        EventType::Riots => {
            actor1 = Some(ActorSlot::Generic {
                kind: GenericActor::Rioters,
                span: None,
                country_hint: None,
            });
            if side_of(actor2.as_ref()) == Side::Crowd {
                actor2 = None;
            }
        }
        EventType::StrategicDevelopments => {
            if actor1.is_none() || side_of(actor1.as_ref()) == Side::Civilian {
                actor1 = Some(match sub {
                    T::Arrests => generic(GenericActor::StatePolice),
                    T::LootingPropertyDestruction | T::ChangeToGroupActivity => main_slot(None),
                    T::DisruptedWeaponsUse => generic(GenericActor::StateMilitary),
                    _ => main_slot(None),
                });
            }
            if matches!(sub, T::Arrests | T::ChangeToGroupActivity) {
                actor2 = None;
            }
            // Property burned or looted with no fight belongs to civilians.
            if sub == T::LootingPropertyDestruction && actor2.is_none() {
                actor2 = Some(generic(GenericActor::Civilians));
            }
        }
    }
    if let (Some(ActorSlot::Named { actor: a, .. }), Some(ActorSlot::Named { actor: b, .. })) =
        (&actor1, &actor2)
        && a == b
    {
        actor2 = None;
    }

    // Fatalities: per victim group, the largest count any sentence gives (counts
    // in one sentence add up); groups add up; a count of unspecified people
    // stands for the total when it is larger.
    let large = sub.event_type() == EventType::Battles;
    let (fatalities, low, high, spans) = combine_tolls(&d.tolls, large, d.vague_neutralized);
    Some(EventFrame {
        sub_event_type: sub,
        trigger,
        sentence: d.sentence_span,
        date,
        time_precision,
        date_span,
        actor1: actor1?,
        actor2,
        place: d.place,
        fatalities,
        fatalities_low: low,
        fatalities_high: high,
        toll_spans: spans,
        from_title: d.from_title,
        group: d.group,
    })
}

fn class_fits(c: TriggerClass, sub: SubEventType) -> bool {
    use SubEventType as T;
    use TriggerClass as C;
    match sub {
        T::ArmedClash => matches!(
            c,
            C::Clash | C::Ambush | C::Attack | C::Kill | C::Neutralize
        ),
        T::AirDroneStrike => c == C::AirStrike,
        T::ShellingArtilleryMissileAttack => c == C::Shelling,
        T::SuicideBomb => c == C::Suicide,
        T::Grenade => c == C::Grenade,
        T::RemoteExplosiveLandmineIed => c == C::Ied,
        T::Attack => matches!(c, C::Attack | C::Kill | C::Ambush | C::Clash),
        T::AbductionForcedDisappearance => c == C::Abduction,
        T::PeacefulProtest => c == C::Protest,
        T::ViolentDemonstration => c == C::Riot,
        T::MobViolence => c == C::Mob,
        T::LootingPropertyDestruction => matches!(c, C::Destruction | C::Looting),
        T::Arrests => c == C::Arrest,
        T::ChangeToGroupActivity => matches!(c, C::Blockade | C::Curfew),
        T::DisruptedWeaponsUse => c == C::WeaponsSeized,
        T::NonViolentTransferOfTerritory => c == C::Withdrawal,
        T::Agreement => c == C::Agreement,
        T::NonStateActorOvertakesTerritory => c == C::Takeover,
        T::GovernmentRegainsTerritory => c == C::Retake,
        _ => false,
    }
}

fn combine_tolls(
    tolls: &[(usize, Toll)],
    large: bool,
    vague_neutralized: Option<Span>,
) -> (u32, u32, u32, Vec<Span>) {
    use std::collections::BTreeMap;
    let mut per_sentence: BTreeMap<(usize, u8), (u32, u32, u32)> = BTreeMap::new();
    let mut spans = Vec::new();
    for (si, t) in tolls.iter().filter(|(_, t)| t.outcome == Outcome::Killed) {
        let group = match t.victims {
            Victims::Military => 0,
            Victims::Militant => 1,
            Victims::Civilian => 2,
            Victims::Unknown => 3,
        };
        let (v, lo, hi) = match t.count {
            Count::Exact(n) => (n, n, n),
            Count::Vague { small, large: l } => (t.count.value(large), small, l),
        };
        let e = per_sentence.entry((*si, group)).or_default();
        e.0 += v;
        e.1 += lo;
        e.2 += hi;
        spans.push(t.span);
    }
    // Between the counts different sentences give for one group, the most
    // conservative (CODEBOOK §6: competing claims).
    let mut best: [Option<(u32, u32, u32)>; 4] = [None; 4];
    for ((_, g), (v, lo, hi)) in per_sentence {
        let b = &mut best[g as usize];
        if b.is_none_or(|b| v < b.0) {
            *b = Some((v, lo, hi));
        }
    }
    let best = best.map(|b| b.unwrap_or((0, 0, 0)));
    let known = (
        best[0].0 + best[1].0 + best[2].0,
        best[0].1 + best[1].1 + best[2].1,
        best[0].2 + best[1].2 + best[2].2,
    );
    let mut total = if best[3].0 > known.0 { best[3] } else { known };
    if total.0 == 0
        && let Some(span) = vague_neutralized
    {
        // "neutralisés" with no number: CODEBOOK §6 reads it as "plusieurs".
        let v = if large { 10 } else { 3 };
        total = (v, 3, 10);
        spans.push(span);
    }
    (total.0, total.1.min(total.0), total.2.max(total.0), spans)
}
