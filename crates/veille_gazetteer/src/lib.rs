//! The embedded gazetteer of Mali and its neighbours: about 90,000 places (towns,
//! villages, admin units, forests, parks, wadis, camps, airports) of ML, SN, MR, BF, NE,
//! GN, CI and the larger towns of DZ, with their admin1/admin2/admin3 names, point,
//! kind and alternate names.
//!
//! This crate owns the data and its index, nothing else. It is fed by the tables in
//! `data/` (made by `tools/gazetteer/build.py` from GeoNames, OCHA Mali and Natural
//! Earth; see `data/ATTRIBUTION.md`), which `build.rs` packs into a binary blob embedded
//! in the library. [`Gazetteer::embedded`] costs nothing at start-up: records are read
//! from the blob on demand and name lookups are binary searches over pre-sorted keys.
//! It feeds `veille_geocode`, which finds place names in text and picks the right
//! homonym.
//!
//! Every name key is [`veille_core::fold`]ed (accents, case, hyphens and apostrophes
//! ignored), so callers look up folded text.
//!
//! ```
//! use veille_core::{fold, Country};
//! use veille_gazetteer::{Gazetteer, PlaceKind};
//!
//! let gaz = Gazetteer::embedded();
//! let ids = gaz.lookup(&fold("Diéma"));
//! let diema = ids.iter().map(|&id| gaz.place(id)).find(|p| p.kind == PlaceKind::Admin2Seat).unwrap();
//! assert_eq!(diema.name, "Diéma");
//! assert_eq!(diema.admin1, "Kayes");
//! let kayes = gaz.place(gaz.admin1_seat(Country::Mali, "Kayes").unwrap());
//! assert!(veille_gazetteer::haversine_km(diema.lat, diema.lon, kayes.lat, kayes.lon) < 300.0);
//! ```
#![deny(missing_docs)]

mod blob;
mod place;
mod regions;

use std::sync::OnceLock;

use thiserror::Error;
use veille_core::{Country, fold};

use blob::Blob;
pub use place::{Place, PlaceId, PlaceKind};
pub use regions::Region2023;

/// The packed gazetteer produced by `build.rs`.
static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));
/// Mali's 2023 regions (small; parsed on first use).
static REGIONS_2023_TSV: &str = include_str!("../data/regions_2023.tsv");

