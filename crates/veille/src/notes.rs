//! The `notes` column: one or two English sentences saying what happened, in
//! ACLED's style (CODEBOOK.md §7).

use veille_core::{EventRecord, SubEventType};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn short(actor: &str) -> &str {
    // "JNIM: Group for Support of Islam and Muslims" → "JNIM".
    actor.split(':').next().unwrap_or(actor).trim()
}

/// Writes the notes for a record. `toll_mentioned` says whether the article gave
/// any count of the dead.
pub fn write(r: &EventRecord, toll_mentioned: bool) -> String {
    let d = r.event_date;
    let when = match r.time_precision {
        1 => format!(
            "On {} {} {}",
            d.day(),
            MONTHS[(d.month() - 1) as usize],
            d.year()
        ),
        2 => format!(
            "Around {} {} {}",
            d.day(),
            MONTHS[(d.month() - 1) as usize],
            d.year()
        ),
        _ => format!("In {} {}", MONTHS[(d.month() - 1) as usize], d.year()),
    };
    let a1 = short(&r.actor1);
    let a2 = r.actor2.as_deref().map(short).unwrap_or("");
    use SubEventType as T;
    let what = match r.sub_event_type {
        T::ArmedClash => format!(
            "{a1} clashed with {}",
            if a2.is_empty() { "an armed group" } else { a2 }
        ),
        T::GovernmentRegainsTerritory => format!(
            "{a1} regained control from {}",
            if a2.is_empty() { "an armed group" } else { a2 }
        ),
        T::NonStateActorOvertakesTerritory => format!("{a1} took control"),
        T::AirDroneStrike => format!("{a1} carried out an air or drone strike{}", target(a2)),
        T::ShellingArtilleryMissileAttack => format!(
            "{a1} shelled{}",
            if a2.is_empty() {
                " the area".into()
            } else {
                format!(" {a2}")
            }
        ),
        T::RemoteExplosiveLandmineIed => format!(
            "an explosive device attributed to {a1} went off{}",
            target(a2)
        ),
        T::SuicideBomb => format!("{a1} carried out a suicide attack{}", target(a2)),
        T::Grenade => format!("{a1} threw a grenade{}", target(a2)),
        T::Attack => format!("{a1} attacked civilians"),
        T::AbductionForcedDisappearance => format!("{a1} abducted civilians"),
        T::SexualViolence => format!("{a1} committed sexual violence against civilians"),
        T::PeacefulProtest | T::ProtestWithIntervention | T::ExcessiveForceAgainstProtesters => {
            "protesters demonstrated".to_string()
        }
        T::ViolentDemonstration => "rioters demonstrated violently".to_string(),
        T::MobViolence => "a mob attacked people".to_string(),
        T::Arrests => format!("{a1} arrested people"),
        T::LootingPropertyDestruction => format!("{a1} looted or destroyed property"),
        T::HeadquartersOrBaseEstablished => format!("{a1} established a base"),
        T::DisruptedWeaponsUse => format!("{a1} seized weapons or defused explosives"),
        T::Agreement => format!(
            "{a1} reached an agreement{}",
            if a2.is_empty() {
                String::new()
            } else {
                format!(" with {a2}")
            }
        ),
        T::ChangeToGroupActivity => {
            format!("{a1} announced a change of activity (a blockade, ban or curfew)")
        }
        T::NonViolentTransferOfTerritory => {
            format!("{a1} withdrew and territory changed hands without fighting")
        }
        T::ChemicalWeapon => format!("{a1} used a chemical weapon"),
        T::Other => format!("{a1} was involved in a development"),
    };
    let prep = match r.geo_precision {
        1 => "in",
        2 => "near",
        _ => "in the area of",
    };
    let place = if r.admin1.is_empty() || r.admin1 == r.location {
        format!("{} ({})", r.location, r.country)
    } else {
        format!("{} ({}, {})", r.location, r.admin1, r.country)
    };
    let toll = if r.fatalities > 0 {
        format!("{} fatalities.", r.fatalities)
    } else if toll_mentioned {
        "No fatalities were reported.".to_string()
    } else {
        "The toll is unknown.".to_string()
    };
    format!("{when}, {what} {prep} {place}. {toll}")
}

fn target(a2: &str) -> String {
    if a2.is_empty() {
        String::new()
    } else {
        format!(" against {a2}")
    }
}
