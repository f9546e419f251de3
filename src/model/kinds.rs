//! The record kinds of the roadmap and their fields. See `docs/DATA.md`.

use super::{Conj, Expr, Text};
use crate::words::{plural, whole_months};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The kinds of record, in the order they are listed everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Area,
    Setting,
    Role,
    Programme,
    Requirement,
    Pathway,
    Resource,
    Barrier,
    Rule,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Area,
        Kind::Setting,
        Kind::Role,
        Kind::Programme,
        Kind::Requirement,
        Kind::Pathway,
        Kind::Resource,
        Kind::Barrier,
        Kind::Rule,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Area => "area",
            Kind::Setting => "setting",
            Kind::Role => "role",
            Kind::Programme => "programme",
            Kind::Requirement => "requirement",
            Kind::Pathway => "pathway",
            Kind::Resource => "resource",
            Kind::Barrier => "barrier",
            Kind::Rule => "rule",
        }
    }

    pub fn plural(self) -> &'static str {
        match self {
            Kind::Area => "areas",
            Kind::Setting => "settings",
            Kind::Role => "roles",
            Kind::Programme => "programmes",
            Kind::Requirement => "requirements",
            Kind::Pathway => "pathways",
            Kind::Resource => "resources",
            Kind::Barrier => "barriers",
            Kind::Rule => "rules",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How sure a record (or a duration) is, following the fact base's marks.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    #[default]
    High,
    Medium,
    Unverified,
}

impl Confidence {
    pub fn name(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Unverified => "unverified",
        }
    }
}

/// The fields every record has.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(bound(deserialize = "'de: 'static"))]
#[serde(rename_all = "kebab-case")]
pub struct Meta {
    pub id: Text,
    pub title: Text,
    pub summary: Text,
    pub sources: Vec<Text>,
    pub facts: Vec<Text>,
    /// `YYYY-MM-DD`.
    pub reviewed: Text,
    pub confidence: Confidence,
    pub confidence_note: Option<Text>,
    pub notes: Vec<Text>,
    /// `YYYY-MM-DD`: the first day the record holds.
    pub valid_from: Option<Text>,
    /// `YYYY-MM-DD`: the last day the record holds (an offer closes after it).
    pub valid_until: Option<Text>,
    /// `YYYY-MM-DD`: when the record must be checked again.
    pub review_by: Option<Text>,
}

impl Meta {
    /// Whether the record holds on `date` (`YYYY-MM-DD`; ISO dates compare
    /// as strings).
    pub fn holds_on(&self, date: &str) -> bool {
        self.valid_from.as_deref().is_none_or(|f| f <= date)
            && self.valid_until.as_deref().is_none_or(|u| date <= u)
    }

