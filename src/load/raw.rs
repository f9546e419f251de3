//! The TOML form of the data: serde structs that keep every value's span,
//! so validation can point at file:line:col. `deny_unknown_fields` turns a
//! misspelt key into an error rather than silently dropped data.
//!
//! Field docs here become descriptions in `roadmap schema`.

use crate::model::{
    Audience, Confidence, Decider, PathwayKind, Pay, ProgrammeKind, Regulator, RequirementKind,
    Unit,
};
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

/// Declares a raw record struct with the fields every record has, so they
/// stay identical across kinds (serde's `flatten` would lose the spans).
macro_rules! raw_record {
    ($(#[$doc:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident : $ty:ty,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        pub struct $name {
            /// Stable kebab-case id, unique across all kinds of record.
            #[schemars(with = "String")]
            pub id: Spanned<String>,
            /// Plain-words title.
            #[schemars(with = "String")]
            pub title: Spanned<String>,
            /// One to three plain sentences.
            #[schemars(with = "String")]
            pub summary: Spanned<String>,
            /// URLs or source document names (e.g. `003_7de0682cd3a28a45.txt`); at least one.
            #[schemars(with = "Vec<String>")]
            pub sources: Spanned<Vec<Spanned<String>>>,
            /// Fact-base ids this record is built from, e.g. `C4.1`.
            #[serde(default)]
            #[schemars(with = "Vec<String>")]
            pub facts: Vec<Spanned<String>>,
            /// When the record was last checked against its sources (a TOML date).
            #[schemars(with = "String")]
            pub reviewed: Spanned<Datetime>,
            /// `high` (default), `medium` or `unverified`, as in the fact base.
            #[serde(default)]
            #[schemars(with = "Option<Confidence>")]
            pub confidence: Option<Spanned<Confidence>>,
            /// Required unless confidence is high: what is uncertain, and why.
            #[serde(default)]
            #[schemars(with = "Option<String>")]
            pub confidence_note: Option<Spanned<String>>,
            /// Extra notes shown to the user.
            #[serde(default)]
            #[schemars(with = "Vec<String>")]
            pub notes: Vec<Spanned<String>>,
            /// The first day the record holds, e.g. when an offer or a rule starts (a TOML date).
            #[serde(default)]
            #[schemars(with = "Option<String>")]
            pub valid_from: Option<Spanned<Datetime>>,
            /// The last day the record holds: after it an offer is no longer open to new starters.
            #[serde(default)]
            #[schemars(with = "Option<String>")]
            pub valid_until: Option<Spanned<Datetime>>,
            /// When the record must be checked again (funding, pay and policy change yearly).
            #[serde(default)]
            #[schemars(with = "Option<String>")]
            pub review_by: Option<Spanned<Datetime>>,
            $($(#[$fmeta])* pub $field: $ty,)*
        }

        impl $name {
            pub fn common(&self) -> Common<'_> {
                Common {
                    id: &self.id,
                    title: &self.title,
                    summary: &self.summary,
                    sources: &self.sources,
                    facts: &self.facts,
                    reviewed: &self.reviewed,
                    confidence: self.confidence.as_ref(),
                    confidence_note: self.confidence_note.as_ref(),
                    notes: &self.notes,
                    valid_from: self.valid_from.as_ref(),
                    valid_until: self.valid_until.as_ref(),
                    review_by: self.review_by.as_ref(),
                }
            }
        }
    };
}

/// Borrowed view of the fields every raw record has.
pub struct Common<'a> {
    pub id: &'a Spanned<String>,
    pub title: &'a Spanned<String>,
    pub summary: &'a Spanned<String>,
    pub sources: &'a Spanned<Vec<Spanned<String>>>,
    pub facts: &'a [Spanned<String>],
    pub reviewed: &'a Spanned<Datetime>,
    pub confidence: Option<&'a Spanned<Confidence>>,
    pub confidence_note: Option<&'a Spanned<String>>,
    pub notes: &'a [Spanned<String>],
    pub valid_from: Option<&'a Spanned<Datetime>>,
    pub valid_until: Option<&'a Spanned<Datetime>>,
    pub review_by: Option<&'a Spanned<Datetime>>,
}

/// One data file: arrays of tables, one per kind.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "roadmap data file")]
pub struct RawFile {
    #[serde(default)]
    pub area: Vec<RawArea>,
    #[serde(default)]
    pub setting: Vec<RawSetting>,
    #[serde(default)]
    pub role: Vec<RawRole>,
    #[serde(default)]
    pub programme: Vec<RawProgramme>,
    #[serde(default)]
    pub requirement: Vec<RawRequirement>,
    #[serde(default)]
    pub pathway: Vec<RawPathway>,
    #[serde(default)]
    pub resource: Vec<RawResource>,
    #[serde(default)]
    pub barrier: Vec<RawBarrier>,
    #[serde(default)]
    pub rule: Vec<RawRule>,
    #[serde(default)]
    pub document: Vec<RawDocument>,
}

impl RawFile {
    pub fn is_empty(&self) -> bool {
        self.area.is_empty()
            && self.setting.is_empty()
            && self.role.is_empty()
            && self.programme.is_empty()
            && self.requirement.is_empty()
            && self.pathway.is_empty()
            && self.resource.is_empty()
            && self.barrier.is_empty()
            && self.rule.is_empty()
            && self.document.is_empty()
    }
}

raw_record! {
    /// One of the roadmap's areas.
    RawArea {
        /// The key content of the area, one sentence each.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        points: Vec<Spanned<String>>,
    }
}

raw_record! {
    /// A setting support workers work in.
    RawSetting {}
}

