#!/usr/bin/env python3
"""Build veille's embedded gazetteer tables from the GeoNames / OCHA / Natural Earth data.

Usage: python3 tools/gazetteer/build.py [DATA_DIR]

DATA_DIR defaults to ../shared/data/gazetteer relative to the repository root (see its
SOURCES.md). Writes, into crates/veille_gazetteer/data/:

- places.tsv       one row per kept feature (GeoNames + OCHA Mali settlements, merged)
- corrections.tsv  every coordinate fixed or row dropped by the data-fault checks
- regions_2023.tsv Mali's 2023 regions with their capital place id

manual_places.tsv (hand-kept places) and extra_names.tsv (press spellings) are inputs
kept in the same folder; extra names are merged here, manual places are packed by the
crate's build.rs. Standard library only; output is deterministic (sorted, fixed rounding).
"""

import csv
import json
import math
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(REPO, "crates", "veille_gazetteer", "data")
COUNTRIES = ["ML", "SN", "MR", "BF", "NE", "GN", "CI"]
ISO_N3 = {"466": "ML", "686": "SN", "478": "MR", "854": "BF", "562": "NE", "324": "GN", "384": "CI", "012": "DZ", "12": "DZ"}

# GeoNames feature codes kept, and the gazetteer kind they map to. P.* is handled apart.
FEATURE_KIND = {
    "A.ADM1": "admin1_unit", "A.ADM2": "admin2_unit", "A.ADM3": "admin3_unit",
    "L.RESF": "forest", "V.FRST": "forest",
    "L.PRK": "park", "L.RESN": "park", "L.RESW": "park", "L.RES": "park", "L.RESV": "park",
    "L.AREA": "area", "L.RGN": "area", "L.RGNE": "area", "L.LCTY": "area", "L.OAS": "area",
    "T.MTS": "area", "T.PLAT": "area",
    "H.WAD": "wadi",
    "S.CMP": "camp", "S.CMPRF": "camp", "S.CMPQ": "camp", "S.INSM": "camp", "S.MLTRY": "camp",
    "S.FT": "camp",
    "S.AIRP": "airport", "S.AIRF": "airport", "S.AIRB": "airport",
    "S.PSTB": "other", "S.PSTC": "other", "H.LK": "other", "S.DAM": "other",
}
PLACE_KIND_BY_CODE = {"PPLC": "capital", "PPLA": "admin1_seat", "PPLA2": "admin2_seat",
                      "PPLA3": "admin3_seat", "PPLA4": "admin3_seat"}
OCHA_CLASS_KIND = {"1": "capital", "2": "admin1_seat", "3": "admin2_seat", "4": "admin3_seat", "5": "village"}
KIND_RANK = {"capital": 6, "admin1_seat": 5, "admin2_seat": 4, "admin3_seat": 3, "village": 2}

# ACLED's spellings where GeoNames differs (after " Region" is dropped).
ADMIN1_SPELLING = {"Hodh Ech Chargi": "Hodh Ech Chargui"}

MANUAL_ID_BASE = 8_000_000_000
OCHA_ID_BASE = 9_000_000_000


def fold(s):
    """Same key as veille_core::fold: NFD, marks dropped, lower case, hyphens,
    apostrophes, underscores and dots to spaces, white space collapsed."""
    out = []
    for c in unicodedata.normalize("NFD", s):
        if unicodedata.category(c).startswith("M"):
            continue
        if c in "-\u2010\u2011\u2013\u2014'\u2019\u2018`\u02bc_.":
            c = " "
        out.append(c.lower())
    return " ".join("".join(out).split())


def is_latin_name(s):
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return False
    for c in letters:
        try:
            if not unicodedata.name(c).startswith("LATIN"):
                return False
        except ValueError:
            return False
    return True


CODE_RE = re.compile(r"^[A-Z0-9]{2,5}$")


def usable_name(s):
    s = s.strip()
    if len(s) < 1 or not is_latin_name(s):
        return False
    if s.isdigit() or CODE_RE.match(s) or "http" in s or "www." in s or "/" in s:
        return False
    return True


