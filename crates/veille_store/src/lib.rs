//! The SQLite store of veille: the articles it has read, the events coded from
//! them and the evidence behind every coded field.
//!
//! It is fed by the pipeline (`veille_merge` hands it finished [`EventRecord`]s with
//! their cleaned [`Article`]), and it feeds the exports (`veille_export`), the HTTP API
//! and the `veille` binary's queries through [`Store::events`].
//!
//! - [`Store`]: one database file (or an in-memory one for tests);
//! - [`Store::insert_article`]: one article and its events in one transaction, keyed by
//!   [`veille_core::content_id`], so ingesting the same text twice is a no-op and a
//!   `kill -9` mid-ingest keeps every article committed before it;
//! - [`EventFilter`] / [`StoredEvent`]: reading events back, newest first.
//!
//! The schema is versioned: each migration is a SQL file under `migrations/`, applied in
//! order when a database is opened. A database written by a newer veille is refused
//! rather than guessed at, and a file that is not a veille database is never written to.
//!
//! ```
//! use veille_core::{Article, Lang};
//! use veille_store::{Inserted, Store};
//!
//! let mut store = Store::open_in_memory()?;
//! let article = Article {
//!     id: "note-1".into(),
//!     origin: "-".into(),
//!     url: None,
//!     title: None,
//!     published: None,
//!     published_span: None,
//!     outlet: None,
//!     lang: Lang::En,
//!     text: "A quiet day in the market town.".into(),
//! };
//! assert_eq!(store.insert_article(&article, &[])?, Inserted::New { events: 0 });
//! assert_eq!(store.insert_article(&article, &[])?, Inserted::AlreadyPresent);
//! assert_eq!(store.counts()?.articles, 1);
//! # Ok::<(), veille_store::StoreError>(())
//! ```
#![deny(missing_docs)]

mod error;
mod migrate;

pub use error::StoreError;

use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Row, TransactionBehavior, params};
use serde::Deserialize;
use serde::de::IntoDeserializer;
use std::path::{Path, PathBuf};
use std::time::Duration;
use veille_core::{
    Article, Date, EventRecord, EventType, Field, FieldEvidence, Lang, Span, SubEventType,
    content_id,
};

/// How long a writer waits for another process's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// One veille database. Not `Sync`: share it behind a mutex, or open one per thread.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// What [`Store::insert_article`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    /// The article was new; it was stored with this many events.
    New {
        /// How many events were stored with it.
        events: usize,
    },
    /// An article with the same cleaned text was already stored; nothing was written.
    AlreadyPresent,
}

/// Which events [`Store::events`] returns. Every field left `None` matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Events on or after this day.
    pub since: Option<Date>,
    /// Events on or before this day.
    pub until: Option<Date>,
    /// ACLED country name; case- and accent-insensitive.
    pub country: Option<String>,
    /// First administrative level; case- and accent-insensitive.
    pub admin1: Option<String>,
    /// A piece of actor1's or actor2's name; case- and accent-insensitive.
    pub actor: Option<String>,
    /// An `event_type` or `sub_event_type` label; case-insensitive.
    pub event_type: Option<String>,
    /// At most this many events.
    pub limit: Option<usize>,
}

/// An event as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvent {
    /// The database id, unique and stable: exports build `event_id_cnty` from it.
    pub id: i64,
    /// The content id of the article it was coded from.
    pub article_id: String,
    /// The event.
    pub record: EventRecord,
    /// Unix seconds of the last change.
    pub timestamp: i64,
}

/// An article as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    /// The storage id: [`veille_core::content_id`] of the cleaned text.
    pub content_id: String,
    /// The article.
    pub article: Article,
    /// Unix seconds when it was stored.
    pub ingested_at: i64,
}

/// How much a database holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Stored articles.
    pub articles: u64,
    /// Stored events.
    pub events: u64,
}

