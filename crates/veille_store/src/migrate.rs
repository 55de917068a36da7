//! Versioned schema migrations. The schema version lives in SQLite's own
//! `PRAGMA user_version` (so it can be read without knowing any table), and each
//! applied migration is also logged in `schema_migrations`.

use crate::StoreError;
use rusqlite::Connection;
use std::path::Path;

/// One step of the schema, from `version - 1` to `version`.
pub(crate) struct Migration {
    pub(crate) version: u32,
    pub(crate) name: &'static str,
    pub(crate) sql: &'static str,
}

/// Every migration, in order; migration N lives in `migrations/NNNN_name.sql`.
/// Never edit a migration that has shipped: add a new one.
pub(crate) const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "initial",
    sql: include_str!("../migrations/0001_initial.sql"),
}];

/// The schema version this code writes.
pub(crate) fn latest_version() -> u32 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// Reads `user_version`.
pub(crate) fn current_version(conn: &Connection, path: &Path) -> Result<u32, StoreError> {
    conn.query_row("PRAGMA user_version", [], |row| row.get::<_, i64>(0))
        .map_err(|source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        })
        .map(|v| u32::try_from(v).unwrap_or(u32::MAX))
}

/// Applies every migration newer than the database's version, each in its own
/// transaction together with its version bump, so a crash leaves a whole version.
pub(crate) fn migrate(conn: &mut Connection, path: &Path, now: i64) -> Result<(), StoreError> {
    let current = current_version(conn, path)?;
    for m in MIGRATIONS.iter().filter(|m| m.version > current) {
        let fail = |source| StoreError::Migration {
            path: path.to_path_buf(),
            version: m.version,
            name: m.name,
            source,
        };
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(fail)?;
        tx.execute_batch(m.sql).map_err(fail)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
            rusqlite::params![m.version, m.name, now],
        )
        .map_err(fail)?;
        // PRAGMA takes no bound parameters; the version is our own constant.
        tx.execute_batch(&format!("PRAGMA user_version = {}", m.version))
            .map_err(fail)?;
        tx.commit().map_err(fail)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_contiguous_from_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(
                m.version as usize,
                i + 1,
                "migration {} out of order",
                m.name
            );
        }
        assert_eq!(latest_version() as usize, MIGRATIONS.len());
    }

    #[test]
    fn file_names_match_the_table() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        let expected: Vec<String> = MIGRATIONS
            .iter()
            .map(|m| format!("{:04}_{}.sql", m.version, m.name))
            .collect();
        assert_eq!(
            files, expected,
            "every migration file must be listed in MIGRATIONS"
        );
    }

    #[test]
    fn migrating_twice_is_a_no_op() {
        let mut conn = Connection::open_in_memory().unwrap();
        let path = Path::new(":memory:");
        migrate(&mut conn, path, 1).unwrap();
        migrate(&mut conn, path, 2).unwrap();
        assert_eq!(current_version(&conn, path).unwrap(), latest_version());
        let logged: i64 = conn
            .query_row("SELECT count(*) FROM schema_migrations", [], |r| r.get(0))
            .unwrap();
        assert_eq!(logged as usize, MIGRATIONS.len());
    }
}
