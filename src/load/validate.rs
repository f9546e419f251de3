//! Semantic validation: raw records from one or more layers become a
//! [`Roadmap`], or a list of every problem found (never only the first).

use super::diag::{Diagnostic, FileId};
use super::raw::*;
use crate::matching::{band_alias, did_you_mean, normalise};
use crate::model::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use toml::value::Datetime;

/// One parsed file and the layer it belongs to (0 = base data, then each overlay).
pub struct ParsedFile {
    pub file: FileId,
    pub layer: usize,
    pub raw: RawFile,
}

/// A raw record of some kind, kept with the file it came from.
struct At<T> {
    file: FileId,
    rec: T,
}

#[derive(Default)]
struct Records {
    areas: Vec<At<RawArea>>,
    settings: Vec<At<RawSetting>>,
    roles: Vec<At<RawRole>>,
    programmes: Vec<At<RawProgramme>>,
    requirements: Vec<At<RawRequirement>>,
    pathways: Vec<At<RawPathway>>,
    resources: Vec<At<RawResource>>,
    barriers: Vec<At<RawBarrier>>,
    rules: Vec<At<RawRule>>,
    documents: Vec<At<RawDocument>>,
}

struct Validator {
    diags: Vec<Diagnostic>,
    /// Final id → kind, after overlays.
    kinds: HashMap<String, Kind>,
    /// Ids per kind, sorted, for suggestions.
    by_kind: BTreeMap<Kind, Vec<String>>,
    /// Source document names that have a `[[document]]` entry.
    documents: HashSet<String>,
}

/// Validates parsed files into a roadmap. Diagnostics come back in file order.
pub fn validate(files: Vec<ParsedFile>) -> Result<Roadmap, Vec<Diagnostic>> {
    let mut v = Validator {
        diags: Vec::new(),
        kinds: HashMap::new(),
        by_kind: BTreeMap::new(),
        documents: HashSet::new(),
    };
    let records = v.merge(files);
    v.documents = records
        .documents
        .iter()
        .map(|d| d.rec.file.get_ref().clone())
        .collect();
    for (id, kind) in &v.kinds {
        v.by_kind.entry(*kind).or_default().push(id.clone());
    }
    for ids in v.by_kind.values_mut() {
        ids.sort();
    }
    let roadmap = v.build(&records);
    v.graph_checks(&records);
    if v.diags.is_empty() {
        Ok(roadmap)
    } else {
        let mut diags = v.diags;
        diags.sort_by_key(|d| (d.primary.file.0, d.primary.span.start));
        Err(diags)
    }
}

/// A location: file and byte range.
type Loc = (FileId, Range<usize>);

impl Validator {
    fn error(
        &mut self,
        file: FileId,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diags.push(Diagnostic::new(file, span, message));
        self.diags.last_mut().expect("just pushed")
    }