impl Store {
    /// Opens the database at `path`, creating it if missing, and brings its schema up
    /// to date. Refuses (without writing to it) a file that is not a veille database
    /// and a database written by a newer veille.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        // No URI flag: a file named "file:…" is a file, not a URI.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).map_err(|source| StoreError::Sqlite {
                path: path.to_path_buf(),
                source,
            })?;
        Store::prepare(conn, path.to_path_buf(), true)
    }

    /// A fresh database in memory, gone when dropped.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Sqlite {
            path: path.clone(),
            source,
        })?;
        Store::prepare(conn, path, false)
    }

    /// Checks the file is ours, sets the connection up and migrates. Everything up to
    /// the version check only reads, so a foreign file is never touched.
    fn prepare(mut conn: Connection, path: PathBuf, on_disk: bool) -> Result<Store, StoreError> {
        let sqlite = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sqlite)?;
        let tables: i64 = match conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
            [],
            |r| r.get(0),
        ) {
            Ok(n) => n,
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
                return Err(StoreError::NotVeille {
                    path,
                    reason: "file is not a database".into(),
                });
            }
            Err(e) => return Err(sqlite(e)),
        };
        let version = migrate::current_version(&conn, &path)?;
        let known = migrate::latest_version();
        if version > known {
            return Err(StoreError::NewerSchema {
                path,
                found: version,
                known,
            });
        }
        if version == 0 && tables > 0 {
            return Err(StoreError::NotVeille {
                path,
                reason: "a SQLite database with another program's tables".into(),
            });
        }
        if on_disk {
            // WAL: readers never block the writer, and a killed writer loses only its
            // open transaction. NORMAL is durable against process crashes in WAL mode.
            conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
                .map_err(sqlite)?;
            conn.execute_batch("PRAGMA synchronous = NORMAL")
                .map_err(sqlite)?;
        }
        conn.execute_batch("PRAGMA foreign_keys = ON")
            .map_err(sqlite)?;
        conn.create_scalar_function(
            "fold",
            1,
            FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
            |ctx| Ok(ctx.get::<Option<String>>(0)?.map(|s| veille_core::fold(&s))),
        )
        .map_err(sqlite)?;
        migrate::migrate(&mut conn, &path, now())?;
        Ok(Store { conn, path })
    }

    /// The database file (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        migrate::current_version(&self.conn, &self.path)
    }

    /// Runs SQLite's `PRAGMA integrity_check`.
    pub fn check_integrity(&self) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(|e| self.sqlite(e))?;
        let lines = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            .map_err(|e| self.sqlite(e))?;
        if lines.len() == 1 && lines[0] == "ok" {
            Ok(())
        } else {
            Err(StoreError::Corrupt {
                path: self.path.clone(),
                report: lines.join("\n"),
            })
        }
    }

    /// Stores one article and its events in one transaction. The article's storage id
    /// is [`veille_core::content_id`] of its cleaned text: if it is already present,
    /// nothing is written and [`Inserted::AlreadyPresent`] is returned.
    pub fn insert_article(
        &mut self,
        article: &Article,
        events: &[EventRecord],
    ) -> Result<Inserted, StoreError> {
        let path = &self.path;
        let sqlite = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let offset = |what: &'static str, value: usize| {
            i64::try_from(value).map_err(|_| StoreError::TooLarge {
                path: path.clone(),
                what,
                value: value as u128,
            })
        };
        let id = content_id(&article.text);
        let now = now();
        // IMMEDIATE takes the write lock first, so the presence check and the insert
        // cannot interleave with another writer's.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        let present = tx
            .query_row("SELECT 1 FROM articles WHERE id = ?1", [&id], |_| Ok(()))
            .optional()
            .map_err(sqlite)?
            .is_some();
        if present {
            return Ok(Inserted::AlreadyPresent);
        }
        let (published_start, published_end) = match article.published_span {
            Some(span) => (
                Some(offset("span start", span.start)?),
                Some(offset("span end", span.end)?),
            ),
            None => (None, None),
        };
        tx.execute(
            "INSERT INTO articles (id, name, origin, url, title, published, published_start,
                 published_end, outlet, lang, text, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                id,
                article.id,
                article.origin,
                article.url,
                article.title,
                article.published.map(|d| d.to_string()),
                published_start,
                published_end,
                article.outlet,
                article.lang.code(),
                article.text,
                now,
            ],
        )
        .map_err(sqlite)?;
        {
            let mut insert_event = tx
                .prepare_cached(
                    "INSERT INTO events (article_id, article, event_date, time_precision,
                         event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2,
                         assoc_actor_2, inter2, country, admin1, admin2, admin3, location,
                         latitude, longitude, geo_precision, source, source_scale, notes,
                         fatalities, fatalities_low, fatalities_high, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,
                         ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?27)",
                )
                .map_err(sqlite)?;
            let mut insert_evidence = tx
                .prepare_cached(
                    "INSERT INTO evidence (event_id, field, start, \"end\", text)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(sqlite)?;
            for e in events {
                let event_id = insert_event
                    .insert(params![
                        id,
                        e.article,
                        e.event_date.to_string(),
                        e.time_precision,
                        e.event_type.label(),
                        e.sub_event_type.label(),
                        e.actor1,
                        e.assoc_actor_1,
                        e.inter1,
                        e.actor2,
                        e.assoc_actor_2,
                        e.inter2,
                        e.country,
                        e.admin1,
                        e.admin2,
                        e.admin3,
                        e.location,
                        e.latitude,
                        e.longitude,
                        e.geo_precision,
                        e.source,
                        e.source_scale,
                        e.notes,
                        e.fatalities,
                        e.fatalities_low,
                        e.fatalities_high,
                        now,
                    ])
                    .map_err(sqlite)?;
                for ev in &e.evidence {
                    insert_evidence
                        .execute(params![
                            event_id,
                            ev.field.name(),
                            offset("evidence start", ev.span.start)?,
                            offset("evidence end", ev.span.end)?,
                            ev.text,
                        ])
                        .map_err(sqlite)?;
                }
            }
        }
        tx.commit().map_err(sqlite)?;
        Ok(Inserted::New {
            events: events.len(),
        })
    }

    /// The events that pass `filter`, newest `event_date` first, then by id.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError> {
        let limit = match filter.limit {
            Some(n) => i64::try_from(n).unwrap_or(i64::MAX),
            None => -1, // SQLite: no limit
        };
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS} FROM events
                 WHERE (?1 IS NULL OR event_date >= ?1)
                   AND (?2 IS NULL OR event_date <= ?2)
                   AND (?3 IS NULL OR fold(country) = fold(?3))
                   AND (?4 IS NULL OR fold(admin1) = fold(?4))
                   AND (?5 IS NULL OR instr(fold(actor1), fold(?5)) > 0
                        OR instr(fold(coalesce(actor2, '')), fold(?5)) > 0)
                   AND (?6 IS NULL OR fold(event_type) = fold(?6)
                        OR fold(sub_event_type) = fold(?6))
                 ORDER BY event_date DESC, id
                 LIMIT ?7"
            ))
            .map_err(|e| self.sqlite(e))?;
        let raws = stmt
            .query_map(
                params![
                    filter.since.map(|d| d.to_string()),
                    filter.until.map(|d| d.to_string()),
                    filter.country,
                    filter.admin1,
                    filter.actor,
                    filter.event_type,
                    limit,
                ],
                RawEvent::from_row,
            )
            .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            .map_err(|e| self.sqlite(e))?;
        raws.into_iter().map(|raw| self.finish_event(raw)).collect()
    }

    /// The stored article with this content id, if any.
    pub fn article(&self, content_id: &str) -> Result<Option<StoredArticle>, StoreError> {
        let raw = self
            .conn
            .query_row(
                "SELECT id, name, origin, url, title, published, published_start,
                     published_end, outlet, lang, text, ingested_at
                 FROM articles WHERE id = ?1",
                [content_id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<String>>(5)?,
                        (r.get::<_, Option<i64>>(6)?, r.get::<_, Option<i64>>(7)?),
                        r.get::<_, Option<String>>(8)?,
                        r.get::<_, String>(9)?,
                        r.get::<_, String>(10)?,
                        r.get::<_, i64>(11)?,
                    ))
                },
            )
            .optional()
            .map_err(|e| self.sqlite(e))?;
        let Some((id, name, origin, url, title, published, span, outlet, lang, text, ingested_at)) =
            raw
        else {
            return Ok(None);
        };
        let bad = |column: &'static str, value: String| StoreError::BadValue {
            path: self.path.clone(),
            table: "articles",
            row: id.clone(),
            column,
            value,
        };
        let published = match published {
            Some(s) => Some(s.parse::<Date>().map_err(|_| bad("published", s))?),
            None => None,
        };
        let published_span = match span {
            (Some(start), Some(end)) => {
                let start = usize::try_from(start)
                    .map_err(|_| bad("published_start", start.to_string()))?;
                let end =
                    usize::try_from(end).map_err(|_| bad("published_end", end.to_string()))?;
                Some(Span::new(start, end))
            }
            _ => None,
        };
        let lang = match lang.as_str() {
            "other" => Lang::Other,
            code => Lang::from_code(code).ok_or_else(|| bad("lang", lang.clone()))?,
        };
        Ok(Some(StoredArticle {
            content_id: id.clone(),
            article: Article {
                id: name,
                origin,
                url,
                title,
                published,
                published_span,
                outlet,
                lang,
                text,
            },
            ingested_at,
        }))
    }

    /// How many articles and events the database holds.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        self.conn
            .query_row(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)",
                [],
                // count(*) is never negative, so the conversions cannot fail.
                |r| {
                    let count = |i| r.get::<_, i64>(i).map(|n| u64::try_from(n).unwrap_or(0));
                    Ok(Counts {
                        articles: count(0)?,
                        events: count(1)?,
                    })
                },
            )
            .map_err(|e| self.sqlite(e))
    }

    fn sqlite(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// Parses the labels and dates of one raw row and attaches its evidence.
    fn finish_event(&self, raw: RawEvent) -> Result<StoredEvent, StoreError> {
        let bad = |column: &'static str, value: &str| StoreError::BadValue {
            path: self.path.clone(),
            table: "events",
            row: raw.id.to_string(),
            column,
            value: value.to_string(),
        };
        let event_date = raw
            .event_date
            .parse::<Date>()
            .map_err(|_| bad("event_date", &raw.event_date))?;
        let event_type = EventType::from_label(&raw.event_type)
            .ok_or_else(|| bad("event_type", &raw.event_type))?;
        let sub_event_type = SubEventType::from_label(&raw.sub_event_type)
            .ok_or_else(|| bad("sub_event_type", &raw.sub_event_type))?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT field, start, \"end\", text FROM evidence WHERE event_id = ?1 ORDER BY rowid",
            )
            .map_err(|e| self.sqlite(e))?;
        let rows = stmt
            .query_map([raw.id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get(3)?,
                ))
            })
            .and_then(Iterator::collect::<Result<Vec<(String, i64, i64, String)>, _>>)
            .map_err(|e| self.sqlite(e))?;
        let mut evidence = Vec::with_capacity(rows.len());
        for (field, start, end, text) in rows {
            let field = parse_field(&field).ok_or_else(|| bad("evidence field", &field))?;
            let start =
                usize::try_from(start).map_err(|_| bad("evidence start", &start.to_string()))?;
            let end = usize::try_from(end).map_err(|_| bad("evidence end", &end.to_string()))?;
            evidence.push(FieldEvidence {
                field,
                span: Span::new(start, end),
                text,
            });
        }
        let small =
            |column: &'static str, v: i64| u8::try_from(v).map_err(|_| bad(column, &v.to_string()));
        let count = |column: &'static str, v: i64| {
            u32::try_from(v).map_err(|_| bad(column, &v.to_string()))
        };
        Ok(StoredEvent {
            id: raw.id,
            article_id: raw.article_id,
            timestamp: raw.updated_at,
            record: EventRecord {
                article: raw.article,
                event_date,
                time_precision: small("time_precision", raw.time_precision)?,
                event_type,
                sub_event_type,
                actor1: raw.actor1,
                assoc_actor_1: raw.assoc_actor_1,
                inter1: small("inter1", raw.inter1)?,
                actor2: raw.actor2,
                assoc_actor_2: raw.assoc_actor_2,
                inter2: small("inter2", raw.inter2)?,
                country: raw.country,
                admin1: raw.admin1,
                admin2: raw.admin2,
                admin3: raw.admin3,
                location: raw.location,
                latitude: raw.latitude,
                longitude: raw.longitude,
                geo_precision: small("geo_precision", raw.geo_precision)?,
                source: raw.source,
                source_scale: raw.source_scale,
                notes: raw.notes,
                fatalities: count("fatalities", raw.fatalities)?,
                fatalities_low: count("fatalities_low", raw.fatalities_low)?,
                fatalities_high: count("fatalities_high", raw.fatalities_high)?,
                evidence,
            },
        })
    }
}

