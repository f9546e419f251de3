//! The engine through the library, without processes or files.

use hcsw_roadmap::answers::{Action, Route, Status};
use hcsw_roadmap::embedded;
use hcsw_roadmap::engine::next::Filter;
use hcsw_roadmap::engine::{Engine, PositionError, RouteQuery};
use hcsw_roadmap::model::{PathwayKind, Roadmap};
use proptest::prelude::*;
use std::sync::OnceLock;

fn map() -> &'static Roadmap {
    static MAP: OnceLock<Roadmap> = OnceLock::new();
    MAP.get_or_init(embedded::roadmap)
}

#[test]
fn positions_resolve_from_bands_ids_aliases_and_titles() {
    let e = Engine::new(map());
    for (text, id) in [
        ("band3", "senior-healthcare-support-worker"),
        ("band-3", "senior-healthcare-support-worker"),
        ("band 3", "senior-healthcare-support-worker"),
        ("b3", "senior-healthcare-support-worker"),
        ("band2", "healthcare-support-worker"),
        ("HCA", "healthcare-support-worker"),
        ("senior HCA", "senior-healthcare-support-worker"),
        ("msw", "maternity-support-worker"),
        ("Maternity support worker", "maternity-support-worker"),
        ("therapy support worker", "ahp-support-worker"),
        ("nursing-associate", "nursing-associate"),
        ("PHYSIOTHERAPIST", "physiotherapist"),
    ] {
        let p = e
            .resolve_position(text)
            .unwrap_or_else(|err| panic!("{text}: {err}"));
        assert_eq!(p.role.meta.id, id, "{text}");
    }
}

#[test]
fn unknown_positions_suggest_and_list_bands() {
    let e = Engine::new(map());
    match e.resolve_position("physiotherapsit") {
        Err(PositionError::Unknown {
            suggestion, bands, ..
        }) => {
            assert_eq!(suggestion.map(|s| s.0).as_deref(), Some("physiotherapist"));
            assert!(bands.contains(&2) && bands.contains(&5));
        }
        other => panic!("expected unknown, got {other:?}"),
    }
}

#[test]
fn a_band_without_its_own_role_is_ambiguous_and_lists_candidates() {
    let e = Engine::new(map());
    match e.resolve_position("band5") {
        Err(PositionError::Ambiguous { candidates, .. }) => {
            assert!(candidates.iter().any(|(id, _)| id == "registered-nurse"));
            assert!(candidates.len() > 5);
        }
        other => panic!("expected ambiguous, got {other:?}"),
    }
}

#[test]
fn have_words_resolve_to_requirements() {
    let e = Engine::new(map());
    for (text, id) in [
        ("gcse-maths", "gcse-maths-4"),
        ("gcse maths", "gcse-maths-4"),
        ("fs-english-l2", "fs-english-l2"),
        ("care-certificate", "care-certificate"),
        ("GCSE English", "gcse-english-4"),
    ] {
        assert_eq!(
            e.resolve_requirement(text).map(|r| r.meta.id.as_str()),
            Ok(id),
            "{text}"
        );
    }
    assert!(e.resolve_requirement("a degree in astrophysics").is_err());
}

#[test]
fn next_steps_from_band_3_include_the_real_moves_with_requirements() {
    let e = Engine::new(map());
    let pos = e.resolve_position("band3").unwrap();
    let ns = e.next_steps(&pos, &e.holdings(&[]), &Filter::default());
    let to: Vec<&str> = ns.steps.iter().map(|s| s.to.id.as_str()).collect();
    for want in [
        "trainee-nursing-associate",
        "assistant-practitioner",
        "registered-nurse",
    ] {
        assert!(to.contains(&want), "{want} missing from {to:?}");
    }
    // With nothing held, the nursing associate route asks for English and
    // maths at Level 2, or the provider's own literacy and numeracy test
    // (fact C4.7): the provider decides.
    let tna = ns
        .steps
        .iter()
        .find(|s| s.to.id == "trainee-nursing-associate")
        .unwrap();
    let decided: Vec<&str> = tna.options[0]
        .checks
        .iter()
        .filter(|c| c.status == Status::Decides)
        .map(|c| c.requirement.as_str())
        .collect();
    assert_eq!(
        decided,
        ["english-l2 & maths-l2 | provider-literacy-numeracy-assessment"]
    );
    // Each says how to get it yourself.
    let maths = tna.options[0]
        .checks
        .iter()
        .find(|c| c.requirement.contains("maths-l2"))
        .unwrap();
    assert!(
        maths
            .close_with
            .iter()
            .any(|c| c.id == "functional-skills-maths-l2")
    );
    assert!(maths.close_with.iter().any(|c| c.kind == "resource"));
    // Other band 3 roles are offered.
    assert!(
        ns.also_at_band
            .iter()
            .any(|r| r.id == "maternity-support-worker")
    );
}