    /// Collects records layer by layer. An overlay record with a known id
    /// replaces the earlier one of the same kind; within one layer, or
    /// across kinds, a repeated id is an error showing both places.
    fn merge(&mut self, files: Vec<ParsedFile>) -> Records {
        let mut records = Records::default();
        let mut seen: HashMap<String, (Kind, usize, Loc)> = HashMap::new();
        macro_rules! take {
            ($pf:expr, $field:ident, $dest:ident, $kind:expr) => {
                for rec in $pf.raw.$field {
                    let id = rec.id.get_ref().clone();
                    let loc = ($pf.file, rec.id.span());
                    let at = At { file: $pf.file, rec };
                    match seen.get(&id).cloned() {
                        None => {
                            seen.insert(id.clone(), ($kind, $pf.layer, loc));
                            self.kinds.insert(id, $kind);
                            records.$dest.push(at);
                        }
                        Some((kind, layer, _)) if kind == $kind && layer < $pf.layer => {
                            // An overlay replaces the record whole.
                            seen.insert(id.clone(), ($kind, $pf.layer, loc));
                            let slot = records
                                .$dest
                                .iter_mut()
                                .find(|r| *r.rec.id.get_ref() == id)
                                .expect("seen ids are stored");
                            *slot = at;
                        }
                        Some((kind, layer, first)) => {
                            let msg = if kind != $kind {
                                format!("id `{id}` is already used by a {kind}; ids must be unique across all kinds")
                            } else {
                                format!("duplicate id `{id}`")
                            };
                            let help = if kind != $kind && layer < $pf.layer {
                                format!("an overlay can only replace a record of the same kind; give this {} another id", $kind)
                            } else {
                                "give one of them another id".to_string()
                            };
                            self.error(loc.0, loc.1.clone(), msg)
                                .label("used again here")
                                .help(help)
                                .also(first.0, first.1, "first used here");
                            // Still check its fields, so one run shows every problem.
                            records.$dest.push(at);
                        }
                    }
                }
            };
        }
        let mut docs: HashMap<String, (usize, Loc)> = HashMap::new();
        for mut pf in files {
            // Documents are not records: a later layer may retitle one.
            for rec in std::mem::take(&mut pf.raw.document) {
                let name = rec.file.get_ref().clone();
                let loc = (pf.file, rec.file.span());
                match docs.get(&name).cloned() {
                    Some((layer, first)) if layer == pf.layer => {
                        self.error(loc.0, loc.1, format!("document `{name}` is listed twice"))
                            .label("listed again here")
                            .also(first.0, first.1, "first listed here");
                    }
                    Some(_) => {
                        records.documents.retain(|d| *d.rec.file.get_ref() != name);
                        docs.insert(name, (pf.layer, loc));
                        records.documents.push(At { file: pf.file, rec });
                    }
                    None => {
                        docs.insert(name, (pf.layer, loc));
                        records.documents.push(At { file: pf.file, rec });
                    }
                }
            }
            take!(pf, area, areas, Kind::Area);
            take!(pf, setting, settings, Kind::Setting);
            take!(pf, role, roles, Kind::Role);
            take!(pf, programme, programmes, Kind::Programme);
            take!(pf, requirement, requirements, Kind::Requirement);
            take!(pf, pathway, pathways, Kind::Pathway);
            take!(pf, resource, resources, Kind::Resource);
            take!(pf, barrier, barriers, Kind::Barrier);
            take!(pf, rule, rules, Kind::Rule);
        }
        records
    }

    fn build(&mut self, r: &Records) -> Roadmap {
        let mut map = Roadmap::default();
        map.areas = r.areas.iter().map(|a| self.area(a)).collect();
        map.settings = r.settings.iter().map(|a| self.setting(a)).collect();
        map.roles = r.roles.iter().map(|a| self.role(a)).collect();
        map.programmes = r.programmes.iter().map(|a| self.programme(a)).collect();
        map.requirements = r.requirements.iter().map(|a| self.requirement(a)).collect();
        map.pathways = r.pathways.iter().map(|a| self.pathway(a)).collect();
        map.resources = r.resources.iter().map(|a| self.resource(a)).collect();
        map.barriers = r.barriers.iter().map(|a| self.barrier(a)).collect();
        map.rules = r.rules.iter().map(|a| self.rule(a)).collect();
        map.documents = r.documents.iter().map(|a| self.document(a)).collect();
        map.reindex();
        map
    }

    // ---- fields every record has -------------------------------------------------

