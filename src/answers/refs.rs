//! Short references to records, shared by every answer.

use crate::model::{Confidence, Duration, Pay, Programme, Role, Text, Unit};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct RoleRef {
    pub id: Text,
    pub title: Text,
    pub band: u8,
    pub band_max: u8,
    pub family: Text,
    /// The regulator's short name (NMC, HCPC, GOsC) when the title is protected.
    pub regulator: Option<String>,
    pub settings: Vec<Text>,
}

impl RoleRef {
    pub fn of(r: &Role) -> Self {
        RoleRef {
            id: r.meta.id.clone(),
            title: r.meta.title.clone(),
            band: r.band,
            band_max: r.band_max(),
            family: r.family.clone(),
            regulator: r.registered.short_name().map(str::to_string),
            settings: r.settings.clone(),
        }
    }

    pub fn band_label(&self) -> String {
        if self.band_max != self.band {
            format!("bands {} to {}", self.band, self.band_max)
        } else {
            format!("band {}", self.band)
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DurationOut {
    pub min: u32,
    pub max: u32,
    pub unit: &'static str,
    /// In words: "12 to 20 weeks".
    pub label: String,
    pub confidence: Confidence,
}

impl DurationOut {
    /// The length for people: "15 to 24 months", marked when the sources
    /// are not sure of it: "15 to 24 months (medium confidence)".
    pub fn words(&self) -> String {
        crate::model::marked(&self.label, self.confidence)
    }

    pub fn of(d: &Duration) -> Self {
        DurationOut {
            min: d.min,
            max: d.max,
            unit: match d.unit {
                Unit::Weeks => "weeks",
                Unit::Months => "months",
            },
            label: d.label(),
            confidence: d.confidence,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeRef {
    pub id: Text,
    pub title: Text,
    pub kind: String,
    pub level: Option<u8>,
    pub standard: Option<Text>,
    /// `high`, or `medium` when one list of standards gives the code.
    pub standard_confidence: Confidence,
    pub duration: Option<DurationOut>,
    /// Whether you are paid while you do it: `paid` (an apprenticeship or
    /// trainee post), `in-job` (alongside your paid job) or `not-paid`
    /// (full-time study).
    pub pay: Pay,
    /// Eligible students may get the NHS Learning Support Fund.
    pub learning_support_fund: bool,
}

impl ProgrammeRef {
    pub fn of(p: &Programme) -> Self {
        ProgrammeRef {
            id: p.meta.id.clone(),
            title: p.meta.title.clone(),
            kind: p.kind.label().to_string(),
            level: p.level,
            standard: p.standard.clone(),
            standard_confidence: p.standard_confidence,
            duration: p.duration.as_ref().map(DurationOut::of),
            pay: p.pay,
            learning_support_fund: p.learning_support_fund,
        }
    }

    /// Pay in words: "paid while you train", "not paid: full-time study,
    /// and the NHS Learning Support Fund may help".
    pub fn pay_words(&self) -> String {
        let mut s = self.pay.label().to_string();
        if self.learning_support_fund {
            s.push_str("; the NHS Learning Support Fund may help");
        }
        s
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ReqRef {
    pub id: Text,
    pub title: Text,
}

/// How current the data behind an answer is: the latest date any record
/// was checked against its sources. In JSON, the date (`data_reviewed`).
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct Reviewed {
    /// `YYYY-MM-DD`.
    pub date: Text,
    /// Only the national data built into `roadmap` was used.
    #[serde(skip)]
    #[schemars(skip)]
    pub national: bool,
}

impl Reviewed {
    /// How current a roadmap is.
    pub fn of(map: &crate::model::Roadmap) -> Reviewed {
        Reviewed {
            date: map.reviewed_up_to().unwrap_or_default().to_string().into(),
            national: map.national,
        }
    }

    /// The date in words: "National data reviewed up to 1 December 2026."
    pub fn sentence(&self) -> String {
        let date = crate::words::long_date(&self.date);
        if self.national {
            format!("National data reviewed up to {date}.")
        } else {
            format!("Data reviewed up to {date}.")
        }
    }
}
