//! Writes a synthetic staff list for `roadmap cohort`, for benchmarks and
//! trying the command: `cargo run --release --example staff -- 1000 > staff.csv`
//! (an optional second number is the seed; `--uniform` draws every value
//! equally, so nearly everyone is in a different situation: the worst case).
//!
//! Every value is one the national data accepts: support-worker roles at
//! bands 1 to 4 (written as role ids, or as "AfC Band N" in the band
//! column, as an ESR export would), registered roles as goals, and the
//! answers-file values for everything else. The same N and seed always give
//! the same list.

use hcsw_roadmap::embedded;
use hcsw_roadmap::model::Regulator;

/// A small deterministic generator (xorshift64*): no dependency needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const FIRST: &[&str] = &[
    "Amira", "Ben", "Chloe", "Dev", "Ewa", "Femi", "Grace", "Hassan", "Ines", "Jack", "Kemi",
    "Liam", "Maya", "Nia", "Owen", "Priya", "Rosa", "Sam", "Tom", "Uzma",
];
const LAST: &[&str] = &[
    "Ahmed", "Brown", "Clarke", "Davies", "Evans", "Green", "Hughes", "Iqbal", "Jones", "Khan",
    "Lewis", "Nowak", "Okafor", "Patel", "Singh", "Taylor", "Walker", "Wright",
];

/// (value, weight): a support-worker workforce is mostly healthcare
/// support workers at bands 2 and 3. The weights are a plausible mix for a
/// trust, not measured figures; `--uniform` draws every value equally
/// instead, the worst case for grouping.
const ROLES: &[(&str, u32)] = &[
    ("healthcare-support-worker", 40),
    ("senior-healthcare-support-worker", 15),
    ("mental-health-support-worker", 6),
    ("ahp-support-worker", 6),
    ("maternity-support-worker", 5),
    ("theatre-support-worker", 4),
    ("emergency-care-assistant", 4),
    ("assistant-practitioner", 4),
    ("trainee-nursing-associate", 3),
    ("senior-ahp-support-worker", 3),
    ("staff-bank-worker", 3),
    ("nursing-associate", 3),
    ("healthcare-science-assistant", 2),
    ("band-1-support-worker", 2),
    ("radiography-assistant", 1),
    ("peer-support-worker", 1),
    ("research-support-worker", 1),
];
const GOAL_ROLES: &[(&str, u32)] = &[
    ("registered-nurse", 45),
    ("midwife", 10),
    ("paramedic", 8),
    ("physiotherapist", 6),
    ("occupational-therapist", 6),
    ("operating-department-practitioner", 5),
    ("diagnostic-radiographer", 4),
    ("nursing-associate", 4),
    ("speech-and-language-therapist", 2),
    ("dietitian", 2),
    ("podiatrist", 2),
    ("therapeutic-radiographer", 1),
    ("orthoptist", 1),
];
const LEVELS: &[(&str, u32)] = &[
    ("level-2", 60),
    ("higher", 10),
    ("level-1", 15),
    ("entry", 5),
    ("none", 2),
    ("not-said", 8),
];
const HOW: &[(&str, u32)] = &[
    ("gcse", 70),
    ("functional-skills", 20),
    ("other", 5),
    ("not-sure", 5),
];
const DIGITAL: &[(&str, u32)] = &[
    ("everyday", 50),
    ("confident", 25),
    ("find-it-hard", 15),
    ("qualification", 5),
    ("not-said", 5),
];
/// (qualification, percent who hold it)
const QUALS: &[(&str, u64)] = &[
    ("level-2-diploma", 25),
    ("level-3-diploma", 12),
    ("a-levels", 10),
    ("level-5", 2),
    ("degree", 5),
];
const GOALS: &[(&str, u32)] = &[
    ("not-sure", 30),
    ("grow-in-role", 25),
    ("move-up", 20),
    ("registered", 25),
];
const HOURS: &[(&str, u32)] = &[
    ("none", 20),
    ("up-to-2", 35),
    ("2-to-6", 25),
    ("more-than-6", 5),
    ("not-sure", 15),
];
const MANAGER: &[(&str, u32)] = &[("yes", 45), ("no", 10), ("not-sure", 20), ("not-asked", 25)];
const BARRIERS: &[&str] = &[
    "not-released-for-training",
    "no-reliable-information",
    "no-one-to-talk-to",
    "functional-skills-support",
    "limited-training-places",
    "justifying-training",
];
const RATINGS: &[(&str, u32)] = &[("1", 5), ("2", 15), ("3", 35), ("4", 30), ("5", 15)];