    fn meta(&mut self, file: FileId, c: Common<'_>) -> Meta {
        let id = c.id.get_ref();
        if !is_kebab(id) {
            self.error(file, c.id.span(), format!("id `{id}` is not kebab-case"))
                .label("ids use lowercase letters, digits and single hyphens")
                .help(format!("for example `{}`", to_kebab(id)));
        }
        let title = self.text(file, c.title, "title");
        let summary = self.text(file, c.summary, "summary");
        if c.sources.get_ref().is_empty() {
            self.error(file, c.sources.span(), "a record needs at least one source")
                .label("empty")
                .help("add a URL or a source document name, e.g. \"003_7de0682cd3a28a45.txt\"");
        }
        for s in c.sources.get_ref() {
            self.source(file, s);
        }
        for f in c.facts {
            if !is_fact_id(f.get_ref()) {
                self.error(
                    file,
                    f.span(),
                    format!("`{}` is not a fact-base id", f.get_ref()),
                )
                .label("expected a letter and a number, like `C4.1`");
            }
        }
        let reviewed = self.date(file, c.reviewed, "reviewed");
        let confidence = c.confidence.map(|s| *s.get_ref()).unwrap_or_default();
        if confidence != Confidence::High && c.confidence_note.is_none() {
            let span = c.confidence.map_or(c.id.span(), |s| s.span());
            self.error(
                file,
                span,
                format!(
                    "confidence is `{}` but there is no confidence-note",
                    confidence.name()
                ),
            )
            .label("say what is uncertain")
            .help("add confidence-note = \"…\" naming what the sources do not confirm");
        }
        let notes = c.notes.iter().map(|n| self.text(file, n, "note")).collect();
        let valid_from = c.valid_from.map(|d| self.date(file, d, "valid-from"));
        let valid_until = c.valid_until.map(|d| self.date(file, d, "valid-until"));
        let review_by = c.review_by.map(|d| self.date(file, d, "review-by"));
        if let (Some(from), Some(until), Some(span)) = (&valid_from, &valid_until, c.valid_until)
            && until < from
        {
            self.error(
                file,
                span.span(),
                format!("valid-until {until} is before valid-from {from}"),
            )
            .label("a record must end after it starts");
        }
        if let (Some(by), Some(span)) = (&review_by, c.review_by)
            && *by <= reviewed
        {
            self.error(
                file,
                span.span(),
                format!("review-by {by} is not after reviewed {reviewed}"),
            )
            .label("the next check comes after the last one")
            .help("set review-by to when the facts may change, e.g. the next funding year");
        }
        Meta {
            id: id.clone().into(),
            title,
            summary,
            sources: c
                .sources
                .get_ref()
                .iter()
                .map(|s| s.get_ref().clone().into())
                .collect(),
            facts: c.facts.iter().map(|f| f.get_ref().clone().into()).collect(),
            reviewed,
            confidence,
            confidence_note: c
                .confidence_note
                .map(|n| self.text(file, n, "confidence-note")),
            notes,
            valid_from,
            valid_until,
            review_by,
        }
    }

    /// A required piece of text: not empty, no control characters.
    fn text(&mut self, file: FileId, s: &S<String>, what: &str) -> Text {
        let t = s.get_ref();
        if t.trim().is_empty() {
            self.error(file, s.span(), format!("empty {what}"))
                .label("write something here");
        } else if t
            .chars()
            .any(|c| c == '\t' || crate::terminal::unsafe_for_terminal(c))
        {
            self.error(
                file,
                s.span(),
                format!("{what} contains a control character"),
            )
            .label("remove escape codes and control characters");
        }
        t.clone().into()
    }

    fn source(&mut self, file: FileId, s: &S<String>) {
        let t = s.get_ref();
        if t.starts_with("http://") || t.starts_with("https://") {
            if let Err(why) = check_url(t) {
                self.error(file, s.span(), format!("invalid URL `{t}`"))
                    .label(why);
            }
        } else if !is_document_name(t) {
            self.error(
                file,
                s.span(),
                format!("source `{t}` is neither a URL nor a document name"),
            )
            .label("expected https://… or a file name such as 003_7de0682cd3a28a45.txt");
        } else if !self.documents.contains(t.as_str()) {
            self.error(file, s.span(), format!("source document `{t}` has no title"))
                .label("people would see this file name")
                .help(format!(
                    "add [[document]] with file = \"{t}\" and a title saying what it is (see docs/DATA.md)"
                ));
        }
    }

    fn date(&mut self, file: FileId, d: &S<Datetime>, what: &str) -> Text {
        let v = d.get_ref();
        match (&v.date, &v.time, &v.offset) {
            (Some(date), None, None) => date.to_string().into(),
            _ => {
                self.error(
                    file,
                    d.span(),
                    format!("{what} must be a date like 2026-11-21"),
                )
                .label("a date, without a time");
                v.to_string().into()
            }
        }
    }

    /// A reference to a record of one of `kinds`.
    fn reference(&mut self, file: FileId, s: &S<String>, kinds: &[Kind], what: &str) -> Text {
        let id = s.get_ref();
        self.reference_at(file, id, s.span(), kinds, what);
        id.clone().into()
    }

