//! Meeting places on the map: a place name resolved against a compact GeoNames extract of
//! countries and cities (`data/places/places.tsv`, CC BY 4.0, built by
//! `scripts/build-places.py`, compiled in) to a canonical name, country code and coordinates.
//!
//! A name matches ignoring case, accents, punctuation and a leading "the" ("the Kremlin",
//! "U.S."); a country is placed at its capital; landmarks that stand for a city ("White House",
//! "Downing Street") are the city. A name not in the extract (a region, a historical state) has
//! no coordinates.
//!
//! ```
//! let p = whomet_graph::places::resolve("Tehran").unwrap();
//! assert_eq!((p.name, p.country), ("Tehran", "IR"));
//! assert!((p.lat - 35.69).abs() < 0.01 && (p.lng - 51.42).abs() < 0.01);
//! assert_eq!(whomet_graph::places::resolve("the Kremlin").unwrap().name, "Moscow");
//! assert!(whomet_graph::places::resolve("Middle East").is_none());
//! ```

use crate::HashMap;
use std::sync::OnceLock;

/// A resolved place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    /// Canonical GeoNames name ("Kyiv" for "Kiev").
    pub name: &'static str,
    /// ISO 3166-1 alpha-2 country code.
    pub country: &'static str,
    /// Latitude, WGS 84 degrees.
    pub lat: f64,
    /// Longitude, WGS 84 degrees.
    pub lng: f64,
    /// A country (placed at its capital) rather than a city.
    pub is_country: bool,
}

const TABLE: &str = include_str!("../../../data/places/places.tsv");

fn table() -> &'static HashMap<String, Place> {
    static TABLE_MAP: OnceLock<HashMap<String, Place>> = OnceLock::new();
    TABLE_MAP.get_or_init(|| {
        let mut map: HashMap<String, Place> = HashMap::default();
        for line in TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let f: Vec<&str> = line.split('\t').collect();
            let [name, canonical, country, lat, lng, kind, _id] = f[..] else {
                continue;
            };
            let (Ok(lat), Ok(lng)) = (lat.parse(), lng.parse()) else {
                continue;
            };
            let place = Place {
                name: canonical,
                country,
                lat,
                lng,
                is_country: kind == "country",
            };
            // Two names that fold alike: a country before a city, else the first.
            match map.entry(whomet_core::fold_name(name)) {
                std::collections::hash_map::Entry::Occupied(mut o) => {
                    if place.is_country && !o.get().is_country {
                        o.insert(place);
                    }
                }
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(place);
                }
            }
        }
        map
    })
}

/// The place `name` stands for, when the extract has it.
pub fn resolve(name: &str) -> Option<Place> {
    let name = name.trim();
    let name = ["the ", "The "]
        .iter()
        .find_map(|t| name.strip_prefix(t))
        .unwrap_or(name);
    let key = whomet_core::fold_name(name);
    if key.is_empty() {
        return None;
    }
    table().get(&key).copied()
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn countries_cities_and_landmarks_resolve() {
        let r = |s: &str| resolve(s).map(|p| (p.name, p.country, p.is_country));
        assert_eq!(r("Iran"), Some(("Iran", "IR", true)));
        assert_eq!(r("U.S."), Some(("United States", "US", true)));
        assert_eq!(r("Britain"), Some(("United Kingdom", "GB", true)));
        assert_eq!(r("Doha"), Some(("Doha", "QA", false)));
        assert_eq!(r("Kiev"), Some(("Kyiv", "UA", false)));
        assert_eq!(r("White House"), Some(("Washington", "US", false)));
        assert_eq!(r("Washington"), Some(("Washington", "US", false)));
        assert_eq!(r("Georgia"), Some(("Georgia", "GE", true)));
        assert_eq!(r("Sao Paulo"), Some(("São Paulo", "BR", false)));
        assert_eq!(r(""), None);
        assert_eq!(r("Atlantis"), None);
    }
}
