//! Start-up and throughput benchmarks.
//!
//! - `startup/extract_one_short_article`: the whole `veille extract FILE`
//!   process on one short article (target: under 0.2 s wall time, issue #4),
//!   spawning the real binary so loading the gazetteer and lexicons is counted.
//! - `pipeline/extract_in_process`: extraction alone on the same article, warm.
//!
//! Run: `cargo bench -p veille` (add `-- --quick` for a fast look).

use criterion::{Criterion, criterion_group, criterion_main};
use std::process::Command;

const ARTICLE: &str = "Bamako, le 3 mars 2025\n\nDes hommes armés ont attaqué dimanche le poste de gendarmerie de Diéma, \
dans la région de Kayes. Trois gendarmes ont été tués, selon une source sécuritaire. L'attaque a été revendiquée par le JNIM.\n";

fn startup(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("short.txt");
    std::fs::write(&file, ARTICLE).expect("write article");
    let exe = env!("CARGO_BIN_EXE_veille");
    c.bench_function("startup/extract_one_short_article", |b| {
        b.iter(|| {
            let out = Command::new(exe)
                .arg("extract")
                .arg(&file)
                .output()
                .expect("run veille");
            assert!(out.status.success());
            // The article codes one event: a bench that extracted nothing would be timing nothing.
            assert_eq!(
                out.stdout.iter().filter(|&&c| c == b'\n').count(),
                1,
                "{}",
                String::from_utf8_lossy(&out.stdout)
            );
        })
    });
    let article = veille_core::Article {
        id: "short".into(),
        origin: "short".into(),
        url: None,
        title: None,
        published: veille_core::Date::new(2025, 3, 3).ok(),
        published_span: None,
        outlet: None,
        lang: veille_core::Lang::Fr,
        text: ARTICLE.into(),
    };
    let today = veille_core::Date::new(2026, 1, 1).expect("date");
    c.bench_function("pipeline/extract_in_process", |b| {
        b.iter(|| {
            let events = veille::pipeline::extract(&article, today);
            assert_eq!(events.len(), 1);
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = startup
}
criterion_main!(benches);
