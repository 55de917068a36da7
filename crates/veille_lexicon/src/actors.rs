//! The actor dictionary: every name, acronym and pronoun-like phrase that points
//! at a side of an event, with the ACLED name and inter code it stands for
//! (CODEBOOK.md §3).
//!
//! - `assets/actors.tsv`: named groups, militias, external forces, and the
//!   generic words ("hommes armés", "soldiers", "villageois") whose ACLED name
//!   depends on the event's country;
//! - `assets/state_forces.tsv`: each country's military, police and government,
//!   named by government period ("Military Forces of Mali (2021-)"), plus the
//!   external actors whose name also carries a period (MINUSMA, France);
//! - `assets/demonyms.tsv`: nationality words ("malienne", "Nigerien") that give
//!   a generic mention its country.
//!
//! All aliases go into one Aho-Corasick automaton over folded text; a mention is
//! the leftmost-longest alias that starts and ends on word boundaries.

use crate::{LexiconError, TsvRow, parse_tsv};
use aho_corasick::AhoCorasick;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::OnceLock;
use veille_core::{Country, Date, FoldedText, Span, fold};

/// What kind of side an actor is; decides how its ACLED name is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A named non-state group: JNIM, Islamic State Sahel Province, FLA, GATIA.
    ArmedGroup,
    /// A country's military, police or government (from `state_forces.tsv`).
    State,
    /// A communal or ethnic militia: Dozo, Dan Na Ambassagou, Fulani militia.
    Militia,
    /// Foreign or international forces: MINUSMA, France, Wagner, Africa Corps.
    External,
    /// Civilians named as such ("civils", "civilians").
    Civilians,
    /// Protesters ("manifestants").
    Protesters,
    /// Rioters ("émeutiers").
    Rioters,
    /// Attackers not named as a group: "hommes armés", "gunmen", "jihadistes".
    GenericArmed,
    /// State forces not tied to a country by their words: "l'armée", "gendarmes",
    /// "le gouvernement"; the event's country (or a demonym) completes them.
    GenericMilitary,
    /// People named by role: "villageois", "orpailleurs", "traders".
    GenericCivilians,
}

impl ActorKind {
    /// The `kind` column's spelling.
    pub fn label(self) -> &'static str {
        match self {
            ActorKind::ArmedGroup => "armed_group",
            ActorKind::State => "state",
            ActorKind::Militia => "militia",
            ActorKind::External => "external",
            ActorKind::Civilians => "civilians",
            ActorKind::Protesters => "protesters",
            ActorKind::Rioters => "rioters",
            ActorKind::GenericArmed => "generic_armed",
            ActorKind::GenericMilitary => "generic_military",
            ActorKind::GenericCivilians => "generic_civilians",
        }
    }

    const ALL: [ActorKind; 10] = [
        ActorKind::ArmedGroup,
        ActorKind::State,
        ActorKind::Militia,
        ActorKind::External,
        ActorKind::Civilians,
        ActorKind::Protesters,
        ActorKind::Rioters,
        ActorKind::GenericArmed,
        ActorKind::GenericMilitary,
        ActorKind::GenericCivilians,
    ];

    fn parse(s: &str) -> Option<ActorKind> {
        ActorKind::ALL.into_iter().find(|k| k.label() == s)
    }

    /// Whether a nationality word next to a mention of this kind says whose it is
    /// ("soldats nigériens", "civils maliens"); named groups carry no nationality.
    fn takes_country_hint(self) -> bool {
        !matches!(self, ActorKind::ArmedGroup | ActorKind::External)
    }
}

/// Which arm of a state an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Force {
    /// "Military Forces of …".
    Military,
    /// "Police Forces of …": police, gendarmerie, national guard, customs.
    Police,
    /// "Government of …".
    Government,
}

impl Force {
    /// The `force` column's spelling.
    pub fn label(self) -> &'static str {
        match self {
            Force::Military => "military",
            Force::Police => "police",
            Force::Government => "government",
        }
    }

    fn parse(s: &str) -> Option<Force> {
        [Force::Military, Force::Police, Force::Government]
            .into_iter()
            .find(|f| f.label() == s)
    }

    /// ACLED's name before the country: "Military Forces of ".
    fn name_prefix(self) -> &'static str {
        match self {
            Force::Military => "Military Forces of ",
            Force::Police => "Police Forces of ",
            Force::Government => "Government of ",
        }
    }
}

/// One actor of the dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Stable key: the `id` column, or `ml_military`-style for state forces.
    pub id: String,
    /// ACLED's name, possibly a `{country}` template; the latest period's name
    /// for actors named by period. Use [`ActorLexicon::canonical_name`] for an event.
    pub canonical: String,
    /// ACLED inter code, 1–8.
    pub inter: u8,
    /// What kind of side it is.
    pub kind: ActorKind,
    /// The home country, when the actor belongs to one.
    pub country: Option<Country>,
    /// For state forces and generic state words: which arm.
    pub force: Option<Force>,
}

