//! Mali's 2023 regions (19 regions + Bamako), from `data/regions_2023.tsv`. GeoNames and
//! ACLED still use the 11 older regions, so a 2023 region is coded at its capital with
//! the capital's GeoNames region as admin1.

use crate::{GazetteerError, PlaceId};
use veille_core::fold;

/// One region of Mali's 2023 reform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region2023 {
    /// The region's name ("Nioro", "Bandiagara").
    pub name: String,
    /// Folded name and alternate names ("nioro", "nioro du sahel").
    pub keys: Vec<String>,
    /// Its capital.
    pub capital: PlaceId,
    /// The GeoNames region (admin1) the capital lies in ("Kayes" for Nioro).
    pub admin1: String,
    /// Approximate list of the pre-reform cercles it covers.
    pub old_cercles: Vec<String>,
}

/// Parses the table; `by_gid` resolves capital ids.
pub(crate) fn parse(
    text: &str,
    by_gid: impl Fn(u64) -> Option<PlaceId>,
) -> Result<Vec<Region2023>, GazetteerError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |reason: &str| GazetteerError::Region {
            line: i + 1,
            reason: reason.to_string(),
        };
        let cells: Vec<&str> = line.split('\t').collect();
        let [name, alts, capital, _capital_name, admin1, old] = cells[..] else {
            return Err(bad("expected 6 columns"));
        };
        let gid: u64 = capital
            .parse()
            .map_err(|_| bad("capital_id is not a number"))?;
        let capital = by_gid(gid).ok_or_else(|| bad("capital_id is not in the gazetteer"))?;
        let mut keys = vec![fold(name)];
        keys.extend(alts.split('|').filter(|a| !a.is_empty()).map(fold));
        out.push(Region2023 {
            name: name.to_string(),
            keys,
            capital,
            admin1: admin1.to_string(),
            old_cercles: old
                .split(';')
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .collect(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_bad_rows_with_line_numbers() {
        let text = "region\talt_names\tcapital_id\tcapital\tadmin1\told_cercles\nNioro\t\tx\tNioro\tKayes\t\n";
        let err = parse(text, |_| Some(PlaceId(0))).unwrap_err();
        assert_eq!(
            err.to_string(),
            "regions_2023.tsv:2: capital_id is not a number"
        );
        let ok = "h\nNioro\tNioro du Sahel\t1\tNioro\tKayes\tNioro;Diéma\n";
        let regions = parse(ok, |_| Some(PlaceId(7))).unwrap();
        assert_eq!(regions[0].keys, vec!["nioro", "nioro du sahel"]);
        assert_eq!(regions[0].old_cercles.len(), 2);
    }
}
