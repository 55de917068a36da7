//! ACLED's event taxonomy (CODEBOOK.md §2). The order of [`SubEventType::ALL`] is the
//! codebook's table order, which is also its order of precedence when one action
//! has several tactics: the row higher up wins.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// ACLED's `event_type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventType {
    /// Two organised armed sides fight.
    Battles,
    /// Remote violence: strikes, shelling, explosives.
    ExplosionsRemoteViolence,
    /// Armed actors against unarmed people.
    ViolenceAgainstCivilians,
    /// Demonstrations.
    Protests,
    /// Violent crowds.
    Riots,
    /// Non-violent but significant developments.
    StrategicDevelopments,
}

impl EventType {
    /// ACLED's label.
    pub fn label(self) -> &'static str {
        match self {
            EventType::Battles => "Battles",
            EventType::ExplosionsRemoteViolence => "Explosions/Remote violence",
            EventType::ViolenceAgainstCivilians => "Violence against civilians",
            EventType::Protests => "Protests",
            EventType::Riots => "Riots",
            EventType::StrategicDevelopments => "Strategic developments",
        }
    }

    /// ACLED's `disorder_type`, which follows from the event type.
    pub fn disorder_type(self) -> &'static str {
        match self {
            EventType::Battles
            | EventType::ExplosionsRemoteViolence
            | EventType::ViolenceAgainstCivilians => "Political violence",
            EventType::Protests | EventType::Riots => "Demonstrations",
            EventType::StrategicDevelopments => "Strategic developments",
        }
    }

    /// Parses ACLED's label (case-insensitive).
    pub fn from_label(label: &str) -> Option<EventType> {
        [
            EventType::Battles,
            EventType::ExplosionsRemoteViolence,
            EventType::ViolenceAgainstCivilians,
            EventType::Protests,
            EventType::Riots,
            EventType::StrategicDevelopments,
        ]
        .into_iter()
        .find(|t| t.label().eq_ignore_ascii_case(label.trim()))
    }
}

/// ACLED's `sub_event_type`; each belongs to one [`EventType`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)] // The variants are ACLED's labels, listed in `label`.
pub enum SubEventType {
    ArmedClash,
    GovernmentRegainsTerritory,
    NonStateActorOvertakesTerritory,
    AirDroneStrike,
    ShellingArtilleryMissileAttack,
    RemoteExplosiveLandmineIed,
    SuicideBomb,
    Grenade,
    ChemicalWeapon,
    Attack,
    AbductionForcedDisappearance,
    SexualViolence,
    PeacefulProtest,
    ProtestWithIntervention,
    ExcessiveForceAgainstProtesters,
    ViolentDemonstration,
    MobViolence,
    Arrests,
    LootingPropertyDestruction,
    HeadquartersOrBaseEstablished,
    DisruptedWeaponsUse,
    Agreement,
    ChangeToGroupActivity,
    NonViolentTransferOfTerritory,
    Other,
}

impl SubEventType {
    /// Every sub-event type in the codebook's order of precedence.
    pub const ALL: [SubEventType; 25] = [
        SubEventType::ArmedClash,
        SubEventType::GovernmentRegainsTerritory,
        SubEventType::NonStateActorOvertakesTerritory,
        SubEventType::AirDroneStrike,
        SubEventType::ShellingArtilleryMissileAttack,
        SubEventType::RemoteExplosiveLandmineIed,
        SubEventType::SuicideBomb,
        SubEventType::Grenade,
        SubEventType::ChemicalWeapon,
        SubEventType::Attack,
        SubEventType::AbductionForcedDisappearance,
        SubEventType::SexualViolence,
        SubEventType::PeacefulProtest,
        SubEventType::ProtestWithIntervention,
        SubEventType::ExcessiveForceAgainstProtesters,
        SubEventType::ViolentDemonstration,
        SubEventType::MobViolence,
        SubEventType::Arrests,
        SubEventType::LootingPropertyDestruction,
        SubEventType::HeadquartersOrBaseEstablished,
        SubEventType::DisruptedWeaponsUse,
        SubEventType::Agreement,
        SubEventType::ChangeToGroupActivity,
        SubEventType::NonViolentTransferOfTerritory,
        SubEventType::Other,
    ];