/// An actor named in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorMention {
    /// The words, in the original text.
    pub span: Span,
    /// Index of the actor ([`ActorLexicon::actor`]).
    pub actor: usize,
    /// The country a nationality word right next to the mention names
    /// ("l'armée malienne", "Nigerien soldiers" → Niger); only for state,
    /// militia, civilian and generic mentions.
    pub country_hint: Option<Country>,
}

/// One government period of a period-named actor.
#[derive(Debug, Clone)]
struct Period {
    from: Option<Date>,
    to: Option<Date>,
    canonical: String,
    line: usize,
}

/// What an automaton pattern stands for.
#[derive(Debug, Clone)]
struct Pattern {
    actor: usize,
    /// The alias as written, when it must match with its exact case (`=EI`).
    exact: Option<String>,
}

/// The parsed dictionary, with its compiled alias automaton.
#[derive(Debug, Clone)]
pub struct ActorLexicon {
    actors: Vec<Actor>,
    by_id: HashMap<String, usize>,
    state_periods: HashMap<(Country, Force), Vec<Period>>,
    actor_periods: HashMap<usize, Vec<Period>>,
    automaton: AhoCorasick,
    patterns: Vec<Pattern>,
    demonyms: HashMap<String, Country>,
    demonym_max_words: usize,
}

const ACTORS: &str = include_str!("../assets/actors.tsv");
const STATE_FORCES: &str = include_str!("../assets/state_forces.tsv");
const DEMONYMS: &str = include_str!("../assets/demonyms.tsv");

const ACTORS_FILE: &str = "actors.tsv";
const STATE_FILE: &str = "state_forces.tsv";
const DEMONYMS_FILE: &str = "demonyms.tsv";

/// How far after a mention a nationality word may stand, in words.
const HINT_WINDOW_WORDS: usize = 3;

/// Characters that end the stretch of text a nationality word may come from:
/// across them the word describes something else ("l'armée, des civils maliens").
const HINT_STOPPERS: &[char] = &['.', ',', ';', ':', '!', '?', '(', ')', '\n', '"', '«', '»'];

/// Aliases gathered while parsing, checked for clashes before compiling.
#[derive(Default)]
struct AliasTable {
    folded: Vec<String>,
    patterns: Vec<Pattern>,
    owner: HashMap<String, usize>,
}

impl AliasTable {
    /// Adds the `|`-separated aliases of one row for `actor`.
    fn add_cell(
        &mut self,
        cell: &str,
        actor: usize,
        actors: &[Actor],
        row: &TsvRow,
        file: &str,
    ) -> Result<(), LexiconError> {
        for alias in cell.split('|').map(str::trim).filter(|a| !a.is_empty()) {
            let (written, exact) = match alias.strip_prefix('=') {
                Some(rest) => (rest.trim(), true),
                None => (alias, false),
            };
            let key = fold(written);
            if key.is_empty() {
                return Err(row.error(file, format!("alias {alias:?} folds to nothing")));
            }
            match self.owner.entry(key.clone()) {
                Entry::Occupied(e) if *e.get() == actor => {
                    return Err(row.error(
                        file,
                        format!("alias {alias:?} is listed twice (folded: {key:?})"),
                    ));
                }
                Entry::Occupied(e) => {
                    let other = &actors[*e.get()].id;
                    return Err(row.error(file, format!("alias {alias:?} already names {other}")));
                }
                Entry::Vacant(e) => {
                    e.insert(actor);
                }
            }
            self.folded.push(key);
            self.patterns.push(Pattern {
                actor,
                exact: exact.then(|| written.to_string()),
            });
        }
        Ok(())
    }
}