    /// Whether the record was due to be checked again before `date`.
    pub fn overdue_on(&self, date: &str) -> bool {
        self.review_by.as_deref().is_some_and(|r| r < date)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Area {
    pub meta: Meta,
    pub points: Vec<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Setting {
    pub meta: Meta,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Regulator {
    None,
    Nmc,
    Hcpc,
    Gosc,
    Gphc,
    Gdc,
}

impl Regulator {
    /// The regulator's name as a support worker would read it.
    pub fn long_name(self) -> Option<&'static str> {
        match self {
            Regulator::None => None,
            Regulator::Nmc => Some("Nursing and Midwifery Council (NMC)"),
            Regulator::Hcpc => Some("Health and Care Professions Council (HCPC)"),
            Regulator::Gosc => Some("General Osteopathic Council (GOsC)"),
            Regulator::Gphc => Some("General Pharmaceutical Council (GPhC)"),
            Regulator::Gdc => Some("General Dental Council (GDC)"),
        }
    }

    pub fn short_name(self) -> Option<&'static str> {
        match self {
            Regulator::None => None,
            Regulator::Nmc => Some("NMC"),
            Regulator::Hcpc => Some("HCPC"),
            Regulator::Gosc => Some("GOsC"),
            Regulator::Gphc => Some("GPhC"),
            Regulator::Gdc => Some("GDC"),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(bound(deserialize = "'de: 'static"))]
#[serde(rename_all = "kebab-case")]
pub struct Role {
    pub meta: Meta,
    pub band: u8,
    pub band_max: Option<u8>,
    pub settings: Vec<Text>,
    pub family: Text,
    pub registered: Regulator,
    pub aliases: Vec<Text>,
    pub specialisms: Vec<Text>,
    pub closed_since: Option<Text>,
}

/// A role family's name for people: `ahp` is "Allied health professions".
pub fn family_title(f: &str) -> String {
    match f {
        "ahp" => "Allied health professions".into(),
        "nursing" => "Nursing".into(),
        "midwifery" => "Midwifery".into(),
        "mental-health" => "Mental health".into(),
        "perioperative" => "Theatres (perioperative)".into(),
        "general" => "General support roles".into(),
        "non-clinical" => "Non-clinical roles".into(),
        other => {
            let t = other.replace('-', " ");
            let mut c = t.chars();
            c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            })
        }
    }
}

impl Role {
    pub fn band_max(&self) -> u8 {
        self.band_max.unwrap_or(self.band)
    }

    pub fn has_band(&self, band: u8) -> bool {
        (self.band..=self.band_max()).contains(&band)
    }

    /// "band 3" or "bands 2 to 4".
    pub fn band_label(&self) -> String {
        match self.band_max {
            Some(max) if max != self.band => format!("bands {} to {}", self.band, max),
            _ => format!("band {}", self.band),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ProgrammeKind {
    Apprenticeship,
    DegreeApprenticeship,
    Degree,
    Qualification,
    Course,
    Award,
    Standards,
    InHouse,
    Coaching,
    SelfStudy,
}

impl ProgrammeKind {
    pub fn label(self) -> &'static str {
        match self {
            ProgrammeKind::Apprenticeship => "apprenticeship",
            ProgrammeKind::DegreeApprenticeship => "degree apprenticeship",
            ProgrammeKind::Degree => "university degree",
            ProgrammeKind::Qualification => "qualification",
            ProgrammeKind::Course => "course",
            ProgrammeKind::Award => "award",
            ProgrammeKind::Standards => "set of standards",
            ProgrammeKind::InHouse => "in-house scheme",
            ProgrammeKind::Coaching => "coaching or mentoring",
            ProgrammeKind::SelfStudy => "self-study",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    Weeks,
    Months,
}

/// A typical duration range, as the sources give it.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Duration {
    pub min: u32,
    pub max: u32,
    pub unit: Unit,
    pub confidence: Confidence,
    pub note: Option<Text>,
}

/// Text marked with how sure the sources are, unless they are sure.
pub fn marked(text: &str, c: Confidence) -> String {
    match c {
        Confidence::High => text.to_string(),
        c => format!("{text} ({} confidence)", c.name()),
    }
}

impl Duration {
    /// The length for people, marked when the sources are not sure of it.
    pub fn words(&self) -> String {
        marked(&self.label(), self.confidence)
    }

    /// Months, with weeks converted at 52 weeks to 12 months.
    pub fn months(&self) -> (f64, f64) {
        let f = match self.unit {
            Unit::Months => 1.0,
            Unit::Weeks => 12.0 / 52.0,
        };
        (self.min as f64 * f, self.max as f64 * f)
    }

    /// "12 to 20 weeks", "2 years".
    pub fn label(&self) -> String {
        let unit = |n: u32| match self.unit {
            Unit::Weeks => plural(n, "week"),
            Unit::Months => whole_months(n),
        };
        if self.min == self.max {
            unit(self.min)
        } else if self.unit == Unit::Months
            && (!self.min.is_multiple_of(12) || !self.max.is_multiple_of(12))
        {
            format!("{} to {} months", self.min, self.max)
        } else {
            // Both whole years, or weeks: say "3 to 4 years" not "3 years to 4 years".
            let max = unit(self.max);
            let min_num = match self.unit {
                Unit::Months => self.min / 12,
                Unit::Weeks => self.min,
            };
            format!("{min_num} to {max}")
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(bound(deserialize = "'de: 'static"))]
#[serde(rename_all = "kebab-case")]
pub struct Programme {
    pub meta: Meta,
    pub kind: ProgrammeKind,
    pub level: Option<u8>,
    pub standard: Option<Text>,
    pub standard_confidence: Confidence,
    pub duration: Option<Duration>,
    pub entry: Expr,
    pub usually: Expr,
    pub grants: Vec<Text>,
    pub areas: Vec<Text>,
    pub rules: Vec<Text>,
    pub funding: Option<Text>,
    pub study: Option<Text>,
    pub pay: Pay,
    pub learning_support_fund: bool,
}

/// Whether a person is paid while they do a programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Pay {
    /// Employed and paid to train: an apprenticeship or a trainee post.
    Paid,
    /// Full-time study, not a paid job (a university degree).
    NotPaid,
    /// Done alongside your paid job.
    InJob,
}

impl Pay {
    /// What a programme of this kind usually means for pay.
    pub fn default_for(kind: ProgrammeKind) -> Pay {
        match kind {
            ProgrammeKind::Apprenticeship | ProgrammeKind::DegreeApprenticeship => Pay::Paid,
            ProgrammeKind::Degree => Pay::NotPaid,
            _ => Pay::InJob,
        }
    }

    /// Whether you keep earning while you do it.
    pub fn earning(self) -> bool {
        self != Pay::NotPaid
    }

    pub fn label(self) -> &'static str {
        match self {
            Pay::Paid => "paid while you train",
            Pay::NotPaid => "not paid: full-time study",
            Pay::InJob => "done alongside your paid job",
        }
    }
}

/// A source document cited by file name, with the title people see.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Document {
    pub file: Text,
    pub title: Text,
    pub url: Option<Text>,
}

impl Programme {
    /// "Level 5", "Entry level", or nothing.
    pub fn level_label(&self) -> Option<String> {
        self.level.map(|l| {
            if l == 0 {
                "Entry level".to_string()
            } else {
                format!("Level {l}")
            }
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RequirementKind {
    Qualification,
    Certificate,
    Experience,
    Agreement,
    Assessment,
}

/// Who decides a requirement that is someone else's call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Decider {
    Employer,
    Provider,
}

impl Decider {
    pub fn label(self) -> &'static str {
        match self {
            Decider::Employer => "your employer decides",
            Decider::Provider => "the course provider decides",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(bound(deserialize = "'de: 'static"))]
#[serde(rename_all = "kebab-case")]
pub struct Requirement {
    pub meta: Meta,
    pub kind: RequirementKind,
    pub decided_by: Option<Decider>,
    /// Alternatives, any one of which meets this requirement.
    pub satisfied_by: Vec<Conj>,
    pub aliases: Vec<Text>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum PathwayKind {
    Progression,
    Lateral,
    StayAndDevelop,
}

impl PathwayKind {
    /// The name used in data files and exports: `stay-and-develop`.
    pub fn as_str(self) -> &'static str {
        match self {
            PathwayKind::Progression => "progression",
            PathwayKind::Lateral => "lateral",
            PathwayKind::StayAndDevelop => "stay-and-develop",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PathwayKind::Progression => "move up",
            PathwayKind::Lateral => "move across",
            PathwayKind::StayAndDevelop => "grow in your role",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(bound(deserialize = "'de: 'static"))]
#[serde(rename_all = "kebab-case")]
pub struct Pathway {
    pub meta: Meta,
    pub kind: PathwayKind,
    pub from: Vec<Text>,
    /// `None` only for stay-and-develop pathways.
    pub to: Option<Text>,
    pub via: Vec<Text>,
    pub requires: Expr,
    pub varies_by_trust: bool,
}

impl Pathway {
    /// Where this pathway leads from `from`: its `to`, or `from` itself.
    pub fn destination<'a>(&'a self, from: &'a str) -> &'a str {
        self.to.as_deref().unwrap_or(from)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    SupportWorker,
    Manager,
    Educator,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(bound(deserialize = "'de: 'static"))]
#[serde(rename_all = "kebab-case")]
pub struct Resource {
    pub meta: Meta,
    pub url: Option<Text>,
    #[serde(rename = "where")]
    pub where_: Option<Text>,
    pub areas: Vec<Text>,
    pub helps_with: Vec<Text>,
    pub audience: Vec<Audience>,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(bound(deserialize = "'de: 'static"))]
#[serde(rename_all = "kebab-case")]
pub struct Barrier {
    pub meta: Meta,
    pub what_helps: Vec<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct RuleChange {
    /// `None` only for the first entry: what applied before `until`.
    pub since: Option<Text>,
    pub until: Option<Text>,
    pub text: Text,
}

impl RuleChange {
    /// Whether this state of the rule applies on `date` (`YYYY-MM-DD`).
    pub fn applies_on(&self, date: &str) -> bool {
        self.since.as_deref().is_none_or(|s| s <= date)
            && self.until.as_deref().is_none_or(|u| date < u)
    }

    /// When it applied, in words: "From 1 August 2022 until 1 August 2025".
    pub fn period(&self) -> String {
        use crate::words::long_date;
        match (&self.since, &self.until) {
            (Some(s), Some(u)) => format!("From {} until {}", long_date(s), long_date(u)),
            (Some(s), None) => format!("From {} (in force)", long_date(s)),
            (None, Some(u)) => format!("Before {}", long_date(u)),
            (None, None) => "Always".to_string(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Rule {
    pub meta: Meta,
    pub history: Vec<RuleChange>,
}

impl Rule {
    /// The rule in force: the last entry of its history.
    pub fn current(&self) -> Option<&RuleChange> {
        self.history.last()
    }

    /// The state of the rule for a start on `date` (`YYYY-MM-DD`), if the
    /// history covers that date.
    pub fn at(&self, date: &str) -> Option<&RuleChange> {
        self.history.iter().rev().find(|c| c.applies_on(date))
    }
}