/// A gazetteer that cannot be opened.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum GazetteerError {
    /// The packed index is truncated or not in the expected format.
    #[error("gazetteer blob: {0}")]
    Blob(String),
    /// A row of the 2023 regions table is malformed.
    #[error("regions_2023.tsv:{line}: {reason}")]
    Region {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// The gazetteer: a read-only view over the packed blob.
#[derive(Debug)]
pub struct Gazetteer {
    blob: Blob,
    regions: Vec<Region2023>,
}

impl Gazetteer {
    /// The gazetteer embedded in the binary, opened once.
    pub fn embedded() -> &'static Gazetteer {
        static GAZ: OnceLock<Gazetteer> = OnceLock::new();
        // The blob and the table are written by our own build script and checked by
        // this crate's tests, so failing to open them is a build defect, not bad input.
        GAZ.get_or_init(|| {
            Gazetteer::open(BLOB, REGIONS_2023_TSV).expect("the embedded gazetteer opens")
        })
    }

    /// Opens a packed blob and a 2023 regions table.
    pub fn open(blob: &'static [u8], regions_tsv: &str) -> Result<Gazetteer, GazetteerError> {
        let blob = Blob::parse(blob)?;
        let mut gaz = Gazetteer {
            blob,
            regions: Vec::new(),
        };
        gaz.regions = regions::parse(regions_tsv, |gid| gaz.by_gid(gid))?;
        Ok(gaz)
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.blob.len()
    }

    /// Whether the gazetteer has no place (never true for the embedded one).
    pub fn is_empty(&self) -> bool {
        self.blob.len() == 0
    }

    /// Every place whose name or alternate name folds to `folded_key` (which must
    /// already be folded with [`veille_core::fold`]).
    pub fn lookup(&self, folded_key: &str) -> Vec<PlaceId> {
        self.blob
            .lookup(folded_key)
            .into_iter()
            .map(PlaceId)
            .collect()
    }

    /// Whether some name starts with the folded words `folded_prefix` followed by a
    /// space: lets a matcher stop extending a word sequence early.
    pub fn has_longer_name(&self, folded_prefix: &str) -> bool {
        self.blob.has_key_prefix(&format!("{folded_prefix} "))
    }

    /// The place behind an id. Ids come from this gazetteer; an id out of range
    /// yields the first place rather than panicking.
    pub fn place(&self, id: PlaceId) -> Place {
        self.blob.place(id.0)
    }

    /// The place with this GeoNames id (or synthetic id for OCHA-only and hand-added places).
    pub fn by_gid(&self, gid: u64) -> Option<PlaceId> {
        self.blob.by_gid(gid).map(PlaceId)
    }

    /// The longest name key, in words.
    pub fn max_name_words(&self) -> usize {
        self.blob.max_words()
    }

    /// One of Mali's 2023 regions by folded name ("nioro", "nioro du sahel", "bandiagara").
    pub fn region_2023(&self, folded_key: &str) -> Option<Region2023> {
        self.regions
            .iter()
            .find(|r| r.keys.iter().any(|k| k == folded_key))
            .cloned()
    }

    /// All of Mali's 2023 regions.
    pub fn regions_2023(&self) -> &[Region2023] {
        &self.regions
    }

    /// The seat (capital) of an admin1 unit: `admin1` is compared folded, so "Ségou"
    /// and "segou" both work.
    pub fn admin1_seat(&self, country: Country, admin1: &str) -> Option<PlaceId> {
        self.blob
            .seat(0, country_index(country), &fold(admin1))
            .map(PlaceId)
    }

    /// The seat of an admin2 unit (for Mali, the cercle's capital).
    pub fn admin2_seat(&self, country: Country, admin2: &str) -> Option<PlaceId> {
        self.blob
            .seat(1, country_index(country), &fold(admin2))
            .map(PlaceId)
    }

    /// Every place id, in storage order (by country, then id).
    pub fn ids(&self) -> impl Iterator<Item = PlaceId> + '_ {
        (0..self.blob.len() as u32).map(PlaceId)
    }

    /// The nearest place accepted by `keep` within `max_km`, with its distance.
    /// A linear scan (a few milliseconds): for occasional use, not per word.
    pub fn nearest(
        &self,
        lat: f64,
        lon: f64,
        max_km: f64,
        mut keep: impl FnMut(&Place) -> bool,
    ) -> Option<(PlaceId, f64)> {
        let mut best: Option<(PlaceId, f64)> = None;
        // One degree of latitude is about 111 km: a cheap box test before haversine.
        let box_deg = max_km / 100.0;
        for id in self.ids() {
            let (plat, plon) = self.blob.point(id.0);
            if (plat - lat).abs() > box_deg
                || (plon - lon).abs() > box_deg / lat.to_radians().cos().max(0.2)
            {
                continue;
            }
            let d = haversine_km(lat, lon, plat, plon);
            if d <= max_km && best.is_none_or(|(_, b)| d < b) && keep(&self.place(id)) {
                best = Some((id, d));
            }
        }
        best
    }
}

fn country_index(country: Country) -> u8 {
    Country::ALL.iter().position(|c| *c == country).unwrap_or(0) as u8
}