impl ActorLexicon {
    /// The embedded dictionary, parsed and compiled once.
    pub fn embedded() -> &'static ActorLexicon {
        static LEX: OnceLock<ActorLexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            ActorLexicon::parse(ACTORS, STATE_FORCES)
                .expect("embedded actor assets are checked by tests")
        })
    }

    /// Parses an actor table and a state-forces table, with the embedded
    /// demonyms.
    pub fn parse(actors_tsv: &str, state_forces_tsv: &str) -> Result<ActorLexicon, LexiconError> {
        ActorLexicon::parse_with_demonyms(actors_tsv, state_forces_tsv, DEMONYMS)
    }

    /// Parses the three tables.
    pub fn parse_with_demonyms(
        actors_tsv: &str,
        state_forces_tsv: &str,
        demonyms_tsv: &str,
    ) -> Result<ActorLexicon, LexiconError> {
        let mut actors: Vec<Actor> = Vec::new();
        let mut by_id = HashMap::new();
        let mut aliases = AliasTable::default();

        let header = ["id", "canonical", "inter", "kind", "country", "aliases"];
        for row in parse_tsv(ACTORS_FILE, actors_tsv, &header)? {
            let actor = parse_actor_row(&row)?;
            if by_id.insert(actor.id.clone(), actors.len()).is_some() {
                return Err(row.error(ACTORS_FILE, format!("duplicate id {:?}", actor.id)));
            }
            actors.push(actor);
            aliases.add_cell(row.get(5), actors.len() - 1, &actors, &row, ACTORS_FILE)?;
        }

        let mut state_periods: HashMap<(Country, Force), Vec<Period>> = HashMap::new();
        let mut actor_periods: HashMap<usize, Vec<Period>> = HashMap::new();
        let header = ["country", "force", "from", "to", "canonical", "aliases"];
        for row in parse_tsv(STATE_FILE, state_forces_tsv, &header)? {
            let period = parse_period(&row)?;
            let force_cell = row.get(1);
            if let Some(force) = Force::parse(force_cell) {
                let country = parse_country(&row, STATE_FILE, row.get(0))?
                    .ok_or_else(|| row.error(STATE_FILE, "a state force needs a country"))?;
                let id = format!("{}_{}", country.iso2().to_ascii_lowercase(), force.label());
                let idx = match by_id.get(&id) {
                    Some(&idx) if actors[idx].kind == ActorKind::State => idx,
                    Some(_) => {
                        return Err(
                            row.error(STATE_FILE, format!("id {id:?} is already an actors.tsv id"))
                        );
                    }
                    None => {
                        by_id.insert(id.clone(), actors.len());
                        actors.push(Actor {
                            id,
                            canonical: period.canonical.clone(),
                            inter: 1,
                            kind: ActorKind::State,
                            country: Some(country),
                            force: Some(force),
                        });
                        actors.len() - 1
                    }
                };
                state_periods
                    .entry((country, force))
                    .or_default()
                    .push(period);
                aliases.add_cell(row.get(5), idx, &actors, &row, STATE_FILE)?;
            } else {
                let idx = *by_id.get(force_cell).ok_or_else(|| {
                    row.error(
                        STATE_FILE,
                        format!("force must be military, police, government or an actors.tsv id, found {force_cell:?}"),
                    )
                })?;
                if !row.get(5).is_empty() {
                    return Err(row.error(
                        STATE_FILE,
                        format!("aliases of {force_cell} belong in actors.tsv"),
                    ));
                }
                actor_periods.entry(idx).or_default().push(period);
            }
        }
        for periods in state_periods.values_mut().chain(actor_periods.values_mut()) {
            check_periods(periods)?;
        }
        // An actor named by period is shown by its latest name.
        for (&(country, force), periods) in &state_periods {
            let id = format!("{}_{}", country.iso2().to_ascii_lowercase(), force.label());
            actors[by_id[&id]].canonical = periods[periods.len() - 1].canonical.clone();
        }
        for (&idx, periods) in &actor_periods {
            actors[idx].canonical = periods[periods.len() - 1].canonical.clone();
        }

        let (demonyms, demonym_max_words) = parse_demonyms(demonyms_tsv)?;
        let automaton = AhoCorasick::new(&aliases.folded).expect("aliases are plain strings");
        Ok(ActorLexicon {
            actors,
            by_id,
            state_periods,
            actor_periods,
            automaton,
            patterns: aliases.patterns,
            demonyms,
            demonym_max_words,
        })
    }

    /// Every actor mention in `text`, in order, without overlaps: at each place
    /// the longest alias wins ("Forces armées maliennes" is one mention, not
    /// "forces armées" + a demonym).
    pub fn find_all(&self, text: &str) -> Vec<ActorMention> {
        let folded = FoldedText::new(text);
        let hay = folded.folded.as_str();
        // (start, end, actor) in folded offsets.
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(hay) {
            if !folded.is_boundary(m.start()) || !folded.is_boundary(m.end()) {
                continue;
            }
            let pattern = &self.patterns[m.pattern().as_usize()];
            if let Some(exact) = &pattern.exact {
                let written = folded.original_span(m.start(), m.end(), text).slice(text);
                if !same_letters(written, exact) {
                    continue;
                }
            }
            candidates.push((m.start(), m.end(), pattern.actor));
        }
        candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut chosen: Vec<(usize, usize, usize)> = Vec::new();
        for c in candidates {
            if chosen.last().is_none_or(|last| c.0 >= last.1) {
                chosen.push(c);
            }
        }

        let words = word_ranges(hay);
        let mut out = Vec::with_capacity(chosen.len());
        for (i, &(start, end, actor)) in chosen.iter().enumerate() {
            let country_hint = if self.actors[actor].kind.takes_country_hint() {
                let prev_end = if i == 0 { 0 } else { chosen[i - 1].1 };
                let next_start = chosen.get(i + 1).map_or(hay.len(), |c| c.0);
                self.demonym_before(text, &folded, &words, prev_end, start)
                    .or_else(|| self.demonym_after(text, &folded, &words, end, next_start))
            } else {
                None
            };
            out.push(ActorMention {
                span: folded.original_span(start, end, text),
                actor,
                country_hint,
            });
        }
        out
    }

    /// A demonym ending on the word just before folded offset `start`
    /// ("Malian soldiers", "Mali's army"), not reaching back past `floor`.
    fn demonym_before(
        &self,
        text: &str,
        folded: &FoldedText,
        words: &[(usize, usize)],
        floor: usize,
        start: usize,
    ) -> Option<Country> {
        let last = words.iter().rposition(|w| w.1 <= start)?;
        for n in (1..=self.demonym_max_words.min(last + 1)).rev() {
            let first = last + 1 - n;
            if words[first].0 < floor {
                continue;
            }
            let (from, to) = (words[first].0, words[last].1);
            if let Some(&country) = self.demonyms.get(&folded.folded[from..to])
                && !has_stopper(text, folded, to, start)
            {
                return Some(country);
            }
        }
        None
    }

    /// A demonym starting within [`HINT_WINDOW_WORDS`] words after folded offset
    /// `end` ("l'armée malienne", "des civils venus du Niger"), ending before
    /// `ceiling`; the nearest wins, and the longest at one place.
    fn demonym_after(
        &self,
        text: &str,
        folded: &FoldedText,
        words: &[(usize, usize)],
        end: usize,
        ceiling: usize,
    ) -> Option<Country> {
        let first = words.iter().position(|w| w.0 >= end)?;
        for i in first..(first + HINT_WINDOW_WORDS).min(words.len()) {
            if has_stopper(text, folded, end, words[i].0) {
                return None;
            }
            for n in (1..=self.demonym_max_words).rev() {
                let Some(&(_, to)) = words.get(i + n - 1) else {
                    continue;
                };
                if to > ceiling {
                    continue;
                }
                if let Some(&country) = self.demonyms.get(&folded.folded[words[i].0..to]) {
                    return Some(country);
                }
            }
        }
        None
    }

    /// The actor at `idx` (from an [`ActorMention`] or [`Self::by_id`]).
    ///
    /// # Panics
    /// When `idx` did not come from this lexicon.
    pub fn actor(&self, idx: usize) -> &Actor {
        &self.actors[idx]
    }

    /// Every actor, indexed as in [`ActorMention::actor`].
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// The index of the actor with this id.
    pub fn by_id(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The ACLED name for an actor in an event in `country` on `date`: state
    /// forces by period (their own country for a named force, `country` for
    /// generic words such as "l'armée"); period-named external actors by date;
    /// `{country}` templates filled with ACLED's country name
    /// ("Civilians (Burkina Faso)", "Unidentified Armed Group (Niger)").
    pub fn canonical_name(&self, idx: usize, country: Country, date: Date) -> String {
        let actor = &self.actors[idx];
        if let Some(periods) = self.actor_periods.get(&idx) {
            return period_name(periods, date)
                .unwrap_or(&actor.canonical)
                .to_string();
        }
        match (actor.kind, actor.force) {
            (ActorKind::State, Some(force)) => {
                self.state_force(actor.country.unwrap_or(country), force, date)
            }
            (ActorKind::GenericMilitary, Some(force)) => self.state_force(country, force, date),
            _ => actor.canonical.replace("{country}", country.name()),
        }
    }

    /// ACLED's name for a state force on a date: (Mali, Military, 2025-09-14) →
    /// "Military Forces of Mali (2021-)". A country without periods in the
    /// table gets the name without a period.
    pub fn state_force(&self, country: Country, force: Force, date: Date) -> String {
        self.state_periods
            .get(&(country, force))
            .and_then(|periods| period_name(periods, date))
            .map_or_else(
                || format!("{}{}", force.name_prefix(), country.name()),
                str::to_string,
            )
    }
}

