//! The validated roadmap: the domain types every other module works with.
//!
//! These types are built only by the loader, after validation, so the engine
//! can rely on every reference resolving. They derive `Serialize` and
//! `Deserialize` because the shipped data is validated at build time and
//! embedded in this form (see `build.rs`).

mod expr;
mod kinds;

mod idmap;
mod text;
pub use expr::{Conj, Expr, ExprError, IdAt, Term, parse_term};
pub use idmap::IdMap;
pub use kinds::*;
pub use text::Text;

use serde::{Deserialize, Serialize};

/// The whole roadmap, validated. Every id resolves; see [`Roadmap::get`].
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Roadmap {
    pub areas: Vec<Area>,
    pub settings: Vec<Setting>,
    pub roles: Vec<Role>,
    pub programmes: Vec<Programme>,
    pub requirements: Vec<Requirement>,
    pub pathways: Vec<Pathway>,
    pub resources: Vec<Resource>,
    pub barriers: Vec<Barrier>,
    pub rules: Vec<Rule>,
    /// Source documents cited by file name, with their titles.
    pub documents: Vec<Document>,
    /// This is the national data built into `roadmap`, and nothing else.
    #[serde(skip)]
    pub national: bool,
    #[serde(skip)]
    index: IdMap<Text, (Kind, usize)>,
}

