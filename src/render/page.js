// The "Where can I go from here?" panel. It evaluates the data the engine
// prepared (the JSON in #roadmap-data) the way `roadmap pathways` does: the
// functions below are faithful ports of src/engine/holdings.rs,
// eligibility.rs, next.rs and routes.rs, and give the same answers, in the
// same shape as the CLI's JSON (tests/browser/parity.mjs checks that they do).
// Everything reaches the page through DOM text nodes, never as markup.
"use strict";
(function () {
  const dataEl = document.getElementById("roadmap-data");
  const form = document.getElementById("where-form");
  const answerEl = document.getElementById("answer");
  if (!dataEl || !form || !answerEl) {
    return;
  }
  const data = JSON.parse(dataEl.textContent);
  window.roadmapData = data;

  // ---------------------------------------------------------------------
  // Words (src/words.rs, src/answers/routes.rs, src/model/kinds.rs)
  // ---------------------------------------------------------------------

  const VARIES_BY_TRUST =
    "What is on offer varies by trust and region: ask your education team.";

  function plural(n, word) {
    return n === 1 ? "1 " + word : n + " " + word + "s";
  }

  // words::months: "2 years 6 months", "3 months", "5 weeks".
  function monthsWords(m) {
    if (m < 2.0) {
      return plural(Math.round((m * 52.0) / 12.0), "week");
    }
    const total = Math.round(m);
    const y = Math.floor(total / 12);
    const mo = total % 12;
    if (y === 0) {
      return plural(mo, "month");
    }
    if (mo === 0) {
      return plural(y, "year");
    }
    return plural(y, "year") + " " + plural(mo, "month");
  }

  // words::month_range: "2 to 3 years", "1 year 3 months to 2 years".
  function monthRange(min, max) {
    const wholeYears = (m) => m >= 12.0 && Math.round(m) % 12 === 0;
    if (Math.abs(max - min) < 0.5) {
      return monthsWords(min);
    }
    if (wholeYears(min) && wholeYears(max)) {
      return Math.floor(Math.round(min) / 12) + " to " + monthsWords(max);
    }
    return monthsWords(min) + " to " + monthsWords(max);
  }

  function unknownSteps(n) {
    return n === 1
      ? "1 step whose length the sources don't give"
      : n + " steps whose length the sources don't give";
  }

  // answers::Months::new. `unknown_steps` is kept out of the JSON shape.
  function monthsNew(min, max, unknown) {
    const round = (x) => Math.round(x * 10.0) / 10.0;
    const none = min === 0.0 && max === 0.0;
    let label;
    if (none) {
      label = unknown === 0 ? "no study time" : "not known: " + unknownSteps(unknown);
    } else {
      label =
        unknown === 0
          ? monthRange(min, max)
          : monthRange(min, max) + ", plus " + unknownSteps(unknown);
    }
    return { min: round(min), max: round(max), label: label };
  }

  // answers::Months::so_far: "at least" once a step's length is not known.
  function monthsSoFar(min, max, unknown) {
    const m = monthsNew(min, max, unknown);
    if (unknown > 0) {
      m.label =
        m.min === 0.0 && m.max === 0.0 ? "not known" : "at least " + monthRange(min, max);
    }
    return m;
  }

  function andList(items) {
    if (items.length === 0) return "";
    if (items.length === 1) return items[0];
    return items.slice(0, -1).join(", ") + " and " + items[items.length - 1];
  }

  function orList(items) {
    if (items.length === 0) return "";
    if (items.length === 1) return items[0];
    return items.slice(0, -1).join(", ") + " or " + items[items.length - 1];
  }

  const CONFIDENCE_RANK = { high: 0, medium: 1, unverified: 2 };
  const CONFIDENCE_OF_RANK = ["high", "medium", "unverified"];

  // model::marked: "15 to 24 months (medium confidence)".
  function marked(text, confidence) {
    return confidence === "high" ? text : text + " (" + confidence + " confidence)";
  }

  const PAY_LABEL = {
    paid: "paid while you train",
    "not-paid": "not paid: full-time study",
    "in-job": "done alongside your paid job",
  };
  const DECIDER_LABEL = {
    employer: "your employer decides",
    provider: "the course provider decides",
  };

  function earning(pay) {
    return pay !== "not-paid";
  }

  function payWords(p) {
    let s = PAY_LABEL[p.pay] || p.pay;
    if (p.learning_support_fund) {
      s += "; the NHS Learning Support Fund may help";
    }
    return s;
  }

  function durationWords(d) {
    return marked(d.label, d.confidence);
  }

  function bandLabel(r) {
    return r.band_max !== r.band
      ? "bands " + r.band + " to " + r.band_max
      : "band " + r.band;
  }

  function roleLine(r) {
    let s = r.title + " (" + bandLabel(r);
    if (r.regulator) {
      s += ", registered with the " + r.regulator;
    }
    return s + ")";
  }

  function aOrAn(noun) {
    return /^[aeiouAEIOU]/.test(noun) ? "an " + noun : "a " + noun;
  }

  // Plain code-unit order, as `a < b` compares.
  function cmpStr(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function cmpNum(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  // ---------------------------------------------------------------------
  // Indexes (src/engine/mod.rs, src/engine/holdings.rs)
  // ---------------------------------------------------------------------

  const requirements = data.requirements;
  const programmes = data.programmes;
  const pathways = data.pathways;
  const roles = data.roles;
  const resources = data.resources;

  const reqPos = new Map();
  requirements.forEach((r, i) => reqPos.set(r.id, i));
  const progPos = new Map();
  programmes.forEach((p, i) => progPos.set(p.id, i));
  const rolePos = new Map();
  roles.forEach((r, i) => rolePos.set(r.id, i));

  // A record's title, or the id itself (Roadmap::title_of).
  const titles = new Map();
  for (const list of [resources, pathways, roles, programmes, requirements]) {
    for (const r of list) titles.set(r.id, r.title);
  }
  function titleOf(id) {
    return titles.has(id) ? titles.get(id) : id;
  }

  function requirement(id) {
    const i = reqPos.get(id);
    return i === undefined ? null : requirements[i];
  }

  function decider(id) {
    const r = requirement(id);
    return r && r.decided_by ? r.decided_by : null;
  }

  // ReqIndex: satisfied-by alternatives as indices, and reverse links.
  const satisfiedBy = requirements.map((r) =>
    r.satisfied_by.map((conj) =>
      conj.map((id) => reqPos.get(id)).filter((i) => i !== undefined)
    )
  );
  const dependents = requirements.map(() => []);
  satisfiedBy.forEach((alts, r) => {
    for (const conj of alts) {
      for (const d of conj) dependents[d].push(r);
    }
  });

  // ReqIndex::met_alone_by: the requirements `i` meets on its own.
  function metAloneBy(i) {
    return dependents[i].filter((d) =>
      satisfiedBy[d].some((c) => c.length === 1 && c[0] === i)
    );
  }

  // A set of held requirements, always closed under `satisfied-by`.
  class Holdings {
    constructor(bits) {
      this.bits = bits || new Uint8Array(requirements.length);
    }
    clone() {
      return new Holdings(this.bits.slice());
    }
    has(i) {
      return this.bits[i] === 1;
    }
    hasId(id) {
      const i = reqPos.get(id);
      return i !== undefined && this.has(i);
    }
    addId(id) {
      const i = reqPos.get(id);
      if (i !== undefined) this.add(i);
    }
    add(i) {
      const work = [i];
      while (work.length > 0) {
        const r = work.pop();
        if (this.has(r)) continue;
        this.bits[r] = 1;
        for (const d of dependents[r]) {
          if (!this.has(d) && satisfiedBy[d].some((c) => c.every((x) => this.has(x)))) {
            work.push(d);
          }
        }
      }
    }
    indices() {
      const out = [];
      for (let i = 0; i < this.bits.length; i++) if (this.bits[i] === 1) out.push(i);
      return out;
    }
  }

  function holdingsOf(ids) {
    const h = new Holdings();
    for (const id of ids) h.addId(id);
    return h;
  }

  // Requirement index -> programmes whose completion meets it.
  const granters = requirements.map(() => []);
  programmes.forEach((p, pi) => {
    const h = new Holdings();
    for (const g of p.grants) h.addId(g);
    for (const r of h.indices()) granters[r].push(pi);
  });

  // Roles that take new entrants: the ones offered as positions by name.
  const openRoles = new Set(
    data.positions.filter((p) => p.band === null || p.band === undefined).map((p) => p.role)
  );

  function programmeRef(p) {
    return {
      id: p.id,
      title: p.title,
      kind: p.kind,
      level: p.level,
      standard: p.standard,
      standard_confidence: p.standard_confidence,
      duration: p.duration,
      pay: p.pay,
      learning_support_fund: p.learning_support_fund,
    };
  }

  function roleRef(r) {
    return {
      id: r.id,
      title: r.title,
      band: r.band,
      band_max: r.band_max,
      family: r.family,
      regulator: r.regulator,
      settings: r.settings,
    };
  }

  function reqRef(i) {
    const id = requirements[i].id;
    return { id: id, title: titleOf(id) };
  }

  function holdingRefs(held) {
    return held.indices().map(reqRef);
  }

  // ---------------------------------------------------------------------
  // Eligibility (src/engine/eligibility.rs)
  // ---------------------------------------------------------------------

  function termMet(term, held) {
    return term.some((conj) => conj.every((id) => held.hasId(id)));
  }

  // The decider when the term would be met if every "someone decides"
  // requirement went the person's way.
  function termDecided(term, held) {
    for (const conj of term) {
      let who = null;
      let ok = true;
      for (const id of conj) {
        if (held.hasId(id)) continue;
        const d = decider(id);
        if (d === null) {
          ok = false;
          break;
        }
        who = d;
      }
      if (ok && who !== null) return who;
    }
    return null;
  }

  function termIds(term) {
    const out = [];
    for (const conj of term) for (const id of conj) out.push(id);
    return out;
  }

  // Term::source_text: `a & b | c`.
  function sourceText(term) {
    return term.map((c) => c.join(" & ")).join(" | ");
  }

  // Engine::term_title: "A and B, or C".
  function termTitle(term) {
    return term.map((c) => c.map(titleOf).join(" and ")).join(", or ");
  }

  function closers(term, held) {
    const missing = [];
    for (const id of termIds(term)) {
      const i = reqPos.get(id);
      if (i !== undefined && !held.has(i) && !missing.includes(i)) missing.push(i);
    }
    missing.sort(cmpNum);
    let progs = [];
    for (const r of missing) progs.push(...granters[r]);
    progs.sort(cmpNum);
    progs = progs.filter((g, i) => i === 0 || progs[i - 1] !== g);
    const key = (g) => (programmes[g].months ? programmes[g].months[0] : Infinity);
    progs.sort(
      (a, b) => cmpNum(key(a), key(b)) || cmpStr(programmes[a].title, programmes[b].title)
    );
    const out = progs.map((g) => {
      const p = programmes[g];
      return {
        id: p.id,
        title: p.title,
        kind: "programme",
        duration: p.duration,
        url: null,
        where: null,
      };
    });
    const related = new Set();
    for (const r of missing) {
      const id = requirements[r].id;
      related.add(id);
      for (const conj of requirements[r].satisfied_by) for (const x of conj) related.add(x);
    }
    for (const res of resources) {
      if (out.some((c) => c.title === res.title)) continue;
      if (res.helps_with.some((h) => related.has(h))) {
        out.push({
          id: res.id,
          title: res.title,
          kind: "resource",
          duration: null,
          url: res.url,
          where: res.where,
        });
      }
    }
    return out;
  }

  // Engine::check_expr: hard terms that fail are `missing`, soft ones
  // (`usually`) are `usually-asked`.
  function checkExpr(expr, held, hard) {
    return expr.map((term) => {
      let status;
      let decidedBy = null;
      if (termMet(term, held)) {
        status = "met";
      } else {
        const d = termDecided(term, held);
        if (d !== null) {
          status = "decides";
          decidedBy = d;
        } else {
          status = hard ? "missing" : "usually-asked";
        }
      }
      let rank = 0;
      for (const id of termIds(term)) {
        const r = requirement(id);
        if (r) rank = Math.max(rank, CONFIDENCE_RANK[r.confidence]);
      }
      return {
        requirement: sourceText(term),
        title: termTitle(term),
        status: status,
        decided_by: decidedBy,
        close_with: status === "met" ? [] : closers(term, held),
        confidence: CONFIDENCE_OF_RANK[rank],
      };
    });
  }

  // ---------------------------------------------------------------------
  // Next steps (src/engine/next.rs)
  // ---------------------------------------------------------------------

  function givesNothingNew(prog, held) {
    const nothingNew = (g) => {
      const i = reqPos.get(g);
      if (i === undefined) return false;
      if (held.has(i)) return true;
      const countsAs = metAloneBy(i);
      return countsAs.length > 0 && countsAs.every((d) => held.has(d));
    };
    return prog.grants.length > 0 && prog.grants.every(nothingNew);
  }

  // Pathways leaving a role, in data order.
  function pathwaysFrom(roleId) {
    const out = [];
    for (const p of pathways) {
      for (const f of p.from) if (f === roleId) out.push(p);
    }
    return out;
  }

  const KIND_RANK = { progression: 0, lateral: 1, "stay-and-develop": 2 };

  function nextSteps(pos, held, paid) {
    const from = roles[rolePos.get(pos.role)];
    const steps = [];
    for (const p of pathwaysFrom(from.id)) {
      const toId = p.to === null || p.to === undefined ? from.id : p.to;
      const ti = rolePos.get(toId);
      if (ti === undefined) continue;
      const to = roles[ti];
      const stay = p.kind === "stay-and-develop";
      const notes = p.notes.slice();
      const vias = [];
      const ways = p.via.length === 0 ? [null] : p.via.map((id) => programmes[progPos.get(id)]);
      for (const g of ways) {
        if (g && givesNothingNew(g, held)) {
          if (!stay) {
            notes.push(
              "You already hold what the " + g.title + " gives, so you can apply for a post."
            );
            vias.push(null);
          }
        } else if (g && paid && !earning(g.pay)) {
          // Not paid while you learn: left out with --paid.
        } else {
          vias.push(g);
        }
      }
      const ways2 = vias.filter((g, i) => !(g === null && i > 0 && vias[i - 1] === null));
      const options = ways2.map((g) => {
        const checks = checkExpr(p.requires, held, true);
        if (g) {
          checks.push(...checkExpr(g.entry, held, true));
          checks.push(...checkExpr(g.usually, held, false));
        }
        return {
          programme: g ? programmeRef(g) : null,
          ready: checks.every((c) => c.status !== "missing"),
          checks: checks,
          funding: g && g.funding !== undefined ? g.funding : null,
          study: g && g.study !== undefined ? g.study : null,
        };
      });
      if (options.length === 0) continue;
      notes.push(...p.notes_after);
      steps.push({
        pathway: p.id,
        title: p.title,
        kind: p.kind,
        to: roleRef(to),
        ready: options.some((o) => o.ready),
        toward_goal: false,
        options: options,
        notes: notes,
        confidence: p.confidence,
      });
    }
    const unconfirmed = (s) => (s.confidence === "unverified" ? 1 : 0);
    steps.sort(
      (a, b) =>
        cmpNum(KIND_RANK[a.kind], KIND_RANK[b.kind]) ||
        cmpNum(unconfirmed(a), unconfirmed(b)) ||
        cmpNum(a.to.band, b.to.band) ||
        cmpStr(a.to.title, b.to.title) ||
        cmpStr(a.pathway, b.pathway)
    );
    const alsoAtBand =
      pos.band === null || pos.band === undefined
        ? []
        : roles
            .filter(
              (r) =>
                pos.band >= r.band &&
                pos.band <= r.band_max &&
                r.id !== from.id &&
                openRoles.has(r.id)
            )
            .map(roleRef);
    return {
      schema_version: data.schema_version,
      data_reviewed: data.data_reviewed,
      from: roleRef(from),
      band: pos.band === undefined ? null : pos.band,
      also_at_band: alsoAtBand,
      holding: holdingRefs(held),
      steps: steps,
    };
  }

  // ---------------------------------------------------------------------
  // Routes (src/engine/routes.rs)
  // ---------------------------------------------------------------------

  const ROUTES_SEARCHED = 20;
  const GAP_DEPTH = 2;

  // Role index -> moves out of it: [pathway index, destination, vias].
  const moves = roles.map(() => []);
  pathways.forEach((p, pi) => {
    if (p.kind === "stay-and-develop" || p.to === null || p.to === undefined) return;
    const ti = rolePos.get(p.to);
    if (ti === undefined) return;
    const vias =
      p.via.length === 0
        ? [null]
        : p.via.map((id) => progPos.get(id)).filter((g) => g !== undefined);
    for (const f of p.from) {
      const fi = rolePos.get(f);
      if (fi !== undefined) moves[fi].push([pi, ti, vias]);
    }
  });

  // The index of a record in the full data (closed records included), as
  // the CLI's tie-break counts it; the page's own position when the data
  // does not say.
  function dataIndex(list, i) {
    const x = list[i].index;
    return typeof x === "number" ? x : i;
  }

  function keyCmp(a, b) {
    return (
      cmpNum(a.unknown, b.unknown) ||
      cmpNum(a.mid, b.mid) ||
      cmpNum(a.max, b.max) ||
      cmpNum(a.steps, b.steps)
    );
  }

  function labelKey(l) {
    return { unknown: l.unknown, mid: (l.min + l.max) / 2.0, max: l.max, steps: l.depth };
  }

  function durationOf(gi) {
    const p = gi === null ? null : programmes[gi];
    if (p && p.months) {
      return [p.months[0], p.months[1], true];
    }
    return [0.0, 0.0, false];
  }

  function costPlus(c, min, max, known) {
    return { unknown: c.unknown + (known ? 0 : 1), months: c.months + (min + max) / 2.0 };
  }

  function costBetter(a, b) {
    return a.unknown < b.unknown || (a.unknown === b.unknown && a.months < b.months);
  }

  function closingStart(held) {
    return { steps: [], held: held.clone(), decided: [], cost: { unknown: 0, months: 0.0 } };
  }

  function absorb(c, sub) {
    c.cost = { unknown: c.cost.unknown + sub.cost.unknown, months: c.cost.months + sub.cost.months };
    c.held = sub.held;
    c.decided.push(...sub.decided);
    c.steps.push(...sub.steps);
  }

  function sortDedupNum(xs) {
    xs.sort(cmpNum);
    return xs.filter((x, i) => i === 0 || xs[i - 1] !== x);
  }

  function closeTerm(term, held, role, depth, paidOnly) {
    let best = null;
    for (const conj of term) {
      const c = closingStart(held);
      let feasible = true;
      for (const id of conj) {
        const ri = reqPos.get(id);
        if (ri === undefined) {
          feasible = false;
          break;
        }
        if (c.held.has(ri)) continue;
        if (decider(id) !== null) {
          c.decided.push(ri);
          continue;
        }
        const sub = cheapestGranter(ri, c.held, role, depth, paidOnly);
        if (sub === null) {
          feasible = false;
          break;
        }
        absorb(c, sub);
      }
      if (feasible && (best === null || costBetter(c.cost, best.cost))) {
        best = c;
      }
    }
    return best;
  }

  function cheapestGranter(ri, held, role, depth, paidOnly) {
    if (depth === 0) return null;
    let best = null;
    for (const gi of granters[ri]) {
      const g = programmes[gi];
      if (paidOnly && !earning(g.pay)) continue;
      const c = closingStart(held);
      let feasible = true;
      for (const term of g.entry) {
        if (termMet(term, c.held)) continue;
        const sub = closeTerm(term, c.held, role, depth - 1, paidOnly);
        if (sub === null) {
          feasible = false;
          break;
        }
        absorb(c, sub);
      }
      if (!feasible) continue;
      const decided = sortDedupNum(c.decided);
      c.decided = [];
      const before = c.held.clone();
      for (const id of g.grants) c.held.addId(id);
      const [min, max, known] = durationOf(gi);
      c.cost = costPlus(c.cost, min, max, known);
      const closes = c.held.indices().filter((i) => !before.has(i) && i === ri);
      c.steps.push({
        action: "close-gap",
        programme: gi,
        pathway: null,
        from: role,
        to: role,
        closes: closes,
        decided: decided,
        usually_missing: [],
        min: min,
        max: max,
        known: known,
      });
      if (best === null || costBetter(c.cost, best.cost)) {
        best = c;
      }
    }
    return best;
  }

  function pushStep(l, s) {
    l.depth += 1;
    l.min += s.min;
    l.max += s.max;
    if (!s.known && s.programme !== null) {
      l.unknown += 1;
    }
    l.steps.push(s);
  }

  // One move from `label` along pathway `pi` via programme `gi`, closing
  // gaps first.
  function extend(label, pi, to, gi, paidOnly) {
    const p = pathways[pi];
    const g = gi === null ? null : programmes[gi];
    const terms = g ? p.requires.concat(g.entry) : p.requires;
    const next = {
      parent: label.parent,
      min: label.min,
      max: label.max,
      unknown: label.unknown,
      depth: label.depth,
      role: label.role,
      held: label.held,
      steps: [],
    };
    let owned = false;
    let decided = [];
    for (const term of terms) {
      if (termMet(term, next.held)) continue;
      const closing = closeTerm(term, next.held, label.role, GAP_DEPTH, paidOnly);
      if (closing === null) return null;
      decided.push(...closing.decided);
      next.held = closing.held;
      owned = true;
      for (const s of closing.steps) pushStep(next, s);
    }
    const usuallyMissing = [];
    if (g) {
      for (const t of g.usually) {
        if (termMet(t, next.held)) continue;
        for (const id of termIds(t)) {
          const i = reqPos.get(id);
          if (i !== undefined && !next.held.has(i)) usuallyMissing.push(i);
        }
      }
    }
    const [min, max, known] = durationOf(gi);
    if (g) {
      for (const id of g.grants) {
        if (!next.held.hasId(id)) {
          if (!owned) {
            next.held = next.held.clone();
            owned = true;
          }
          next.held.addId(id);
        }
      }
    }
    decided = sortDedupNum(decided);
    pushStep(next, {
      action: "move",
      programme: gi,
      pathway: pi,
      from: label.role,
      to: to,
      closes: [],
      decided: decided,
      usually_missing: usuallyMissing,
      min: min,
      max: max,
      known: known,
    });
    next.role = to;
    return next;
  }

  // The labels waiting in the queue at one role, and the worst of them.
  class Waiting {
    constructor() {
      this.labels = [];
      this.worst = null;
    }
    static later(a, b) {
      return keyCmp(a[0], b[0]) || cmpNum(a[1], b[1]);
    }
    add(key, seq) {
      const e = [key, seq];
      this.labels.push(e);
      if (this.worst === null || Waiting.later(e, this.worst) > 0) {
        this.worst = e;
      }
    }
    remove(seq) {
      const at = this.labels.findIndex((e) => e[1] === seq);
      if (at < 0) return;
      const last = this.labels.pop();
      if (at < this.labels.length) this.labels[at] = last;
      if (this.worst !== null && this.worst[1] === seq) {
        let w = null;
        for (const e of this.labels) {
          if (w === null || Waiting.later(e, w) >= 0) w = e;
        }
        this.worst = w;
      }
    }
    fullOfNoWorse(k, key) {
      return this.labels.length >= k && this.worst !== null && keyCmp(this.worst[0], key) <= 0;
    }
  }

  // A binary heap popping the smallest (key, seq) first.
  class Heap {
    constructor() {
      this.a = [];
    }
    static less(x, y) {
      const c = keyCmp(x.key, y.key);
      return c < 0 || (c === 0 && x.seq < y.seq);
    }
    push(e) {
      const a = this.a;
      a.push(e);
      let i = a.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!Heap.less(a[i], a[p])) break;
        [a[i], a[p]] = [a[p], a[i]];
        i = p;
      }
    }
    pop() {
      const a = this.a;
      if (a.length === 0) return null;
      const top = a[0];
      const last = a.pop();
      if (a.length > 0) {
        a[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < a.length && Heap.less(a[l], a[m])) m = l;
          if (r < a.length && Heap.less(a[r], a[m])) m = r;
          if (m === i) break;
          [a[i], a[m]] = [a[m], a[i]];
          i = m;
        }
      }
      return top;
    }
  }

  function visits(arena, at, role) {
    for (;;) {
      const l = arena[at];
      if (l.role === role) return true;
      if (l.parent === null) return false;
      at = l.parent;
    }
  }

  function routeSteps(arena, at) {
    const chunks = [];
    for (;;) {
      const l = arena[at];
      chunks.push(l.steps);
      if (l.parent === null) break;
      at = l.parent;
    }
    const out = [];
    for (let i = chunks.length - 1; i >= 0; i--) out.push(...chunks[i]);
    return out;
  }

  function optDebug(x) {
    return x === null ? "None" : "Some(" + x + ")";
  }

  function signature(steps) {
    return steps
      .map(
        (s) =>
          (s.action === "move" ? "Move" : "CloseGap") +
          ":" +
          optDebug(s.programme === null ? null : dataIndex(programmes, s.programme)) +
          ":" +
          optDebug(s.pathway === null ? null : dataIndex(pathways, s.pathway)) +
          ":" +
          s.to
      )
      .join(">");
  }

  function planRoutes(start, goal, held, n, paidOnly) {
    const k = ROUTES_SEARCHED;
    const settled = roles.map(() => 0);
    const waiting = roles.map(() => new Waiting());
    const dead = [false];
    const arena = [
      {
        parent: null,
        min: 0.0,
        max: 0.0,
        unknown: 0,
        depth: 0,
        role: start,
        held: held.clone(),
        steps: [],
      },
    ];
    const heap = new Heap();
    heap.push({ key: labelKey(arena[0]), seq: 0 });
    const found = [];
    const signatures = new Set();
    for (;;) {
      const e = heap.pop();
      if (e === null) break;
      const seq = e.seq;
      if (dead[seq]) continue;
      const role = arena[seq].role;
      waiting[role].remove(seq);
      if (settled[role] >= k) continue;
      settled[role] += 1;
      if (role === goal) {
        const steps = routeSteps(arena, seq);
        if (steps.length > 0) {
          const sig = signature(steps);
          if (!signatures.has(sig)) {
            signatures.add(sig);
            found.push({ label: arena[seq], steps: steps, sig: sig });
            if (found.length >= k) break;
          }
        }
        continue;
      }
      const label = arena[seq];
      const grown = [];
      for (const [pi, to, vias] of moves[label.role]) {
        if (settled[to] >= k || visits(arena, seq, to)) continue;
        for (const gi of vias) {
          const g = gi === null ? null : programmes[gi];
          if (paidOnly && g && !earning(g.pay)) continue;
          const [min, max, known] = durationOf(gi);
          const least = {
            unknown: label.unknown + (!known && g ? 1 : 0),
            mid: (label.min + min + label.max + max) / 2.0,
            max: label.max + max,
            steps: label.depth + 1,
          };
          if (waiting[to].fullOfNoWorse(k, least)) continue;
          const next = extend(label, pi, to, gi, paidOnly);
          if (next !== null) {
            next.parent = seq;
            grown.push(next);
          }
        }
      }
      for (const next of grown) {
        const to = next.role;
        const key = labelKey(next);
        const nseq = arena.length;
        const w = waiting[to];
        if (w.labels.length >= k) {
          const worst = w.worst;
          if (worst === null || keyCmp(key, worst[0]) >= 0) continue;
          w.remove(worst[1]);
          dead[worst[1]] = true;
          arena[worst[1]].steps = [];
        }
        w.add(key, nseq);
        heap.push({ key: key, seq: nseq });
        arena.push(next);
        dead.push(false);
      }
    }
    found.sort((a, b) => keyCmp(labelKey(a.label), labelKey(b.label)) || cmpStr(a.sig, b.sig));
    return found.slice(0, Math.max(n, 1)).map((f, i) => routeOut(i + 1, f.label, f.steps));
  }

  function routeOut(rank, l, steps) {
    let min = 0.0;
    let max = 0.0;
    let unknown = 0;
    const paidThroughout = steps.every(
      (s) => s.programme === null || earning(programmes[s.programme].pay)
    );
    const out = steps.map((s) => {
      min += s.min;
      max += s.max;
      if (!s.known && s.programme !== null) unknown += 1;
      const p = s.programme === null ? null : programmes[s.programme];
      const notes = [];
      if (s.pathway !== null) {
        const pw = pathways[s.pathway];
        notes.push(...pw.notes);
        if (pw.notes_after.length > 0 && pw.notes_after[0] === VARIES_BY_TRUST) {
          notes.push(VARIES_BY_TRUST);
        }
      }
      if (!s.known) {
        notes.push(
          p
            ? "No source gives a typical length for this step."
            : "Applying for a post: the time depends on vacancies."
        );
      }
      return {
        action: s.action,
        programme: p ? programmeRef(p) : null,
        pathway: s.pathway === null ? null : pathways[s.pathway].id,
        from: roleRef(roles[s.from]),
        to: roleRef(roles[s.to]),
        closes: s.closes.map(reqRef),
        decided: s.decided.map(reqRef),
        usually_missing: s.usually_missing.map(reqRef),
        cumulative: monthsSoFar(min, max, unknown),
        notes: notes,
      };
    });
    return {
      rank: rank,
      total: monthsNew(l.min, l.max, l.unknown),
      total_known: l.unknown === 0,
      steps_without_duration: l.unknown,
      paid_throughout: paidThroughout,
      steps: out,
    };
  }

  function routesBetween(fromId, toId, held, n, paidOnly) {
    const start = rolePos.get(fromId);
    const goal = rolePos.get(toId);
    return {
      schema_version: data.schema_version,
      data_reviewed: data.data_reviewed,
      from: roleRef(roles[start]),
      to: roleRef(roles[goal]),
      holding: holdingRefs(held),
      routes: planRoutes(start, goal, held, n, paidOnly),
    };
  }

  // ---------------------------------------------------------------------
  // The page: building blocks (text nodes only, never markup)
  // ---------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const k of Object.keys(attrs)) {
        if (k === "class") e.className = attrs[k];
        else e.setAttribute(k, attrs[k]);
      }
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return e;
  }

  // A link only to a web address: nothing else in the data becomes one.
  function safeUrl(u) {
    return typeof u === "string" && /^https?:\/\/[^\s]+$/i.test(u) ? u : null;
  }

  // One way to close a gap: a programme with its length, or a signpost,
  // linked when it has a web address.
  function closerItem(c) {
    if (c.kind === "programme") {
      return el("li", null, c.title + (c.duration ? " (" + durationWords(c.duration) + ")" : ""));
    }
    const url = safeUrl(c.url);
    return el(
      "li",
      null,
      url ? el("a", { href: url }, c.title) : c.title,
      !url && c.where ? el("span", { class: "hint" }, " (" + c.where + ")") : null
    );
  }

  function notesList(notes) {
    if (notes.length === 0) return null;
    return el("ul", { class: "notes" }, ...notes.map((n) => el("li", null, n)));
  }

  function capital(s) {
    return s.length > 0 ? s.charAt(0).toUpperCase() + s.slice(1) : s;
  }

  // "A; and B" reads clearer than "A and B" when A says "and" itself.
  function needList(items) {
    if (items.length === 1) return items[0];
    return items.slice(0, -1).join("; ") + "; and " + items[items.length - 1];
  }

  // ---------------------------------------------------------------------
  // Next steps for a person (as the CLI's text report says them)
  // ---------------------------------------------------------------------

  const KIND_HEADING = {
    progression: "Move up",
    lateral: "Move across",
    "stay-and-develop": "Grow in your current role",
  };

  // One option of the summary: how, how long, pay, then the state.
  function summaryParts(o) {
    let how;
    if (o.programme === null) {
      how = "apply for a post";
    } else {
      const p = o.programme;
      const time = p.duration ? durationWords(p.duration) : "length not known";
      how = p.title + ", " + time + ", " + PAY_LABEL[p.pay];
    }
    const missing = o.checks.filter((c) => c.status === "missing").map((c) => c.title);
    if (missing.length === 0) {
      return {
        how: how,
        ready: true,
        state: o.checks.some((c) => c.status === "decides")
          ? "Ready now, if those who decide agree."
          : "Ready now.",
      };
    }
    return { how: how, ready: false, state: "First you need " + needList(missing) + "." };
  }

  // A way to grow in the role, all its programmes in one line.
  function growParts(step) {
    const names = step.options.map((o) => {
      const p = o.programme;
      if (p === null) return "apply for a post";
      return p.duration ? p.title + " (" + durationWords(p.duration) + ")" : p.title;
    });
    return {
      how: orList(names),
      ready: step.ready,
      state: step.ready ? "Ready now." : "You have gaps to close first.",
    };
  }

  // The summary: one line per option; destinations reached in exactly the
  // same way share a line, and a way to grow lists its programmes together.
  function glanceLines(ns) {
    const lines = [];
    for (const step of ns.steps) {
      const stay = step.kind === "stay-and-develop";
      const parts = stay
        ? [[step.title, growParts(step)]]
        : step.options.map((o) => [step.to.title, summaryParts(o)]);
      const band = stay ? "" : " (" + bandLabel(step.to) + ")";
      for (const [name, rest] of parts) {
        const line = lines.find(
          (l) =>
            !stay && l.kind === step.kind && l.band === band && l.how === rest.how && l.state === rest.state
        );
        if (line) {
          line.names.push(name);
        } else {
          lines.push({ kind: step.kind, names: [name], band: band, how: rest.how, state: rest.state, ready: rest.ready });
        }
      }
    }
    return lines;
  }

  function viaText(o) {
    const p = o.programme;
    if (p === null) return "apply for a post";
    const facts = [p.kind];
    if (p.level !== null && p.level !== undefined) {
      facts.push(p.level === 0 ? "Entry level" : "Level " + p.level);
    }
    if (p.standard) facts.push(marked(p.standard, p.standard_confidence));
    facts.push(p.duration ? "typically " + durationWords(p.duration) : "length not given by the sources");
    facts.push(payWords(p));
    return p.title + " (" + facts.join(", ") + ")";
  }

  const CHECK_LINES = [
    ["met", "You have: "],
    ["missing", "You need: "],
    ["decides", "Someone else decides: "],
    ["usually-asked", "Usually asked for: "],
  ];

  // A way's requirements, one line per kind of answer.
  function checkList(checks) {
    const items = [];
    for (const [status, lead] of CHECK_LINES) {
      const these = checks.filter((c) => c.status === status);
      if (these.length === 0) continue;
      const words = these.map((c) => {
        const t = marked(c.title, c.confidence);
        return c.decided_by ? t + " (" + DECIDER_LABEL[c.decided_by] + ")" : t;
      });
      items.push(
        el("li", null, el("strong", status === "missing" ? { class: "gaps" } : null, lead), words.join("; ") + ".")
      );
    }
    return items.length > 0 ? el("ul", { class: "checks" }, ...items) : null;
  }

  // Destinations reached in exactly the same way share one entry (as the
  // CLI's details do).
  function groupSteps(ns) {
    const byDest = [];
    for (const step of ns.steps) {
      const stay = step.kind === "stay-and-develop";
      const key = stay ? step.pathway : step.to.id;
      const known = byDest.some((e) => e.kind === step.kind && e.key === key);
      const ways = [];
      if (stay && step.options.every((o) => o.checks.length === 0)) {
        const names = step.options.map((o) => {
          const p = o.programme;
          if (p === null) return "apply for a post";
          return p.duration
            ? p.title + " (" + durationWords(p.duration) + ", " + payWords(p) + ")"
            : p.title + " (" + payWords(p) + ")";
        });
        ways.push({ lead: "Via ", text: orList(names), checks: [] });
      } else {
        step.options.forEach((o, i) => {
          ways.push({ lead: i === 0 && !known ? "Via " : "Or via ", text: viaText(o), checks: o.checks });
        });
      }
      const sig = JSON.stringify(ways);
      const e = byDest.find((x) => x.kind === step.kind && x.key === key);
      if (e) {
        e.ready = e.ready || step.ready;
        e.ways.push(...ways);
        e.sig += sig;
        for (const n of step.notes) if (!e.notes.includes(n)) e.notes.push(n);
      } else {
        const band = stay
          ? ""
          : " (" + bandLabel(step.to) + (step.to.regulator ? ", registered with the " + step.to.regulator : "") + ")";
        byDest.push({
          kind: step.kind,
          key: key,
          titles: [stay ? step.title : step.to.title],
          band: band,
          ready: step.ready,
          ways: ways,
          sig: sig,
          notes: step.notes.slice(),
        });
      }
    }
    const merged = [];
    for (const e of byDest) {
      const m = merged.find(
        (x) =>
          e.kind !== "stay-and-develop" &&
          x.kind === e.kind &&
          x.band === e.band &&
          x.sig === e.sig &&
          JSON.stringify(x.notes) === JSON.stringify(e.notes)
      );
      if (m) m.titles.push(...e.titles);
      else merged.push(e);
    }
    return merged;
  }

  // Notes said in more than one place, to say once.
  function sharedNotes(noteLists) {
    const seen = new Set();
    const shared = [];
    for (const list of noteLists) {
      for (const n of list) {
        if (seen.has(n)) {
          if (!shared.includes(n)) shared.push(n);
        } else {
          seen.add(n);
        }
      }
    }
    return shared;
  }

  function holdingLine(holding) {
    if (holding.length === 0) {
      return el(
        "p",
        null,
        "You have not ticked anything you hold, so every entry requirement shows as something you need. Tick what you hold above to see what you are ready for."
      );
    }
    return el("p", null, el("strong", null, "You have: "), holding.map((h) => h.title).join("; ") + ".");
  }

  function kindLabel(text) {
    return el("p", { class: "kind" }, el("strong", null, text));
  }

  function renderNextSteps(ns, state, body) {
    if (ns.band !== null && ns.also_at_band.length > 0) {
      const others = ns.also_at_band.slice(0, 3).map((r) => r.title);
      const more = ns.also_at_band.length > 3 ? " and " + (ns.also_at_band.length - 3) + " more" : "";
      body.appendChild(
        el(
          "p",
          null,
          "You chose band " + ns.band + ", so this shows " + ns.from.title + ". Other roles at band " + ns.band +
            " include " + others.join(", ") + more +
            ". If one of those is your job, choose it in \u201cYour role or band\u201d above."
        )
      );
    }
    body.appendChild(holdingLine(ns.holding));
    if (state.paid) {
      body.appendChild(
        el("p", null, "You said you need to keep earning while you learn, so this leaves out full-time university study that is not paid.")
      );
    }
    if (ns.steps.length === 0) {
      body.appendChild(
        el(
          "p",
          null,
          state.paid
            ? "Nothing in the roadmap leads on from this role while you keep earning. Untick \u201cI need to keep earning while I learn\u201d to see every way, and ask your education team what your trust offers."
            : "Nothing in the roadmap leads on from this role. Ask your education team what your trust offers."
        )
      );
      return;
    }
    const shared = sharedNotes(ns.steps.map((s) => s.notes));

    body.appendChild(el("h3", null, "Your options at a glance"));
    let n = 0;
    let list = null;
    let kind = null;
    for (const l of glanceLines(ns)) {
      n += 1;
      if (l.kind !== kind) {
        kind = l.kind;
        body.appendChild(kindLabel(KIND_HEADING[kind]));
        list = el("ol", { class: "glance", start: String(n) });
        body.appendChild(list);
      }
      list.appendChild(
        el(
          "li",
          null,
          el("strong", null, andList(l.names) + l.band),
          ": " + capital(l.how) + ". ",
          el("span", { class: l.ready ? "ready" : "gaps" }, l.state)
        )
      );
    }
    if (shared.length > 0) {
      body.appendChild(kindLabel("Good to know"));
      body.appendChild(notesList(shared));
    }

    body.appendChild(el("h3", null, "What each option needs"));
    kind = null;
    let ul = null;
    for (const e of groupSteps(ns)) {
      if (e.kind !== kind) {
        kind = e.kind;
        body.appendChild(kindLabel(KIND_HEADING[kind]));
        ul = el("ul", { class: "details" });
        body.appendChild(ul);
      }
      const item = el(
        "li",
        null,
        el(
          "div",
          { class: "option" },
          el("strong", null, andList(e.titles) + e.band + ": "),
          el("span", { class: e.ready ? "ready" : "gaps" }, e.ready ? "you can start now" : "you have gaps to close first")
        )
      );
      for (const w of e.ways) {
        item.appendChild(el("div", { class: "via" }, w.lead + w.text));
        const cl = checkList(w.checks);
        if (cl) item.appendChild(cl);
      }
      const own = e.notes.filter((x) => !shared.includes(x));
      if (own.length > 0) {
        item.appendChild(el("div", { class: "via" }, "Notes:"));
        item.appendChild(notesList(own));
      }
      ul.appendChild(item);
    }

    // How to get what is missing, each requirement once.
    const seen = [];
    const how = [];
    for (const step of ns.steps) {
      for (const o of step.options) {
        for (const c of o.checks) {
          if (c.status === "met" || c.close_with.length === 0 || seen.includes(c.requirement)) continue;
          seen.push(c.requirement);
          how.push(el("li", null, el("strong", null, c.title), el("ul", null, ...c.close_with.map(closerItem))));
        }
      }
    }
    if (how.length > 0) {
      body.appendChild(el("h3", null, "How to get what you need"));
      body.appendChild(el("ul", { class: "how" }, ...how));
    }
  }

  // ---------------------------------------------------------------------
  // Routes to a goal for a person
  // ---------------------------------------------------------------------

  const NO_LENGTH = "No source gives a typical length for this step.";
  const POST_TIME = "Applying for a post: the time depends on vacancies.";

  function totalWords(route) {
    return route.steps_without_duration > 0 ? route.total.label : route.total.label + " in total";
  }

  function stepWhat(st) {
    if (st.action === "close-gap" && st.programme) {
      const gets = st.closes.map((c) => c.title).join(", ");
      return gets ? "Get " + gets + " first: " + st.programme.title : "First take " + st.programme.title;
    }
    if (st.programme) {
      return "Become " + roleLine(st.to) + " via " + st.programme.title;
    }
    return "Apply for a post as " + aOrAn(roleLine(st.to));
  }

  function renderRoutes(rs, state, body) {
    body.appendChild(holdingLine(rs.holding));
    if (state.paid) {
      body.appendChild(
        el("p", null, "You said you need to keep earning while you learn, so these routes leave out full-time university study that is not paid.")
      );
    }
    if (rs.routes.length === 0) {
      body.appendChild(
        el(
          "p",
          null,
          "No route found in the roadmap. The goal may need something no programme here gives (such as a degree), or no pathway leads there from this role" +
            (state.paid ? " while you keep earning" : "") +
            ". Ask your education team, or choose \u201cNo goal yet\u201d to see your next steps."
        )
      );
      return;
    }
    const shared = sharedNotes(
      rs.routes.map((r) => {
        const all = [];
        for (const s of r.steps) for (const x of s.notes) if (!all.includes(x)) all.push(x);
        return all;
      })
    ).filter((x) => x !== NO_LENGTH && x !== POST_TIME);
    for (const route of rs.routes) {
      body.appendChild(el("h3", null, "Route " + route.rank + ": " + totalWords(route)));
      body.appendChild(
        el(
          "p",
          null,
          route.paid_throughout
            ? "You keep earning all the way through this route."
            : "Part of this route is full-time study that is not paid."
        )
      );
      const ol = el("ol", { class: "route" });
      for (const st of route.steps) {
        const li = el("li", null, el("div", { class: "step" }, el("strong", null, stepWhat(st) + ".")));
        let time;
        if (st.programme && st.programme.duration) {
          time = "How long: " + durationWords(st.programme.duration) + ". Time so far: " + st.cumulative.label + ".";
        } else if (st.programme) {
          time = "How long: not known. No source gives a typical length for this step, so the total leaves it out. Time so far: " +
            st.cumulative.label + ".";
        } else {
          time = "How long: it depends on vacancies. Applying for a post needs no study time.";
        }
        li.appendChild(el("div", null, time));
        if (st.programme) li.appendChild(el("div", null, "Pay: " + payWords(st.programme) + "."));
        if (st.decided.length > 0) {
          li.appendChild(el("div", null, "Someone else decides: " + st.decided.map((x) => x.title).join("; ") + "."));
        }
        if (st.usually_missing.length > 0) {
          li.appendChild(
            el("div", null, "Usually asked for, and you do not have it yet: " + st.usually_missing.map((x) => x.title).join("; ") + ".")
          );
        }
        const own = st.notes.filter((x) => !shared.includes(x) && x !== NO_LENGTH && x !== POST_TIME);
        if (own.length > 0) li.appendChild(notesList(own));
        ol.appendChild(li);
      }
      body.appendChild(ol);
    }
    if (shared.length > 0) {
      body.appendChild(kindLabel("Good to know"));
      body.appendChild(notesList(shared));
    }
    body.appendChild(
      el("p", { class: "hint" }, "Times assume one step after another, full programme lengths, and no credit for prior learning.")
    );
  }

  // ---------------------------------------------------------------------
  // The form, the address and the answer
  // ---------------------------------------------------------------------

  const fromSel = document.getElementById("from");
  const toSel = document.getElementById("to");
  const haveBoxes = Array.prototype.slice.call(form.querySelectorAll("input[name=have]"));

  // "I need to keep earning while I learn" (the CLI's --paid), after what
  // the person holds: it is about them, like what they hold.
  const paidBox = el("input", { type: "checkbox", id: "paid", name: "paid", value: "1", "aria-describedby": "paid-hint" });
  const paidTick = el(
    "div",
    { class: "tick", id: "paid-tick" },
    paidBox,
    " ",
    el("label", { for: "paid" }, "I need to keep earning while I learn"),
    el(
      "div",
      { class: "hint", id: "paid-hint" },
      "Shows only apprenticeships, trainee posts and learning alongside your job: no full-time university study that is not paid."
    )
  );
  const fieldset = form.querySelector("fieldset");
  if (fieldset && fieldset.parentNode === form) {
    form.insertBefore(paidTick, fieldset.nextSibling);
  } else {
    form.appendChild(paidTick);
  }

  const positionByArg = new Map(data.positions.map((p) => [p.arg, p]));
  const holdable = new Set(data.holdable.map((h) => h.id));
  const goals = new Set(data.goals);

  function readForm() {
    return {
      from: fromSel.value,
      have: haveBoxes.filter((b) => b.checked).map((b) => b.value),
      to: toSel.value,
      paid: paidBox.checked,
      unknown: [],
    };
  }

  function writeForm(s) {
    fromSel.value = positionByArg.has(s.from) ? s.from : "";
    for (const b of haveBoxes) b.checked = s.have.includes(b.value);
    toSel.value = goals.has(s.to) ? s.to : "";
    paidBox.checked = s.paid;
  }

  // `#from=band3&have=gcse-english-4,care-certificate&to=registered-nurse&paid=1`
  function parseHash(hash) {
    const s = { from: "", have: [], to: "", paid: false, unknown: [] };
    const text = hash.charAt(0) === "#" ? hash.slice(1) : hash;
    if (text === "") return s;
    for (const part of text.split("&")) {
      const eq = part.indexOf("=");
      const k = eq < 0 ? part : part.slice(0, eq);
      let v = eq < 0 ? "" : part.slice(eq + 1);
      try {
        v = decodeURIComponent(v.replace(/\+/g, " "));
      } catch (e) {
        s.unknown.push(v);
        continue;
      }
      if (k === "from") {
        if (positionByArg.has(v)) s.from = v;
        else if (v !== "") s.unknown.push(v);
      } else if (k === "to") {
        if (goals.has(v)) s.to = v;
        else if (v !== "") s.unknown.push(v);
      } else if (k === "have") {
        for (const id of v.split(",")) {
          if (holdable.has(id)) {
            if (!s.have.includes(id)) s.have.push(id);
          } else if (id !== "") {
            s.unknown.push(id);
          }
        }
      } else if (k === "paid") {
        s.paid = v === "1" || v === "true" || v === "yes";
      }
    }
    // The tick boxes' order, whatever order the address gave.
    s.have = data.holdable.map((h) => h.id).filter((id) => s.have.includes(id));
    return s;
  }

  function hashOf(s) {
    const parts = [];
    if (s.from) parts.push("from=" + encodeURIComponent(s.from));
    if (s.have.length > 0) parts.push("have=" + s.have.map(encodeURIComponent).join(","));
    if (s.to) parts.push("to=" + encodeURIComponent(s.to));
    if (s.paid) parts.push("paid=1");
    return parts.join("&");
  }

  function commandLine(s) {
    let c = "roadmap pathways --from " + s.from;
    if (s.to) c += " --to " + s.to;
    if (s.have.length > 0) c += " --have " + s.have.join(",");
    if (s.paid) c += " --paid";
    return c;
  }

  function longDate(iso) {
    const names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m || +m[2] < 1 || +m[2] > 12) return iso;
    return +m[3] + " " + names[+m[2] - 1] + " " + m[1];
  }

  // The answer area: a heading and one sentence that screen readers
  // announce when the answer changes, then the answer itself, which they
  // read at their own pace (announcing all of it on every tick would drown
  // the person in speech).
  const status = el("div", { id: "answer-status" });
  const body = el("div", { id: "answer-body", "aria-live": "off" });
  answerEl.textContent = "";
  answerEl.appendChild(status);
  answerEl.appendChild(body);

  function compute(s) {
    const pos = positionByArg.get(s.from);
    const held = holdingsOf(s.have);
    if (s.to && s.to !== pos.role) {
      return { kind: "routes", answer: routesBetween(pos.role, s.to, held, 3, s.paid) };
    }
    return { kind: s.to ? "same" : "next", answer: nextSteps(pos, held, s.paid) };
  }

  function show(s) {
    status.textContent = "";
    body.textContent = "";
    if (s.unknown.length > 0) {
      status.appendChild(
        el(
          "p",
          { class: "gaps" },
          "The address of this page asked for something this page does not know (" + s.unknown.join(", ") +
            "), so it was left out. Check your choices above."
        )
      );
    }
    if (!s.from) {
      window.roadmapAnswer = null;
      status.appendChild(
        el(
          "p",
          null,
          s.to
            ? "Choose your role or band above, and this shows routes to " + titleOf(s.to) + "."
            : "Choose your role or band above and tick what you hold: this shows where you can go next."
        )
      );
      return;
    }
    const r = compute(s);
    window.roadmapAnswer = r.answer;
    if (r.kind === "routes") {
      const rs = r.answer;
      status.appendChild(el("h3", null, "Routes from " + roleLine(rs.from) + " to " + roleLine(rs.to)));
      status.appendChild(
        el(
          "p",
          null,
          rs.routes.length === 0
            ? "No route found."
            : (rs.routes.length === 1 ? "1 route found. It takes " : rs.routes.length + " routes found. Route 1 takes ") +
                totalWords(rs.routes[0]) + "."
        )
      );
      renderRoutes(rs, s, body);
    } else {
      const ns = r.answer;
      if (r.kind === "same") {
        status.appendChild(
          el("p", null, "You are already in the role you chose as your goal, so here is how you can grow from it. Choose another goal to plan a route.")
        );
      }
      status.appendChild(el("h3", null, "Where you can go from: " + roleLine(ns.from)));
      const lines = glanceLines(ns);
      const ready = lines.filter((l) => l.ready).length;
      status.appendChild(
        el(
          "p",
          null,
          lines.length === 0
            ? "Nothing leads on from here in the roadmap."
            : (lines.length === 1 ? "1 option: " : lines.length + " options: ") + ready + " ready now, " +
                (lines.length - ready) + " with gaps to close first."
        )
      );
      renderNextSteps(ns, s, body);
    }
    body.appendChild(
      el(
        "p",
        { class: "hint" },
        "Data reviewed up to " + longDate(data.data_reviewed) + ". The same answer on the command line: ",
        el("code", null, commandLine(s))
      )
    );
  }

  function setHash(s) {
    const h = hashOf(s);
    try {
      history.replaceState(null, "", h ? "#" + h : location.pathname + location.search);
    } catch (e) {
      // A browser that refuses for file:// pages still shows the answer.
    }
  }

  function onChange() {
    const s = readForm();
    setHash(s);
    show(s);
  }

  function fromHash() {
    const s = parseHash(location.hash);
    writeForm(s);
    show(s);
  }

  form.addEventListener("change", onChange);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    onChange();
  });
  window.addEventListener("hashchange", fromHash);

  form.hidden = false;
  fromHash();
})();