fn parse_actor_row(row: &TsvRow) -> Result<Actor, LexiconError> {
    let id = row.get(0);
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(row.error(
            ACTORS_FILE,
            format!("id {id:?} must be lower-case ascii letters, digits and _"),
        ));
    }
    let canonical = row.get(1);
    if canonical.is_empty() {
        return Err(row.error(ACTORS_FILE, "empty canonical name"));
    }
    let inter: u8 = row
        .get(2)
        .parse()
        .map_err(|_| row.error(ACTORS_FILE, "inter is not a number"))?;
    if !(1..=8).contains(&inter) {
        return Err(row.error(ACTORS_FILE, "inter must be 1-8"));
    }
    let kind = ActorKind::parse(row.get(3))
        .ok_or_else(|| row.error(ACTORS_FILE, format!("unknown kind {:?}", row.get(3))))?;
    if kind == ActorKind::State {
        return Err(row.error(ACTORS_FILE, "state forces belong in state_forces.tsv"));
    }
    let force = if kind == ActorKind::GenericMilitary {
        let force = [Force::Military, Force::Police, Force::Government]
            .into_iter()
            .find(|f| canonical.starts_with(f.name_prefix()))
            .ok_or_else(|| {
                row.error(
                    ACTORS_FILE,
                    "a generic_military name must start with \"Military Forces of\", \"Police Forces of\" or \"Government of\"",
                )
            })?;
        Some(force)
    } else {
        None
    };
    Ok(Actor {
        id: id.to_string(),
        canonical: canonical.to_string(),
        inter,
        kind,
        country: parse_country(row, ACTORS_FILE, row.get(4))?,
        force,
    })
}

fn parse_country(row: &TsvRow, file: &str, cell: &str) -> Result<Option<Country>, LexiconError> {
    if cell.is_empty() {
        return Ok(None);
    }
    Country::from_iso2(cell)
        .map(Some)
        .ok_or_else(|| row.error(file, format!("unknown country code {cell:?}")))
}

