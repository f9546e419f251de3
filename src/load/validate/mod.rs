//! Semantic validation: raw records from one or more layers become a
//! [`Roadmap`], or a list of every problem found (never only the first).
//!
//! This module merges the layers and checks the fields every record has;
//! `kinds` checks each kind's own fields, `graph` the whole graph, and
//! `names` the form of ids, document names and URLs.

mod graph;
mod kinds;
mod names;

pub use names::{check_url, is_kebab};
use names::{is_document_name, is_fact_id, to_kebab};

use super::diag::{Diagnostic, FileId};
use super::raw::*;
use crate::matching::did_you_mean;
use crate::model::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use toml::Spanned;
use toml::value::Datetime;

/// One parsed file and the layer it belongs to (0 = base data, then each overlay).
pub struct ParsedFile {
    pub file: FileId,
    pub layer: usize,
    pub raw: RawFile,
}

/// A raw record of some kind, kept with the file it came from.
struct FromFile<T> {
    file: FileId,
    rec: T,
}

#[derive(Default)]
struct Records {
    areas: Vec<FromFile<RawArea>>,
    settings: Vec<FromFile<RawSetting>>,
    roles: Vec<FromFile<RawRole>>,
    programmes: Vec<FromFile<RawProgramme>>,
    requirements: Vec<FromFile<RawRequirement>>,
    pathways: Vec<FromFile<RawPathway>>,
    resources: Vec<FromFile<RawResource>>,
    barriers: Vec<FromFile<RawBarrier>>,
    rules: Vec<FromFile<RawRule>>,
    documents: Vec<FromFile<RawDocument>>,
}

struct Validator {
    diags: Vec<Diagnostic>,
    /// Worth fixing, but the data is still valid.
    warnings: Vec<Diagnostic>,
    /// Final id → kind, after overlays.
    kinds: HashMap<String, Kind>,
    /// Ids per kind, sorted, for suggestions.
    by_kind: BTreeMap<Kind, Vec<String>>,
    /// Source document names that have a `[[document]]` entry.
    documents: HashSet<String>,
    today: Option<String>,
}

/// Valid data, with what is worth fixing anyway, and where each record is.
pub struct Valid {
    pub roadmap: Roadmap,
    pub warnings: Vec<Diagnostic>,
    /// Each record's id and where it is defined (after overlays).
    pub places: Vec<(String, FileId, usize)>,
}

/// Validates parsed files into a roadmap, with any warnings. Diagnostics
/// come back in file order. With `today`, a record whose `review-by` date
/// has passed is a warning.
pub fn validate(files: Vec<ParsedFile>, today: Option<&str>) -> Result<Valid, Vec<Diagnostic>> {
    let mut v = Validator {
        diags: Vec::new(),
        warnings: Vec::new(),
        kinds: HashMap::new(),
        by_kind: BTreeMap::new(),
        documents: HashSet::new(),
        today: today.map(str::to_string),
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
        let mut warnings = v.warnings;
        warnings.sort_by_key(|d| (d.primary.file.0, d.primary.span.start));
        Ok(Valid {
            roadmap,
            warnings,
            places: records.places(),
        })
    } else {
        let mut diags = v.diags;
        diags.sort_by_key(|d| (d.primary.file.0, d.primary.span.start));
        Err(diags)
    }
}

impl Records {
    /// Every record's id and where it is defined.
    fn places(&self) -> Vec<(String, FileId, usize)> {
        let mut out = Vec::new();
        macro_rules! add {
            ($($field:ident),*) => {$(
                for r in &self.$field {
                    out.push((r.rec.id.get_ref().clone(), r.file, r.rec.id.span().start));
                }
            )*};
        }
        add!(
            areas,
            settings,
            roles,
            programmes,
            requirements,
            pathways,
            resources,
            barriers,
            rules
        );
        out
    }
}

/// A location: file and byte range.
type Place = (FileId, Range<usize>);

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

    fn warn(
        &mut self,
        file: FileId,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let mut d = Diagnostic::new(file, span, message);
        d.warning = true;
        self.warnings.push(d);
        self.warnings.last_mut().expect("just pushed")
    }

    /// Collects records layer by layer. An overlay record with a known id
    /// replaces the earlier one of the same kind; within one layer, or
    /// across kinds, a repeated id is an error showing both places.
    fn merge(&mut self, files: Vec<ParsedFile>) -> Records {
        let mut records = Records::default();
        // id -> (kind, layer, where, position in its kind's list)
        let mut seen: HashMap<String, (Kind, usize, Place, usize)> = HashMap::new();
        macro_rules! take {
            ($pf:expr, $field:ident, $dest:ident, $kind:expr) => {
                for rec in $pf.raw.$field {
                    let id = rec.id.get_ref().clone();
                    let loc = ($pf.file, rec.id.span());
                    let at = FromFile { file: $pf.file, rec };
                    match seen.get(&id).cloned() {
                        None => {
                            seen.insert(id.clone(), ($kind, $pf.layer, loc, records.$dest.len()));
                            self.kinds.insert(id, $kind);
                            records.$dest.push(at);
                        }
                        Some((kind, layer, _, at_index)) if kind == $kind && layer < $pf.layer => {
                            // An overlay replaces the record whole, in place.
                            seen.insert(id.clone(), ($kind, $pf.layer, loc, at_index));
                            records.$dest[at_index] = at;
                        }
                        Some((kind, layer, first, _)) => {
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
        let mut docs: HashMap<String, (usize, Place)> = HashMap::new();
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
                        records.documents.push(FromFile { file: pf.file, rec });
                    }
                    None => {
                        docs.insert(name, (pf.layer, loc));
                        records.documents.push(FromFile { file: pf.file, rec });
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
        if let (Some(by), Some(span), Some(today)) = (&review_by, c.review_by, self.today.clone())
            && by.as_str() < today.as_str()
        {
            self.warn(
                file,
                span.span(),
                format!("`{}` was due to be checked again by {by}", c.id.get_ref()),
            )
            .label("this date has passed")
            .help("check the record against its sources, then update `reviewed` and `review-by`");
        }
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
    fn text(&mut self, file: FileId, s: &Spanned<String>, what: &str) -> Text {
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
        } else if t.chars().any(crate::terminal::is_noncharacter) {
            self.error(
                file,
                s.span(),
                format!("{what} contains a Unicode noncharacter (such as U+FFFF)"),
            )
            .label("web pages and SVG cannot hold it: remove it");
        }
        t.clone().into()
    }

    /// Optional text: checked like any other when it is there.
    fn text_opt(&mut self, file: FileId, s: Option<&Spanned<String>>, what: &str) -> Option<Text> {
        s.map(|s| self.text(file, s, what))
    }

    fn source(&mut self, file: FileId, s: &Spanned<String>) {
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

    fn date(&mut self, file: FileId, d: &Spanned<Datetime>, what: &str) -> Text {
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
    fn reference(&mut self, file: FileId, s: &Spanned<String>, kinds: &[Kind], what: &str) -> Text {
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
        list: &[Spanned<String>],
        kinds: &[Kind],
        what: &str,
    ) -> Vec<Text> {
        list.iter()
            .map(|s| self.reference(file, s, kinds, what))
            .collect()
    }

    /// Parses and checks an expression list: every id must be a requirement.
    fn expr(&mut self, file: FileId, items: &[Spanned<String>], what: &str) -> Expr {
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
        v: &Spanned<i64>,
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
}
