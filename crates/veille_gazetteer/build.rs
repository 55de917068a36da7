//! Packs `data/places.tsv`, `data/manual_places.tsv` and `data/regions_2023.tsv` into one
//! little-endian blob in `OUT_DIR/gazetteer.bin`, which `src/lib.rs` embeds with
//! `include_bytes!`. Reading the blob costs nothing at start-up: records are fixed-size and
//! the name keys are pre-sorted, so lookups are binary searches straight into the bytes.
//!
//! Layout (all integers little-endian; see `src/blob.rs` for the reader):
//! header: magic `VGZ1`, then u32 fields (see `HEADER_FIELDS`);
//! strings: each `u16 length` + UTF-8 bytes, referenced by byte offset;
//! records: `RECORD_SIZE` bytes per place;
//! keys: (u32 string offset of a folded name, u32 place index), sorted by key bytes;
//! gids: (u64 gid, u32 place index), sorted by gid;
//! seats1/seats2: (u32 country index, u32 folded admin-name offset, u32 place index), sorted.

use std::collections::HashMap;
use std::env;
use std::fs;
use std::path::Path;

use veille_core::{Country, fold};

const KINDS: [&str; 15] = [
    "capital",
    "admin1_seat",
    "admin2_seat",
    "admin3_seat",
    "village",
    "admin1_unit",
    "admin2_unit",
    "admin3_unit",
    "forest",
    "park",
    "area",
    "wadi",
    "camp",
    "airport",
    "other",
];

struct Row {
    gid: u64,
    name: String,
    country: u8,
    admin: [String; 3],
    lat: f64,
    lon: f64,
    kind: u8,
    population: u32,
    names: Vec<String>,
}

#[derive(Default)]
struct Strings {
    bytes: Vec<u8>,
    seen: HashMap<String, u32>,
}

impl Strings {
    fn add(&mut self, s: &str) -> u32 {
        if let Some(&off) = self.seen.get(s) {
            return off;
        }
        let off = self.bytes.len() as u32;
        let len = u16::try_from(s.len()).expect("string longer than 65535 bytes");
        self.bytes.extend_from_slice(&len.to_le_bytes());
        self.bytes.extend_from_slice(s.as_bytes());
        self.seen.insert(s.to_string(), off);
        off
    }

    fn get(&self, off: u32) -> &str {
        let off = off as usize;
        let len = u16::from_le_bytes([self.bytes[off], self.bytes[off + 1]]) as usize;
        std::str::from_utf8(&self.bytes[off + 2..off + 2 + len]).unwrap()
    }
}

fn read_rows(path: &Path, rows: &mut Vec<Row>) {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = lines.next().expect("empty table").1.split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("{}: no column {name}", path.display()))
    };
    let (id, name, country, a1, a2, a3, lat, lon, kind, pop, alts) = (
        col("id"),
        col("name"),
        col("country"),
        col("admin1"),
        col("admin2"),
        col("admin3"),
        col("lat"),
        col("lon"),
        col("kind"),
        col("population"),
        col("alt_names"),
    );
    for (i, line) in lines {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let at = |c: usize| cells.get(c).copied().unwrap_or("");
        let bad = |what: &str| -> ! { panic!("{}:{}: bad {what}", path.display(), i + 1) };
        let country_code = Country::from_iso2(at(country)).unwrap_or_else(|| bad("country"));
        let country_index = Country::ALL
            .iter()
            .position(|c| *c == country_code)
            .unwrap() as u8;
        let kind_index = KINDS
            .iter()
            .position(|k| *k == at(kind))
            .unwrap_or_else(|| bad("kind")) as u8;
        let mut names = vec![at(name).to_string()];
        names.extend(
            at(alts)
                .split('|')
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        );
        rows.push(Row {
            gid: at(id).parse().unwrap_or_else(|_| bad("id")),
            name: at(name).to_string(),
            country: country_index,
            admin: [at(a1).to_string(), at(a2).to_string(), at(a3).to_string()],
            lat: at(lat).parse().unwrap_or_else(|_| bad("lat")),
            lon: at(lon).parse().unwrap_or_else(|_| bad("lon")),
            kind: kind_index,
            population: at(pop).parse().unwrap_or(0),
            names,
        });
    }
}

/// Importance of a kind for picking a unit's seat (higher is better).
fn seat_rank(kind: u8) -> u32 {
    match KINDS[kind as usize] {
        "capital" => 6,
        "admin1_seat" => 5,
        "admin2_seat" => 4,
        "admin3_seat" => 3,
        "village" => 2,
        _ => 0,
    }
}