    fn reference_at(
        &mut self,
        file: FileId,
        id: &str,
        span: Range<usize>,
        kinds: &[Kind],
        what: &str,
    ) {
        let expected = kinds
            .iter()
            .map(|k| k.name())
            .collect::<Vec<_>>()
            .join(" or ");
        match self.kinds.get(id) {
            Some(k) if kinds.contains(k) => {}
            Some(k) => {
                let k = *k;
                self.error(
                    file,
                    span,
                    format!("{what} `{id}` is a {k}, not a {expected}"),
                )
                .label(format!("expected a {expected} id"));
            }
            None => {
                let candidates: Vec<&str> = kinds
                    .iter()
                    .flat_map(|k| self.by_kind.get(k).into_iter().flatten())
                    .map(|s| s.as_str())
                    .collect();
                let help = match did_you_mean(id, candidates.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None if candidates.is_empty() => format!("there are no {expected} records"),
                    None => {
                        format!("run `roadmap check` to list problems, or `roadmap search {id}`")
                    }
                };
                self.error(file, span, format!("unknown {expected} `{id}` in {what}"))
                    .label(format!("no {expected} has this id"))
                    .help(help);
            }
        }
    }

    fn references(
        &mut self,
        file: FileId,
        list: &[S<String>],
        kinds: &[Kind],
        what: &str,
    ) -> Vec<Text> {
        list.iter()
            .map(|s| self.reference(file, s, kinds, what))
            .collect()
    }

    /// Parses and checks an expression list: every id must be a requirement.
    fn expr(&mut self, file: FileId, items: &[S<String>], what: &str) -> Expr {
        let mut terms = Vec::new();
        for item in items {
            // Spans cover the quotes; ids inside start one byte later.
            let base = item.span().start + 1;
            match parse_term(item.get_ref()) {
                Ok(alts) => {
                    let mut term = Vec::new();
                    for conj in alts {
                        let mut c = Vec::new();
                        for at in conj {
                            self.reference_at(
                                file,
                                &at.id,
                                base + at.start..base + at.end,
                                &[Kind::Requirement],
                                what,
                            );
                            c.push(Text::from(at.id));
                        }
                        term.push(c);
                    }
                    terms.push(Term(term));
                }
                Err(e) => {
                    self.error(file, base + e.start..base + e.end.max(e.start + 1), format!("invalid expression in {what}"))
                        .label(e.message)
                        .help("write ids joined by `&` (all of) or `|` (any of), e.g. \"english-l2 | fs-english-l2\"");
                }
            }
        }
        terms
    }

    fn int(
        &mut self,
        file: FileId,
        v: &S<i64>,
        range: std::ops::RangeInclusive<i64>,
        what: &str,
    ) -> u32 {
        let n = *v.get_ref();
        if !range.contains(&n) {
            self.error(file, v.span(), format!("{what} {n} is out of range"))
                .label(format!("expected {} to {}", range.start(), range.end()));
        }
        n.clamp(0, u32::MAX as i64) as u32
    }

    // ---- kinds ----------------------------------------------------------------

    fn area(&mut self, a: &At<RawArea>) -> Area {
        let f = a.file;
        Area {
            meta: self.meta(f, a.rec.common()),
            points: a
                .rec
                .points
                .iter()
                .map(|p| self.text(f, p, "point"))
                .collect(),
        }
    }

    fn setting(&mut self, a: &At<RawSetting>) -> Setting {
        Setting {
            meta: self.meta(a.file, a.rec.common()),
        }
    }

