//! JSON shapes, deserialised into strict structs: a renamed or removed
//! field fails here before it breaks someone's script (see docs/JSON.md).

#![allow(dead_code)]

use super::common::{home, run};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleRef {
    id: String,
    title: String,
    band: u8,
    band_max: u8,
    family: String,
    regulator: Option<String>,
    settings: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReqRef {
    id: String,
    title: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Duration {
    min: u32,
    max: u32,
    unit: String,
    label: String,
    confidence: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Programme {
    id: String,
    title: String,
    kind: String,
    level: Option<u8>,
    standard: Option<String>,
    standard_confidence: String,
    duration: Option<Duration>,
    pay: String,
    learning_support_fund: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Closer {
    id: String,
    title: String,
    kind: String,
    duration: Option<Duration>,
    url: Option<String>,
    #[serde(rename = "where")]
    where_: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Check {
    requirement: String,
    title: String,
    status: String,
    decided_by: Option<String>,
    close_with: Vec<Closer>,
    confidence: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ViaOption {
    programme: Option<Programme>,
    ready: bool,
    checks: Vec<Check>,
    funding: Option<String>,
    study: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NextStep {
    pathway: String,
    title: String,
    kind: String,
    to: RoleRef,
    ready: bool,
    toward_goal: bool,
    options: Vec<ViaOption>,
    notes: Vec<String>,
    confidence: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NextSteps {
    schema_version: u32,
    data_reviewed: String,
    from: RoleRef,
    band: Option<u8>,
    also_at_band: Vec<RoleRef>,
    holding: Vec<ReqRef>,
    steps: Vec<NextStep>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Months {
    min: f64,
    max: f64,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RouteStep {
    action: String,
    programme: Option<Programme>,
    pathway: Option<String>,
    from: RoleRef,
    to: RoleRef,
    closes: Vec<ReqRef>,
    decided: Vec<ReqRef>,
    usually_missing: Vec<ReqRef>,
    cumulative: Months,
    notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Route {
    rank: usize,
    total: Months,
    total_known: bool,
    steps_without_duration: usize,
    paid_throughout: bool,
    steps: Vec<RouteStep>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Routes {
    schema_version: u32,
    data_reviewed: String,
    from: RoleRef,
    to: RoleRef,
    holding: Vec<ReqRef>,
    routes: Vec<Route>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Roles {
    schema_version: u32,
    data_reviewed: String,
    roles: Vec<RoleRef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Hit {
    id: String,
    kind: String,
    title: String,
    summary: String,
    score: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Search {
    schema_version: u32,
    data_reviewed: String,
    query: String,
    hits: Vec<Hit>,
    did_you_mean: Option<String>,
}

fn json<T: for<'de> Deserialize<'de>>(args: &[&str]) -> T {
    let h = home();
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    let (code, out, err) = run(h.path(), &a);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}\n{out}"))
}

#[test]
fn next_steps_json_has_the_documented_shape() {
    let ns: NextSteps = json(&["pathways", "--from", "band3", "--have", "gcse-maths"]);
    assert_eq!(ns.schema_version, 1);
    assert_eq!(ns.band, Some(3));
    assert!(ns.holding.iter().any(|h| h.id == "maths-l2"));
    let statuses: std::collections::BTreeSet<String> = ns
        .steps
        .iter()
        .flat_map(|s| &s.options)
        .flat_map(|o| &o.checks)
        .map(|c| c.status.clone())
        .collect();
    for s in &statuses {
        assert!(
            ["met", "missing", "decides", "usually-asked"].contains(&s.as_str()),
            "{s}"
        );
    }
}

#[test]
fn routes_json_has_the_documented_shape() {
    let r: Routes = json(&[
        "pathways",
        "--from",
        "band2",
        "--to",
        "registered-nurse",
        "--have",
        "gcse-english",
    ]);
    assert!(!r.routes.is_empty());
    assert!(r.routes.iter().all(|x| {
        x.steps
            .iter()
            .all(|s| ["move", "close-gap"].contains(&s.action.as_str()))
    }));
    assert_eq!(r.routes[0].rank, 1);
}

#[test]
fn roles_and_search_json_have_the_documented_shape() {
    let r: Roles = json(&["roles"]);
    assert!(r.roles.len() > 30);
    let s: Search = json(&["search", "maths"]);
    assert!(!s.hits.is_empty());
}
