//! A person's own record: where they are, what they hold, what they want.
//! Saved as versioned TOML, written atomically with the previous version
//! kept as a backup; never overwritten when it cannot be read.

mod store;

pub use store::{ProfileError, Store};

use serde::{Deserialize, Serialize};

/// The profile format this version writes. A newer file is refused, not
/// overwritten: it may hold answers this version would lose.
pub const PROFILE_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    #[default]
    NotSaid,
    None,
    Entry,
    #[serde(rename = "level-1")]
    Level1,
    #[serde(rename = "level-2")]
    Level2,
    Higher,
}

impl Level {
    pub const CHOICES: [(Level, &'static str); 6] = [
        (Level::NotSaid, "I'd rather not say, or not sure"),
        (Level::None, "No qualification"),
        (Level::Entry, "Entry level (Entry 1, 2 or 3)"),
        (
            Level::Level1,
            "Level 1 (like GCSE grades 1 to 3, or D to G)",
        ),
        (
            Level::Level2,
            "Level 2: GCSE grade 4 (C) or above, or Functional Skills Level 2",
        ),
        (Level::Higher, "Higher than Level 2 (such as an A level)"),
    ];
}

/// How a Level 2 (or higher) result was achieved: it decides which
/// requirement the person holds, which matters when proof is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum How {
    #[default]
    NotSure,
    Gcse,
    FunctionalSkills,
    Other,
}

