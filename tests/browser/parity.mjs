// Browser tests for the HTML export's "Where can I go from here?" panel.
//
//   node tests/browser/parity.mjs --roadmap /path/to/roadmap [--use-working-script]
//        [--shots DIR] [--no-sweep] [--quick] [--known-gaps] [--script FILE]
//
// 1. Exports the page with the given binary (ROADMAP_HOME set to a temp dir
//    for every CLI call). With --use-working-script, the page's inline script
//    is replaced by the current src/render/page.js and the CSP hash is
//    recomputed, so the script can be tried without rebuilding the binary
//    (--script FILE: the same with another file, e.g. a deliberately broken
//    copy, to see the tests catch it).
// 2. Parity, next steps: every position x 30 holding sets, and every
//    position x 3 sets with paid=1: the page opened with the fragment,
//    window.roadmapAnswer compared whole with
//    `roadmap pathways --from ARG [--have IDS] [--paid] --format json`.
// 3. Parity, routes: 26 (from, holdings, goal) triples against `--to GOAL`,
//    then (unless --no-sweep) every position x every goal x 3 holding sets,
//    with and without pay, through the hashchange path. The same for the
//    data of known shape in fixtures/edge (with `--data`), which has a case
//    of every branch of the engine the page ports.
// 4. A fragment shows its answer without interaction; changing controls
//    updates location.hash.
// 5. Keyboard only: every control reached with Tab and operated with
//    Space / arrow keys; the answer updates.
// 6. axe-core: no WCAG 2.1 A/AA violations with an answer showing.
// 7. JavaScript disabled: the tables and the noscript message show.
// 8. No network: the pages request nothing but their own file; no console
//    errors or warnings (a CSP violation would show there).
// Screenshots of the panel go to --shots (default /tmp/page-shots).
// --quick: 6 holding sets and no sweep, while developing.
// --known-gaps: also lists (without failing) what the page's data cannot yet
// tell apart; see tests/browser/README.md.
// Ends with "N passed, N failed"; exits non-zero on any failure.

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const HERE = dirname(fileURLToPath(import.meta.url));
const PAGE_JS = resolve(HERE, "../../src/render/page.js");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// ---------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------

function parseArgs(argv) {
  const a = { roadmap: null, working: false, shots: "/tmp/page-shots", sweep: true, quick: false, knownGaps: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === "--roadmap") a.roadmap = argv[++i];
    else if (x === "--use-working-script") a.working = true;
    else if (x === "--script") {
      a.working = true;
      a.script = resolve(argv[++i]);
    }
    else if (x === "--shots") a.shots = argv[++i];
    else if (x === "--no-sweep") a.sweep = false;
    else if (x === "--known-gaps") a.knownGaps = true;
    else if (x === "--quick") {
      a.quick = true;
      a.sweep = false;
    }
    else {
      console.error(`unknown argument ${x}`);
      process.exit(2);
    }
  }
  if (!a.roadmap) {
    console.error("usage: node tests/browser/parity.mjs --roadmap PATH [--use-working-script] [--shots DIR] [--no-sweep] [--quick] [--known-gaps]");
    process.exit(2);
  }
  a.roadmap = resolve(a.roadmap);
  return a;
}

const args = parseArgs(process.argv.slice(2));
const work = mkdtempSync(join(tmpdir(), "roadmap-browser-"));
const home = join(work, "home");
mkdirSync(home);

