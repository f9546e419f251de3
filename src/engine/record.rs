//! One record in full, with what it connects to (`roadmap show`).

use super::Engine;
use crate::SCHEMA_VERSION;
use crate::answers::{Item, RecordView, Section};
use crate::matching::did_you_mean;
use crate::model::{
    Area, Barrier, Confidence, Pathway, Programme, Record, Requirement, Resource, Roadmap, Role,
    Rule, Setting,
};
use crate::words::long_date;

/// A record's facts: (label, value), in the order shown.
type Facts = Vec<(String, String)>;

fn item(id: &str, map: &Roadmap) -> Item {
    Item {
        id: id.to_string(),
        title: map.title_of(id).to_string(),
    }
}

impl Engine<'_> {
    /// One record in full, with what it connects to. A programme shows the
    /// national rules that apply to a start on `start` (`YYYY-MM-DD`; by
    /// default the engine's day). `Err` when no record has the id, with the
    /// closest one.
    pub fn record(&self, id: &str, start: Option<&str>) -> Result<RecordView, String> {
        let map = self.map;
        let Some(rec) = map.get(id) else {
            let ids: Vec<&str> = map.records().map(|r| r.meta().id.as_str()).collect();
            let hint =
                did_you_mean(id, ids).map_or(String::new(), |s| format!("\n  did you mean `{s}`?"));
            return Err(format!(
                "no record has the id \"{id}\"{hint}\n  find ids with `roadmap search WORDS`"
            ));
        };
        let start = start.or(self.today());
        Ok(view(map, self, rec, start))
    }
}

fn view(map: &Roadmap, engine: &Engine<'_>, rec: Record<'_>, start: Option<&str>) -> RecordView {
    let m = rec.meta();
    let mut facts: Facts = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut section = |title: &str, items: Vec<Item>| {
        if !items.is_empty() {
            sections.push(Section {
                title: title.to_string(),
                items,
            });
        }
    };
    let record = match rec {
        Record::Role(r) => role(r, map, engine, &mut facts, &mut section),
        Record::Programme(p) => programme(p, map, engine, start, &mut facts, &mut section),
        Record::Requirement(q) => requirement(q, map, engine, &mut facts, &mut section),
        Record::Pathway(p) => pathway(p, map, engine, &mut facts, &mut section),
        Record::Resource(r) => resource(r, map, &mut facts, &mut section),
        Record::Barrier(b) => barrier(b, map, &mut facts, &mut section),
        Record::Rule(r) => rule(r, map, &mut facts, &mut section),
        Record::Area(a) => area(a, map, &mut facts, &mut section),
        Record::Setting(s) => setting(s, map, &mut section),
    }
    .expect("records serialise");
    for n in &m.notes {
        facts.push(("Note".into(), n.to_string()));
    }
    facts.push((
        "Confidence".into(),
        match &m.confidence_note {
            Some(n) => format!("{}: {n}", m.confidence.name()),
            None => m.confidence.name().to_string(),
        },
    ));
    // Fact-base ids stay in the JSON record: they mean nothing to a person.
    if let Some(d) = &m.valid_from
        && engine.today().is_some_and(|t| t < d.as_str())
    {
        facts.push(("Opens to new starters on".into(), long_date(d)));
    }
    if let Some(d) = &m.valid_until {
        let closed = engine.today().is_some_and(|t| d.as_str() < t);
        facts.push(if closed {
            (
                "No longer open to new starters".into(),
                format!("since {}", long_date(d)),
            )
        } else {
            ("Open to new starters until".into(), long_date(d))
        });
    }
    facts.push(("Reviewed".into(), long_date(&m.reviewed)));
    if let Some(by) = &m.review_by {
        let overdue = engine.today().is_some_and(|t| m.overdue_on(t));
        facts.push((
            "To be checked again by".into(),
            if overdue {
                format!("{} (overdue: this may be out of date)", long_date(by))
            } else {
                long_date(by)
            },
        ));
    }
    // A source document by its title, never its file name; a link as itself.
    sections.push(Section {
        title: "Sources".into(),
        items: m
            .sources
            .iter()
            .map(|s| {
                let title = map.source_title(s).to_string();
                Item {
                    id: if title == *s {
                        s.to_string()
                    } else {
                        String::new()
                    },
                    title,
                }
            })
            .collect(),
    });
    RecordView {
        schema_version: SCHEMA_VERSION,
        data_reviewed: engine.reviewed(),
        kind: rec.kind().name().to_string(),
        facts,
        sections,
        record,
        id: m.id.to_string(),
        title: m.title.to_string(),
        summary: m.summary.to_string(),
    }
}

