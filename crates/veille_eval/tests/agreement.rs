//! The proof that `veille eval` agrees with the reference scorer: random gold and
//! system files, scored by this crate and by `shared/eval/score.py`, must give
//! byte-identical reports (JSON with per-article rows, and text).
//!
//! score.py is run from the shared folder when it and `python3` are present; the
//! tests say so and pass without checking anything else when they are absent.

// Tests may say why they skipped: only libraries must stay silent.
#![allow(clippy::print_stderr)]

use serde_json::{Map, Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;
use veille_eval::{read_gold, read_system, score};

/// A deterministic random source (64-bit LCG, Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    /// Uniform in [-spread, spread].
    fn jitter(&mut self, spread: f64) -> f64 {
        (self.below(2_000_001) as f64 / 1_000_000.0 - 1.0) * spread
    }
}

fn score_py() -> Option<PathBuf> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/score.py");
    let python = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if script.is_file() && python {
        Some(script)
    } else {
        eprintln!("skipped: python3 or {} is absent", script.display());
        None
    }
}

fn run_score_py(script: &Path, gold: &Path, system: &Path, flags: &[&str]) -> String {
    let out = Command::new("python3")
        .arg(script)
        .arg(gold)
        .arg(system)
        .args(flags)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("score.py prints UTF-8")
}

fn write_lines(path: &Path, lines: &[Value]) {
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(path, text).expect("temp file written");
}

/// Scores both ways and asserts the three reports are identical.
fn assert_agreement(
    script: &Path,
    gold_lines: &[Value],
    system_lines: &[Value],
) -> veille_eval::Score {
    let dir = tempfile::tempdir().expect("temp dir");
    let (gold_path, system_path) = (
        dir.path().join("gold.jsonl"),
        dir.path().join("system.jsonl"),
    );
    write_lines(&gold_path, gold_lines);
    write_lines(&system_path, system_lines);
    let gold = read_gold(&gold_path).expect("gold reads");
    let system = read_system(&system_path).expect("system reads");
    let result = score(&gold, &system);
    let python_json = run_score_py(
        script,
        &gold_path,
        &system_path,
        &["--json", "--by-article"],
    );
    assert_eq!(format!("{}\n", result.to_json_text(true)), python_json);
    assert_eq!(
        format!("{}\n", result.to_json_text(false)),
        run_score_py(script, &gold_path, &system_path, &["--json"])
    );
    let parsed: Value = serde_json::from_str(&python_json).expect("score.py prints JSON");
    assert_eq!(veille_eval::score_json_by_article(&result), parsed);
    assert_eq!(
        format!("{}\n", result.report(true)),
        run_score_py(script, &gold_path, &system_path, &["--by-article"])
    );
    assert_eq!(
        format!("{result}\n"),
        run_score_py(script, &gold_path, &system_path, &[])
    );
    result
}

/// Invented places: (location spellings, admin1 spellings, latitude, longitude).
const PLACES: [(&[&str], &[&str], f64, f64); 4] = [
    (
        &["Kéroba", "Keroba", "KEROBA"],
        &["Saloum-Est", "saloum est Region", "Saloum  Est "],
        14.20,
        -4.10,
    ),
    (
        &["Dunebourg", "dunebourg"],
        &["Hauts-Plateaux", "Hauts Plateaux Province"],
        13.05,
        1.90,
    ),
    (
        &["Pont-Sable", " Pont\tSable", "Pont d'Sable"],
        &["Lac Vert", "Lac-Vert"],
        16.40,
        0.35,
    ),
    (
        &["Tamarin", "Tamarin Ville"],
        &["Saloum-Est", "Saloum Est"],
        14.45,
        -4.30,
    ),
];
const TYPES: [(&str, &[&str]); 4] = [
    ("Battles", &["Armed clash", "Government regains territory"]),
    (
        "Violence against civilians",
        &["Attack", "Abduction/forced disappearance"],
    ),
    (
        "Explosions/Remote violence",
        &["Air/drone strike", "Remote explosive/landmine/IED"],
    ),
    ("Riots", &["Violent demonstration", "Mob violence"]),
];
const ACTORS: [&str; 6] = [
    "Front des Dunes",
    "Military Forces of Oasia (2020-)",
    "Civilians (Oasia)",
    "Unidentified Armed Group (Oasia)",
    "Milice du Lac",
    "",
];

fn day(rng: &mut Lcg, around: i64) -> i64 {
    (around + rng.below(7) as i64 - 3).clamp(1, 30)
}

fn date_value(rng: &mut Lcg, d: i64) -> Value {
    match rng.below(40) {
        0 => json!(format!("202506{d:02}")),
        1 => json!(format!("2025-06-{d:02}T09:30:00")),
        2 => json!("2025-W24-3"),
        3 => json!(null),
        4 => json!(format!("June {d}")),
        _ => json!(format!("2025-06-{d:02}")),
    }
}