/// Great-circle distance in kilometres.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0088;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(gaz: &Gazetteer, name: &str, country: Country) -> Vec<Place> {
        gaz.lookup(&fold(name))
            .into_iter()
            .map(|id| gaz.place(id))
            .filter(|p| p.country == country)
            .collect()
    }

    #[test]
    fn packed_data_opens_with_expected_size() {
        let gaz = Gazetteer::embedded();
        assert!(
            gaz.len() > 50_000 && gaz.len() < 200_000,
            "{} places",
            gaz.len()
        );
        assert!((4..=20).contains(&gaz.max_name_words()));
        for id in [PlaceId(0), PlaceId(gaz.len() as u32 - 1)] {
            let p = gaz.place(id);
            assert!(!p.name.is_empty());
            assert!(
                (0.0..40.0).contains(&p.lat) && (-20.0..16.0).contains(&p.lon),
                "{p:?}"
            );
        }
    }

    #[test]
    fn well_known_malian_places() {
        let gaz = Gazetteer::embedded();
        let kayes = find(gaz, "Kayes", Country::Mali);
        assert!(
            kayes
                .iter()
                .any(|p| p.kind == PlaceKind::Admin1Seat && (p.lat - 14.447).abs() < 0.01)
        );
        let diema = find(gaz, "diema", Country::Mali);
        assert!(
            diema
                .iter()
                .any(|p| p.name == "Diéma" && p.kind == PlaceKind::Admin2Seat)
        );
        for spelling in ["Kaniera", "Kaniara", "Kaniéra"] {
            let found = find(gaz, spelling, Country::Mali);
            assert!(
                found
                    .iter()
                    .any(|p| p.gid == 2455713 && p.admin3 == "Lakamané"),
                "{spelling}"
            );
        }
        let lakamane = find(gaz, "Lakamane", Country::Mali);
        assert!(
            lakamane
                .iter()
                .any(|p| p.admin2 == "Diéma" && (p.lat - 14.51).abs() < 0.05)
        );
        let nioro = find(gaz, "Nioro du Sahel", Country::Mali);
        assert!(
            nioro
                .iter()
                .any(|p| p.gid == 2452651 && p.admin1 == "Kayes")
        );
    }

    #[test]
    fn hand_added_boulkessi() {
        let gaz = Gazetteer::embedded();
        for spelling in ["Boulkessi", "BOULKESSY"] {
            let found = find(gaz, spelling, Country::Mali);
            assert_eq!(found.len(), 1, "{spelling}");
            let b = &found[0];
            assert_eq!(
                (b.admin1, b.admin2, b.admin3),
                ("Mopti", "Douentza", "Mondoro")
            );
            assert_eq!(b.kind, PlaceKind::Camp);
            // Its nearest town or village in the data is also in Mondoro commune.
            let (near, km) = gaz
                .nearest(b.lat, b.lon, 60.0, |p| p.kind.is_populated())
                .unwrap();
            assert_eq!(gaz.place(near).admin3, "Mondoro", "{km} km");
        }
    }

    #[test]
    fn tessit_longitude_is_east_of_greenwich() {
        let gaz = Gazetteer::embedded();
        let tessit = find(gaz, "Tessit", Country::Mali);
        assert!(!tessit.is_empty());
        for p in &tessit {
            assert!(p.lon > 0.2 && p.lon < 0.4, "{p:?}");
            assert_eq!(p.admin1, "Gao");
        }
        let menaka = find(gaz, "Ménaka", Country::Mali);
        assert!(menaka.iter().all(|p| p.lon > 0.0), "{menaka:?}");
    }

    #[test]
    fn seats_of_regions_and_cercles() {
        let gaz = Gazetteer::embedded();
        let seat = |c, a| gaz.admin1_seat(c, a).map(|id| gaz.place(id).name);
        assert_eq!(seat(Country::Mali, "Kayes"), Some("Kayes"));
        assert_eq!(seat(Country::Mali, "segou"), Some("Ségou"));
        assert_eq!(seat(Country::Mali, "Ménaka"), Some("Ménaka"));
        assert_eq!(seat(Country::Mali, "Tombouctou"), Some("Timbuktu"));
        assert_eq!(seat(Country::BurkinaFaso, "Sahel"), Some("Dori"));
        let cercle = |a| {
            gaz.admin2_seat(Country::Mali, a)
                .map(|id| gaz.place(id).name)
        };
        assert_eq!(cercle("Kita"), Some("Kita"));
        assert_eq!(cercle("Diéma"), Some("Diéma"));
        assert_eq!(cercle("Kayes"), Some("Kayes"));
        assert_eq!(cercle("Douentza"), Some("Douentza"));
        assert_eq!(gaz.admin1_seat(Country::Mali, "Atlantis"), None);
    }

    #[test]
    fn regions_of_2023() {
        let gaz = Gazetteer::embedded();
        let nioro = gaz.region_2023("nioro").unwrap();
        assert_eq!(gaz.place(nioro.capital).gid, 2452651);
        assert_eq!(nioro.admin1, "Kayes");
        assert_eq!(gaz.region_2023("nioro du sahel").unwrap().name, nioro.name);
        let bandiagara = gaz.region_2023("bandiagara").unwrap();
        assert_eq!(gaz.place(bandiagara.capital).name, "Bandiagara");
        assert_eq!(bandiagara.admin1, "Mopti");
        assert_eq!(gaz.regions_2023().len(), 20);
    }

    #[test]
    fn nearest_town() {
        let gaz = Gazetteer::embedded();
        let (id, km) = gaz
            .nearest(14.54, -9.19, 20.0, |p| p.kind == PlaceKind::Admin2Seat)
            .unwrap();
        assert_eq!(gaz.place(id).name, "Diéma");
        assert!(km < 1.0);
    }

    #[test]
    fn haversine_bamako_gao() {
        let d = haversine_km(12.65, -8.0, 16.27167, -0.04472);
        assert!((d - 950.0).abs() < 15.0, "{d}");
        assert_eq!(haversine_km(1.0, 2.0, 1.0, 2.0), 0.0);
    }
}
