//! The fields of each kind of record.

use super::names::{check_url, is_document_name, is_kebab};
use super::{FromFile, Validator};
use crate::load::raw::*;
use crate::matching::band_alias;
use crate::model::*;

impl Validator {
    pub(super) fn area(&mut self, a: &FromFile<RawArea>) -> Area {
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

    pub(super) fn setting(&mut self, a: &FromFile<RawSetting>) -> Setting {
        Setting {
            meta: self.meta(a.file, a.rec.common()),
        }
    }

    pub(super) fn role(&mut self, a: &FromFile<RawRole>) -> Role {
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

    pub(super) fn programme(&mut self, a: &FromFile<RawProgramme>) -> Programme {
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
            standard_confidence: r.standard_confidence,
            duration,
            entry,
            usually,
            grants,
            areas: self.references(f, &r.areas, &[Kind::Area], "areas"),
            rules: self.references(f, &r.rules, &[Kind::Rule], "rules"),
            funding: self.text_opt(f, r.funding.as_ref(), "funding"),
            study: self.text_opt(f, r.study.as_ref(), "study"),
            pay: r.pay.unwrap_or(Pay::default_for(r.kind)),
            learning_support_fund: r.learning_support_fund,
        }
    }

    pub(super) fn requirement(&mut self, a: &FromFile<RawRequirement>) -> Requirement {
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

    pub(super) fn pathway(&mut self, a: &FromFile<RawPathway>) -> Pathway {
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

    pub(super) fn resource(&mut self, a: &FromFile<RawResource>) -> Resource {
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

    pub(super) fn barrier(&mut self, a: &FromFile<RawBarrier>) -> Barrier {
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

    pub(super) fn rule(&mut self, a: &FromFile<RawRule>) -> Rule {
        let f = a.file;
        let h = &a.rec.history;
        if h.get_ref().is_empty() {
            self.error(f, h.span(), "a rule needs at least one history entry")
                .label("empty");
        }
        let mut history = Vec::new();
        let mut last: Option<Text> = None;
        for (i, c) in h.get_ref().iter().enumerate() {
            let since = c.since.as_ref().map(|s| self.date(f, s, "since"));
            let until = c.until.as_ref().map(|u| self.date(f, u, "until"));
            let text = self.text(f, &c.text, "history text");
            if since.is_none() && (i > 0 || until.is_none()) {
                self.error(f, c.text.span(), "this history entry has no `since` date")
                    .label("add since = DATE")
                    .help("only the first entry may leave out `since`, and then it needs `until`: the rule before that date");
            }
            if let (Some(s), Some(u)) = (&since, &until)
                && *u <= *s
            {
                self.error(
                    f,
                    c.until.as_ref().map_or(c.text.span(), |u| u.span()),
                    format!("until {u} is not after since {s}"),
                )
                .label("a rule must end after it starts");
            }
            let start = since.clone().or(until.clone());
            if let (Some(prev), Some(start)) = (&last, &start)
                && *start <= *prev
            {
                let span = c.since.as_ref().map_or(c.text.span(), |s| s.span());
                self.error(
                    f,
                    span,
                    format!("history is not in date order: {start} comes after {prev}"),
                )
                .label("list changes oldest first");
            }
            last = since.clone().or(last);
            history.push(RuleChange { since, until, text });
        }
        Rule {
            meta: self.meta(f, a.rec.common()),
            history,
        }
    }

    pub(super) fn document(&mut self, a: &FromFile<RawDocument>) -> Document {
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
}