/// Draws from a weighted list, or (uniform) every value equally.
struct Draw {
    rng: Rng,
    uniform: bool,
}

impl Draw {
    fn one<'a>(&mut self, from: &[(&'a str, u32)]) -> &'a str {
        if self.uniform {
            return from[self.rng.below(from.len())].0;
        }
        let total: u32 = from.iter().map(|(_, w)| w).sum();
        let mut at = self.rng.below(total as usize) as u32;
        for (v, w) in from {
            if at < *w {
                return v;
            }
            at -= w;
        }
        from[0].0
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.rng.chance(if self.uniform { 50 } else { percent })
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let uniform = args.iter().any(|a| a == "--uniform");
    let mut numbers = args.iter().filter_map(|a| a.parse::<u64>().ok());
    let Some(n) = numbers.next() else {
        eprintln!("usage: staff N [SEED] [--uniform] > staff.csv");
        std::process::exit(2);
    };
    let seed = numbers.next().unwrap_or(2026);
    let mut d = Draw {
        rng: Rng(seed | 1),
        uniform,
    };
    let map = embedded::roadmap();
    // Uniform draws use every support role and every registered role.
    let all_support: Vec<(&str, u32)> = map
        .roles
        .iter()
        .filter(|r| r.band <= 4)
        .map(|r| (r.meta.id.as_str(), 1))
        .collect();
    let all_registered: Vec<(&str, u32)> = map
        .roles
        .iter()
        .filter(|r| r.registered != Regulator::None)
        .map(|r| (r.meta.id.as_str(), 1))
        .collect();
    let (roles, goal_roles) = if uniform {
        (all_support.as_slice(), all_registered.as_slice())
    } else {
        (ROLES, GOAL_ROLES)
    };
    let settings: Vec<(&str, u32)> = map
        .settings
        .iter()
        .map(|s| (s.meta.id.as_str(), 1))
        .collect();
    let mut out = csv::Writer::from_writer(std::io::stdout().lock());
    let _ = out.write_record(hcsw_roadmap::cohort::KEYS);
    for i in 0..n {
        let name = format!(
            "{} {} {}",
            FIRST[d.rng.below(FIRST.len())],
            LAST[d.rng.below(LAST.len())],
            i + 1
        );
        let role = d.one(roles);
        // One row in five gives only the pay band, as an ESR export would.
        let (role, band) = match map.role(role) {
            Some(r) if d.rng.chance(20) => (String::new(), format!("AfC Band {}", r.band)),
            _ => (role.to_string(), String::new()),
        };
        let goal = d.one(GOALS);
        let goal_role = if goal == "registered" {
            d.one(goal_roles)
        } else {
            ""
        };
        let english = d.one(LEVELS);
        let maths = d.one(LEVELS);
        let mut how = |level: &str| {
            if matches!(level, "level-2" | "higher") {
                d.one(HOW)
            } else {
                ""
            }
        };
        let english_how = how(english);
        let maths_how = how(maths);
        let quals: Vec<&str> = QUALS
            .iter()
            .filter(|(_, p)| d.chance(*p))
            .map(|(q, _)| *q)
            .collect();
        let barriers: Vec<&str> = BARRIERS.iter().copied().filter(|_| d.chance(20)).collect();
        let row = [
            name,
            role,
            band,
            d.one(&settings).to_string(),
            english.to_string(),
            english_how.to_string(),
            maths.to_string(),
            maths_how.to_string(),
            d.one(DIGITAL).to_string(),
            if d.chance(75) { "yes" } else { "no" }.to_string(),
            quals.join(";"),
            goal.to_string(),
            goal_role.to_string(),
            String::new(),
            String::new(),
            if d.chance(85) { "yes" } else { "no" }.to_string(),
            d.one(HOURS).to_string(),
            d.one(MANAGER).to_string(),
            barriers.join(";"),
            d.one(RATINGS).to_string(),
            d.one(RATINGS).to_string(),
            d.one(RATINGS).to_string(),
            d.one(RATINGS).to_string(),
        ];
        if out.write_record(&row).is_err() {
            // A closed pipe (`| head`): stop quietly.
            return;
        }
    }
    let _ = out.flush();
}