/// The facts and sections only a role has.
fn role(
    r: &Role,
    map: &Roadmap,
    engine: &Engine<'_>,
    facts: &mut Facts,
    section: &mut dyn FnMut(&str, Vec<Item>),
) -> serde_json::Result<serde_json::Value> {
    facts.push(("Band".into(), r.band_label()));
    facts.push(("Family".into(), r.family.to_string()));
    facts.push((
        "Registered".into(),
        r.registered
            .long_name()
            .map_or("no: not a registered profession".into(), |n| {
                format!("yes, with the {n}")
            }),
    ));
    if !r.specialisms.is_empty() {
        facts.push(("Fields".into(), r.specialisms.join(", ")));
    }
    if !r.aliases.is_empty() {
        facts.push(("Also called".into(), r.aliases.join(", ")));
    }
    if let Some(c) = &r.closed_since {
        facts.push(("Closed to new entrants since".into(), c.to_string()));
    }
    section(
        "Settings",
        r.settings.iter().map(|s| item(s, map)).collect(),
    );
    let out = engine.pathways_from(&r.meta.id);
    section(
        "Leads to",
        out.iter()
            .filter(|p| p.to.is_some())
            .map(|p| item(p.to.as_deref().unwrap_or_default(), map))
            .collect(),
    );
    section(
        "Ways to grow in this role",
        out.iter()
            .filter(|p| p.to.is_none())
            .flat_map(|p| p.via.iter().map(|v| item(v, map)))
            .collect(),
    );
    section(
        "Reached from",
        engine
            .pathways_to(&r.meta.id)
            .iter()
            .flat_map(|p| p.from.iter().map(|f| item(f, map)))
            .collect(),
    );
    serde_json::to_value(r)
}

/// The facts and sections only a programme has.
fn programme(
    p: &Programme,
    map: &Roadmap,
    engine: &Engine<'_>,
    start: Option<&str>,
    facts: &mut Facts,
    section: &mut dyn FnMut(&str, Vec<Item>),
) -> serde_json::Result<serde_json::Value> {
    facts.push(("Kind".into(), p.kind.label().into()));
    if let Some(l) = p.level_label() {
        facts.push(("Level".into(), l));
    }
    if let Some(s) = &p.standard {
        let sure = match p.standard_confidence {
            Confidence::High => String::new(),
            c => format!(" ({} confidence: from one list of standards)", c.name()),
        };
        facts.push(("Apprenticeship standard".into(), format!("{s}{sure}")));
    }
    if let Some(d) = &p.duration {
        let mut v = format!("typically {}", d.label());
        if d.confidence != Confidence::High {
            v.push_str(&format!(" ({} confidence)", d.confidence.name()));
        }
        if let Some(n) = &d.note {
            v.push_str(&format!(". {n}"));
        }
        facts.push(("Duration".into(), v));
    } else {
        facts.push(("Duration".into(), "no typical length in the sources".into()));
    }
    for (label, expr) in [
        ("Entry requirement", &p.entry),
        ("Usually asked for", &p.usually),
    ] {
        for t in expr {
            facts.push((label.into(), engine.term_title(t)));
        }
    }
    if let Some(f) = &p.funding {
        facts.push(("Funding".into(), f.to_string()));
    }
    if let Some(s) = &p.study {
        facts.push(("Study".into(), s.to_string()));
    }
    for rule in p.rules.iter().filter_map(|r| map.rule(r)) {
        let applies = match start {
            Some(d) => rule
                .at(d)
                .map(|c| (format!(" for a start on {}", long_date(d)), c)),
            None => rule.current().map(|c| (String::new(), c)),
        };
        facts.push(match applies {
            Some((when, c)) => (format!("{}{when}", rule.meta.title), c.text.to_string()),
            None => (
                rule.meta.title.to_string(),
                format!(
                    "the data has no rule for that date: see roadmap show {}",
                    rule.meta.id
                ),
            ),
        });
    }
    section(
        "Completing it gives you",
        p.grants.iter().map(|g| item(g, map)).collect(),
    );
    section("Areas", p.areas.iter().map(|a| item(a, map)).collect());
    section(
        "Used on pathways",
        map.pathways
            .iter()
            .filter(|w| w.via.contains(&p.meta.id))
            .map(|w| item(&w.meta.id, map))
            .collect(),
    );
    serde_json::to_value(p)
}

