//! One place of the gazetteer and what kind of feature it is.

use veille_core::Country;

/// A place's index in the gazetteer (stable for one build of the data only; use
/// [`Place::gid`] to refer to a place across builds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlaceId(pub u32);

/// What kind of feature a place is, from GeoNames feature codes and OCHA classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// National capital (GeoNames PPLC).
    Capital,
    /// Seat of a region (PPLA; OCHA class 2).
    Admin1Seat,
    /// Seat of a cercle, province or department (PPLA2; OCHA class 3).
    Admin2Seat,
    /// Seat of a commune (PPLA3/PPLA4; OCHA class 4).
    Admin3Seat,
    /// Any other populated place.
    Village,
    /// A region as an area (GeoNames ADM1).
    Admin1Unit,
    /// A cercle/province as an area (ADM2).
    Admin2Unit,
    /// A commune as an area (ADM3).
    Admin3Unit,
    /// A forest or classified forest (L.RESF).
    Forest,
    /// A park or reserve.
    Park,
    /// An area, region, locality or massif (L.AREA, L.RGN, L.LCTY, T.MTS…).
    Area,
    /// A wadi.
    Wadi,
    /// A camp: nomad camp, military installation, fort, refugee camp.
    Camp,
    /// An airport or airfield.
    Airport,
    /// Anything else kept (border posts, lakes, dams).
    Other,
}

impl PlaceKind {
    /// Every kind, in the order `build.rs` numbers them.
    pub const ALL: [PlaceKind; 15] = [
        PlaceKind::Capital,
        PlaceKind::Admin1Seat,
        PlaceKind::Admin2Seat,
        PlaceKind::Admin3Seat,
        PlaceKind::Village,
        PlaceKind::Admin1Unit,
        PlaceKind::Admin2Unit,
        PlaceKind::Admin3Unit,
        PlaceKind::Forest,
        PlaceKind::Park,
        PlaceKind::Area,
        PlaceKind::Wadi,
        PlaceKind::Camp,
        PlaceKind::Airport,
        PlaceKind::Other,
    ];

    /// The name used in `places.tsv`.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Capital => "capital",
            PlaceKind::Admin1Seat => "admin1_seat",
            PlaceKind::Admin2Seat => "admin2_seat",
            PlaceKind::Admin3Seat => "admin3_seat",
            PlaceKind::Village => "village",
            PlaceKind::Admin1Unit => "admin1_unit",
            PlaceKind::Admin2Unit => "admin2_unit",
            PlaceKind::Admin3Unit => "admin3_unit",
            PlaceKind::Forest => "forest",
            PlaceKind::Park => "park",
            PlaceKind::Area => "area",
            PlaceKind::Wadi => "wadi",
            PlaceKind::Camp => "camp",
            PlaceKind::Airport => "airport",
            PlaceKind::Other => "other",
        }
    }

    /// Whether people live there (a town or village of any rank).
    pub fn is_populated(self) -> bool {
        matches!(
            self,
            PlaceKind::Capital
                | PlaceKind::Admin1Seat
                | PlaceKind::Admin2Seat
                | PlaceKind::Admin3Seat
                | PlaceKind::Village
        )
    }

    /// Whether it is a natural or protected area a report can name as a zone.
    pub fn is_feature(self) -> bool {
        matches!(
            self,
            PlaceKind::Forest | PlaceKind::Park | PlaceKind::Area | PlaceKind::Wadi
        )
    }

    /// Importance for choosing among homonyms: capital 5 … village 1, others 0.
    pub fn rank(self) -> u8 {
        match self {
            PlaceKind::Capital => 5,
            PlaceKind::Admin1Seat => 4,
            PlaceKind::Admin2Seat => 3,
            PlaceKind::Admin3Seat => 2,
            PlaceKind::Village => 1,
            _ => 0,
        }
    }
}

impl std::fmt::Display for PlaceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One place, read from the embedded blob.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Index in this gazetteer.
    pub id: PlaceId,
    /// GeoNames id; OCHA-only places get 9,000,000,000 + their P-code digits, hand-added
    /// places 8,000,000,000 + n.
    pub gid: u64,
    /// Display name (accented GeoNames/French form where one exists).
    pub name: &'static str,
    /// Country.
    pub country: Country,
    /// Region (Mali: one of the 11 GeoNames regions).
    pub admin1: &'static str,
    /// Cercle / province / department (may be empty).
    pub admin2: &'static str,
    /// Commune (Mali; may be empty).
    pub admin3: &'static str,
    /// Latitude, degrees (5 decimals).
    pub lat: f64,
    /// Longitude, degrees (5 decimals).
    pub lon: f64,
    /// Kind of feature.
    pub kind: PlaceKind,
    /// Population when GeoNames knows it, else 0.
    pub population: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_are_distinct_and_ordered() {
        let names: Vec<&str> = PlaceKind::ALL.iter().map(|k| k.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), PlaceKind::ALL.len());
        assert!(PlaceKind::Capital.rank() > PlaceKind::Admin1Seat.rank());
        assert!(PlaceKind::Admin3Seat.rank() > PlaceKind::Village.rank());
        assert!(!PlaceKind::Wadi.is_populated() && PlaceKind::Wadi.is_feature());
    }
}