    /// ACLED's label.
    pub fn label(self) -> &'static str {
        use SubEventType::*;
        match self {
            ArmedClash => "Armed clash",
            GovernmentRegainsTerritory => "Government regains territory",
            NonStateActorOvertakesTerritory => "Non-state actor overtakes territory",
            AirDroneStrike => "Air/drone strike",
            ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack",
            RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED",
            SuicideBomb => "Suicide bomb",
            Grenade => "Grenade",
            ChemicalWeapon => "Chemical weapon",
            Attack => "Attack",
            AbductionForcedDisappearance => "Abduction/forced disappearance",
            SexualViolence => "Sexual violence",
            PeacefulProtest => "Peaceful protest",
            ProtestWithIntervention => "Protest with intervention",
            ExcessiveForceAgainstProtesters => "Excessive force against protesters",
            ViolentDemonstration => "Violent demonstration",
            MobViolence => "Mob violence",
            Arrests => "Arrests",
            LootingPropertyDestruction => "Looting/property destruction",
            HeadquartersOrBaseEstablished => "Headquarters or base established",
            DisruptedWeaponsUse => "Disrupted weapons use",
            Agreement => "Agreement",
            ChangeToGroupActivity => "Change to group/activity",
            NonViolentTransferOfTerritory => "Non-violent transfer of territory",
            Other => "Other",
        }
    }

    /// The event type this sub-event type belongs to.
    pub fn event_type(self) -> EventType {
        use SubEventType::*;
        match self {
            ArmedClash | GovernmentRegainsTerritory | NonStateActorOvertakesTerritory => {
                EventType::Battles
            }
            AirDroneStrike
            | ShellingArtilleryMissileAttack
            | RemoteExplosiveLandmineIed
            | SuicideBomb
            | Grenade
            | ChemicalWeapon => EventType::ExplosionsRemoteViolence,
            Attack | AbductionForcedDisappearance | SexualViolence => {
                EventType::ViolenceAgainstCivilians
            }
            PeacefulProtest | ProtestWithIntervention | ExcessiveForceAgainstProtesters => {
                EventType::Protests
            }
            ViolentDemonstration | MobViolence => EventType::Riots,
            Arrests
            | LootingPropertyDestruction
            | HeadquartersOrBaseEstablished
            | DisruptedWeaponsUse
            | Agreement
            | ChangeToGroupActivity
            | NonViolentTransferOfTerritory
            | Other => EventType::StrategicDevelopments,
        }
    }

    /// Precedence rank: lower wins when one action has several tactics.
    pub fn precedence(self) -> usize {
        SubEventType::ALL
            .iter()
            .position(|s| *s == self)
            .unwrap_or(usize::MAX)
    }

    /// Parses ACLED's label (case-insensitive). "Other" alone is ambiguous in ACLED
    /// but, in this taxonomy, only Strategic developments has it.
    pub fn from_label(label: &str) -> Option<SubEventType> {
        SubEventType::ALL
            .into_iter()
            .find(|s| s.label().eq_ignore_ascii_case(label.trim()))
    }
}

impl Serialize for EventType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

impl<'de> Deserialize<'de> for EventType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        EventType::from_label(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown event_type {s:?}")))
    }
}

impl Serialize for SubEventType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

impl<'de> Deserialize<'de> for SubEventType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        SubEventType::from_label(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown sub_event_type {s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for s in SubEventType::ALL {
            assert_eq!(SubEventType::from_label(s.label()), Some(s));
            assert_eq!(
                EventType::from_label(s.event_type().label()),
                Some(s.event_type())
            );
        }
    }

    #[test]
    fn precedence_follows_the_codebook_table() {
        assert!(SubEventType::ArmedClash.precedence() < SubEventType::SuicideBomb.precedence());
        assert!(SubEventType::AirDroneStrike.precedence() < SubEventType::Attack.precedence());
        assert_eq!(
            SubEventType::LootingPropertyDestruction
                .event_type()
                .disorder_type(),
            "Strategic developments"
        );
    }
}