/// The facts and sections only a requirement has.
fn requirement(
    q: &Requirement,
    map: &Roadmap,
    engine: &Engine<'_>,
    facts: &mut Facts,
    section: &mut dyn FnMut(&str, Vec<Item>),
) -> serde_json::Result<serde_json::Value> {
    if let Some(d) = q.decided_by {
        facts.push(("Who decides".into(), d.label().into()));
    }
    if !q.aliases.is_empty() {
        facts.push(("Also written".into(), q.aliases.join(", ")));
    }
    section(
        "Met by any of",
        q.satisfied_by
            .iter()
            .map(|c| Item {
                id: c.join(" & "),
                title: map.conj_words(c),
            })
            .collect(),
    );
    section(
        "Programmes that give it",
        map.programmes
            .iter()
            .filter(|p| {
                let grants: Vec<String> = p.grants.iter().map(|g| g.to_string()).collect();
                engine.holds(&engine.holdings(&grants), &q.meta.id)
            })
            .map(|p| item(&p.meta.id, map))
            .collect(),
    );
    section(
        "Needed by",
        map.programmes
            .iter()
            .filter(|p| p.entry.iter().any(|t| t.ids().any(|i| q.meta.id == i)))
            .map(|p| item(&p.meta.id, map))
            .collect(),
    );
    section(
        "Signposts that help",
        map.resources
            .iter()
            .filter(|r| r.helps_with.contains(&q.meta.id))
            .map(|r| item(&r.meta.id, map))
            .collect(),
    );
    serde_json::to_value(q)
}

/// The facts and sections only a pathway has.
fn pathway(
    p: &Pathway,
    map: &Roadmap,
    engine: &Engine<'_>,
    facts: &mut Facts,
    section: &mut dyn FnMut(&str, Vec<Item>),
) -> serde_json::Result<serde_json::Value> {
    facts.push(("Kind".into(), p.kind.label().into()));
    facts.push((
        "To".into(),
        p.to.as_deref()
            .map_or("stays in the same role".into(), |t| item(t, map).title),
    ));
    for t in &p.requires {
        facts.push(("Requires".into(), engine.term_title(t)));
    }
    if p.varies_by_trust {
        facts.push(("Availability".into(), super::next::VARIES_BY_TRUST.into()));
    }
    section("From", p.from.iter().map(|f| item(f, map)).collect());
    section("Via", p.via.iter().map(|v| item(v, map)).collect());
    serde_json::to_value(p)
}

/// The facts and sections only a resource has.
fn resource(
    r: &Resource,
    map: &Roadmap,
    facts: &mut Facts,
    section: &mut dyn FnMut(&str, Vec<Item>),
) -> serde_json::Result<serde_json::Value> {
    if let Some(u) = &r.url {
        facts.push(("Link".into(), u.to_string()));
    }
    if let Some(w) = &r.where_ {
        facts.push(("Where to find it".into(), w.to_string()));
    }
    section(
        "Helps with",
        r.helps_with.iter().map(|h| item(h, map)).collect(),
    );
    section("Areas", r.areas.iter().map(|a| item(a, map)).collect());
    serde_json::to_value(r)
}

/// The facts and sections only a barrier has.
fn barrier(
    b: &Barrier,
    map: &Roadmap,
    facts: &mut Facts,
    section: &mut dyn FnMut(&str, Vec<Item>),
) -> serde_json::Result<serde_json::Value> {
    for h in &b.what_helps {
        facts.push(("What helps".into(), h.to_string()));
    }
    section(
        "Signposts",
        map.resources
            .iter()
            .filter(|r| r.helps_with.contains(&b.meta.id))
            .map(|r| item(&r.meta.id, map))
            .collect(),
    );
    serde_json::to_value(b)
}

/// The facts and sections only a rule has.
fn rule(
    r: &Rule,
    map: &Roadmap,
    facts: &mut Facts,
    section: &mut dyn FnMut(&str, Vec<Item>),
) -> serde_json::Result<serde_json::Value> {
    for c in &r.history {
        facts.push((c.period(), c.text.to_string()));
    }
    section(
        "Applies to",
        map.programmes
            .iter()
            .filter(|p| p.rules.contains(&r.meta.id))
            .map(|p| item(&p.meta.id, map))
            .collect(),
    );
    serde_json::to_value(r)
}

/// The facts and sections only a area has.
fn area(
    a: &Area,
    map: &Roadmap,
    facts: &mut Facts,
    section: &mut dyn FnMut(&str, Vec<Item>),
) -> serde_json::Result<serde_json::Value> {
    for p in &a.points {
        facts.push(("Point".into(), p.to_string()));
    }
    section(
        "Development offers",
        map.programmes
            .iter()
            .filter(|p| p.areas.contains(&a.meta.id))
            .map(|p| item(&p.meta.id, map))
            .collect(),
    );
    section(
        "Signposts",
        map.resources
            .iter()
            .filter(|r| r.areas.contains(&a.meta.id))
            .map(|r| item(&r.meta.id, map))
            .collect(),
    );
    serde_json::to_value(a)
}

/// The facts and sections only a setting has.
fn setting(
    s: &Setting,
    map: &Roadmap,
    section: &mut dyn FnMut(&str, Vec<Item>),
) -> serde_json::Result<serde_json::Value> {
    section(
        "Roles found here",
        map.roles
            .iter()
            .filter(|r| r.settings.contains(&s.meta.id))
            .map(|r| item(&r.meta.id, map))
            .collect(),
    );
    serde_json::to_value(s)
}