#[test]
fn held_requirements_turn_gaps_into_met_and_employer_rules_stay_explicit() {
    let e = Engine::new(map());
    let pos = e.resolve_position("band3").unwrap();
    let held = e.holdings(&["gcse-maths-4".into(), "fs-english-l2".into()]);
    let ns = e.next_steps(&pos, &held, &Filter::default());
    let tna = ns
        .steps
        .iter()
        .find(|s| s.to.id == "trainee-nursing-associate")
        .unwrap();
    assert!(tna.ready);
    // An apprenticeship needs an employer: never treated as met.
    let ap = ns
        .steps
        .iter()
        .find(|s| s.to.id == "assistant-practitioner")
        .unwrap();
    assert!(
        ap.options
            .iter()
            .flat_map(|o| &o.checks)
            .any(|c| c.status == Status::Decides)
    );
    assert!(
        ap.options
            .iter()
            .flat_map(|o| &o.checks)
            .all(|c| c.requirement != "employer-support" || c.status == Status::Decides)
    );
}

#[test]
fn filters_narrow_destinations() {
    let e = Engine::new(map());
    let pos = e.resolve_position("ahp-support-worker").unwrap();
    let f = Filter {
        family: Some("ahp".into()),
        ..Default::default()
    };
    let ns = e.next_steps(&pos, &e.holdings(&[]), &f);
    assert!(!ns.steps.is_empty());
    assert!(ns.steps.iter().all(|s| s.to.family == "ahp"));
    assert!(
        e.check_filter(&Filter {
            setting: Some("acutee".into()),
            ..Default::default()
        })
        .unwrap_err()
        .contains("did you mean `acute`")
    );
}