    fn role(&mut self, a: &At<RawRole>) -> Role {
        let f = a.file;
        let r = &a.rec;
        let band = self.int(f, &r.band, 1..=9, "band") as u8;
        let band_max = r.band_max.as_ref().map(|m| {
            let max = self.int(f, m, 1..=9, "band-max") as u8;
            if max < band {
                self.error(f, m.span(), format!("band-max {max} is below band {band}"))
                    .label("must be at least `band`");
            }
            max
        });
        let family = r.family.get_ref().clone();
        if !is_kebab(&family) {
            self.error(
                f,
                r.family.span(),
                format!("family `{family}` is not kebab-case"),
            )
            .label("e.g. `mental-health`");
        }
        for alias in &r.aliases {
            let text = self.text(f, alias, "alias");
            if let Some(n) = band_alias(&text)
                && !(band..=band_max.unwrap_or(band)).contains(&n)
            {
                self.error(
                    f,
                    alias.span(),
                    format!("alias `{text}` names band {n}, but the role is band {band}"),
                )
                .label("a band alias must match the role's band");
            }
        }
        let closed_since = r
            .closed_since
            .as_ref()
            .map(|d| self.date(f, d, "closed-since"));
        Role {
            meta: self.meta(f, r.common()),
            band,
            band_max,
            settings: self.references(f, &r.settings, &[Kind::Setting], "settings"),
            family: family.into(),
            registered: *r.registered.get_ref(),
            aliases: r
                .aliases
                .iter()
                .map(|s| s.get_ref().clone().into())
                .collect(),
            specialisms: r
                .specialisms
                .iter()
                .map(|s| self.text(f, s, "specialism"))
                .collect(),
            closed_since,
        }
    }

    fn programme(&mut self, a: &At<RawProgramme>) -> Programme {
        let f = a.file;
        let r = &a.rec;
        let level = r
            .level
            .as_ref()
            .map(|l| self.int(f, l, 0..=8, "level") as u8);
        if let Some(st) = &r.standard {
            let s = st.get_ref();
            let ok =
                s.len() == 6 && s.starts_with("ST") && s[2..].chars().all(|c| c.is_ascii_digit());
            if !ok {
                self.error(
                    f,
                    st.span(),
                    format!("`{s}` is not an apprenticeship standard reference"),
                )
                .label("expected `ST` and four digits, e.g. ST0827");
            }
        }
        let duration = r.duration.as_ref().map(|d| {
            let span = d.span();
            let d = d.get_ref();
            let limit = match d.unit {
                Unit::Months => 120,
                Unit::Weeks => 520,
            };
            let min = self.int(f, &d.min, 1..=limit, "duration min");
            let max = self.int(f, &d.max, 1..=limit, "duration max");
            if min > max {
                self.error(
                    f,
                    d.min.span(),
                    format!("duration min {min} is greater than max {max}"),
                )
                .label("min must not exceed max")
                .also(f, d.max.span(), "max");
            }
            if d.confidence != Confidence::High && d.note.is_none() {
                self.error(
                    f,
                    span,
                    "a duration that is not high confidence needs a note",
                )
                .label("add note = \"…\"");
            }
            Duration {
                min,
                max,
                unit: d.unit,
                confidence: d.confidence,
                note: d.note.as_ref().map(|n| self.text(f, n, "duration note")),
            }
        });
        let entry = self.expr(f, &r.entry, "entry");
        let usually = self.expr(f, &r.usually, "usually");
        let grants = self.references(f, &r.grants, &[Kind::Requirement], "grants");
        // A programme that needs what only it gives could never be started.
        for (item, term) in r.entry.iter().zip(&entry) {
            if term
                .0
                .iter()
                .all(|c| c.iter().any(|id| grants.contains(id)))
            {
                self.error(f, item.span(), "entry requires what this programme grants")
                    .label("nobody could start it")
                    .help("remove it from `entry` or from `grants`");
            }
        }
        Programme {
            meta: self.meta(f, r.common()),
            kind: r.kind,
            level,
            standard: r.standard.as_ref().map(|s| s.get_ref().clone().into()),
            duration,
            entry,
            usually,
            grants,
            areas: self.references(f, &r.areas, &[Kind::Area], "areas"),
            rules: self.references(f, &r.rules, &[Kind::Rule], "rules"),
            funding: r.funding.clone().map(Text::from),
            study: r.study.clone().map(Text::from),
            pay: r.pay.unwrap_or(Pay::default_for(r.kind)),
            learning_support_fund: r.learning_support_fund,
        }
    }

    fn requirement(&mut self, a: &At<RawRequirement>) -> Requirement {
        let f = a.file;
        let r = &a.rec;
        let satisfied = self.expr(f, &r.satisfied_by, "satisfied-by");
        for alias in &r.aliases {
            self.text(f, alias, "alias");
        }
        Requirement {
            meta: self.meta(f, r.common()),
            kind: r.kind,
            decided_by: r.decided_by,
            // `satisfied-by` items are alternatives: flatten them into one list.
            satisfied_by: satisfied.into_iter().flat_map(|t| t.0).collect(),
            aliases: r
                .aliases
                .iter()
                .map(|s| s.get_ref().clone().into())
                .collect(),
        }
    }

