//! The assembly rules, each on a short article written for the test (no text
//! from any evaluation set).

use veille_assemble::{ActorSlot, EventFrame, GenericActor, Mentions, assemble};
use veille_core::{Article, Date, Lang, SubEventType};
use veille_lexicon::actors::ActorLexicon;

fn frames(text: &str, published: (i16, i8, i8)) -> (Article, Vec<EventFrame>) {
    let article = Article {
        id: "t".into(),
        origin: "t".into(),
        url: None,
        title: None,
        published: Date::new(published.0, published.1, published.2).ok(),
        published_span: None,
        outlet: None,
        lang: Lang::Fr,
        text: text.into(),
    };
    let m = Mentions::collect(&article, Date::new(2026, 11, 1).unwrap());
    let f = assemble(&article, &m);
    (article, f)
}

fn actor_id(slot: &ActorSlot) -> String {
    match slot {
        ActorSlot::Named { actor, .. } => ActorLexicon::embedded().actor(*actor).id.clone(),
        ActorSlot::Generic { kind, .. } => format!("{kind:?}"),
    }
}

#[test]
fn simultaneous_attacks_give_one_event_per_town() {
    let (_, f) = frames(
        "Le 4 mars 2025, le JNIM a mené des attaques simultanées contre Ségou, San et Bla, selon l'armée.",
        (2025, 3, 5),
    );
    assert_eq!(f.len(), 3, "{f:#?}");
    assert!(
        f.iter()
            .all(|e| e.sub_event_type == SubEventType::ArmedClash)
    );
    assert!(f.iter().all(|e| e.date == Date::new(2025, 3, 4).unwrap()));
}

#[test]
fn the_escort_is_hit_and_the_attacker_comes_next() {
    let (_, f) = frames(
        "Un convoi escorté par les FAMa a été attaqué mardi près de Diéma. Des hommes armés, attribués au JNIM, ont ouvert le feu.",
        (2025, 6, 12),
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(actor_id(&f[0].actor1), "jnim");
    assert_eq!(actor_id(f[0].actor2.as_ref().unwrap()), "ml_military");
    assert_eq!(
        f[0].place.kind,
        veille_geocode::MentionKind::Near { km: None }
    );
}

#[test]
fn soldiers_killing_villagers_is_violence_against_civilians() {
    let (_, f) = frames(
        "Le 2 mai 2024, des soldats ont tué trois villageois à Sofara.",
        (2024, 5, 3),
    );
    assert_eq!(f[0].sub_event_type, SubEventType::Attack, "{f:#?}");
    assert_eq!(f[0].fatalities, 3);
}

#[test]
fn a_raid_for_cattle_with_no_one_hurt_is_looting() {
    let (_, f) = frames(
        "On 9 June 2023, gunmen raided the village of Dinangourou and seized livestock. No casualties were reported.",
        (2023, 6, 10),
    );
    assert_eq!(
        f[0].sub_event_type,
        SubEventType::LootingPropertyDestruction,
        "{f:#?}"
    );
    assert!(matches!(
        f[0].actor2,
        Some(ActorSlot::Generic {
            kind: GenericActor::Civilians,
            ..
        })
    ));
}

#[test]
fn an_explosive_found_before_it_went_off_is_disrupted_weapons_use() {
    let (_, f) = frames(
        "Le 8 avril 2023, les FAMa ont découvert et désamorcé un engin explosif près de Boni.",
        (2023, 4, 9),
    );
    assert_eq!(
        f[0].sub_event_type,
        SubEventType::DisruptedWeaponsUse,
        "{f:#?}"
    );
}

#[test]
fn a_march_against_attacks_is_a_protest() {
    let (_, f) = frames(
        "Le 3 juin 2024, des habitants ont manifesté à Bankass contre les attaques répétées.",
        (2024, 6, 4),
    );
    assert_eq!(f[0].sub_event_type, SubEventType::PeacefulProtest, "{f:#?}");
}

#[test]
fn a_toll_in_the_next_sentence_belongs_to_the_event() {
    let (_, f) = frames(
        "Le 12 janvier 2025, des jihadistes ont attaqué le poste de Boulkessi. Le bilan fait état de 7 soldats tués.",
        (2025, 1, 13),
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].fatalities, 7);
}