fn plan(from: &str, to: &str, have: &[&str], n: usize) -> Vec<Route> {
    let e = Engine::new(map());
    let from = e.resolve_position(from).unwrap().role;
    let to = e.resolve_position(to).unwrap().role;
    let held = e.holdings(&have.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    e.routes(&RouteQuery {
        from,
        to,
        held,
        routes: n,
        paid_only: false,
    })
}

#[test]
fn band_2_to_nurse_with_only_english_plans_the_maths_gap() {
    let routes = plan("band2", "registered-nurse", &["gcse-english-4"], 3);
    assert!(!routes.is_empty());
    assert!(routes.iter().any(|r| r.steps.iter().any(|s| {
        s.action == Action::CloseGap
            && s.programme
                .as_ref()
                .is_some_and(|p| p.id == "functional-skills-maths-l2")
    })));
    assert!(
        routes
            .iter()
            .all(|r| r.steps.last().unwrap().to.id == "registered-nurse")
    );
}

#[test]
fn msw_to_midwife_and_therapy_support_worker_to_physiotherapist_have_real_routes() {
    let r = plan("msw", "midwife", &[], 3);
    assert!(r[0].steps.iter().any(|s| {
        s.programme
            .as_ref()
            .is_some_and(|p| p.id == "midwife-degree-apprenticeship")
    }));
    let r = plan("therapy support worker", "physiotherapist", &[], 3);
    assert!(!r.is_empty());
    assert!(r.iter().any(|route| route.steps.iter().any(|s| {
        s.programme
            .as_ref()
            .is_some_and(|p| p.id == "physiotherapist-degree-apprenticeship")
    })));
}

#[test]
fn an_unreachable_goal_gives_no_routes_rather_than_a_wrong_one() {
    // Nothing leads from a registered nurse back to band 1.
    assert!(plan("registered-nurse", "band-1-support-worker", &[], 3).is_empty());
}

/// Replays a route: every move's entry requirements must be met by what the
/// person held plus what earlier steps granted (requirements someone else
/// decides are open questions, not gaps).
fn assert_valid(e: &Engine<'_>, route: &Route, have: &[String], from: &str) {
    let m = e.map;
    let mut held = e.holdings(have);
    let mut at = from.to_string();
    let mut seen = vec![from.to_string()];
    for s in &route.steps {
        assert_eq!(s.from.id, at, "steps must chain");
        let prog = s.programme.as_ref().and_then(|p| m.programme(&p.id));
        let mut terms: Vec<&hcsw_roadmap::model::Term> =
            prog.map(|p| p.entry.iter().collect()).unwrap_or_default();
        if let Some(pw) = s
            .pathway
            .as_ref()
            .and_then(|id| m.pathways.iter().find(|p| p.meta.id == *id))
        {
            assert!(
                pw.from.iter().any(|f| *f == at)
                    && pw.to.as_deref() == Some(s.to.id.as_str())
                    && pw.kind != PathwayKind::StayAndDevelop
            );
            terms.extend(pw.requires.iter());
        }
        for t in terms {
            let ok = t.0.iter().any(|conj| {
                conj.iter().all(|id| {
                    e.holds(&held, id) || m.requirement(id).is_some_and(|r| r.decided_by.is_some())
                })
            });
            assert!(
                ok,
                "step to {} needs {} which is not held",
                s.to.id,
                t.source_text()
            );
        }
        if let Some(p) = prog {
            let mut ids: Vec<String> = held_ids(e, &held);
            ids.extend(p.grants.iter().map(|g| g.to_string()));
            held = e.holdings(&ids);
        }
        if s.action == Action::Move {
            assert!(
                !seen.iter().any(|x| s.to.id == *x),
                "route repeats {}",
                s.to.id
            );
            seen.push(s.to.id.to_string());
        }
        at = s.to.id.to_string();
    }
}

fn held_ids(e: &Engine<'_>, held: &hcsw_roadmap::engine::Holdings) -> Vec<String> {
    e.map
        .requirements
        .iter()
        .filter(|r| e.holds(held, &r.meta.id))
        .map(|r| r.meta.id.to_string())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn planned_routes_are_valid_sorted_and_never_repeat_a_role(
        from in 0usize..64, to in 0usize..64, have in proptest::collection::vec(0usize..64, 0..5), n in 1usize..5
    ) {
        let m = map();
        let e = Engine::new(m);
        let from = &m.roles[from % m.roles.len()];
        let to = &m.roles[to % m.roles.len()];
        prop_assume!(from.meta.id != to.meta.id);
        let have: Vec<String> = have.iter().map(|i| m.requirements[i % m.requirements.len()].meta.id.to_string()).collect();
        let routes = e.routes(&RouteQuery { from, to, held: e.holdings(&have), routes: n, paid_only: false });
        prop_assert!(routes.len() <= n);
        for r in &routes {
            assert_valid(&e, r, &have, &from.meta.id);
            prop_assert_eq!(&r.steps.last().unwrap().to.id, &to.meta.id);
        }
        // Sorted: fewer steps of unknown length first, then by typical total.
        let keys: Vec<(usize, f64)> = routes.iter().map(|r| {
            let unknown = r.steps.iter().filter(|s| s.programme.as_ref().is_some_and(|p| p.duration.is_none())).count();
            prop_assert_eq!(unknown, r.steps_without_duration);
            prop_assert_eq!(r.total_known, unknown == 0);
            Ok((unknown, (r.total.min + r.total.max) / 2.0))
        }).collect::<Result<_, _>>()?;
        for w in keys.windows(2) {
            prop_assert!(w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 <= w[1].1 + 0.11), "{:?}", keys);
        }
        // Distinct.
        let sigs: std::collections::HashSet<String> = routes.iter().map(|r| r.steps.iter().map(|s| format!("{:?}{:?}{}", s.programme.as_ref().map(|p| &p.id), s.pathway, s.to.id)).collect()).collect();
        prop_assert_eq!(sigs.len(), routes.len());
    }
}