    fn pathway(&mut self, a: &At<RawPathway>) -> Pathway {
        let f = a.file;
        let r = &a.rec;
        let kind = *r.kind.get_ref();
        if r.from.get_ref().is_empty() {
            self.error(f, r.from.span(), "a pathway needs at least one `from` role")
                .label("empty");
        }
        let from = self.references(f, r.from.get_ref(), &[Kind::Role], "from");
        let to = match (&r.to, kind) {
            (None, PathwayKind::StayAndDevelop) => None,
            (None, _) => {
                self.error(
                    f,
                    r.kind.span(),
                    format!("this {} pathway reaches no role", kind.as_str()),
                )
                .label("there is no `to`")
                .help("add to = \"role-id\", or make it kind = \"stay-and-develop\"");
                None
            }
            (Some(to), PathwayKind::StayAndDevelop) => {
                self.error(
                    f,
                    to.span(),
                    "a stay-and-develop pathway stays in its `from` role",
                )
                .label("remove `to`, or use kind = \"lateral\" or \"progression\"");
                Some(to.get_ref().clone().into())
            }
            (Some(to), _) => {
                let id = self.reference(f, to, &[Kind::Role], "to");
                if from.contains(&id) {
                    self.error(f, to.span(), format!("pathway leads from `{id}` back to itself"))
                        .label("`to` is also in `from`")
                        .help("a pathway that stays in a role is kind = \"stay-and-develop\" without `to`");
                }
                Some(id)
            }
        };
        Pathway {
            meta: self.meta(f, r.common()),
            kind,
            from,
            to,
            via: self.references(f, &r.via, &[Kind::Programme], "via"),
            requires: self.expr(f, &r.requires, "requires"),
            varies_by_trust: r.varies_by_trust,
        }
    }

    fn resource(&mut self, a: &At<RawResource>) -> Resource {
        let f = a.file;
        let r = &a.rec;
        if let Some(url) = &r.url {
            if let Err(why) = check_url(url.get_ref()) {
                self.error(f, url.span(), format!("invalid URL `{}`", url.get_ref()))
                    .label(why);
            }
        } else if r.where_.is_none() {
            self.error(f, r.id.span(), "a resource needs a `url` or a `where`")
                .label("nobody could find this signpost")
                .help("add url = \"https://…\", or where = \"how to find it\"");
        }
        Resource {
            meta: self.meta(f, r.common()),
            url: r.url.as_ref().map(|u| u.get_ref().clone().into()),
            where_: r.where_.as_ref().map(|w| self.text(f, w, "where")),
            areas: self.references(f, &r.areas, &[Kind::Area], "areas"),
            helps_with: self.references(
                f,
                &r.helps_with,
                &[Kind::Requirement, Kind::Barrier],
                "helps-with",
            ),
            audience: r.audience.clone(),
        }
    }

    fn barrier(&mut self, a: &At<RawBarrier>) -> Barrier {
        let f = a.file;
        if a.rec.what_helps.is_empty() {
            self.error(
                f,
                a.rec.id.span(),
                "a barrier needs at least one `what-helps` entry",
            )
            .label("say what helps");
        }
        Barrier {
            meta: self.meta(f, a.rec.common()),
            what_helps: a
                .rec
                .what_helps
                .iter()
                .map(|w| self.text(f, w, "what-helps"))
                .collect(),
        }
    }

    fn rule(&mut self, a: &At<RawRule>) -> Rule {
        let f = a.file;
        let h = &a.rec.history;
        if h.get_ref().is_empty() {
            self.error(f, h.span(), "a rule needs at least one history entry")
                .label("empty");
        }
        let mut history = Vec::new();
        let mut last: Option<Text> = None;
        for c in h.get_ref() {
            let since = self.date(f, &c.since, "since");
            let until = c.until.as_ref().map(|u| self.date(f, u, "until"));
            if let Some(u) = &until
                && *u <= since
            {
                self.error(
                    f,
                    c.until.as_ref().map_or(c.since.span(), |u| u.span()),
                    format!("until {u} is not after since {since}"),
                )
                .label("a rule must end after it starts");
            }
            if let Some(prev) = &last
                && since <= *prev
            {
                self.error(
                    f,
                    c.since.span(),
                    format!("history is not in date order: {since} comes after {prev}"),
                )
                .label("list changes oldest first");
            }
            last = Some(since.clone());
            history.push(RuleChange {
                since,
                until,
                text: self.text(f, &c.text, "history text"),
            });
        }
        Rule {
            meta: self.meta(f, a.rec.common()),
            history,
        }
    }