fn coordinate(rng: &mut Lcg, x: f64) -> Value {
    let x = (x * 100_000.0).round() / 100_000.0;
    match rng.below(30) {
        0 => json!(format!("{x}")),
        1 => json!(null),
        _ => json!(x),
    }
}

fn fatalities(rng: &mut Lcg) -> Value {
    match rng.below(20) {
        0 => json!(null),
        1 => json!("2"),
        2 => json!("a few"),
        3 => json!(2.0),
        4 => json!(""),
        _ => json!(rng.below(4)),
    }
}

/// A random event around `place` on June `d`, 2025.
fn event(rng: &mut Lcg, place: usize, d: i64, spread: f64) -> Map<String, Value> {
    let (locations, regions, lat, lon) = PLACES[place];
    let (event_type, sub_types) = TYPES[rng.below(TYPES.len() as u64) as usize];
    let mut e = Map::new();
    e.insert("event_date".into(), date_value(rng, d));
    e.insert("event_type".into(), json!(event_type));
    e.insert("sub_event_type".into(), json!(rng.pick(sub_types)));
    e.insert("actor1".into(), json!(rng.pick(&ACTORS)));
    if rng.chance(80) {
        e.insert("actor2".into(), json!(rng.pick(&ACTORS)));
    }
    e.insert("country".into(), json!("Oasia"));
    e.insert("admin1".into(), json!(rng.pick(regions)));
    e.insert("location".into(), json!(rng.pick(locations)));
    if !rng.chance(12) {
        let (dlat, dlon) = (rng.jitter(spread), rng.jitter(spread));
        e.insert("latitude".into(), coordinate(rng, lat + dlat));
        e.insert("longitude".into(), coordinate(rng, lon + dlon));
    }
    e.insert("fatalities".into(), fatalities(rng));
    e
}

fn gold_event(rng: &mut Lcg, place: usize, d: i64) -> Map<String, Value> {
    let mut e = event(rng, place, d, 0.1);
    e.insert(
        "time_precision".into(),
        match rng.below(10) {
            0 => json!(2),
            1 => json!(3),
            2 => json!(null),
            3 => json!("2"),
            _ => json!(1),
        },
    );
    e.insert(
        "geo_precision".into(),
        match rng.below(10) {
            0 | 1 => json!(3),
            2 => json!(2),
            3 => json!(null),
            _ => json!(1),
        },
    );
    match rng.below(12) {
        0 => {
            e.insert("optional".into(), json!(true));
        }
        1 => {
            e.insert("optional".into(), json!(false));
        }
        2 => {
            e.insert("optional".into(), json!(1));
        }
        _ => {}
    }
    if rng.chance(15) {
        e.insert(
            "actor1_alt".into(),
            json!([rng.pick(&ACTORS), "front  des Dunes"]),
        );
    }
    if rng.chance(10) {
        e.insert("actor2_alt".into(), json!([rng.pick(&ACTORS)]));
    }
    e.insert("evidence".into(), json!("an invented sentence"));
    e
}

/// A system event echoing a gold one with some of its fields changed.
fn echo(rng: &mut Lcg, gold: &Map<String, Value>, place: usize, d: i64) -> Map<String, Value> {
    let near = day(rng, d);
    let mut e = event(rng, place, near, 0.45);
    for key in [
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "admin1",
        "location",
        "fatalities",
    ] {
        if rng.chance(60)
            && let Some(v) = gold.get(key)
        {
            e.insert(key.into(), v.clone());
        }
    }
    if rng.chance(40)
        && let Some(v) = gold.get("event_date")
    {
        e.insert("event_date".into(), v.clone());
    }
    e
}

