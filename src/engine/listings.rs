//! Listings: roles by band, setting and family; the roadmap's areas.

use super::Engine;
use super::next::Filter;
use crate::SCHEMA_VERSION;
use crate::answers::{AreaList, AreaView, Entry, RoleRef, RolesList};
use crate::matching::did_you_mean;
use crate::model::Area;

impl<'a> Engine<'a> {
    /// Roles in a band (when given) that the filter allows, by band then
    /// title. `Err` says what was asked for that does not exist.
    pub fn roles(&self, band: Option<u8>, filter: &Filter) -> Result<RolesList, String> {
        if let Some(b) = band
            && !(1..=9).contains(&b)
        {
            return Err(format!(
                "--band {b}: Agenda for Change bands run from 1 to 9"
            ));
        }
        self.check_filter(filter)?;
        let mut roles: Vec<_> = self
            .map
            .roles
            .iter()
            .filter(|r| band.is_none_or(|b| r.has_band(b)) && filter.allows(r))
            .collect();
        roles.sort_by(|a, b| {
            a.band
                .cmp(&b.band)
                .then_with(|| a.meta.title.cmp(&b.meta.title))
        });
        Ok(RolesList {
            schema_version: SCHEMA_VERSION,
            data_reviewed: self.reviewed(),
            roles: roles.iter().map(|r| RoleRef::of(r)).collect(),
        })
    }

    /// Every area, or the one named, with its offers and signposts.
    pub fn areas(&self, id: Option<&str>) -> Result<AreaList<'a>, String> {
        let map = self.map;
        let chosen: Vec<&'a Area> = match id {
            None => map.areas.iter().collect(),
            Some(id) => vec![map.area(id).ok_or_else(|| {
                let ids: Vec<&str> = map.areas.iter().map(|a| a.meta.id.as_str()).collect();
                let hint = did_you_mean(id, ids.iter().copied())
                    .map_or(String::new(), |s| format!("\n  did you mean `{s}`?"));
                format!(
                    "no area \"{id}\"{hint}\n  the areas are: {}",
                    crate::words::few(&ids)
                )
            })?],
        };
        Ok(AreaList {
            schema_version: SCHEMA_VERSION,
            data_reviewed: self.reviewed(),
            areas: chosen.into_iter().map(|a| self.area_view(a)).collect(),
            one: id.is_some(),
        })
    }

    fn area_view(&self, a: &'a Area) -> AreaView<'a> {
        let id = a.meta.id.as_str();
        AreaView {
            id,
            title: &a.meta.title,
            summary: &a.meta.summary,
            points: &a.points,
            offers: self
                .map
                .programmes
                .iter()
                .filter(|p| p.areas.iter().any(|x| x == id))
                .map(|p| Entry {
                    id: &p.meta.id,
                    title: &p.meta.title,
                    url: None,
                })
                .collect(),
            signposts: self
                .map
                .resources
                .iter()
                .filter(|r| r.areas.iter().any(|x| x == id))
                .map(|r| Entry {
                    id: &r.meta.id,
                    title: &r.meta.title,
                    url: r.url.as_deref(),
                })
                .collect(),
        }
    }
}