    fn document(&mut self, a: &At<RawDocument>) -> Document {
        let f = a.file;
        let d = &a.rec;
        if !is_document_name(d.file.get_ref()) {
            self.error(
                f,
                d.file.span(),
                format!("`{}` is not a document file name", d.file.get_ref()),
            )
            .label("expected a name such as 003_7de0682cd3a28a45.txt");
        }
        if let Some(url) = &d.url
            && let Err(why) = check_url(url.get_ref())
        {
            self.error(f, url.span(), format!("invalid URL `{}`", url.get_ref()))
                .label(why);
        }
        Document {
            file: d.file.get_ref().clone().into(),
            title: self.text(f, &d.title, "document title"),
            url: d.url.as_ref().map(|u| u.get_ref().clone().into()),
        }
    }

    // ---- whole-graph checks ---------------------------------------------------

    fn graph_checks(&mut self, r: &Records) {
        self.alias_clashes(r);
        self.progression_cycles(r);
        self.equivalence_cycles(r);
    }

    /// Two roles (or two requirements) answering to one alias would make
    /// `--from` and `--have` ambiguous for everyone.
    fn alias_clashes(&mut self, r: &Records) {
        let mut seen: HashMap<String, (String, Loc)> = HashMap::new();
        let mut check = |v: &mut Self, file: FileId, owner: &str, alias: &S<String>, kind: &str| {
            let key = normalise(alias.get_ref());
            match seen.get(&format!("{kind}:{key}")) {
                Some((other, loc)) if other != owner => {
                    let loc = loc.clone();
                    let other = other.clone();
                    v.error(file, alias.span(), format!("alias `{}` is used by two {kind}s: `{other}` and `{owner}`", alias.get_ref()))
                        .label("used again here")
                        .help("an alias must name one record, or position and --have parsing become ambiguous")
                        .also(loc.0, loc.1, "first used here");
                }
                _ => {
                    seen.insert(
                        format!("{kind}:{key}"),
                        (owner.to_string(), (file, alias.span())),
                    );
                }
            }
        };
        for a in &r.roles {
            for alias in &a.rec.aliases {
                check(self, a.file, a.rec.id.get_ref(), alias, "role");
            }
        }
        for a in &r.requirements {
            for alias in &a.rec.aliases {
                check(self, a.file, a.rec.id.get_ref(), alias, "requirement");
            }
        }
    }

    /// A cycle of "progression" moves would mean moving up forever: the data
    /// is wrong. Lateral moves and stay-and-develop may loop harmlessly.
    fn progression_cycles(&mut self, r: &Records) {
        let mut edges: BTreeMap<&str, Vec<(&str, usize)>> = BTreeMap::new();
        for (i, p) in r.pathways.iter().enumerate() {
            if *p.rec.kind.get_ref() != PathwayKind::Progression {
                continue;
            }
            if let Some(to) = &p.rec.to {
                for from in p.rec.from.get_ref() {
                    edges
                        .entry(from.get_ref())
                        .or_default()
                        .push((to.get_ref(), i));
                }
            }
        }
        // Iterative DFS with colours; report each cycle once, at its closing edge.
        let mut colour: HashMap<&str, u8> = HashMap::new();
        let mut reported = HashSet::new();
        let starts: Vec<&str> = edges.keys().copied().collect();
        for start in starts {
            if colour.get(start).copied().unwrap_or(0) != 0 {
                continue;
            }
            let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
            let mut path: Vec<&str> = vec![start];
            colour.insert(start, 1);
            while let Some((node, next)) = stack.pop() {
                let out = edges.get(node).map(Vec::as_slice).unwrap_or(&[]);
                if next < out.len() {
                    stack.push((node, next + 1));
                    let (to, pi) = out[next];
                    match colour.get(to).copied().unwrap_or(0) {
                        0 => {
                            colour.insert(to, 1);
                            stack.push((to, 0));
                            path.push(to);
                        }
                        1 if reported.insert(pi) => {
                            let pos = path.iter().position(|n| *n == to).unwrap_or(0);
                            let mut cycle: Vec<&str> = path[pos..].to_vec();
                            cycle.push(to);
                            let p = &r.pathways[pi];
                            let span = p.rec.to.as_ref().map_or(p.rec.id.span(), |t| t.span());
                            self.error(p.file, span, "progression pathways form a cycle")
                                .label(format!("closes the cycle {}", cycle.join(" → ")))
                                .help("a progression must lead somewhere new; make one of these moves kind = \"lateral\"");
                        }
                        _ => {}
                    }
                } else {
                    colour.insert(node, 2);
                    path.pop();
                }
            }
        }
    }