/// Random gold and system lines; `ghosts` system events name unknown articles.
fn synthetic(seed: u64, articles: usize) -> (Vec<Value>, Vec<Value>) {
    let mut rng = Lcg(seed);
    let (mut gold, mut system) = (Vec::new(), Vec::new());
    for a in 0..articles {
        let id = match rng.below(25) {
            0 => json!(a),
            1 if a > 0 => json!(format!("art-{}", a - 1)), // a duplicate id
            _ => json!(format!("art-{a}")),
        };
        let key = match &id {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let mut events = Vec::new();
        for _ in 0..rng.below(5) {
            let place = rng.below(PLACES.len() as u64) as usize;
            let d = 1 + rng.below(30) as i64;
            let g = gold_event(&mut rng, place, d);
            if rng.chance(70) {
                let mut s = echo(&mut rng, &g, place, d);
                s.insert(
                    "article".into(),
                    if rng.chance(5) && id.is_number() {
                        id.clone()
                    } else {
                        json!(key)
                    },
                );
                system.push(Value::Object(s));
            }
            events.push(Value::Object(g));
        }
        for _ in 0..rng.below(3) {
            let place = rng.below(PLACES.len() as u64) as usize;
            let d = 1 + rng.below(30) as i64;
            let mut s = event(&mut rng, place, d, 0.3);
            s.insert("article".into(), json!(key));
            system.push(Value::Object(s));
        }
        let mut line = json!({"id": id, "lang": "fr", "text": "Texte inventé."});
        if !(events.is_empty() && rng.chance(30)) {
            line["events"] = Value::Array(events);
        }
        gold.push(line);
    }
    for k in 0..rng.below(4) {
        let mut s = event(&mut rng, 0, 10, 0.1);
        if k % 2 == 0 {
            s.insert("article".into(), json!(format!("ghost-{k}")));
        }
        system.push(Value::Object(s));
    }
    // Shuffle the system lines: scoring must not depend on their order across articles.
    for k in (1..system.len()).rev() {
        let other = rng.below(k as u64 + 1) as usize;
        system.swap(k, other);
    }
    (gold, system)
}

#[test]
fn random_files_score_the_same_as_score_py() {
    let Some(script) = score_py() else { return };
    let mut matched = 0;
    for (seed, articles) in [(1, 300), (2, 120), (3, 40), (4, 7), (5, 1)] {
        let (gold, system) = synthetic(seed, articles);
        matched += assert_agreement(&script, &gold, &system).matched;
    }
    assert!(
        matched > 200,
        "the random files should produce many matches, got {matched}"
    );
}

#[test]
fn empty_files_score_the_same_as_score_py() {
    let Some(script) = score_py() else { return };
    let result = assert_agreement(&script, &[json!({"id": "only", "events": []})], &[]);
    assert_eq!((result.precision, result.f1), (0.0, 0.0));
}

/// Counts whose rates fall on exact binary ties at the 4th and 3rd decimals
/// (1/32 = 0.03125, 3/32 = 0.09375, 2/32 = 0.0625, 6/32 = 0.1875): Python's
/// `round()` and `format()` round them half to even.
#[test]
fn rounding_ties_agree_with_score_py() {
    let Some(script) = score_py() else { return };
    let mut gold_events = Vec::new();
    let mut system = Vec::new();
    for k in 0..32u32 {
        let date = format!("2025-{:02}-{:02}", 1 + k / 7, 1 + (k % 7) * 4);
        let right = |count: u32| k < count;
        gold_events.push(json!({
            "event_date": date, "event_type": "Battles", "sub_event_type": "Armed clash",
            "actor1": "Front des Dunes", "actor2": "Milice du Lac", "admin1": "Lac Vert",
            "location": "Dunebourg", "latitude": 13.05, "longitude": 1.9, "fatalities": 1,
        }));
        system.push(json!({
            "article": "ties", "event_date": date, "event_type": "Battles",
            "sub_event_type": if right(1) { "Armed clash" } else { "Attack" },
            "actor1": if right(3) { "Front des Dunes" } else { "Someone else" },
            "actor2": if right(2) { "Milice du Lac" } else { "Someone else" },
            "admin1": if right(6) { "Lac Vert" } else { "Elsewhere" },
            "location": "Dunebourg", "latitude": 13.05, "longitude": 1.9, "fatalities": 1,
        }));
    }
    let result = assert_agreement(
        &script,
        &[json!({"id": "ties", "events": gold_events})],
        &system,
    );
    let accuracy: Vec<f64> = result.field_accuracy.iter().map(|(_, v)| *v).collect();
    assert_eq!(accuracy[1..5], [0.0312, 0.0938, 0.0625, 0.1875]);
    let text = result.to_string();
    for line in [
        "  sub_event_type  0.031",
        "  actor1          0.094",
        "  actor2          0.062",
        "  admin1          0.188",
    ] {
        assert!(text.contains(line), "{line:?} missing from\n{text}");
    }
}

/// The real development set: it reads, and scoring its own gold events (with
/// dates and places nudged) as system output agrees with score.py. The file is
/// read in place, never copied.
#[test]
fn dev_set_reads_and_agrees() {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/dev.jsonl");
    if !dev.is_file() {
        eprintln!("skipped: {} is absent", dev.display());
        return;
    }
    let gold = read_gold(&dev).expect("dev.jsonl reads");
    assert_eq!(gold.len(), 69);
    let Some(script) = score_py() else { return };
    let mut rng = Lcg(99);
    let gold_lines: Vec<Value> = std::fs::read_to_string(&dev)
        .expect("dev.jsonl reads")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("dev.jsonl is JSON"))
        .collect();
    let mut system = Vec::new();
    for article in &gold {
        for g in &article.events {
            if rng.chance(25) {
                continue;
            }
            let mut s = g.clone();
            s.insert("article".into(), json!(article.id));
            for key in ["latitude", "longitude"] {
                if let Some(x) = s.get(key).and_then(Value::as_f64) {
                    s.insert(key.into(), json!(x + rng.jitter(0.4)));
                }
            }
            if rng.chance(30) {
                s.insert("fatalities".into(), json!(rng.below(5)));
            }
            system.push(Value::Object(s));
        }
    }
    assert_agreement(&script, &gold_lines, &system);
}
