//! Reader of the blob written by `build.rs` (its doc comment describes the layout).
//! Everything is read straight from the bytes; nothing is copied at open time.

use crate::GazetteerError;
use crate::place::{Place, PlaceKind};
use veille_core::Country;

const RECORD_SIZE: usize = 40;
const KEY_SIZE: usize = 8;
const GID_SIZE: usize = 12;
const SEAT_SIZE: usize = 12;

#[derive(Debug, Clone, Copy)]
pub(crate) struct Blob {
    strings: &'static [u8],
    records: &'static [u8],
    keys: &'static [u8],
    gids: &'static [u8],
    seats: [&'static [u8]; 2],
    len: usize,
    max_words: usize,
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(a)
}

fn i32_at(b: &[u8], at: usize) -> i32 {
    u32_at(b, at) as i32
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(a)
}

impl Blob {
    pub(crate) fn parse(bytes: &'static [u8]) -> Result<Blob, GazetteerError> {
        let bad = |why: &str| GazetteerError::Blob(why.to_string());
        if bytes.len() < 8 + 4 * 12 || &bytes[..4] != b"VGZ1" {
            return Err(bad("missing VGZ1 header"));
        }
        let len = u32_at(bytes, 4) as usize;
        let max_words = u32_at(bytes, 8) as usize;
        let mut sections = [&bytes[..0]; 6];
        for (i, s) in sections.iter_mut().enumerate() {
            let off = u32_at(bytes, 12 + 8 * i) as usize;
            let n = u32_at(bytes, 16 + 8 * i) as usize;
            *s = bytes
                .get(off..off + n)
                .ok_or_else(|| bad("section out of bounds"))?;
        }
        let [strings, records, keys, gids, seats1, seats2] = sections;
        if records.len() != len * RECORD_SIZE
            || keys.len() % KEY_SIZE != 0
            || gids.len() != len * GID_SIZE
            || seats1.len() % SEAT_SIZE != 0
            || seats2.len() % SEAT_SIZE != 0
        {
            return Err(bad("section sizes do not match the place count"));
        }
        Ok(Blob {
            strings,
            records,
            keys,
            gids,
            seats: [seats1, seats2],
            len,
            max_words,
        })
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn max_words(&self) -> usize {
        self.max_words
    }

    fn string(&self, off: u32) -> &'static str {
        let off = off as usize;
        let Some(head) = self.strings.get(off..off + 2) else {
            return "";
        };
        let n = u16::from_le_bytes([head[0], head[1]]) as usize;
        self.strings
            .get(off + 2..off + 2 + n)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }

    fn key(&self, i: usize) -> (&'static str, u32) {
        let at = i * KEY_SIZE;
        (
            self.string(u32_at(self.keys, at)),
            u32_at(self.keys, at + 4),
        )
    }

    fn key_count(&self) -> usize {
        self.keys.len() / KEY_SIZE
    }

    /// Index of the first key not less than `key`.
    fn lower_bound(&self, key: &str) -> usize {
        let (mut lo, mut hi) = (0, self.key_count());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.key(mid).0.as_bytes() < key.as_bytes() {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    pub(crate) fn lookup(&self, key: &str) -> Vec<u32> {
        let mut out = Vec::new();
        let mut i = self.lower_bound(key);
        while i < self.key_count() {
            let (k, place) = self.key(i);
            if k != key {
                break;
            }
            out.push(place);
            i += 1;
        }
        out
    }

    pub(crate) fn has_key_prefix(&self, prefix: &str) -> bool {
        let i = self.lower_bound(prefix);
        i < self.key_count() && self.key(i).0.starts_with(prefix)
    }

    pub(crate) fn point(&self, index: u32) -> (f64, f64) {
        let at = (index as usize).min(self.len.saturating_sub(1)) * RECORD_SIZE;
        (
            f64::from(i32_at(self.records, at + 24)) / 1e5,
            f64::from(i32_at(self.records, at + 28)) / 1e5,
        )
    }

    pub(crate) fn place(&self, index: u32) -> Place {
        let index = (index as usize).min(self.len.saturating_sub(1));
        let at = index * RECORD_SIZE;
        let r = &self.records[at..at + RECORD_SIZE];
        let (lat, lon) = self.point(index as u32);
        Place {
            id: crate::PlaceId(index as u32),
            gid: u64_at(r, 0),
            name: self.string(u32_at(r, 8)),
            admin1: self.string(u32_at(r, 12)),
            admin2: self.string(u32_at(r, 16)),
            admin3: self.string(u32_at(r, 20)),
            lat,
            lon,
            population: u32_at(r, 32),
            country: Country::ALL
                .get(r[36] as usize)
                .copied()
                .unwrap_or(Country::Mali),
            kind: PlaceKind::ALL
                .get(r[37] as usize)
                .copied()
                .unwrap_or(PlaceKind::Other),
        }
    }

    pub(crate) fn by_gid(&self, gid: u64) -> Option<u32> {
        let n = self.gids.len() / GID_SIZE;
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let g = u64_at(self.gids, mid * GID_SIZE);
            if g == gid {
                return Some(u32_at(self.gids, mid * GID_SIZE + 8));
            }
            if g < gid { lo = mid + 1 } else { hi = mid }
        }
        None
    }

    pub(crate) fn seat(&self, level: usize, country: u8, key: &str) -> Option<u32> {
        let table = self.seats[level];
        let n = table.len() / SEAT_SIZE;
        let entry = |i: usize| {
            let at = i * SEAT_SIZE;
            (
                u32_at(table, at),
                self.string(u32_at(table, at + 4)),
                u32_at(table, at + 8),
            )
        };
        let want = (u32::from(country), key.as_bytes());
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let (c, k, place) = entry(mid);
            match (c, k.as_bytes()).cmp(&want) {
                std::cmp::Ordering::Equal => return Some(place),
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_garbage() {
        assert!(Blob::parse(b"nope").is_err());
        let mut fake = b"VGZ1".to_vec();
        // Leaked on purpose: the reader works on static bytes.
        fake.extend_from_slice(&[0xff; 60]);
        let fake: &'static [u8] = Box::leak(fake.into_boxed_slice());
        assert!(matches!(Blob::parse(fake), Err(GazetteerError::Blob(_))));
    }

    #[test]
    fn keys_are_sorted() {
        let blob = Blob::parse(crate::BLOB).unwrap();
        for i in 1..blob.key_count() {
            assert!(
                blob.key(i - 1).0.as_bytes() <= blob.key(i).0.as_bytes(),
                "at {i}"
            );
        }
        assert!(blob.key_count() > blob.len());
    }
}
