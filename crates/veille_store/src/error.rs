use std::path::PathBuf;

/// Everything that can go wrong with a veille database. Every variant names the
/// database file (`:memory:` for an in-memory store).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not a veille database: not SQLite at all, or a SQLite
    /// database that some other program made. It is left untouched.
    #[error("{}: not a veille database ({reason})", .path.display())]
    NotVeille {
        /// The database file.
        path: PathBuf,
        /// Why it was refused.
        reason: String,
    },
    /// The database was written by a newer veille, with a schema this one does not know.
    #[error(
        "{}: database schema version {found} is newer than this veille knows (up to {known}); use a newer veille",
        .path.display()
    )]
    NewerSchema {
        /// The database file.
        path: PathBuf,
        /// The version found in the file.
        found: u32,
        /// The newest version this code knows.
        known: u32,
    },
    /// A schema migration failed; the database keeps its previous version.
    #[error("{}: migration {version} ({name}) failed: {source}", .path.display())]
    Migration {
        /// The database file.
        path: PathBuf,
        /// The migration's version number.
        version: u32,
        /// The migration's name.
        name: &'static str,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// `PRAGMA integrity_check` reported problems.
    #[error("{}: integrity check failed: {report}", .path.display())]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// SQLite's report, one problem per line.
        report: String,
    },
    /// A stored value cannot be read back into veille's types.
    #[error("{}: {table} row {row}: bad {column} {value:?}", .path.display())]
    BadValue {
        /// The database file.
        path: PathBuf,
        /// The table.
        table: &'static str,
        /// The row's id.
        row: String,
        /// The column.
        column: &'static str,
        /// The value found.
        value: String,
    },
    /// A value is too large to store (an offset or count past SQLite's 64-bit integers).
    #[error("{}: {what} {value} is too large to store", .path.display())]
    TooLarge {
        /// The database file.
        path: PathBuf,
        /// What was being stored.
        what: &'static str,
        /// The value.
        value: u128,
    },
    /// Any other SQLite error.
    #[error("{}: {source}", .path.display())]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// SQLite's error.
        source: rusqlite::Error,
    },
}