/// The `events` columns [`RawEvent::from_row`] reads, in its order.
const EVENT_COLUMNS: &str = "id, article_id, article, event_date, time_precision, event_type,
    sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, country,
    admin1, admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale,
    notes, fatalities, fatalities_low, fatalities_high, updated_at";

/// One `events` row as SQLite types, before labels and dates are parsed, so that a bad
/// value is reported with its row and column rather than as a conversion failure.
struct RawEvent {
    id: i64,
    article_id: String,
    article: String,
    event_date: String,
    time_precision: i64,
    event_type: String,
    sub_event_type: String,
    actor1: String,
    assoc_actor_1: Option<String>,
    inter1: i64,
    actor2: Option<String>,
    assoc_actor_2: Option<String>,
    inter2: i64,
    country: String,
    admin1: String,
    admin2: String,
    admin3: String,
    location: String,
    latitude: f64,
    longitude: f64,
    geo_precision: i64,
    source: String,
    source_scale: String,
    notes: String,
    fatalities: i64,
    fatalities_low: i64,
    fatalities_high: i64,
    updated_at: i64,
}

impl RawEvent {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<RawEvent> {
        Ok(RawEvent {
            id: r.get(0)?,
            article_id: r.get(1)?,
            article: r.get(2)?,
            event_date: r.get(3)?,
            time_precision: r.get(4)?,
            event_type: r.get(5)?,
            sub_event_type: r.get(6)?,
            actor1: r.get(7)?,
            assoc_actor_1: r.get(8)?,
            inter1: r.get(9)?,
            actor2: r.get(10)?,
            assoc_actor_2: r.get(11)?,
            inter2: r.get(12)?,
            country: r.get(13)?,
            admin1: r.get(14)?,
            admin2: r.get(15)?,
            admin3: r.get(16)?,
            location: r.get(17)?,
            latitude: r.get(18)?,
            longitude: r.get(19)?,
            geo_precision: r.get(20)?,
            source: r.get(21)?,
            source_scale: r.get(22)?,
            notes: r.get(23)?,
            fatalities: r.get(24)?,
            fatalities_low: r.get(25)?,
            fatalities_high: r.get(26)?,
            updated_at: r.get(27)?,
        })
    }
}

/// A [`Field`] from its column name, through its serde name so new fields need no edit here.
fn parse_field(name: &str) -> Option<Field> {
    let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
        name.into_deserializer();
    Field::deserialize(de).ok()
}

fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_parse_back() {
        for f in [
            Field::EventDate,
            Field::EventType,
            Field::Actor1,
            Field::Actor2,
            Field::Location,
            Field::Fatalities,
        ] {
            assert_eq!(parse_field(f.name()), Some(f));
        }
        assert_eq!(parse_field("weather"), None);
    }

    #[test]
    fn fold_is_registered_in_sql() {
        let store = Store::open_in_memory().unwrap();
        let folded: String = store
            .conn
            .query_row("SELECT fold('Ségou-Nord')", [], |r| r.get(0))
            .unwrap();
        assert_eq!(folded, "segou nord");
    }
}