fn parse_period(row: &TsvRow) -> Result<Period, LexiconError> {
    let date = |i: usize| -> Result<Option<Date>, LexiconError> {
        let cell = row.get(i);
        if cell.is_empty() {
            return Ok(None);
        }
        cell.parse::<Date>()
            .map(Some)
            .map_err(|_| row.error(STATE_FILE, format!("{cell:?} is not a YYYY-MM-DD date")))
    };
    let (from, to) = (date(2)?, date(3)?);
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(row.error(STATE_FILE, "the period ends before it starts"));
    }
    if row.get(4).is_empty() {
        return Err(row.error(STATE_FILE, "empty canonical name"));
    }
    Ok(Period {
        from,
        to,
        canonical: row.get(4).to_string(),
        line: row.line,
    })
}

/// Sorts one force's periods and checks they tile time: open first start, open
/// last end, each period starting the day after the previous one ends.
fn check_periods(periods: &mut [Period]) -> Result<(), LexiconError> {
    periods.sort_by_key(|p| p.from);
    let err = |p: &Period, reason: String| LexiconError {
        file: STATE_FILE.into(),
        line: p.line,
        reason,
    };
    let (first, last) = (&periods[0], &periods[periods.len() - 1]);
    if first.from.is_some() {
        return Err(err(
            first,
            "the first period of a force must have an empty `from`".into(),
        ));
    }
    if last.to.is_some() {
        return Err(err(
            last,
            "the last period of a force must have an empty `to`".into(),
        ));
    }
    for pair in periods.windows(2) {
        let (prev, next) = (&pair[0], &pair[1]);
        let expected = prev.to.and_then(|t| t.tomorrow().ok());
        if next.from != expected {
            let shown = |d: Option<Date>| d.map_or_else(|| "open".to_string(), |d| d.to_string());
            return Err(err(
                next,
                format!(
                    "period starts {} but the previous one ends {}",
                    shown(next.from),
                    shown(prev.to)
                ),
            ));
        }
    }
    Ok(())
}

fn period_name(periods: &[Period], date: Date) -> Option<&str> {
    periods
        .iter()
        .find(|p| p.from.is_none_or(|f| f <= date) && p.to.is_none_or(|t| date <= t))
        .map(|p| p.canonical.as_str())
}

fn parse_demonyms(text: &str) -> Result<(HashMap<String, Country>, usize), LexiconError> {
    let mut demonyms = HashMap::new();
    let mut max_words = 1;
    for row in parse_tsv(DEMONYMS_FILE, text, &["word", "country"])? {
        let country = parse_country(&row, DEMONYMS_FILE, row.get(1))?
            .ok_or_else(|| row.error(DEMONYMS_FILE, "a demonym needs a country"))?;
        let key = fold(row.get(0));
        if key.is_empty() {
            return Err(row.error(DEMONYMS_FILE, "empty word"));
        }
        max_words = max_words.max(key.split(' ').count());
        if demonyms.insert(key, country).is_some() {
            return Err(row.error(DEMONYMS_FILE, format!("duplicate word {:?}", row.get(0))));
        }
    }
    Ok((demonyms, max_words))
}

/// Whether `written` spells `alias` with the same letters in the same case,
/// ignoring the spaces, hyphens and dots that folding also ignores.
fn same_letters(written: &str, alias: &str) -> bool {
    written
        .chars()
        .filter(|c| c.is_alphanumeric())
        .eq(alias.chars().filter(|c| c.is_alphanumeric()))
}

/// Byte ranges of the alphanumeric runs of a folded text.
fn word_ranges(folded: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in folded.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, folded.len()));
    }
    words
}