/// A programme: its length in months if known, the requirement it grants,
/// and one it needs.
type RandomProgramme = (Option<(u32, u32)>, usize, Option<usize>);

/// A random small roadmap as TOML: roles linked by lateral moves (so any
/// shape is valid), programmes of known or unknown length, with entry
/// requirements that other programmes grant.
fn random_roadmap(
    roles: usize,
    progs: &[RandomProgramme],
    moves: &[(usize, usize, Vec<usize>)],
) -> String {
    let head = |kind: &str, id: &str| {
        format!(
            "[[{kind}]]\nid = \"{id}\"\ntitle = \"{id}\"\nsummary = \"x\"\nsources = [\"https://example.org/x\"]\nreviewed = 2026-11-21\n"
        )
    };
    let mut t = String::new();
    for q in 0..4 {
        t += &head("requirement", &format!("q{q}"));
        t += "kind = \"qualification\"\n\n";
    }
    for r in 0..roles {
        t += &head("role", &format!("r{r}"));
        t += "band = 3\nfamily = \"general\"\nregistered = \"none\"\n\n";
    }
    for (i, (d, grants, entry)) in progs.iter().enumerate() {
        t += &head("programme", &format!("p{i}"));
        t += "kind = \"course\"\n";
        if let Some((a, b)) = d {
            t += &format!("duration = {{ min = {a}, max = {b}, unit = \"months\" }}\n");
        }
        t += &format!("grants = [\"q{grants}\"]\n");
        if let Some(e) = entry
            && e != grants
        {
            t += &format!("entry = [\"q{e}\"]\n");
        }
        t += "\n";
    }
    for (i, (from, to, via)) in moves.iter().enumerate() {
        if from == to {
            continue;
        }
        t += &head("pathway", &format!("m{i}"));
        t += &format!("kind = \"lateral\"\nfrom = [\"r{from}\"]\nto = \"r{to}\"\n");
        let via: Vec<String> = via.iter().map(|v| format!("\"p{v}\"")).collect();
        t += &format!("via = [{}]\n\n", via.join(", "));
    }
    t
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    /// `--routes N` is exactly the first N of `--routes 10`: the ranking
    /// never depends on how many routes were asked for.
    #[test]
    fn the_first_n_routes_are_the_same_whatever_n(
        roles in 3usize..9,
        progs in proptest::collection::vec(
            (proptest::option::of((1u32..30, 0u32..12)), 0usize..4, proptest::option::of(0usize..4)),
            1..8,
        ),
        moves in proptest::collection::vec((0usize..9, 0usize..9, proptest::collection::vec(0usize..8, 0..3)), 4..30),
        n in 1usize..10,
    ) {
        let progs: Vec<_> = progs.into_iter().map(|(d, g, e)| (d.map(|(a, extra)| (a, a + extra)), g, e)).collect();
        let moves: Vec<_> = moves
            .into_iter()
            .map(|(f, t, v)| (f % roles, t % roles, v.into_iter().map(|v| v % progs.len()).collect::<Vec<_>>()))
            .collect();
        let text = random_roadmap(roles, &progs, &moves);
        let map = match hcsw_roadmap::load::build(vec![vec![hcsw_roadmap::load::LayerFile::text("r.toml", text)]]) {
            Ok(m) => m,
            Err(r) => panic!("{}", r.render(false)),
        };
        let e = Engine::new(&map);
        let from = &map.roles[0];
        let to = &map.roles[roles - 1];
        let ask = |k: usize| e.routes(&RouteQuery { from, to, held: e.holdings(&[]), routes: k, paid_only: false });
        let sig = |r: &Route| -> String {
            r.steps.iter().map(|s| format!("{:?}/{:?}/{}", s.programme.as_ref().map(|p| &p.id), s.pathway, s.to.id)).collect::<Vec<_>>().join(">")
        };
        let ten: Vec<String> = ask(10).iter().map(sig).collect();
        let first: Vec<String> = ask(n).iter().map(sig).collect();
        prop_assert_eq!(&first[..], &ten[..n.min(ten.len())]);
    }
}