    /// `a` satisfied by `b`, `b` satisfied by `a`: circular, so neither
    /// definition says anything.
    fn equivalence_cycles(&mut self, r: &Records) {
        let deps: HashMap<&str, Vec<&str>> = r
            .requirements
            .iter()
            .map(|q| {
                let ids = q
                    .rec
                    .satisfied_by
                    .iter()
                    .filter_map(|s| parse_term(s.get_ref()).ok())
                    .flatten()
                    .filter(|conj| conj.len() == 1)
                    .filter_map(|conj| q_id(&conj[0].id, r))
                    .collect();
                (q.rec.id.get_ref().as_str(), ids)
            })
            .collect();
        for q in &r.requirements {
            let id = q.rec.id.get_ref().as_str();
            // Walk from id's alternatives; finding id again is a cycle.
            let mut stack: Vec<&str> = deps.get(id).cloned().unwrap_or_default();
            let mut seen = HashSet::new();
            while let Some(n) = stack.pop() {
                if n == id {
                    self.error(q.file, q.rec.id.span(), format!("requirement `{id}` is, through `satisfied-by`, satisfied by itself"))
                        .label("circular equivalence")
                        .help("`satisfied-by` should point to more specific things, e.g. english-l2 ← gcse-english-4");
                    break;
                }
                if seen.insert(n) {
                    stack.extend(deps.get(n).into_iter().flatten().copied());
                }
            }
        }
    }
}

fn q_id<'r>(id: &str, r: &'r Records) -> Option<&'r str> {
    r.requirements
        .iter()
        .find(|q| q.rec.id.get_ref() == id)
        .map(|q| q.rec.id.get_ref().as_str())
}

pub fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn to_kebab(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

fn is_fact_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_uppercase())
        && s[1..]
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

fn is_document_name(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    [".txt", ".pdf", ".doc", ".docx", ".html", ".htm", ".md"]
        .iter()
        .any(|ext| lower.ends_with(ext) && lower.len() > ext.len())
        && !s.contains('/')
        && !s.chars().any(char::is_control)
}

/// A light URL check: scheme, a dotted host, no spaces or control characters.
pub fn check_url(url: &str) -> Result<(), &'static str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("a URL starts with https:// or http://")?;
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("a URL has no spaces or control characters");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    if host.is_empty() || !host.contains('.') || host.starts_with('.') || host.ends_with('.') {
        return Err("the host name is missing or incomplete");
    }
    if !host
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    {
        return Err("the host name has characters a host cannot have");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_checks() {
        assert!(check_url("https://www.england.nhs.uk/ahp/role/").is_ok());
        assert!(check_url("https://x").is_err());
        assert!(check_url("https://a b.com").is_err());
        assert!(check_url("ftp://a.com").is_err());
    }

    #[test]
    fn names() {
        assert!(is_kebab("senior-hcsw-apprenticeship"));
        assert!(!is_kebab("Senior_HCSW"));
        assert_eq!(to_kebab("Senior HCSW"), "senior-hcsw");
        assert!(is_fact_id("C4.1") && is_fact_id("A2") && !is_fact_id("c4") && !is_fact_id("C"));
        assert!(is_document_name("003_7de0682cd3a28a45.txt"));
    }
}