def strip_admin_suffix(name):
    for suffix in (" Autonomous District", " District", " Region", " Cercle", " Prefecture",
                   " Province", " Department"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


FEATURE_PREFIX_RE = re.compile(
    r"^(?:forêt classée|foret classee|forêt|foret|parc national|parc régional|parc|"
    r"réserve(?: totale| partielle)?(?: de faune)?|reserve(?: totale| partielle)?(?: de faune)?|"
    r"zone|aire protégée|ranch de gibier|ranch)\s+(?:de la |de l'|de l’|du |des |de |d'|d’)?",
    re.IGNORECASE)


def short_feature_name(name):
    m = FEATURE_PREFIX_RE.match(name)
    if m and m.end() < len(name):
        return name[m.end():].strip()
    return None


# ---------------------------------------------------------------- geometry

class Shape:
    """A (multi)polygon for point-in-polygon tests: even-odd ray casting over every
    ring, with edges bucketed by latitude band so a test looks at a few edges only."""

    BAND = 0.05

    def __init__(self, geometry):
        polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        self.edges = defaultdict(list)
        self.vertices = []
        xs, ys = [], []
        for poly in polys:
            for ring in poly:
                for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
                    xs.append(x1)
                    ys.append(y1)
                    self.vertices.append((x1, y1))
                    if y1 == y2:
                        continue
                    lo, hi = min(y1, y2), max(y1, y2)
                    for b in range(int(math.floor(lo / self.BAND)), int(math.floor(hi / self.BAND)) + 1):
                        self.edges[b].append((x1, y1, x2, y2))
        self.bbox = (min(xs), min(ys), max(xs), max(ys))

    def contains(self, lon, lat):
        x0, y0, x1, y1 = self.bbox
        if not (x0 <= lon <= x1 and y0 <= lat <= y1):
            return False
        inside = False
        for (ax, ay, bx, by) in self.edges.get(int(math.floor(lat / self.BAND)), ()):
            if (ay > lat) != (by > lat):
                x = ax + (lat - ay) * (bx - ax) / (by - ay)
                if x > lon:
                    inside = not inside
        return inside

    def near_km(self, lon, lat, km):
        """Whether a vertex of the outline lies within `km` (a cheap border tolerance)."""
        x0, y0, x1, y1 = self.bbox
        d = km / 100.0
        if not (x0 - d <= lon <= x1 + d and y0 - d <= lat <= y1 + d):
            return False
        return any(haversine(lat, lon, vy, vx) <= km for vx, vy in self.vertices
                   if abs(vy - lat) <= d and abs(vx - lon) <= d)


def haversine(lat1, lon1, lat2, lon2):
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(min(1.0, a)))


def load_geojson(path, key):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return {key(feat["properties"]): (feat["properties"], Shape(feat["geometry"])) for feat in data["features"]}


# ---------------------------------------------------------------- inputs

def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[0], rows[1:]


def read_geonames(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 19:
                yield cols


class Place:
    __slots__ = ("id", "name", "country", "admin1", "admin2", "admin3", "lat", "lon", "kind",
                 "population", "alts", "feature", "source")

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw.get(k))

    def names(self):
        return [self.name] + self.alts