raw_record! {
    /// A position someone holds or wants.
    RawRole {
        /// Agenda for Change band (the lowest, when it varies), 1 to 9.
        #[schemars(with = "u8")]
        band: Spanned<i64>,
        /// The highest band, when the role spans a range.
        #[serde(default)]
        #[schemars(with = "Option<u8>")]
        band_max: Option<Spanned<i64>>,
        /// Setting ids.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        settings: Vec<Spanned<String>>,
        /// kebab-case family: nursing, midwifery, ahp, mental-health, ...
        #[schemars(with = "String")]
        family: Spanned<String>,
        /// The regulator when the title is protected.
        #[schemars(with = "Regulator")]
        registered: Spanned<Regulator>,
        /// How people name the role; `band N` makes it the role `bandN` resolves to.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        aliases: Vec<Spanned<String>>,
        /// Fields within the role.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        specialisms: Vec<Spanned<String>>,
        /// Closed to new entrants since this date.
        #[serde(default)]
        #[schemars(with = "Option<String>")]
        closed_since: Option<Spanned<Datetime>>,
    }
}

/// A typical duration range.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDuration {
    #[schemars(with = "u32")]
    pub min: Spanned<i64>,
    #[schemars(with = "u32")]
    pub max: Spanned<i64>,
    pub unit: Unit,
    #[serde(default)]
    pub confidence: Confidence,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub note: Option<Spanned<String>>,
}

raw_record! {
    /// A way to move or grow: an apprenticeship, course, award, degree or scheme.
    RawProgramme {
        kind: ProgrammeKind,
        /// RQF level, 0 (Entry) to 8.
        #[serde(default)]
        #[schemars(with = "Option<u8>")]
        level: Option<Spanned<i64>>,
        /// Apprenticeship standard reference, e.g. ST0827.
        #[serde(default)]
        #[schemars(with = "Option<String>")]
        standard: Option<Spanned<String>>,
        /// How sure the standard reference is, when a single list gives it.
        #[serde(default)]
        standard_confidence: Confidence,
        #[serde(default)]
        #[schemars(with = "Option<RawDuration>")]
        duration: Option<Spanned<RawDuration>>,
        /// Hard entry requirements: every item must be met.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        entry: Vec<Spanned<String>>,
        /// Usually asked for, but the employer's or provider's call.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        usually: Vec<Spanned<String>>,
        /// Requirement ids that completing it gives you.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        grants: Vec<Spanned<String>>,
        /// Area ids.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        areas: Vec<Spanned<String>>,
        /// Rule ids.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        rules: Vec<Spanned<String>>,
        /// Who pays, in plain words.
        #[serde(default)]
        #[schemars(with = "Option<String>")]
        funding: Option<Spanned<String>>,
        /// How study fits around work.
        #[serde(default)]
        #[schemars(with = "Option<String>")]
        study: Option<Spanned<String>>,
        /// Whether you are paid while you do it; by default from `kind`
        /// (apprenticeships paid, university degrees not, the rest in your job).
        #[serde(default)]
        pay: Option<Pay>,
        /// Eligible students may get the NHS Learning Support Fund (university routes).
        #[serde(default)]
        learning_support_fund: bool,
    }
}

raw_record! {
    /// Something a person can hold.
    RawRequirement {
        kind: RequirementKind,
        /// Someone else's call: never treated as met.
        #[serde(default)]
        decided_by: Option<Decider>,
        /// Alternatives that also meet this requirement.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        satisfied_by: Vec<Spanned<String>>,
        /// Everyday words accepted by `--have`.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        aliases: Vec<Spanned<String>>,
    }
}

raw_record! {
    /// A move from role(s) to a role.
    RawPathway {
        #[schemars(with = "PathwayKind")]
        kind: Spanned<PathwayKind>,
        /// Role ids.
        #[schemars(with = "Vec<String>")]
        from: Spanned<Vec<Spanned<String>>>,
        /// Role id; left out for stay-and-develop.
        #[serde(default)]
        #[schemars(with = "Option<String>")]
        to: Option<Spanned<String>>,
        /// Programme ids: alternatives.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        via: Vec<Spanned<String>>,
        /// Entry requirements of the move itself.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        requires: Vec<Spanned<String>>,
        #[serde(default)]
        varies_by_trust: bool,
    }
}

raw_record! {
    /// A signpost.
    RawResource {
        #[serde(default)]
        #[schemars(with = "Option<String>")]
        url: Option<Spanned<String>>,
        /// How to find it when there is no URL.
        #[serde(default)]
        #[serde(rename = "where")]
        #[schemars(with = "Option<String>")]
        where_: Option<Spanned<String>>,
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        areas: Vec<Spanned<String>>,
        /// Requirement or barrier ids.
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        helps_with: Vec<Spanned<String>>,
        #[serde(default)]
        audience: Vec<Audience>,
    }
}

raw_record! {
    /// A barrier from HEE's 2021 survey.
    RawBarrier {
        #[serde(default)]
        #[schemars(with = "Vec<String>")]
        what_helps: Vec<Spanned<String>>,
    }
}

/// One dated state of a rule.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRuleChange {
    /// Only the first entry may leave it out: the rule before any date the
    /// sources give.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub since: Option<Spanned<Datetime>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub until: Option<Spanned<Datetime>>,
    #[schemars(with = "String")]
    pub text: Spanned<String>,
}

raw_record! {
    /// A national rule that changed over time.
    RawRule {
        #[schemars(with = "Vec<RawRuleChange>")]
        history: Spanned<Vec<RawRuleChange>>,
    }
}

/// A source document cited by name (e.g. `003_7de0682cd3a28a45.txt`), with
/// the title people see instead of the file name.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    /// The name records cite in `sources`.
    #[schemars(with = "String")]
    pub file: Spanned<String>,
    /// What the document is, e.g. "HEE roadmap: Career progression".
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// Where it was published, when known.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
}