impl How {
    pub const CHOICES: [(How, &'static str); 4] = [
        (How::Gcse, "GCSE"),
        (How::FunctionalSkills, "Functional Skills"),
        (How::Other, "Another qualification"),
        (How::NotSure, "Not sure"),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Digital {
    #[default]
    NotSaid,
    FindItHard,
    Everyday,
    Confident,
    Qualification,
}

impl Digital {
    pub const CHOICES: [(Digital, &'static str); 5] = [
        (
            Digital::FindItHard,
            "I find computers and phones hard to use",
        ),
        (
            Digital::Everyday,
            "I manage everyday things (email, forms, e-learning)",
        ),
        (Digital::Confident, "I am confident with digital tools"),
        (
            Digital::Qualification,
            "I have an Essential Digital Skills qualification",
        ),
        (Digital::NotSaid, "I'd rather not say"),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualification {
    #[serde(rename = "level-2-diploma")]
    Level2Diploma,
    #[serde(rename = "level-3-diploma")]
    Level3Diploma,
    ALevels,
    #[serde(rename = "level-5")]
    Level5,
    Degree,
}

impl Qualification {
    /// A short name for a record: "Level 3 Diploma in Healthcare Support".
    pub fn short(self) -> &'static str {
        match self {
            Qualification::Level2Diploma => "Level 2 care diploma or HCSW apprenticeship",
            Qualification::Level3Diploma => "Level 3 Diploma in Healthcare Support",
            Qualification::ALevels => "A levels or another Level 3 qualification",
            Qualification::Level5 => "a Level 5 qualification",
            Qualification::Degree => "a university degree",
        }
    }

    pub const CHOICES: [(Qualification, &'static str); 5] = [
        (
            Qualification::Level2Diploma,
            "Level 2 care diploma, or the healthcare support worker apprenticeship",
        ),
        (
            Qualification::Level3Diploma,
            "Level 3 Diploma in Healthcare Support, or the senior healthcare support worker apprenticeship",
        ),
        (
            Qualification::ALevels,
            "A levels or another Level 3 qualification",
        ),
        (
            Qualification::Level5,
            "A Level 5 qualification (foundation degree, assistant practitioner or nursing associate)",
        ),
        (Qualification::Degree, "A university degree"),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Goal {
    #[default]
    NotSure,
    GrowInRole,
    MoveUp,
    Registered,
}

impl Goal {
    pub const CHOICES: [(Goal, &'static str); 4] = [
        (Goal::GrowInRole, "Grow in my current role"),
        (Goal::MoveUp, "Move up a band"),
        (
            Goal::Registered,
            "Become a registered professional (such as a nurse, midwife or physiotherapist)",
        ),
        (Goal::NotSure, "I'm not sure yet"),
    ];
}

/// Own time free for study each week: a range, as people answer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum StudyTime {
    #[default]
    #[serde(rename = "not-sure")]
    NotSure,
    #[serde(rename = "none")]
    None,
    #[serde(rename = "up-to-2")]
    UpTo2,
    #[serde(rename = "2-to-6")]
    TwoTo6,
    #[serde(rename = "more-than-6")]
    MoreThan6,
}

impl StudyTime {
    pub const CHOICES: [(StudyTime, &'static str); 5] = [
        (StudyTime::None, "None at the moment"),
        (StudyTime::UpTo2, "Up to 2 hours a week"),
        (StudyTime::TwoTo6, "2 to 6 hours a week"),
        (StudyTime::MoreThan6, "More than 6 hours a week"),
        (StudyTime::NotSure, "Not sure"),
    ];

    pub fn words(self) -> &'static str {
        match self {
            StudyTime::NotSure => "not sure",
            StudyTime::None => "none at the moment",
            StudyTime::UpTo2 => "up to 2 hours a week",
            StudyTime::TwoTo6 => "2 to 6 hours a week",
            StudyTime::MoreThan6 => "more than 6 hours a week",
        }
    }
}

/// The range by name, or (profiles saved before ranges) a number of hours,
/// read as the range it was chosen from.
impl<'de> Deserialize<'de> for StudyTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Hours(i64),
            Name(String),
        }
        match Raw::deserialize(d)? {
            Raw::Hours(h) if h <= 0 => Ok(StudyTime::None),
            Raw::Hours(h) if h <= 2 => Ok(StudyTime::UpTo2),
            Raw::Hours(h) if h <= 6 => Ok(StudyTime::TwoTo6),
            Raw::Hours(_) => Ok(StudyTime::MoreThan6),
            Raw::Name(n) => match n.as_str() {
                "not-sure" => Ok(StudyTime::NotSure),
                "none" => Ok(StudyTime::None),
                "up-to-2" => Ok(StudyTime::UpTo2),
                "2-to-6" => Ok(StudyTime::TwoTo6),
                "more-than-6" => Ok(StudyTime::MoreThan6),
                other => Err(serde::de::Error::unknown_variant(
                    other,
                    &["none", "up-to-2", "2-to-6", "more-than-6", "not-sure"],
                )),
            },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ManagerSupport {
    #[default]
    NotAsked,
    Yes,
    No,
    NotSure,
}

impl ManagerSupport {
    pub const CHOICES: [(ManagerSupport, &'static str); 4] = [
        (ManagerSupport::Yes, "Yes"),
        (ManagerSupport::No, "No"),
        (ManagerSupport::NotSure, "Not sure"),
        (ManagerSupport::NotAsked, "I haven't asked yet"),
    ];
}

/// Self-rated confidence, 1 (not confident) to 5 (very), per roadmap area.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Confidence {
    pub skills_for_life: Option<u8>,
    pub personal_skills: Option<u8>,
    pub technical_skills: Option<u8>,
    pub career_progression: Option<u8>,
}

impl Confidence {
    /// (area id, rating) pairs, in roadmap order.
    pub fn by_area(&self) -> [(&'static str, Option<u8>); 4] {
        [
            ("skills-for-life", self.skills_for_life),
            ("personal-skills", self.personal_skills),
            ("technical-skills", self.technical_skills),
            ("career-progression", self.career_progression),
        ]
    }
}

/// What the plan said last time, so a re-run can show what changed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LastPlan {
    pub date: String,
    /// Destination role ids the person could move to then.
    pub eligible: Vec<String>,
    /// Requirement ids they were missing then.
    pub gaps: Vec<String>,
}

/// Everything the wizard asks. Every field has a default, so an answers
/// file may give only some keys; `deny_unknown_fields` catches typos.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct Answers {
    pub name: Option<String>,
    /// Where you are: a role id, a band (`band3`) or what people call it.
    pub role: Option<String>,
    /// A setting id.
    pub setting: Option<String>,
    pub english: Level,
    pub english_how: How,
    pub maths: Level,
    pub maths_how: How,
    pub digital: Digital,
    pub care_certificate: bool,
    pub qualifications: Vec<Qualification>,
    pub goal: Goal,
    /// The registered role wanted, when `goal = "registered"`.
    pub goal_role: Option<String>,
    pub interests_settings: Vec<String>,
    pub interests_families: Vec<String>,
    pub earn_while_learning: bool,
    /// Own time free for study each week, as a range.
    pub study_hours: StudyTime,
    pub manager_supports: ManagerSupport,
    pub confidence: Confidence,
    /// Barrier ids from the roadmap (`roadmap show not-released-for-training`).
    pub barriers: Vec<String>,
}

/// The saved profile: the answers plus bookkeeping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Profile {
    pub version: u32,
    pub saved: String,
    #[serde(default)]
    pub answers: Answers,
    #[serde(default)]
    pub last_plan: Option<LastPlan>,
}

impl Answers {
    /// Requirement ids these answers mean the person holds.
    pub fn holds(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut subject = |level: Level, how: How, s: &str| match level {
            Level::Level2 | Level::Higher => out.push(match how {
                How::Gcse => format!("gcse-{s}-4"),
                How::FunctionalSkills => format!("fs-{s}-l2"),
                _ => format!("{s}-l2"),
            }),
            Level::Level1 => out.push(match how {
                How::FunctionalSkills => format!("fs-{s}-l1"),
                _ => format!("{s}-l1"),
            }),
            _ => {}
        };
        subject(self.english, self.english_how, "english");
        subject(self.maths, self.maths_how, "maths");
        if self.digital == Digital::Qualification {
            out.push("essential-digital-skills-qualification".into());
        }
        if self.care_certificate {
            out.push("care-certificate".into());
        }
        for q in &self.qualifications {
            out.push(
                match q {
                    Qualification::Level2Diploma => "care-certificate",
                    Qualification::Level3Diploma => "level-3-diploma-healthcare-support",
                    Qualification::ALevels => "a-levels-or-equivalent",
                    Qualification::Level5 => "level-5-qualification",
                    Qualification::Degree => "degree",
                }
                .into(),
            );
        }
        out.sort();
        out.dedup();
        out
    }
}

/// A commented answers file with every key and its allowed values, for
/// `roadmap assess --template`: fill it in and run
/// `roadmap assess --answers FILE`.
pub const TEMPLATE: &str = r#"# Answers for `roadmap assess --answers THIS-FILE`.
# Every key is optional except `role`. Lines starting with # are comments.

# Your name, for the career-conversation record.
name = "Sam Patel"

# Where you are: a band ("band3"), a role id ("healthcare-support-worker"),
# or what people call it ("senior HCA"). See: roadmap roles
role = "band2"

# Where you work: a setting id. See: roadmap show acute
# acute, ahp-services, childrens-services, community, learning-disability,
# mental-health, midwifery, primary-care, ambulance-service
setting = "acute"

# English and maths: not-said, none, entry, level-1, level-2, higher
english = "level-2"
# How you got it: gcse, functional-skills, other, not-sure
english-how = "gcse"
maths = "level-1"
maths-how = "functional-skills"

# Digital skills: not-said, find-it-hard, everyday, confident, qualification
digital = "everyday"

# Have you completed the Care Certificate? true or false
care-certificate = true

# What you have finished, any of:
# level-2-diploma, level-3-diploma, a-levels, level-5, degree
qualifications = []

# What you want next: not-sure, grow-in-role, move-up, registered
goal = "registered"
# With goal = "registered": the registered role, e.g. registered-nurse,
# midwife, physiotherapist (roadmap roles --band 5)
goal-role = "registered-nurse"

# Settings and families you would like to work in (optional)
interests-settings = []
interests-families = []

# Do you need to keep earning while you learn? true or false
earn-while-learning = true

# Your own time for study each week:
# none, up-to-2, 2-to-6, more-than-6, not-sure
study-hours = "2-to-6"

# Does your manager support you being released for training?
# yes, no, not-sure, not-asked
manager-supports = "not-asked"

# What has held you back: barrier ids (roadmap show not-released-for-training):
# not-released-for-training, no-reliable-information, no-one-to-talk-to,
# functional-skills-support, limited-training-places, justifying-training
barriers = []

# How confident you feel in each area, 1 (not confident) to 5 (very)
[confidence]
skills-for-life = 3
personal-skills = 3
technical-skills = 3
career-progression = 3
"#;