/// For each (country, folded admin name) the place that is the unit's seat: the most
/// important populated place of the unit at `min_rank` or above, one bearing the unit's
/// name first among equals; failing any, a village bearing the unit's name.
fn seats(rows: &[Row], level: usize, min_rank: u32) -> Vec<(u8, String, u32)> {
    let mut best: HashMap<(u8, String), (u32, u32, u32)> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        let unit = fold(&r.admin[level]);
        let rank = seat_rank(r.kind);
        if unit.is_empty() || rank == 0 {
            continue;
        }
        let named = r.names.iter().any(|n| fold(n) == unit);
        if !named && rank < min_rank {
            continue;
        }
        let score = (rank * 2 + u32::from(named), r.population, 0);
        let e = best.entry((r.country, unit)).or_insert((0, 0, 0));
        if (score.0, score.1) > (e.0, e.1) {
            *e = (score.0, score.1, i as u32);
        }
    }
    let mut out: Vec<(u8, String, u32)> = best
        .into_iter()
        .map(|((c, k), (_, _, i))| (c, k, i))
        .collect();
    out.sort();
    out
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for f in ["places.tsv", "manual_places.tsv", "regions_2023.tsv"] {
        println!("cargo::rerun-if-changed=data/{f}");
    }
    let mut rows = Vec::new();
    read_rows(&dir.join("places.tsv"), &mut rows);
    read_rows(&dir.join("manual_places.tsv"), &mut rows);

    let mut strings = Strings::default();
    let mut records = Vec::with_capacity(rows.len() * RECORD_SIZE);
    let mut keys: Vec<(u32, u32)> = Vec::new();
    let mut max_words = 0usize;
    for (i, r) in rows.iter().enumerate() {
        let name = strings.add(&r.name);
        let admins = [
            strings.add(&r.admin[0]),
            strings.add(&r.admin[1]),
            strings.add(&r.admin[2]),
        ];
        records.extend_from_slice(&r.gid.to_le_bytes());
        records.extend_from_slice(&name.to_le_bytes());
        for a in admins {
            records.extend_from_slice(&a.to_le_bytes());
        }
        records.extend_from_slice(&((r.lat * 1e5).round() as i32).to_le_bytes());
        records.extend_from_slice(&((r.lon * 1e5).round() as i32).to_le_bytes());
        records.extend_from_slice(&r.population.to_le_bytes());
        records.extend_from_slice(&[r.country, r.kind, 0, 0]);
        let mut folded: Vec<String> = r
            .names
            .iter()
            .map(|n| fold(n))
            .filter(|k| !k.is_empty())
            .collect();
        folded.sort();
        folded.dedup();
        for k in folded {
            max_words = max_words.max(k.split(' ').count());
            keys.push((strings.add(&k), i as u32));
        }
    }
    keys.sort_by(|a, b| {
        strings
            .get(a.0)
            .as_bytes()
            .cmp(strings.get(b.0).as_bytes())
            .then(a.1.cmp(&b.1))
    });

    let mut gids: Vec<(u64, u32)> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.gid, i as u32))
        .collect();
    gids.sort();
    if let Some(w) = gids.windows(2).find(|w| w[0].0 == w[1].0) {
        panic!("duplicate place id {}", w[0].0);
    }
    let seats1 = seats(&rows, 0, 5);
    let seats2 = seats(&rows, 1, 4);
    let mut seat_bytes = |list: &[(u8, String, u32)]| {
        let mut out = Vec::new();
        for (c, k, i) in list {
            out.extend_from_slice(&u32::from(*c).to_le_bytes());
            out.extend_from_slice(&strings.add(k).to_le_bytes());
            out.extend_from_slice(&i.to_le_bytes());
        }
        out
    };
    let seats1 = seat_bytes(&seats1);
    let seats2 = seat_bytes(&seats2);

    let mut key_bytes = Vec::with_capacity(keys.len() * 8);
    for (k, i) in &keys {
        key_bytes.extend_from_slice(&k.to_le_bytes());
        key_bytes.extend_from_slice(&i.to_le_bytes());
    }
    let mut gid_bytes = Vec::with_capacity(gids.len() * 12);
    for (g, i) in &gids {
        gid_bytes.extend_from_slice(&g.to_le_bytes());
        gid_bytes.extend_from_slice(&i.to_le_bytes());
    }

    // Header, then the sections in a fixed order.
    let sections: [&[u8]; 6] = [
        &strings.bytes,
        &records,
        &key_bytes,
        &gid_bytes,
        &seats1,
        &seats2,
    ];
    let header_len = 4 + 4 * (2 + 2 * sections.len());
    let mut blob = Vec::new();
    blob.extend_from_slice(b"VGZ1");
    blob.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    blob.extend_from_slice(&(max_words as u32).to_le_bytes());
    let mut off = header_len;
    for s in sections {
        blob.extend_from_slice(&(off as u32).to_le_bytes());
        blob.extend_from_slice(&(s.len() as u32).to_le_bytes());
        off += s.len();
    }
    for s in sections {
        blob.extend_from_slice(s);
    }
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("gazetteer.bin");
    fs::write(&out, blob).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

/// Bytes per place record: gid u64, name/admin1/admin2/admin3 u32 string offsets,
/// lat/lon i32 (1e-5 degrees), population u32, country u8, kind u8, 2 bytes padding.
const RECORD_SIZE: usize = 40;
