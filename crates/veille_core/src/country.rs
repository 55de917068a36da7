use serde::{Deserialize, Serialize};

/// A country veille codes events in, with ACLED's spelling and ISO 3166 codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Country {
    /// Mali.
    Mali,
    /// Burkina Faso.
    BurkinaFaso,
    /// Niger.
    Niger,
    /// Senegal.
    Senegal,
    /// Mauritania.
    Mauritania,
    /// Guinea.
    Guinea,
    /// Côte d'Ivoire (ACLED: "Ivory Coast").
    IvoryCoast,
    /// Algeria (only its Sahel border towns are in the gazetteer).
    Algeria,
}

impl Country {
    /// Every country, in the gazetteer's order.
    pub const ALL: [Country; 8] = [
        Country::Mali,
        Country::BurkinaFaso,
        Country::Niger,
        Country::Senegal,
        Country::Mauritania,
        Country::Guinea,
        Country::IvoryCoast,
        Country::Algeria,
    ];

    /// ACLED's country name.
    pub fn name(self) -> &'static str {
        match self {
            Country::Mali => "Mali",
            Country::BurkinaFaso => "Burkina Faso",
            Country::Niger => "Niger",
            Country::Senegal => "Senegal",
            Country::Mauritania => "Mauritania",
            Country::Guinea => "Guinea",
            Country::IvoryCoast => "Ivory Coast",
            Country::Algeria => "Algeria",
        }
    }

    /// ISO 3166-1 alpha-2, as GeoNames uses it.
    pub fn iso2(self) -> &'static str {
        match self {
            Country::Mali => "ML",
            Country::BurkinaFaso => "BF",
            Country::Niger => "NE",
            Country::Senegal => "SN",
            Country::Mauritania => "MR",
            Country::Guinea => "GN",
            Country::IvoryCoast => "CI",
            Country::Algeria => "DZ",
        }
    }

    /// ISO 3166-1 alpha-3, the prefix of ACLED-style event ids.
    pub fn iso3(self) -> &'static str {
        match self {
            Country::Mali => "MLI",
            Country::BurkinaFaso => "BFA",
            Country::Niger => "NER",
            Country::Senegal => "SEN",
            Country::Mauritania => "MRT",
            Country::Guinea => "GIN",
            Country::IvoryCoast => "CIV",
            Country::Algeria => "DZA",
        }
    }

    /// ISO 3166-1 numeric: ACLED's `iso` column.
    pub fn iso_numeric(self) -> u16 {
        match self {
            Country::Mali => 466,
            Country::BurkinaFaso => 854,
            Country::Niger => 562,
            Country::Senegal => 686,
            Country::Mauritania => 478,
            Country::Guinea => 324,
            Country::IvoryCoast => 384,
            Country::Algeria => 12,
        }
    }

    /// From the alpha-2 code.
    pub fn from_iso2(code: &str) -> Option<Country> {
        Country::ALL
            .into_iter()
            .find(|c| c.iso2().eq_ignore_ascii_case(code))
    }

    /// From ACLED's name (case- and accent-insensitive; "Côte d'Ivoire" too).
    pub fn from_name(name: &str) -> Option<Country> {
        let key = crate::fold(name);
        if key == "cote d ivoire" {
            return Some(Country::IvoryCoast);
        }
        Country::ALL
            .into_iter()
            .find(|c| crate::fold(c.name()) == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for c in Country::ALL {
            assert_eq!(Country::from_iso2(c.iso2()), Some(c));
            assert_eq!(Country::from_name(c.name()), Some(c));
        }
        assert_eq!(
            Country::from_name("Côte d’Ivoire"),
            Some(Country::IvoryCoast)
        );
        assert_eq!(Country::Mali.iso_numeric(), 466);
    }
}