def add_alt(place, name):
    name = " ".join(name.split())
    if not name or not usable_name(name):
        return
    if name != place.name and name not in place.alts:
        place.alts.append(name)


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared", "data", "gazetteer")
    data = os.path.abspath(data)
    corrections = []

    def correct(pid, name, what, old, new):
        corrections.append((str(pid), name, what, old, new))

    # -- hand-kept fixes for faults the polygon checks cannot see (a sign error that
    #    still lands inside the right commune)
    _, rows = read_tsv(os.path.join(OUT, "known_faults.tsv"))
    known_faults = {r[0]: (r[1], float(r[2])) for r in rows if r and not r[0].startswith("#")}

    def apply_known_fault(pid, name, lat, lon):
        fault = known_faults.get(pid)
        if fault is None:
            return lat, lon
        field, value = fault
        correct(pid, name, f"{field} (known fault)", f"{lat if field == 'lat' else lon:.5f}", f"{value:.5f}")
        return (value, lon) if field == "lat" else (lat, value)

    # -- code tables
    _, rows = read_tsv(os.path.join(data, "geonames", "admin1_codes_sahel.tsv"))
    admin1_table = {}
    for code, name in rows:
        name = strip_admin_suffix(name)
        admin1_table[code] = ADMIN1_SPELLING.get(name, name)
    _, rows = read_tsv(os.path.join(data, "geonames", "admin2_codes_sahel.tsv"))
    admin2_table = {code: strip_admin_suffix(name) for code, name in rows}

    with open(os.path.join(data, "crosswalk", "mli_admin1_regions_crosswalk.csv"), encoding="utf-8") as f:
        ml_regions = list(csv.DictReader(f))
    ml_admin1_by_gn = {}
    ml_admin1_by_ocha = {}
    for r in ml_regions:
        name = r["name_fr"].replace(" (District)", "")
        ml_admin1_by_gn[r["geonames_admin1_code"]] = name
        if r["ocha_2015_admin1Pcod"].startswith("ML") and len(r["ocha_2015_admin1Pcod"]) == 4:
            ml_admin1_by_ocha[r["ocha_2015_admin1Pcod"]] = name
    ocha_of_gn_admin1 = {r["geonames_admin1_code"]: r["ocha_2015_admin1Pcod"] for r in ml_regions}
    ocha_of_gn_admin1["12070577"] = "ML07"
    ocha_of_gn_admin1["12070575"] = "ML06"

    # -- polygons
    ocha = os.path.join(data, "ocha_mli")
    ml_adm1 = load_geojson(os.path.join(ocha, "mli_adm1_2015.geojson"), lambda p: p["admin1Pcod"])
    ml_adm2 = load_geojson(os.path.join(ocha, "mli_adm2_2015.geojson"), lambda p: p["admin2Pcod"])
    ml_adm3 = load_geojson(os.path.join(ocha, "mli_adm3_2015.geojson"), lambda p: p["admin3Pcod"])
    ne_countries = load_geojson(os.path.join(data, "naturalearth", "ne_10m_countries_westafrica.geojson"),
                                lambda p: ISO_N3.get(p["iso_n3"], p["iso_n3"]))
    with open(os.path.join(data, "naturalearth", "ne_10m_admin1_sahel.geojson"), encoding="utf-8") as f:
        ne_admin1 = [(feat["properties"], Shape(feat["geometry"])) for feat in json.load(f)["features"]]
    mali_outline = ne_countries["ML"][1]

    def ocha_region_at(lon, lat):
        for code, (_, shape) in ml_adm1.items():
            if shape.contains(lon, lat):
                return code
        return None

    def admin1_by_polygon(cc, lon, lat):
        for props, shape in ne_admin1:
            if props["iso_a2"] == cc and shape.contains(lon, lat):
                code = props["gn_a1_code"]
                if code in admin1_table:
                    return admin1_table[code]
                by_fold = {fold(v): v for k, v in admin1_table.items() if k.startswith(cc + ".")}
                for cand in (props.get("region") or "", props["name"]):
                    if fold(cand) in by_fold:
                        return by_fold[fold(cand)]
                return props.get("region") or props["name"]
        return ""

    # -- accents: OCHA names are mostly ASCII; borrow the accented GeoNames spelling
    accent_votes = defaultdict(Counter)
    for cols in read_geonames(os.path.join(data, "geonames", "ML.txt")):
        for n in [cols[1]]:
            n = strip_admin_suffix(n.strip())
            if n and not n.isascii() and is_latin_name(n):
                accent_votes[fold(n)][n] += 1

    def accented(name):
        votes = accent_votes.get(fold(name))
        if name.isascii() and votes:
            return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        return name

    def commune_name(name):
        # OCHA calls the commune of a cercle's seat "Kayes Commune"; ACLED says "Kayes".
        if name.endswith(" Commune"):
            name = name[: -len(" Commune")]
        return accented(name)

    # -- Mali cercles: OCHA pcode -> name
    with open(os.path.join(data, "crosswalk", "mli_admin2_cercles_crosswalk.csv"), encoding="utf-8") as f:
        cercles = {r["ocha_admin2Pcod"]: accented(r["ocha_admin2Name"]) for r in csv.DictReader(f)}

    def ml_admin1_of_ocha(adm2_pcode, adm1_pcode):
        if adm2_pcode == "ML0704":
            return "Ménaka"
        return ml_admin1_by_ocha.get(adm1_pcode, "")

    # -- polygon join of GeoNames Mali rows
    _, rows = read_tsv(os.path.join(data, "crosswalk", "ML_geonames_to_ocha_adm3.tsv"))
    ml_join = {}
    for r in rows:
        ml_join[r[0]] = {"adm1": r[7], "adm2": r[9], "adm2name": r[10], "adm3": r[11], "adm3name": r[12]}

    places = []
    by_id = {}

    # ---------------------------------------------------------------- GeoNames
    def kind_of(fclass, fcode):
        if fclass == "P":
            return PLACE_KIND_BY_CODE.get(fcode, "village")
        return FEATURE_KIND.get(fclass + "." + fcode)

    taoudenit_votes = []  # (lat, lon, admin1) of GeoNames Tombouctou/Taoudénit places
    sources = [(cc, os.path.join(data, "geonames", cc + ".txt")) for cc in COUNTRIES]
    sources.append(("DZ", os.path.join(data, "geonames", "cities500_sahel.txt")))
    for cc, path in sources:
        for cols in read_geonames(path):
            gid, name, asciiname, alts = cols[0], cols[1].strip(), cols[2].strip(), cols[3]
            lat, lon = float(cols[4]), float(cols[5])
            fclass, fcode, country = cols[6], cols[7], cols[8]
            if country != cc or gid in by_id:
                continue
            fixed = apply_known_fault(gid, name, lat, lon)
            moved = fixed != (lat, lon)
            lat, lon = fixed
            kind = kind_of(fclass, fcode)
            if kind is None:
                continue
            if not usable_name(name):
                latin = [a for a in [asciiname] + alts.split(",") if usable_name(a)]
                if not latin:
                    continue
                name = latin[0]
            p = Place(id=int(gid), name=name, country=cc, admin1="", admin2="", admin3="", lat=lat, lon=lon,
                      kind=kind, population=int(cols[14] or 0), alts=[], feature=fclass + "." + fcode,
                      source="geonames")
            for a in [asciiname] + alts.split(","):
                add_alt(p, a)
            if kind.endswith("_unit"):
                add_alt(p, strip_admin_suffix(name))
            if kind in ("forest", "park", "area"):
                short = short_feature_name(name)
                if short:
                    add_alt(p, short)
            a1code, a2code = cols[10], cols[11]

            if cc == "ML":
                # Region-level fault check: the point must lie in its GeoNames region
                # (OCHA polygons; Ménaka is in old Gao, Taoudénit in old Tombouctou).
                want = ocha_of_gn_admin1.get(a1code)
                # The polygon join was made on the raw coordinates: void it for moved points.
                j = None if moved else ml_join.get(gid)
                got = j["adm1"] if j and j["adm1"] else None
                if want and got and got != want and fclass == "P":
                    flipped = ocha_region_at(-lon, lat)
                    if flipped == want:
                        correct(gid, name, "lon sign (GeoNames)", f"{lon:.5f}", f"{-lon:.5f}")
                        p.lon = -lon
                        j = None
                        got = want
                if not mali_outline.contains(p.lon, p.lat) and not (j and j["adm1"]):
                    if fclass == "P":
                        if mali_outline.contains(-p.lon, p.lat):
                            correct(gid, name, "lon sign (GeoNames)", f"{p.lon:.5f}", f"{-p.lon:.5f}")
                            p.lon = -p.lon
                        elif not mali_outline.near_km(p.lon, p.lat, 5):
                            correct(gid, name, "dropped: outside Mali", f"{p.lat:.5f},{p.lon:.5f}", "")
                            continue
                    elif a1code == "00":
                        # Border rivers, dunes and the like located outside Mali.
                        continue
                if a1code in ("12070577", "12070575"):
                    p.admin1 = ml_admin1_by_gn[a1code]
                elif j and j["adm1"]:
                    p.admin1 = ml_admin1_of_ocha(j["adm2"], j["adm1"])
                else:
                    p.admin1 = ml_admin1_by_gn.get(a1code, "")
                    if not p.admin1:
                        code = ocha_region_at(p.lon, p.lat)
                        p.admin1 = ml_admin1_by_ocha.get(code, "") if code else ""
                if j and j["adm2"]:
                    p.admin2 = cercles.get(j["adm2"], accented(j["adm2name"]))
                    p.admin3 = commune_name(j["adm3name"])
                elif j is None:
                    for code, (props, shape) in ml_adm3.items():
                        if shape.contains(p.lon, p.lat):
                            p.admin2 = cercles.get(props["admin2Pcod"], "")
                            p.admin3 = commune_name(props["admin3Name"])
                            break
                if p.admin1 in ("Tombouctou", "Taoudénit") and fclass == "P":
                    taoudenit_votes.append((p.lat, p.lon, p.admin1))
            else:
                outline = ne_countries[cc][1]
                if not outline.contains(p.lon, p.lat):
                    if outline.contains(-p.lon, p.lat):
                        correct(gid, name, "lon sign (GeoNames)", f"{p.lon:.5f}", f"{-p.lon:.5f}")
                        p.lon = -p.lon
                    elif not outline.near_km(p.lon, p.lat, 10 if fclass == "P" else 30):
                        correct(gid, name, f"dropped: outside {cc}", f"{p.lat:.5f},{p.lon:.5f}", "")
                        continue
                code1 = f"{cc}.{a1code}"
                if code1 in admin1_table:
                    p.admin1 = admin1_table[code1]
                    p.admin2 = admin2_table.get(f"{code1}.{a2code}", "")
                else:
                    p.admin1 = admin1_by_polygon(cc, p.lon, p.lat)
                    if a1code not in ("", "00"):
                        correct(gid, name, "admin1 (stale code, polygon)", code1, p.admin1)
            places.append(p)
            by_id[gid] = p

    # ---------------------------------------------------------------- OCHA settlements
    grid = defaultdict(list)  # 0.05° cells -> Mali populated places

    def cell(lat, lon):
        return (int(math.floor(lat / 0.05)), int(math.floor(lon / 0.05)))

    for p in places:
        if p.country == "ML" and (p.kind in KIND_RANK or p.kind == "camp"):
            grid[cell(p.lat, p.lon)].append(p)

    def nearby(lat, lon):
        cy, cx = cell(lat, lon)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                yield from grid.get((cy + dy, cx + dx), ())

    def taoudenit_or_tombouctou(lat, lon):
        best = min(taoudenit_votes, key=lambda v: (v[0] - lat) ** 2 + (v[1] - lon) ** 2, default=None)
        return best[2] if best else "Tombouctou"

    with open(os.path.join(ocha, "mli_pplp_settlements_2015.csv"), encoding="utf-8") as f:
        settlements = list(csv.DictReader(f))
    # Chef-lieu records (pcode ...000, class 1-4) first, so their village twin merges into them.
    settlements.sort(key=lambda r: (r["popPlaceCl"], r["pcode"]))
    merged = 0
    for r in settlements:
        pcode, raw = r["pcode"], r["featureNam"].strip()
        if not usable_name(raw):
            continue
        lat, lon = apply_known_fault(pcode, raw, float(r["latitude"]), float(r["longitude"]))
        adm1, adm2, adm3 = r["admin1Pcod"], r["admin2Pcod"], r["admin3Pcod"]
        # Fault check against the settlement's own units: commune, cercle, region, Mali.
        own3 = ml_adm3.get(adm3, (None, None))[1]
        own1 = ml_adm1.get(adm1, (None, None))[1]
        if own1 is not None and not own1.contains(lon, lat):
            if own1.contains(-lon, lat):
                correct(pcode, raw, "lon sign (OCHA)", f"{lon:.5f}", f"{-lon:.5f}")
                lon = -lon
            elif own3 is not None and own3.near_km(lon, lat, 10):
                pass  # just over the regional line, next to its own commune
            else:
                correct(pcode, raw, "dropped: outside own region", f"{lat:.5f},{lon:.5f}", adm1)
                continue
        names = [raw] + [n for n in (r["featureAlt"], r["featureA_1"], r["featureRef"]) if n and n != "NA"]
        keys = {fold(n) for n in names}
        kind = OCHA_CLASS_KIND.get(r["popPlaceCl"], "village")
        admin1 = ml_admin1_of_ocha(adm2, adm1)
        if admin1 == "Tombouctou":
            admin1 = taoudenit_or_tombouctou(lat, lon)
        admin2 = cercles.get(adm2, accented(r["admin2Name"]))
        admin3 = commune_name(r["admin3Name"])
        twin = None
        best_d = 3.0
        for q in nearby(lat, lon):
            if keys & {fold(n) for n in q.names()}:
                d = haversine(lat, lon, q.lat, q.lon)
                if d <= best_d:
                    twin, best_d = q, d
        if twin is not None:
            merged += 1
            for n in names:
                add_alt(twin, n)
            twin.admin1, twin.admin2, twin.admin3 = admin1 or twin.admin1, admin2, admin3
            if KIND_RANK.get(kind, 0) > KIND_RANK.get(twin.kind, 0) and twin.kind in KIND_RANK:
                twin.kind = kind
            continue
        p = Place(id=OCHA_ID_BASE + int(pcode[2:]), name=accented(raw), country="ML", admin1=admin1,
                  admin2=admin2, admin3=admin3, lat=lat, lon=lon, kind=kind, population=0, alts=[],
                  feature="OCHA." + r["popPlaceCl"], source="ocha")
        for n in names:
            add_alt(p, n)
        places.append(p)
        grid[cell(lat, lon)].append(p)

    # ---------------------------------------------------------------- extra names
    extra_path = os.path.join(OUT, "extra_names.tsv")
    header, rows = read_tsv(extra_path)
    ids = {str(p.id): p for p in places}
    for i, row in enumerate(rows, start=2):
        if not row or row[0].startswith("#"):
            continue
        pid, alt = row[0], row[1]
        if pid in ids:
            add_alt(ids[pid], alt)
        elif int(pid) < MANUAL_ID_BASE:
            sys.exit(f"{extra_path}:{i}: unknown place id {pid}")

    # ---------------------------------------------------------------- write
    places.sort(key=lambda p: (p.country, p.id))
    cols = ["id", "name", "country", "admin1", "admin2", "admin3", "lat", "lon", "kind", "population",
            "feature", "alt_names"]
    with open(os.path.join(OUT, "places.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(cols) + "\n")
        for p in places:
            alts = sorted(set(p.alts))
            vals = [str(p.id), p.name, p.country, p.admin1, p.admin2, p.admin3, f"{p.lat:.5f}", f"{p.lon:.5f}",
                    p.kind, str(p.population), p.feature, "|".join(alts)]
            f.write("\t".join(v.replace("\t", " ").replace("|", "/") if j < 11 else v
                              for j, v in enumerate(vals)) + "\n")
    with open(os.path.join(OUT, "corrections.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("id\tname\twhat\told\tnew\n")
        for c in sorted(corrections, key=lambda c: (c[2], c[0])):
            f.write("\t".join(c) + "\n")

    # ---------------------------------------------------------------- 2023 regions
    with open(os.path.join(data, "crosswalk", "mli_regions_2023_reform.csv"), encoding="utf-8") as f:
        reform = list(csv.DictReader(f))
    with open(os.path.join(OUT, "regions_2023.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("region\talt_names\tcapital_id\tcapital\tadmin1\told_cercles\n")
        for r in reform:
            full = r["region_name_fr"]
            m = re.match(r"^(.*?) \((.*)\)$", full)
            name, alts = (m.group(1), [m.group(2)]) if m else (full, [])
            if name == "District de Bamako":
                alts.append("Bamako")
            cap = by_id.get(r["capital_geonameid"])
            if cap is None:
                sys.exit(f"mli_regions_2023_reform.csv: capital {r['capital_geonameid']} not in places")
            old = ";".join(accented(n) for n in r["approx_old_cercles_names"].split(";"))
            f.write("\t".join([name, "|".join(alts), str(cap.id), cap.name, cap.admin1, old]) + "\n")

    size = os.path.getsize(os.path.join(OUT, "places.tsv"))
    print(f"places.tsv: {len(places)} rows, {size / 1e6:.1f} MB; OCHA merged into GeoNames: {merged}; "
          f"corrections: {len(corrections)}", file=sys.stderr)


if __name__ == "__main__":
    main()