// Runs the CLI; with `dataDir`, on that data instead of the national data.
function cli(argv, dataDir) {
  const full = dataDir ? [argv[0], "--data", dataDir, ...argv.slice(1)] : argv;
  return execFileSync(args.roadmap, full, {
    env: { ...process.env, ROADMAP_HOME: home, NO_COLOR: "1" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

// ---------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------

const results = { passed: 0, failed: 0, failures: [] };
const counts = {};

function pass(group) {
  results.passed += 1;
  counts[group] = counts[group] || { passed: 0, failed: 0 };
  counts[group].passed += 1;
}

function fail(group, name, detail) {
  results.failed += 1;
  counts[group] = counts[group] || { passed: 0, failed: 0 };
  counts[group].failed += 1;
  results.failures.push({ group, name, detail });
  if (!results.quiet && results.failures.length <= 12) {
    console.log(`FAIL [${group}] ${name}\n${indent(detail, "    ")}`);
  }
}

function check(group, name, ok, detail) {
  if (ok) pass(group);
  else fail(group, name, detail || "");
}

function indent(s, pre) {
  return String(s)
    .split("\n")
    .map((l) => pre + l)
    .join("\n");
}

// ---------------------------------------------------------------------------
// Diff: where two answers first differ, named by pathway, option and check.
// ---------------------------------------------------------------------------

function nameOf(x) {
  if (x === null || typeof x !== "object") return "";
  if (typeof x.pathway === "string" && x.options) return `pathway=${x.pathway}`;
  if ("programme" in x && "checks" in x) return `programme=${x.programme ? x.programme.id : "apply for a post"}`;
  if (typeof x.requirement === "string") return `requirement=${x.requirement}`;
  if (typeof x.rank === "number" && Array.isArray(x.steps)) return `route ${x.steps.map((st) => (st.programme ? st.programme.id : "post") + ">" + st.to.id).join(", ")}`;
  if (typeof x.action === "string") return `${x.action} ${x.programme ? x.programme.id : "post"} -> ${x.to ? x.to.id : "?"}`;
  if (typeof x.id === "string") return `id=${x.id}`;
  return "";
}

function short(v) {
  const s = JSON.stringify(v);
  return s === undefined ? "undefined" : s.length > 300 ? s.slice(0, 300) + "…" : s;
}

function diff(cliV, pageV, path, out, limit) {
  if (out.length >= limit) return;
  if (cliV === pageV) return;
  if (Array.isArray(cliV) && Array.isArray(pageV)) {
    // Lists of named things (steps, options, checks, routes): say which are
    // missing, extra or out of order before comparing them one by one.
    const a = cliV.map(nameOf);
    const b = pageV.map(nameOf);
    if (a.length + b.length > 0 && a.every(Boolean) && b.every(Boolean) && a.join("\n") !== b.join("\n")) {
      const onlyCli = a.filter((x) => !b.includes(x));
      const onlyPage = b.filter((x) => !a.includes(x));
      if (onlyCli.length) out.push(`${path}: missing on the page: ${onlyCli.join("; ")}`);
      if (onlyPage.length) out.push(`${path}: only on the page: ${onlyPage.join("; ")}`);
      if (!onlyCli.length && !onlyPage.length) out.push(`${path}: in another order: CLI ${a.join("; ")}; page ${b.join("; ")}`);
      if (new Set(a).size === a.length && new Set(b).size === b.length) {
        for (let i = 0; i < a.length && out.length < limit; i++) {
          const j = b.indexOf(a[i]);
          if (j >= 0) diff(cliV[i], pageV[j], `${path}(${a[i]})`, out, limit);
        }
        return;
      }
    }
    const n = Math.max(cliV.length, pageV.length);
    for (let i = 0; i < n && out.length < limit; i++) {
      const label = nameOf(cliV[i]) || nameOf(pageV[i]);
      const p = `${path}[${i}]${label ? `(${label})` : ""}`;
      if (i >= cliV.length) out.push(`${p}: only on the page: ${short(pageV[i])}`);
      else if (i >= pageV.length) out.push(`${p}: missing on the page; the CLI has ${short(cliV[i])}`);
      else diff(cliV[i], pageV[i], p, out, limit);
    }
    return;
  }
  if (cliV && pageV && typeof cliV === "object" && typeof pageV === "object" && !Array.isArray(cliV) && !Array.isArray(pageV)) {
    for (const k of Object.keys(cliV)) {
      if (!(k in pageV)) out.push(`${path}.${k}: missing on the page; the CLI has ${short(cliV[k])}`);
      else diff(cliV[k], pageV[k], `${path}.${k}`, out, limit);
      if (out.length >= limit) return;
    }
    for (const k of Object.keys(pageV)) {
      if (!(k in cliV) && out.length < limit) out.push(`${path}.${k}: only on the page: ${short(pageV[k])}`);
    }
    return;
  }
  out.push(`${path}: CLI ${short(cliV)}, page ${short(pageV)}`);
}

// The fields the page must give with the CLI's names and values (the whole
// answer is compared as well; this names what a mismatch is about).
function compareAnswers(cliAns, pageAns) {
  const out = [];
  diff(cliAns, pageAns, "answer", out, 6);
  return out;
}

// ---------------------------------------------------------------------------
// The page under test
// ---------------------------------------------------------------------------

function exportPage(name, dataDir) {
  const file = join(work, `${name}.html`);
  cli(["export", "--format", "html", "-o", file], dataDir);
  let html = readFileSync(file, "utf8");
  if (args.working) {
    html = withWorkingScript(html, readFileSync(args.script || PAGE_JS, "utf8"));
    writeFileSync(file, html);
  }
  return { name, dataDir, file, html, data: pageData(html), base: pathToFileURL(file).href };
}

// Replaces the page's own inline script (the second <script>; the first is
// the JSON data) with `script`, and the CSP hash with the new one.
function withWorkingScript(html, script) {
  if (/<\/script/i.test(script)) throw new Error("page.js must not contain </script");
  const dataAt = html.indexOf('id="roadmap-data"');
  if (dataAt < 0) throw new Error("no #roadmap-data in the exported page");
  const dataEnd = html.indexOf("</script>", dataAt);
  const open = html.indexOf("<script>", dataEnd);
  if (open < 0) throw new Error("no inline <script> after the data");
  const start = open + "<script>".length;
  const end = html.indexOf("</script>", start);
  const hash = createHash("sha256").update(script, "utf8").digest("base64");
  const out = html.slice(0, start) + script + html.slice(end);
  const csp = /script-src 'sha256-[A-Za-z0-9+/=]+'/;
  if (!csp.test(out)) throw new Error("no script-src hash in the page's CSP");
  return out.replace(csp, `script-src 'sha256-${hash}'`);
}

function pageData(html) {
  const m = /<script id="roadmap-data" type="application\/json">([\s\S]*?)<\/script>/.exec(html) ||
    /<script type="application\/json" id="roadmap-data">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error("no page data");
  return JSON.parse(m[1]);
}

function fragment(s) {
  const parts = [];
  if (s.from) parts.push(`from=${encodeURIComponent(s.from)}`);
  if (s.have && s.have.length) parts.push(`have=${s.have.map(encodeURIComponent).join(",")}`);
  if (s.to) parts.push(`to=${encodeURIComponent(s.to)}`);
  if (s.paid) parts.push("paid=1");
  return parts.join("&");
}

function cliArgs(s) {
  const a = ["pathways", "--from", s.from];
  if (s.to) a.push("--to", s.to);
  if (s.have && s.have.length) a.push("--have", s.have.join(","));
  if (s.paid) a.push("--paid");
  a.push("--format", "json");
  return a;
}

function describe(s) {
  return `--from ${s.from}${s.to ? ` --to ${s.to}` : ""}${s.have.length ? ` --have ${s.have.join(",")}` : ""}${s.paid ? " --paid" : ""}`;
}

// Holding sets, chosen deterministically: none, each alone, realistic
// combinations, and everything.
function holdingSets(holdable) {
  const has = new Set(holdable);
  const keep = (ids) => ids.filter((id) => has.has(id));
  const sets = [[]];
  for (const id of holdable) sets.push([id]);
  const combos = [
    ["gcse-english-4", "care-certificate"],
    ["fs-maths-l2", "level-3-diploma-healthcare-support"],
    ["gcse-english-4", "gcse-maths-4"],
    ["gcse-english-4", "gcse-maths-4", "gcse-science-4"],
    ["fs-english-l1", "fs-maths-l1"],
    ["fs-english-l2", "fs-maths-l2", "care-certificate", "essential-digital-skills-qualification"],
    ["level-3-diploma-healthcare-support", "bridging-certificate", "fs-maths-l2"],
    ["level-3-diploma-healthcare-support", "bridging-certificate", "gcse-english-4", "gcse-maths-4"],
    ["a-levels-or-equivalent", "gcse-english-4", "gcse-maths-4"],
    ["level-5-qualification", "gcse-english-4", "gcse-maths-4"],
    ["degree", "gcse-english-4", "gcse-maths-4"],
    ["full-driving-licence", "gcse-english-4"],
    ["care-certificate", "fs-english-l2", "fs-maths-l1"],
    holdable.slice(),
  ];
  for (const c of combos) {
    const k = keep(c);
    if (k.length && !sets.some((s) => s.join() === k.join())) sets.push(k);
  }
  return sets;
}

// ---------------------------------------------------------------------------
// Browser helpers
// ---------------------------------------------------------------------------

async function newWatchedContext(browser, options, log) {
  const context = await browser.newContext(options);
  context.on("request", (r) => log.requests.push(r.url()));
  context.on("page", (p) => watchPage(p, log));
  return context;
}

function watchPage(page, log) {
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") log.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => log.errors.push(String(e)));
}

// Changes the address's fragment in place and waits for the page to have
// answered (hashchange is asynchronous; the page's own listener runs first).
function setHash(page, frag) {
  return page.evaluate(
    (h) =>
      new Promise((done) => {
        if (location.hash === "#" + h) return done(window.roadmapAnswer);
        window.addEventListener("hashchange", () => done(window.roadmapAnswer), { once: true });
        location.hash = h;
      }),
    frag
  );
}

async function openWith(page, url) {
  await page.goto(url, { waitUntil: "load" });
  return page.evaluate(() => window.roadmapAnswer === undefined ? "__undefined__" : window.roadmapAnswer);
}

// ---------------------------------------------------------------------------
// Parity over one dataset
// ---------------------------------------------------------------------------

let caseNo = 0;
// A fresh document for every case: the query string makes each URL new.
const urlOf = (ds, s) => `${ds.base}?case=${++caseNo}#${fragment(s)}`;

// Compares the page's answer for one case with the CLI's. `how`: "open" a
// fresh document with the fragment, or change the fragment in place.
async function compareCase(page, ds, s, group, how) {
  const want = JSON.parse(cli(cliArgs(s), ds.dataDir));
  const got = how === "open" ? await openWith(page, urlOf(ds, s)) : await setHash(page, fragment(s));
  const d = compareAnswers(want, got);
  check(group, `${ds.name}: ${describe(s)}`, d.length === 0, d.join("\n"));
  return { want, d };
}

// Deterministic extra holding sets: a small linear congruential generator.
function seededSets(holdable, n, seed) {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  const out = [];
  for (let i = 0; i < n; i++) out.push(holdable.filter(() => next() % 3 === 0));
  return out;
}

// The national data: every position with the holding sets, the route
// triples the brief names, and (unless --no-sweep) every position x goal.
async function nationalParity(page, ds, stats) {
  const holdable = ds.data.holdable.map((h) => h.id);
  const all = holdingSets(holdable);
  const sets = args.quick ? all.filter((_, i) => i % 6 === 0 || i === all.length - 1) : all;
  stats.nationalSets = sets.length;
  for (const pos of ds.data.positions) {
    for (const have of sets) {
      await compareCase(page, ds, { from: pos.arg, have, to: "", paid: false }, "next-steps parity", "open");
      stats.next += 1;
    }
  }
  const paidSets = [[], ["gcse-english-4", "care-certificate"], ["level-3-diploma-healthcare-support", "bridging-certificate", "gcse-english-4", "gcse-maths-4"]];
  for (const pos of ds.data.positions) {
    for (const have of paidSets) {
      await compareCase(page, ds, { from: pos.arg, have: have.filter((h) => holdable.includes(h)), to: "", paid: true }, "next-steps parity", "open");
      stats.nextPaid += 1;
    }
  }
  const positionArgs = new Set(ds.data.positions.map((p) => p.arg));
  const goals = new Set(ds.data.goals);
  for (const c of ROUTE_CASES) {
    const s = { from: c.from, have: c.have.filter((h) => holdable.includes(h)), to: c.to, paid: !!c.paid };
    if (!positionArgs.has(s.from) || !goals.has(s.to)) {
      fail("routes parity", describe(s), "this case names a position or goal the page does not offer");
      continue;
    }
    const { want } = await compareCase(page, ds, s, "routes parity", "open");
    stats.routes += 1;
    if (want.routes.length === 0) stats.unreachable += 1;
  }
  check("routes parity", "the triples include a goal no route reaches", stats.unreachable > 0,
    "every route case found a route: add a case whose goal cannot be reached");
  if (args.sweep) {
    const roleOf = new Map(ds.data.positions.map((p) => [p.arg, p.role]));
    await page.goto(`${ds.base}?case=sweep`);
    const sweepSets = [[], ["gcse-english-4", "gcse-maths-4"], holdable.slice()];
    for (const pos of ds.data.positions) {
      for (const goal of ds.data.goals) {
        if (roleOf.get(pos.arg) === goal) continue;
        for (const have of sweepSets) {
          for (const paid of [false, true]) {
            await compareCase(page, ds, { from: pos.arg, have, to: goal, paid }, "routes sweep", "hash");
            stats.sweep += 1;
          }
        }
      }
    }
  }
}

// A dataset of known shape (fixtures/edge): every position and goal, many
// holding sets, with and without pay; and checks that its special cases
// did come up, so the fixture keeps testing what it is for.
async function fixtureParity(page, ds, stats, group) {
  const holdable = ds.data.holdable.map((h) => h.id);
  const sets = holdingSets(holdable).concat(seededSets(holdable, 12, 20261201));
  const roleOf = new Map(ds.data.positions.map((p) => [p.arg, p.role]));
  const seen = { nothingNew: 0, nothingOut: 0, twoDeep: 0, unknownLength: 0, noRoute: 0, lastDecider: 0, ties: 0 };
  await page.goto(`${ds.base}?case=${group}`);
  for (const pos of ds.data.positions) {
    for (const have of sets) {
      for (const paid of [false, true]) {
        const { want } = await compareCase(page, ds, { from: pos.arg, have, to: "", paid }, group, "hash");
        stats.fixtureNext += 1;
        if (want.steps.length === 0) seen.nothingOut += 1;
        if (want.steps.some((st) => st.notes.some((n) => n.startsWith("You already hold what the")))) seen.nothingNew += 1;
        if (want.steps.some((st) => st.options.some((o) => o.checks.some((c) => c.requirement === "university-offer & employer-support" && c.decided_by === "employer")))) seen.lastDecider += 1;
      }
    }
  }
  const routeSets = sets.filter((_, i) => i % 2 === 0);
  for (const pos of ds.data.positions) {
    for (const goal of ds.data.goals) {
      if (roleOf.get(pos.arg) === goal) continue;
      for (const have of routeSets) {
        for (const paid of [false, true]) {
          const { want } = await compareCase(page, ds, { from: pos.arg, have, to: goal, paid }, group, "hash");
          stats.fixtureRoutes += 1;
          if (want.routes.length === 0) seen.noRoute += 1;
          for (const r of want.routes) {
            if (r.steps_without_duration > 0) seen.unknownLength += 1;
            if (r.steps.some((st, i) => i > 0 && st.action === "close-gap" && r.steps[i - 1].action === "close-gap")) seen.twoDeep += 1;
          }
          const totals = want.routes.map((r) => `${r.total.min}/${r.total.max}/${r.steps_without_duration}/${r.steps.length}`);
          if (new Set(totals).size < totals.length) seen.ties += 1;
        }
      }
    }
  }
  return seen;
}

// The page with `index` (the position in the full data, closed records
// included) on each programme and pathway, from the data file's order.
function withDataIndex(html, toml) {
  const order = { programme: [], pathway: [] };
  for (const b of toml.split(/\n(?=\[\[)/)) {
    const kind = (/^\[\[(\w+)\]\]/.exec(b) || [])[1];
    const id = (/^id = "([^"]+)"/m.exec(b) || [])[1];
    if (order[kind]) order[kind].push(id);
  }
  const m = /(<script id="roadmap-data" type="application\/json">)([\s\S]*?)(<\/script>)/.exec(html);
  const data = JSON.parse(m[2]);
  for (const p of data.programmes) p.index = order.programme.indexOf(p.id);
  for (const p of data.pathways) p.index = order.pathway.indexOf(p.id);
  const json = JSON.stringify(data).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  return html.slice(0, m.index) + m[1] + json + m[3] + html.slice(m.index + m[0].length);
}

// The fixture with its closed records moved to the front of their kinds and
// a move whose only programme has closed: what the page's data cannot yet
// tell apart (see the report). Mismatches here are listed, not failed.
function knownGapsFixture() {
  const text = readFileSync(join(HERE, "fixtures/edge/data.toml"), "utf8");
  const blocks = text.split(/\n(?=\[\[)/);
  const idOf = (b) => (/^id = "([^"]+)"/m.exec(b) || [])[1];
  const kindOf = (b) => (/^\[\[(\w+)\]\]/.exec(b) || [])[1];
  const moveFirst = (list, id) => {
    const b = list.find((x) => idOf(x) === id);
    const rest = list.filter((x) => x !== b);
    const at = rest.findIndex((x) => kindOf(x) === kindOf(b));
    rest.splice(at, 0, b);
    return rest;
  };
  let out = moveFirst(blocks, "closed-course");
  out = moveFirst(out, "closed-path");
  out.push(`[[pathway]]
id = "senior-via-closed-only"
title = "Senior support worker to therapist via a course that closed"
summary = "Its only programme has closed: the CLI offers nothing."
sources = ["https://example.org/path"]
reviewed = 2026-11-01
kind = "progression"
from = ["senior"]
to = "therapist"
via = ["closed-course"]
`);
  const dir = join(work, "known-gaps");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "data.toml"), out.join("\n"));
  return dir;
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

const ROUTE_CASES = [
  { from: "band2", have: ["gcse-english-4"], to: "registered-nurse" },
  { from: "band2", have: [], to: "registered-nurse" },
  { from: "maternity-support-worker", have: [], to: "midwife" },
  { from: "maternity-support-worker", have: ["gcse-english-4", "gcse-maths-4", "gcse-science-4"], to: "midwife" },
  { from: "ahp-support-worker", have: [], to: "physiotherapist" },
  { from: "ahp-support-worker", have: ["gcse-english-4", "gcse-maths-4"], to: "physiotherapist" },
  { from: "senior-ahp-support-worker", have: ["level-3-diploma-healthcare-support"], to: "physiotherapist" },
  { from: "healthcare-support-worker", have: [], to: "paramedic" },
  { from: "healthcare-support-worker", have: ["full-driving-licence", "gcse-english-4", "gcse-maths-4"], to: "paramedic" },
  { from: "band3", have: [], to: "occupational-therapist" },
  { from: "band3", have: ["fs-maths-l2", "level-3-diploma-healthcare-support"], to: "occupational-therapist" },
  { from: "band1", have: [], to: "paramedic" },
  { from: "band4", have: ["level-5-qualification"], to: "registered-nurse" },
  { from: "nursing-associate", have: ["gcse-english-4", "gcse-maths-4"], to: "registered-nurse" },
  { from: "healthcare-science-assistant", have: [], to: "healthcare-science-practitioner" },
  { from: "mental-health-support-worker", have: ["gcse-english-4"], to: "psychological-wellbeing-practitioner" },
  { from: "theatre-support-worker", have: [], to: "operating-department-practitioner" },
  { from: "radiography-assistant", have: ["gcse-english-4", "gcse-maths-4", "gcse-science-4"], to: "diagnostic-radiographer" },
  { from: "emergency-care-assistant", have: ["full-driving-licence"], to: "paramedic" },
  { from: "band2", have: ["*"], to: "dietitian" },
  { from: "creative-therapy-support-worker", have: ["degree"], to: "art-therapist" },
  { from: "pharmacy-technician", have: [], to: "midwife" },
  { from: "dental-nurse", have: [], to: "paramedic" },
  { from: "band2", have: ["gcse-english-4", "care-certificate"], to: "registered-nurse", paid: true },
  { from: "band3", have: [], to: "occupational-therapist", paid: true },
  { from: "maternity-support-worker", have: [], to: "midwife", paid: true },
];

async function main() {
  const t0 = Date.now();
  const national = exportPage("national", null);
  const ds = national;
  const data = ds.data;
  const base = ds.base;
  const file = ds.file;
  for (const c of ROUTE_CASES) if (c.have[0] === "*") c.have = data.holdable.map((h) => h.id);
  console.log(`page: ${file}${args.working ? " (with the working src/render/page.js)" : " (as exported)"}`);
  const log = { requests: [], console: [], errors: [] };
  const stats = { next: 0, nextPaid: 0, routes: 0, unreachable: 0, sweep: 0, fixtureNext: 0, fixtureRoutes: 0, nationalSets: 0 };
  const pages = new Set();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    const context = await newWatchedContext(browser, { viewport: { width: 1280, height: 900 } }, log);
    const page = await context.newPage();

    // The page must run its script at all (a wrong CSP hash stops it).
    await page.goto(base);
    const formShown = await page.evaluate(() => !document.getElementById("where-form").hidden);
    check("setup", "the script runs and shows the form", formShown,
      "the form is still hidden: the script did not run (is the CSP hash right? try --use-working-script while developing)");
    if (!formShown) throw new Error("the panel's script did not run");

    // 2 and 3. Parity with the CLI.
    await nationalParity(page, ds, stats);
    const edge = exportPage("edge", join(HERE, "fixtures/edge"));
    const seen = await fixtureParity(page, edge, stats, "fixture parity");
    for (const [k, v] of Object.entries(seen)) {
      check("fixture parity", `the fixture exercises ${k}`, v > 0, `no case of ${k} came up: the fixture no longer tests it`);
    }

    // 4. A fragment shows its answer straight away; controls update the address.
    {
      const s = { from: "band2", have: ["gcse-english-4"], to: "", paid: false };
      await page.goto(urlOf(ds, s));
      const r = await page.evaluate(() => ({
        text: document.getElementById("answer").textContent,
        titles: (window.roadmapAnswer.steps || []).map((x) => x.to.title),
        from: document.getElementById("from").value,
        ticked: [...document.querySelectorAll("input[name=have]:checked")].map((b) => b.value),
      }));
      const missingTitles = [...new Set(r.titles)].filter((t) => !r.text.includes(t));
      check("fragment", "next steps shown without interaction", r.titles.length > 0 && missingTitles.length === 0,
        `titles not in #answer: ${missingTitles.join(", ")}`);
      check("fragment", "the controls show the fragment's choices", r.from === "band2" && r.ticked.join() === "gcse-english-4",
        `from=${r.from} ticked=${r.ticked.join()}`);
      const g = { from: "band2", have: ["gcse-english-4"], to: "registered-nurse", paid: false };
      await page.goto(urlOf(ds, g));
      const rr = await page.evaluate(() => ({
        text: document.getElementById("answer").textContent,
        to: window.roadmapAnswer.to && window.roadmapAnswer.to.title,
        routes: (window.roadmapAnswer.routes || []).length,
        steps: (window.roadmapAnswer.routes || []).flatMap((x) => x.steps.map((st) => st.to.title)),
      }));
      const missing2 = [...new Set(rr.steps)].filter((t) => !rr.text.includes(t));
      check("fragment", "routes shown without interaction",
        rr.routes > 0 && rr.text.includes(rr.to) && missing2.length === 0, `to=${rr.to} routes=${rr.routes} missing=${missing2.join(", ")}`);

      await page.goto(`${base}?case=controls`);
      await page.selectOption("#from", "band3");
      let h = await page.evaluate(() => location.hash);
      check("fragment", "choosing a role updates the address", h === "#from=band3", `hash=${h}`);
      await page.check("#have-gcse-english-4");
      await page.check("#have-care-certificate");
      h = await page.evaluate(() => location.hash);
      check("fragment", "ticking holdings updates the address", h === "#from=band3&have=gcse-english-4,care-certificate", `hash=${h}`);
      await page.selectOption("#to", "registered-nurse");
      await page.check("#paid");
      h = await page.evaluate(() => location.hash);
      const want = "#from=band3&have=gcse-english-4,care-certificate&to=registered-nurse&paid=1";
      check("fragment", "goal and pay update the address", h === want, `hash=${h}, want ${want}`);
      const ans = await page.evaluate(() => window.roadmapAnswer);
      const cliAns = JSON.parse(cli(cliArgs({ from: "band3", have: ["gcse-english-4", "care-certificate"], to: "registered-nurse", paid: true })));
      const d = compareAnswers(cliAns, ans);
      check("fragment", "the answer after changing controls matches the CLI", d.length === 0, d.join("\n"));
      await setHash(page, "from=healthcare-support-worker");
      const back = await page.evaluate(() => ({ from: document.getElementById("from").value, to: document.getElementById("to").value, n: window.roadmapAnswer.steps.length }));
      check("fragment", "editing the address updates the controls and the answer", back.from === "healthcare-support-worker" && back.to === "" && back.n > 0, JSON.stringify(back));
      await page.goto(`${base}?case=bad#from=nobody&have=not-a-thing`);
      const bad = await page.evaluate(() => ({ text: document.getElementById("answer").textContent, a: window.roadmapAnswer }));
      check("fragment", "an unknown choice in the address is said, not crashed on", bad.a === null && /does not know/.test(bad.text), bad.text.slice(0, 200));
    }

    // 5. Keyboard only.
    await keyboardTest(browser, base, log);

    // 6. axe-core.
    for (const [what, s] of [
      ["next steps", { from: "band2", have: ["gcse-english-4"], to: "", paid: false }],
      ["routes", { from: "band2", have: ["gcse-english-4"], to: "registered-nurse", paid: false }],
      ["nothing chosen", null],
    ]) {
      await page.goto(s ? urlOf(ds, s) : `${base}?case=empty`);
      await page.evaluate(AXE_SOURCE);
      const res = await page.evaluate(async () =>
        window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
      );
      const v = res.violations.map((x) => `${x.id} (${x.impact}): ${x.help}\n  ${x.nodes.slice(0, 3).map((nd) => nd.target.join(" ")).join("\n  ")}`);
      check("axe", `no WCAG 2.1 A/AA violations (${what})`, v.length === 0, v.join("\n"));
    }

    // 7. Without JavaScript.
    {
      const nlog = { requests: [], console: [], errors: [] };
      const ctx = await newWatchedContext(browser, { javaScriptEnabled: false }, nlog);
      const p = await ctx.newPage();
      await p.goto(`${base}#from=band2`);
      const headings = await p.locator("h2").allTextContents();
      const panelText = await p.locator("#where").innerText();
      const formVisible = await p.locator("#where-form").isVisible();
      const rows = await p.locator("table tbody tr").count();
      check("no javascript", "the tables show", headings.includes("Moves between roles") && headings.includes("Roles") && rows > 20,
        `headings: ${headings.join(" | ")}; rows ${rows}`);
      check("no javascript", "the noscript message shows and the form stays hidden",
        /needs JavaScript/.test(panelText) && !formVisible, `panel text: ${panelText.slice(0, 200)}; form visible ${formVisible}`);
      check("no javascript", "nothing errors", nlog.errors.length === 0 && nlog.console.length === 0,
        [...nlog.errors, ...nlog.console].join("\n"));
      check("no javascript", "no network", nlog.requests.every((u) => u.startsWith("file://")), nlog.requests.filter((u) => !u.startsWith("file://")).join("\n"));
      await ctx.close();
    }

    // Screenshots for a person to look at.
    await screenshots(browser, base, log);

    // 8. No network, no console errors, over everything above.
    pages.add(national.base);
    pages.add(edge.base);
    const foreign = log.requests.filter((u) => !pages.has(u.split("#")[0].split("?")[0]));
    check("network", `only the page's own file was requested (${log.requests.length} requests)`, foreign.length === 0,
      [...new Set(foreign)].slice(0, 10).join("\n"));
    check("console", "no console errors or warnings", log.console.length === 0, [...new Set(log.console)].slice(0, 10).join("\n"));
    check("console", "no uncaught errors", log.errors.length === 0, [...new Set(log.errors)].slice(0, 10).join("\n"));

    // What the page's data cannot yet tell apart: listed, not failed.
    if (args.knownGaps) {
      const kg = exportPage("known-gaps", knownGapsFixture());
      const before = results.failures.length;
      const saved = { ...results };
      results.quiet = true;
      await fixtureParity(page, kg, { fixtureNext: 0, fixtureRoutes: 0 }, "known gaps");
      const found = results.failures.slice(before);
      results.passed = saved.passed;
      results.failed = saved.failed;
      results.failures.length = before;
      results.quiet = false;
      delete counts["known gaps"];
      console.log(`\nKnown gaps (not counted): ${found.length} mismatching cases in the fixture with closed records first and a move whose only programme closed.`);
      // The move via the closed course shows on the page as a step, or in a
      // route as applying for a post as a therapist.
      const viaClosed = (f) => f.detail.includes("senior-via-closed-only") || f.detail.includes("post>therapist");
      const closedVia = found.filter(viaClosed);
      const order = found.filter((f) => !closedVia.includes(f));
      console.log(`  ${closedVia.length} because a move whose only programme has closed looks like "apply for a post" on the page;`);
      console.log(`  ${order.length} because ties between routes are ordered by positions in the data that the page cannot see. Examples:`);
      for (const f of closedVia.slice(0, 2).concat(order.slice(0, 3))) console.log(`  KNOWN ${f.name}\n${indent(f.detail, "      ")}`);
      // The first fix, tried: the data's positions as an `index` field.
      const withIndex = { ...kg, name: "known-gaps+index", file: kg.file.replace(/\.html$/, "-index.html") };
      writeFileSync(withIndex.file, withDataIndex(kg.html, readFileSync(join(kg.dataDir, "data.toml"), "utf8")));
      withIndex.base = pathToFileURL(withIndex.file).href;
      pages.add(withIndex.base);
      results.quiet = true;
      const before2 = results.failures.length;
      await fixtureParity(page, withIndex, { fixtureNext: 0, fixtureRoutes: 0 }, "known gaps");
      const left = results.failures.slice(before2);
      results.passed = saved.passed;
      results.failed = saved.failed;
      results.failures.length = before;
      results.quiet = false;
      delete counts["known gaps"];
      const leftOrder = left.filter((f) => !viaClosed(f));
      console.log(`  With an \`index\` field added to the page's programmes and pathways: ${left.length} left, ${leftOrder.length} of them about order.`);
      for (const f of leftOrder.slice(0, 2)) console.log(`  LEFT ${f.name}\n${indent(f.detail, "      ")}`);
    }

    console.log("");
    console.log(`Compared next steps (national data): ${stats.next + stats.nextPaid} cases = ${data.positions.length} positions x ${stats.nationalSets} holding sets, plus ${stats.nextPaid} with --paid`);
    console.log(`Compared routes (national data): ${stats.routes} (from, holdings, goal) triples, ${stats.unreachable} with no route${args.sweep ? `; sweep of every position x goal: ${stats.sweep} more` : ""}`);
    console.log(`Compared on fixtures/edge: ${stats.fixtureNext} next-steps cases and ${stats.fixtureRoutes} route cases (${edge.data.positions.length} positions, ${edge.data.goals.length} goals)`);
  } finally {
    await browser.close();
  }
  for (const [g, c] of Object.entries(counts)) console.log(`  ${g}: ${c.passed} passed, ${c.failed} failed`);
  if (results.failures.length > 12) {
    console.log(`(${results.failures.length - 12} more failures not shown; first of each group:)`);
    const first = new Set();
    for (const f of results.failures) if (!first.has(f.group)) { first.add(f.group); console.log(`  [${f.group}] ${f.name}`); }
  }
  console.log(`time: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`browser: ${results.passed} passed, ${results.failed} failed`);
  rmSync(work, { recursive: true, force: true });
  process.exit(results.failed === 0 ? 0 : 1);
}

// Tab to each control, operate it with Space or arrow keys, and see the
// answer change.
async function keyboardTest(browser, base, log) {
  const g = "keyboard";
  const ctx = await newWatchedContext(browser, { viewport: { width: 1280, height: 900 } }, log);
  const page = await ctx.newPage();
  await page.goto(`${base}?case=keyboard`);
  const active = () => page.evaluate(() => {
    const a = document.activeElement;
    return a ? { id: a.id, tag: a.tagName, name: a.getAttribute("name"), value: a.value, checked: a.checked } : null;
  });
  const answerText = () => page.evaluate(() => document.getElementById("answer").textContent);
  // From the top of the page to the first control.
  let a = null;
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press("Tab");
    a = await active();
    if (a && a.id === "from") break;
  }
  check(g, "Tab reaches the role select", a && a.id === "from", JSON.stringify(a));
  const before = await answerText();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  let state = await page.evaluate(() => ({ from: document.getElementById("from").value, hash: location.hash, answer: window.roadmapAnswer }));
  check(g, "arrow keys choose a role and the answer shows", state.from !== "" && state.answer && state.hash.includes(`from=${state.from}`) && (await answerText()) !== before,
    JSON.stringify({ from: state.from, hash: state.hash }));
  // Every holding tick box, in order, each ticked with Space.
  const reached = [];
  let last = await answerText();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    a = await active();
    if (!a || a.name !== "have") break;
    reached.push(a.value);
    if (a.value === "gcse-english-4" || a.value === "care-certificate") {
      await page.keyboard.press("Space");
      const now = await answerText();
      const b = await active();
      check(g, `Space ticks ${a.value} and the answer updates`, b.checked && now !== last, JSON.stringify(b));
      last = now;
    }
  }
  const boxes = await page.evaluate(() => [...document.querySelectorAll("input[name=have]")].map((b) => b.value));
  check(g, "Tab reaches every holding tick box in order", reached.join() === boxes.join(), `reached ${reached.join()}`);
  check(g, "then the keep-earning tick box", a && a.id === "paid", JSON.stringify(a));
  await page.keyboard.press("Space");
  state = await page.evaluate(() => ({ paid: document.getElementById("paid").checked, hash: location.hash }));
  check(g, "Space ticks keep-earning and the address says so", state.paid && state.hash.includes("paid=1"), JSON.stringify(state));
  await page.keyboard.press("Tab");
  a = await active();
  check(g, "then the goal select", a && a.id === "to", JSON.stringify(a));
  await page.keyboard.press("ArrowDown");
  state = await page.evaluate(() => ({ to: document.getElementById("to").value, hash: location.hash, routes: window.roadmapAnswer && window.roadmapAnswer.routes }));
  check(g, "arrow keys choose a goal and routes show", state.to !== "" && Array.isArray(state.routes) && state.hash.includes(`to=${state.to}`),
    JSON.stringify({ to: state.to, hash: state.hash }));
  // Space unticks too, and Shift+Tab goes back.
  await page.keyboard.press("Shift+Tab");
  a = await active();
  await page.keyboard.press("Space");
  state = await page.evaluate(() => ({ paid: document.getElementById("paid").checked, hash: location.hash }));
  check(g, "Shift+Tab goes back and Space unticks", a && a.id === "paid" && !state.paid && !state.hash.includes("paid"), JSON.stringify({ a, state }));
  // The focus outline is visible on a control.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  check(g, "focus is visible", outline !== "none", `outline-style ${outline}`);
  await ctx.close();
}

async function screenshots(browser, base, log) {
  mkdirSync(args.shots, { recursive: true });
  const shots = [];
  for (const width of [1280, 390]) {
    const ctx = await newWatchedContext(browser, { viewport: { width, height: 900 }, deviceScaleFactor: 1 }, log);
    const page = await ctx.newPage();
    for (const [name, frag] of [
      ["next-steps", "from=band2&have=gcse-english-4"],
      ["routes", "from=band2&have=gcse-english-4&to=registered-nurse"],
    ]) {
      await page.goto(`${base}?case=shot#${frag}`);
      const f = join(args.shots, `${name}-${width}.png`);
      await page.locator("#where").screenshot({ path: f });
      shots.push(f);
    }
    const f = join(args.shots, `whole-page-${width}.png`);
    await page.goto(`${base}?case=shot#from=band2&have=gcse-english-4`);
    await page.screenshot({ path: f, fullPage: true });
    shots.push(f);
    await ctx.close();
  }
  console.log(`screenshots: ${shots.join(", ")}`);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  console.log(`browser: ${results.passed} passed, ${results.failed + 1} failed`);
  process.exit(1);
});