/// Whether the original text between folded offsets `from` and `to` holds
/// punctuation that separates a mention from a nearby word.
fn has_stopper(text: &str, folded: &FoldedText, from: usize, to: usize) -> bool {
    if from >= to {
        return false;
    }
    let span = folded.original_span(from, to, text);
    span.slice(text).contains(HINT_STOPPERS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn lex() -> &'static ActorLexicon {
        ActorLexicon::embedded()
    }

    /// (mention text, actor id, hint) for every mention.
    fn mentions(text: &str) -> Vec<(String, String, Option<Country>)> {
        lex()
            .find_all(text)
            .into_iter()
            .map(|m| {
                (
                    m.span.slice(text).to_string(),
                    lex().actor(m.actor).id.clone(),
                    m.country_hint,
                )
            })
            .collect()
    }

    fn ids(text: &str) -> Vec<String> {
        mentions(text).into_iter().map(|m| m.1).collect()
    }

    #[test]
    fn every_kind_is_matched() {
        let cases = [
            (
                "Le GSIM a revendiqué l'embuscade.",
                "jnim",
                ActorKind::ArmedGroup,
            ),
            ("Les FAMa ont riposté.", "ml_military", ActorKind::State),
            (
                "Des chasseurs dozos ont été visés.",
                "dozo",
                ActorKind::Militia,
            ),
            (
                "Des éléments de la Minusma patrouillaient.",
                "minusma",
                ActorKind::External,
            ),
            ("Trois civils ont péri.", "civilians", ActorKind::Civilians),
            (
                "Les manifestants ont bloqué la route.",
                "protesters",
                ActorKind::Protesters,
            ),
            (
                "Des émeutiers ont incendié la mairie.",
                "rioters",
                ActorKind::Rioters,
            ),
            (
                "Des hommes armés ont surgi à l'aube.",
                "unidentified_armed_group",
                ActorKind::GenericArmed,
            ),
            (
                "Les soldats ont repoussé l'assaut.",
                "army",
                ActorKind::GenericMilitary,
            ),
            (
                "Les orpailleurs ont fui le site.",
                "civilian_roles",
                ActorKind::GenericCivilians,
            ),
        ];
        for (text, id, kind) in cases {
            let found = lex().find_all(text);
            assert_eq!(found.len(), 1, "{text}");
            let actor = lex().actor(found[0].actor);
            assert_eq!((actor.id.as_str(), actor.kind), (id, kind), "{text}");
        }
    }

    #[test]
    fn english_names_and_transliterations() {
        assert_eq!(
            ids("Jama’a Nusrat ul-Islam wa al-Muslimin fighters"),
            ["jnim", "unidentified_armed_group"]
        );
        assert_eq!(ids("the Support Group for Islam and Muslims"), ["jnim"]);
        assert_eq!(ids("Katiba Macina and IS Sahel clashed"), ["jnim", "issp"]);
        assert_eq!(
            ids("Wagner mercenaries and Africa Korps"),
            ["wagner", "africa_corps"]
        );
        assert_eq!(ids("a Barkhane helicopter"), ["france_military"]);
        // ACLED codes Mali's national guard with the army, Niger's with the police.
        assert_eq!(ids("un poste de la garde nationale"), ["army"]);
        assert_eq!(ids("la Garde nationale du Niger"), ["ne_police"]);
        assert_eq!(
            ids("les séparatistes et leurs alliés russes"),
            ["separatists", "wagner"]
        );
        assert_eq!(
            ids("les Volontaires pour la défense de la patrie (VDP)"),
            ["vdp", "vdp"]
        );
    }

    #[test]
    fn longest_alias_wins_and_is_not_split() {
        let found =
            mentions("Les Forces armées maliennes ont frappé l'État islamique au Grand Sahara.");
        assert_eq!(found.len(), 2);
        assert_eq!(
            (found[0].0.as_str(), found[0].1.as_str()),
            ("Forces armées maliennes", "ml_military")
        );
        assert_eq!(
            (found[1].0.as_str(), found[1].1.as_str()),
            ("État islamique au Grand Sahara", "issp")
        );
        // A prefix alias does not fire inside a longer word.
        assert!(ids("Le wagnerisme n'est pas un acteur.").is_empty());
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "Attaque des  JIHADISTES contre l’Armée à l'aube";
        let found = lex().find_all(text);
        let words: Vec<&str> = found.iter().map(|m| m.span.slice(text)).collect();
        assert_eq!(words, ["JIHADISTES", "Armée"]);
    }

    #[test]
    fn exact_case_acronyms_do_not_fire_on_ordinary_words() {
        assert_eq!(
            ids("Les combattants de l'EI ont fui."),
            ["unidentified_armed_group", "issp"]
        );
        assert!(ids("Il ei pas vu.").is_empty());
        assert_eq!(ids("La CMA a démenti."), ["cma"]);
        assert!(ids("Le cma local.").is_empty());
        assert_eq!(
            ids("Un GAT a été neutralisé."),
            ["unidentified_armed_group"]
        );
        assert!(ids("le gat est un mot inventé").is_empty());
        assert_eq!(ids("Le MAA et les FDS."), ["maa", "army"]);
        assert!(ids("maa fds").is_empty());
        assert_eq!(ids("A FAN unit."), ["ne_military"]);
        assert!(ids("a fan of football").is_empty());
    }

    #[test]
    fn demonyms_give_a_country_hint() {
        let found =
            mentions("Des forces spéciales nigériennes et des civils maliens ont été tués.");
        assert_eq!(found[0].1, "army");
        assert_eq!(found[0].2, Some(Country::Niger));
        assert_eq!(found[1].1, "civilians");
        assert_eq!(found[1].2, Some(Country::Mali));
        let found = mentions("Burkinabe villagers met soldiers of Mali.");
        assert_eq!(found[0].1, "civilian_roles");
        assert_eq!(found[0].2, Some(Country::BurkinaFaso));
        assert_eq!(found[1].1, "army");
        assert_eq!(found[1].2, Some(Country::Mali));
        // Punctuation cuts the window; named groups take no hint.
        assert_eq!(
            mentions("L'armée, selon des sources maliennes")
                .first()
                .unwrap()
                .2,
            None
        );
        assert_eq!(mentions("Le JNIM malien").first().unwrap().2, None);
        // The hint stops at the next mention.
        let found = mentions("des policiers et des troupes ivoiriennes");
        assert_eq!(found[0].2, None);
        assert_eq!(found[1].1, "army");
        assert_eq!(found[1].2, Some(Country::IvoryCoast));
    }

    #[test]
    fn state_force_at_each_period_boundary() {
        let l = lex();
        let cases = [
            (
                Country::Mali,
                Force::Military,
                "2020-08-17",
                "Military Forces of Mali (2013-2020)",
            ),
            (
                Country::Mali,
                Force::Military,
                "2020-08-18",
                "Military Forces of Mali (2020-2021)",
            ),
            (
                Country::Mali,
                Force::Military,
                "2021-05-24",
                "Military Forces of Mali (2020-2021)",
            ),
            (
                Country::Mali,
                Force::Military,
                "2021-05-25",
                "Military Forces of Mali (2021-)",
            ),
            (
                Country::Mali,
                Force::Military,
                "2025-09-14",
                "Military Forces of Mali (2021-)",
            ),
            (
                Country::Mali,
                Force::Police,
                "2021-05-25",
                "Police Forces of Mali (2021-)",
            ),
            (
                Country::Mali,
                Force::Government,
                "2018-06-11",
                "Government of Mali (2013-2020)",
            ),
            (
                Country::BurkinaFaso,
                Force::Military,
                "2022-01-23",
                "Military Forces of Burkina Faso (2015-2022)",
            ),
            (
                Country::BurkinaFaso,
                Force::Military,
                "2022-01-24",
                "Military Forces of Burkina Faso (2022-)",
            ),
            (
                Country::Niger,
                Force::Military,
                "2021-04-01",
                "Military Forces of Niger (2011-2021)",
            ),
            (
                Country::Niger,
                Force::Military,
                "2021-04-02",
                "Military Forces of Niger (2021-2023)",
            ),
            (
                Country::Niger,
                Force::Military,
                "2023-07-25",
                "Military Forces of Niger (2021-2023)",
            ),
            (
                Country::Niger,
                Force::Police,
                "2023-07-26",
                "Police Forces of Niger (2023-)",
            ),
            (
                Country::Senegal,
                Force::Government,
                "2024-04-01",
                "Government of Senegal (2012-2024)",
            ),
            (
                Country::Senegal,
                Force::Government,
                "2024-04-02",
                "Government of Senegal (2024-)",
            ),
            (
                Country::Mauritania,
                Force::Military,
                "2019-08-01",
                "Military Forces of Mauritania (2019-)",
            ),
            (
                Country::Guinea,
                Force::Military,
                "2021-09-04",
                "Military Forces of Guinea (2010-2021)",
            ),
            (
                Country::Guinea,
                Force::Military,
                "2021-09-05",
                "Military Forces of Guinea (2021-)",
            ),
            (
                Country::IvoryCoast,
                Force::Police,
                "2023-01-01",
                "Police Forces of Ivory Coast (2011-)",
            ),
        ];
        for (country, force, day, expected) in cases {
            assert_eq!(
                l.state_force(country, force, date(day)),
                expected,
                "{country:?} {force:?} {day}"
            );
        }
    }

    #[test]
    fn canonical_names_fill_templates_and_periods() {
        let l = lex();
        let idx = |id: &str| l.by_id(id).unwrap();
        let day = date("2024-03-20");
        assert_eq!(
            l.canonical_name(idx("civilian_roles"), Country::BurkinaFaso, day),
            "Civilians (Burkina Faso)"
        );
        assert_eq!(
            l.canonical_name(idx("civilians"), Country::IvoryCoast, day),
            "Civilians (Ivory Coast)"
        );
        assert_eq!(
            l.canonical_name(idx("unidentified_armed_group"), Country::Niger, day),
            "Unidentified Armed Group (Niger)"
        );
        assert_eq!(
            l.canonical_name(idx("protesters"), Country::Senegal, day),
            "Protesters (Senegal)"
        );
        assert_eq!(
            l.canonical_name(idx("rioters"), Country::Mali, day),
            "Rioters (Mali)"
        );
        assert_eq!(
            l.canonical_name(idx("dozo"), Country::BurkinaFaso, day),
            "Dozo Communal Militia (Burkina Faso)"
        );
        assert_eq!(
            l.canonical_name(idx("army"), Country::Niger, day),
            "Military Forces of Niger (2023-)"
        );
        assert_eq!(
            l.canonical_name(idx("police"), Country::Mali, day),
            "Police Forces of Mali (2021-)"
        );
        // A named force keeps its own country wherever the event is.
        assert_eq!(
            l.canonical_name(idx("ml_military"), Country::BurkinaFaso, day),
            "Military Forces of Mali (2021-)"
        );
        assert_eq!(
            l.canonical_name(idx("jnim"), Country::Niger, day),
            "JNIM: Group for Support of Islam and Muslims"
        );
        let minusma = idx("minusma");
        assert!(
            l.canonical_name(minusma, Country::Mali, date("2021-02-10"))
                .ends_with("in Mali (2020-2021)")
        );
        assert!(
            l.canonical_name(minusma, Country::Mali, date("2022-03-07"))
                .ends_with("in Mali (2021-)")
        );
        assert!(
            l.canonical_name(minusma, Country::Mali, date("2023-09-05"))
                .ends_with("in Mali")
        );
        assert_eq!(
            l.canonical_name(idx("france_military"), Country::Mali, day),
            "Military Forces of France (2017-)"
        );
        let separatists = idx("separatists");
        assert!(
            l.canonical_name(separatists, Country::Mali, date("2012-01-17"))
                .starts_with("MNLA:")
        );
        assert!(
            l.canonical_name(separatists, Country::Mali, date("2024-07-26"))
                .starts_with("CSP-DPA:")
        );
        assert!(
            l.canonical_name(separatists, Country::Mali, date("2025-02-01"))
                .starts_with("FLA:")
        );
        assert_eq!(
            l.actor(idx("ne_military")).canonical,
            "Military Forces of Niger (2023-)"
        );
    }

    #[test]
    fn embedded_assets_are_consistent() {
        let l = lex();
        let mut seen = HashSet::new();
        for a in l.actors() {
            assert!(seen.insert(a.id.as_str()), "duplicate id {}", a.id);
            assert!((1..=8).contains(&a.inter), "{}", a.id);
        }
        // Every country the gazetteer knows has all three forces, by period.
        for country in Country::ALL {
            for force in [Force::Military, Force::Police, Force::Government] {
                let id = format!("{}_{}", country.iso2().to_ascii_lowercase(), force.label());
                assert!(l.by_id(&id).is_some(), "no state_forces.tsv rows for {id}");
            }
        }
        // The file is sorted by id so a new row has one obvious place.
        let rows = parse_tsv(
            ACTORS_FILE,
            ACTORS,
            &["id", "canonical", "inter", "kind", "country", "aliases"],
        )
        .unwrap();
        let file_ids: Vec<&str> = rows.iter().map(|r| r.get(0)).collect();
        let mut sorted = file_ids.clone();
        sorted.sort_unstable();
        assert_eq!(file_ids, sorted, "actors.tsv must be sorted by id");
        // Every kind is represented.
        for kind in ActorKind::ALL {
            assert!(
                l.actors().iter().any(|a| a.kind == kind),
                "no actor of kind {}",
                kind.label()
            );
        }
    }

    #[test]
    fn shared_aliases_are_rejected() {
        let actors = "id\tcanonical\tinter\tkind\tcountry\taliases\n\
                      a\tA\t2\tarmed_group\t\tFoo|Bar\n\
                      b\tB\t2\tarmed_group\t\tbär\n";
        let err = ActorLexicon::parse(actors, "country\tforce\tfrom\tto\tcanonical\taliases\n")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "actors.tsv:3: alias \"bär\" already names a"
        );
    }

    #[test]
    fn bad_rows_are_reported_with_their_line() {
        let header = "id\tcanonical\tinter\tkind\tcountry\taliases\n";
        let no_states = "country\tforce\tfrom\tto\tcanonical\taliases\n";
        let err = ActorLexicon::parse(&format!("{header}a\tA\t9\tarmed_group\t\tx\n"), no_states)
            .unwrap_err();
        assert_eq!(err.to_string(), "actors.tsv:2: inter must be 1-8");
        let err =
            ActorLexicon::parse(&format!("{header}a\tA\t2\tgang\t\tx\n"), no_states).unwrap_err();
        assert_eq!(err.to_string(), "actors.tsv:2: unknown kind \"gang\"");
        let err = ActorLexicon::parse(&format!("{header}a\tA\t2\tarmed_group\tZZ\tx\n"), no_states)
            .unwrap_err();
        assert_eq!(err.to_string(), "actors.tsv:2: unknown country code \"ZZ\"");
        let gap = format!(
            "{no_states}ML\tmilitary\t\t2020-08-17\tOld\t\nML\tmilitary\t2020-08-19\t\tNew\tFAMa\n"
        );
        let err = ActorLexicon::parse(header, &gap).unwrap_err();
        assert_eq!(
            err.to_string(),
            "state_forces.tsv:3: period starts 2020-08-19 but the previous one ends 2020-08-17"
        );
        let err =
            ActorLexicon::parse(header, &format!("{no_states}ML\tnavy\t\t\tX\t\n")).unwrap_err();
        assert!(err.reason.starts_with("force must be"), "{err}");
    }

    #[test]
    fn inline_lexicon_resolves_by_period() {
        let actors = "id\tcanonical\tinter\tkind\tcountry\taliases\n\
                      troops\tMilitary Forces of {country}\t1\tgeneric_military\t\ttroops\n";
        let states = "country\tforce\tfrom\tto\tcanonical\taliases\n\
                      NE\tmilitary\t\t2023-07-25\tOld Niger army\t\n\
                      NE\tmilitary\t2023-07-26\t\tNew Niger army\tFAN\n";
        let l = ActorLexicon::parse(actors, states).unwrap();
        let found = l.find_all("troops met the FAN");
        assert_eq!(found.len(), 2);
        let troops = found[0].actor;
        assert_eq!(
            l.canonical_name(troops, Country::Niger, date("2023-07-25")),
            "Old Niger army"
        );
        assert_eq!(
            l.canonical_name(troops, Country::Niger, date("2023-07-26")),
            "New Niger army"
        );
        // No periods for Mali in this table: the plain name.
        assert_eq!(
            l.canonical_name(troops, Country::Mali, date("2023-07-26")),
            "Military Forces of Mali"
        );
    }
}