/// A borrowed record of any kind, for `show` and search.
#[derive(Debug, Clone, Copy)]
pub enum Record<'a> {
    Area(&'a Area),
    Setting(&'a Setting),
    Role(&'a Role),
    Programme(&'a Programme),
    Requirement(&'a Requirement),
    Pathway(&'a Pathway),
    Resource(&'a Resource),
    Barrier(&'a Barrier),
    Rule(&'a Rule),
}

impl<'a> Record<'a> {
    pub fn meta(&self) -> &'a Meta {
        match self {
            Record::Area(r) => &r.meta,
            Record::Setting(r) => &r.meta,
            Record::Role(r) => &r.meta,
            Record::Programme(r) => &r.meta,
            Record::Requirement(r) => &r.meta,
            Record::Pathway(r) => &r.meta,
            Record::Resource(r) => &r.meta,
            Record::Barrier(r) => &r.meta,
            Record::Rule(r) => &r.meta,
        }
    }

    pub fn kind(&self) -> Kind {
        match self {
            Record::Area(_) => Kind::Area,
            Record::Setting(_) => Kind::Setting,
            Record::Role(_) => Kind::Role,
            Record::Programme(_) => Kind::Programme,
            Record::Requirement(_) => Kind::Requirement,
            Record::Pathway(_) => Kind::Pathway,
            Record::Resource(_) => Kind::Resource,
            Record::Barrier(_) => Kind::Barrier,
            Record::Rule(_) => Kind::Rule,
        }
    }

    /// Every piece of prose in the record, for search: the summary, notes,
    /// and each kind's own text (funding, study, what helps, a rule's
    /// history, ...).
    pub fn body_text(&self) -> Vec<&'a str> {
        let m = self.meta();
        let mut out: Vec<&str> = vec![&m.summary];
        out.extend(m.notes.iter().map(Text::as_str));
        out.extend(m.confidence_note.as_deref());
        match self {
            Record::Area(a) => out.extend(a.points.iter().map(Text::as_str)),
            Record::Role(r) => out.extend(r.specialisms.iter().map(Text::as_str)),
            Record::Programme(p) => {
                out.extend(p.funding.as_deref());
                out.extend(p.study.as_deref());
                out.extend(p.duration.as_ref().and_then(|d| d.note.as_deref()));
            }
            Record::Resource(r) => out.extend(r.where_.as_deref()),
            Record::Barrier(b) => out.extend(b.what_helps.iter().map(Text::as_str)),
            Record::Rule(r) => out.extend(r.history.iter().map(|c| c.text.as_str())),
            Record::Setting(_) | Record::Requirement(_) | Record::Pathway(_) => {}
        }
        out
    }

    /// Extra names the record answers to (role and requirement aliases).
    pub fn aliases(&self) -> &'a [Text] {
        match self {
            Record::Role(r) => &r.aliases,
            Record::Requirement(r) => &r.aliases,
            _ => &[],
        }
    }
}

impl Roadmap {
    /// Rebuilds the id index. Called by the loader and after deserialising
    /// the embedded compact form, because the index is not serialised.
    pub fn reindex(&mut self) {
        let mut index = IdMap::default();
        index.reserve(self.counts().iter().map(|(_, n)| n).sum());
        macro_rules! add {
            ($field:ident, $kind:expr) => {
                for (i, r) in self.$field.iter().enumerate() {
                    index.insert(r.meta.id.clone(), ($kind, i));
                }
            };
        }
        add!(areas, Kind::Area);
        add!(settings, Kind::Setting);
        add!(roles, Kind::Role);
        add!(programmes, Kind::Programme);
        add!(requirements, Kind::Requirement);
        add!(pathways, Kind::Pathway);
        add!(resources, Kind::Resource);
        add!(barriers, Kind::Barrier);
        add!(rules, Kind::Rule);
        self.index = index;
    }

    pub fn get(&self, id: &str) -> Option<Record<'_>> {
        let &(kind, i) = self.index.get(id)?;
        Some(match kind {
            Kind::Area => Record::Area(&self.areas[i]),
            Kind::Setting => Record::Setting(&self.settings[i]),
            Kind::Role => Record::Role(&self.roles[i]),
            Kind::Programme => Record::Programme(&self.programmes[i]),
            Kind::Requirement => Record::Requirement(&self.requirements[i]),
            Kind::Pathway => Record::Pathway(&self.pathways[i]),
            Kind::Resource => Record::Resource(&self.resources[i]),
            Kind::Barrier => Record::Barrier(&self.barriers[i]),
            Kind::Rule => Record::Rule(&self.rules[i]),
        })
    }

    /// Where a record of `kind` with this id stands in its list.
    pub fn index_of(&self, kind: Kind, id: &str) -> Option<usize> {
        match self.index.get(id) {
            Some(&(k, i)) if k == kind => Some(i),
            _ => None,
        }
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        match self.get(id)? {
            Record::Role(r) => Some(r),
            _ => None,
        }
    }

    pub fn programme(&self, id: &str) -> Option<&Programme> {
        match self.get(id)? {
            Record::Programme(r) => Some(r),
            _ => None,
        }
    }

    pub fn pathway(&self, id: &str) -> Option<&Pathway> {
        match self.get(id)? {
            Record::Pathway(r) => Some(r),
            _ => None,
        }
    }

    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        match self.get(id)? {
            Record::Requirement(r) => Some(r),
            _ => None,
        }
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        match self.get(id)? {
            Record::Area(r) => Some(r),
            _ => None,
        }
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        match self.get(id)? {
            Record::Rule(r) => Some(r),
            _ => None,
        }
    }

    /// The ways to make a pathway's move: each programme it goes via, or
    /// `None` alone when the move is applying for a post.
    pub fn via_options(&self, p: &Pathway) -> Vec<Option<&Programme>> {
        if p.via.is_empty() {
            vec![None]
        } else {
            p.via
                .iter()
                .filter_map(|v| self.programme(v))
                .map(Some)
                .collect()
        }
    }

    /// A record's title, or the id itself if there is no such record.
    pub fn title_of(&self, id: &str) -> Text {
        self.get(id)
            .map_or_else(|| Text::from(id.to_string()), |r| r.meta().title.clone())
    }

    /// A source as a person should read it: a URL as it is, a source
    /// document by its title instead of its file name.
    pub fn source_title(&self, source: &str) -> Text {
        self.documents
            .iter()
            .find(|d| d.file == source)
            .map_or_else(|| Text::from(source.to_string()), |d| d.title.clone())
    }

    /// The latest `reviewed` date of any record: how current the data is.
    pub fn reviewed_up_to(&self) -> Option<&str> {
        self.records().map(|r| r.meta().reviewed.as_str()).max()
    }

    /// An expression in words: "English at Level 2 or ...; Maths at Level 2".
    pub fn expr_words<'e>(&self, terms: impl IntoIterator<Item = &'e Term>) -> String {
        terms
            .into_iter()
            .map(|t| {
                t.0.iter()
                    .map(|c| self.conj_words(c))
                    .collect::<Vec<_>>()
                    .join(" or ")
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// A move's entry requirements in words: the pathway's own, then the
    /// programme's.
    pub fn entry_words(&self, p: &Pathway, g: Option<&Programme>) -> String {
        self.expr_words(
            p.requires
                .iter()
                .chain(g.map(|g| g.entry.iter()).into_iter().flatten()),
        )
    }

    /// What meets a requirement, in words: "GCSE maths ...; Functional Skills ...".
    pub fn met_by_words(&self, r: &Requirement) -> String {
        r.satisfied_by
            .iter()
            .map(|c| self.conj_words(c))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Ids that must all be held, in words: "A and B".
    pub fn conj_words(&self, c: &Conj) -> String {
        c.iter()
            .map(|id| self.title_of(id))
            .collect::<Vec<_>>()
            .join(" and ")
    }

    /// Every record, in kind order then file order.
    pub fn records(&self) -> impl Iterator<Item = Record<'_>> {
        self.areas
            .iter()
            .map(Record::Area)
            .chain(self.settings.iter().map(Record::Setting))
            .chain(self.roles.iter().map(Record::Role))
            .chain(self.programmes.iter().map(Record::Programme))
            .chain(self.requirements.iter().map(Record::Requirement))
            .chain(self.pathways.iter().map(Record::Pathway))
            .chain(self.resources.iter().map(Record::Resource))
            .chain(self.barriers.iter().map(Record::Barrier))
            .chain(self.rules.iter().map(Record::Rule))
    }

    /// Record counts per kind, in the order kinds are listed in [`Kind::ALL`].
    pub fn counts(&self) -> Vec<(Kind, usize)> {
        Kind::ALL
            .iter()
            .map(|&k| {
                let n = match k {
                    Kind::Area => self.areas.len(),
                    Kind::Setting => self.settings.len(),
                    Kind::Role => self.roles.len(),
                    Kind::Programme => self.programmes.len(),
                    Kind::Requirement => self.requirements.len(),
                    Kind::Pathway => self.pathways.len(),
                    Kind::Resource => self.resources.len(),
                    Kind::Barrier => self.barriers.len(),
                    Kind::Rule => self.rules.len(),
                };
                (k, n)
            })
            .collect()
    }
}