#[test]
fn neutralised_without_a_number_is_several() {
    let (_, f) = frames(
        "Le 5 juillet 2025, l'armée a repoussé une attaque contre le camp de Niono. Plusieurs assaillants ont été neutralisés.",
        (2025, 7, 6),
    );
    assert_eq!(
        f[0].fatalities, 10,
        "large attack: 'plusieurs' counts 10 (CODEBOOK §6)"
    );
}

#[test]
fn threats_and_general_statements_code_nothing() {
    let (_, f) = frames(
        "Le 5 juillet 2025, le groupe a menacé d'attaquer Kita. Les attaques se multiplient dans la région de Kayes.",
        (2025, 7, 6),
    );
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn an_undated_sentence_far_from_the_lead_is_background() {
    let text = "Le 1er mars 2025, une embuscade a visé un convoi près de Douentza.\n\nLe gouvernement a réagi.\n\nLes élus ont protesté.\n\nLa situation reste tendue.\n\nDes renforts sont arrivés.\n\nLe marché a rouvert.\n\nEn 2019, des hommes armés avaient attaqué le village de Sobane.\n\nPlus tard, des hommes armés ont attaqué Hombori.";
    let (_, f) = frames(text, (2025, 3, 2));
    let places: Vec<&str> = f.iter().map(|e| e.place.key.as_str()).collect();
    assert!(!places.contains(&"hombori"), "{places:?}");
}

#[test]
fn the_agent_may_stand_a_few_words_after_par() {
    let (_, f) = frames(
        "Le 19 janvier 2025, le poste de Sandaré a été attaqué par une colonne de jihadistes armés.",
        (2025, 1, 20),
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(
        !matches!(
            f[0].actor1,
            ActorSlot::Generic {
                kind: GenericActor::StateMilitary,
                ..
            }
        ),
        "{f:#?}"
    );
}

#[test]
fn a_place_named_just_before_sets_the_scene() {
    let (_, f) = frames(
        "On 3 May 2022, soldiers conducted an operation in the village of Dioura. Two farmers were killed and four others detained.",
        (2022, 5, 4),
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].place.key, "dioura");
    assert_eq!(f[0].sub_event_type, SubEventType::Attack);
    assert_eq!(f[0].fatalities, 2);
}

#[test]
fn a_blockade_is_an_event_where_it_is_announced() {
    let (_, f) = frames(
        "Le 2 août 2024, le JNIM a annoncé un blocus de la ville de Léré. Le 10 août 2024, le blocus de Léré privait déjà la ville de carburant.",
        (2024, 8, 12),
    );
    let blockades: Vec<_> = f
        .iter()
        .filter(|e| e.sub_event_type == SubEventType::ChangeToGroupActivity)
        .collect();
    assert_eq!(blockades.len(), 1, "{f:#?}");
    assert_eq!(blockades[0].date, Date::new(2024, 8, 2).unwrap());
}

#[test]
fn a_leading_label_does_not_put_every_actor_after_the_event() {
    let (_, f) = frames(
        "Looting: On 4 March 2022, JNIM militants set fire to a clinic and looted shops in the village of Dialloubé.",
        (2022, 3, 5),
    );
    assert_eq!(
        f[0].sub_event_type,
        SubEventType::LootingPropertyDestruction,
        "{f:#?}"
    );
    assert_eq!(actor_id(&f[0].actor1), "jnim");
    assert!(
        matches!(
            f[0].actor2,
            Some(ActorSlot::Generic {
                kind: GenericActor::Civilians,
                ..
            })
        ),
        "{f:#?}"
    );
}

#[test]
fn a_toll_for_several_towns_is_split_evenly() {
    let (_, f) = frames(
        "Le 4 mars 2025, des attaques simultanées contre Ségou, San et Bla ont fait 7 morts parmi les soldats.",
        (2025, 3, 5),
    );
    let tolls: Vec<u32> = f.iter().map(|e| e.fatalities).collect();
    assert_eq!(tolls, vec![3, 2, 2], "{f:#?}");
}

#[test]
fn the_units_in_brackets_are_not_more_places_attacked() {
    let (_, f) = frames(
        "On 9 March 2022, gunmen killed two villagers in Sofara (Djenne, Mopti).",
        (2022, 3, 10),
    );
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].fatalities, 2);
}
