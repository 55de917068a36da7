-- veille schema, version 1: articles, the events coded from them, and the evidence
-- behind each coded field. Dates are ISO text (they sort), times are Unix seconds.

CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at INTEGER NOT NULL
);

CREATE TABLE articles (
    id              TEXT PRIMARY KEY,      -- content id: hash of the cleaned text
    name            TEXT NOT NULL,         -- the caller's id (batch id or file path)
    origin          TEXT NOT NULL,
    url             TEXT,
    title           TEXT,
    published       TEXT,                  -- YYYY-MM-DD
    published_start INTEGER,               -- dateline span, when the date came from the text
    published_end   INTEGER,
    outlet          TEXT,
    lang            TEXT NOT NULL,         -- fr, en, other
    text            TEXT NOT NULL,
    ingested_at     INTEGER NOT NULL
) STRICT;

CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    article         TEXT NOT NULL,         -- the record's own article name
    event_date      TEXT NOT NULL,         -- YYYY-MM-DD
    time_precision  INTEGER NOT NULL,
    event_type      TEXT NOT NULL,         -- ACLED label
    sub_event_type  TEXT NOT NULL,         -- ACLED label
    actor1          TEXT NOT NULL,
    assoc_actor_1   TEXT,
    inter1          INTEGER NOT NULL,
    actor2          TEXT,
    assoc_actor_2   TEXT,
    inter2          INTEGER NOT NULL,
    country         TEXT NOT NULL,
    admin1          TEXT NOT NULL,
    admin2          TEXT NOT NULL,
    admin3          TEXT NOT NULL,
    location        TEXT NOT NULL,
    latitude        REAL NOT NULL,
    longitude       REAL NOT NULL,
    geo_precision   INTEGER NOT NULL,
    source          TEXT NOT NULL,
    source_scale    TEXT NOT NULL,
    notes           TEXT NOT NULL,
    fatalities      INTEGER NOT NULL,
    fatalities_low  INTEGER NOT NULL,
    fatalities_high INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;

CREATE INDEX events_by_date ON events(event_date);
CREATE INDEX events_by_place ON events(country, admin1);
CREATE INDEX events_by_article ON events(article_id);

CREATE TABLE evidence (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    field    TEXT NOT NULL,                -- column name: event_date, actor1, ...
    start    INTEGER NOT NULL,             -- UTF-8 byte offsets into the article's text
    "end"    INTEGER NOT NULL,
    text     TEXT NOT NULL
) STRICT;

CREATE INDEX evidence_by_event ON evidence(event_id);
