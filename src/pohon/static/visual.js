/* pohon visual: search, filters, path highlight, tooltips. Data text only ever goes through
   textContent (never as markup), and vis-network gets no `title`, so names cannot inject markup. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("pohon-data").textContent);
  var T = D.text;
  var container = document.getElementById("net");
  var info = {}, up = {}, dn = {}, baseEdge = {}, baseNode = {};
  /* A node's own look (budget size, finding border, diff status). vis-network re-applies the group's
     defaults on every update that leaves one of these out, so every update sends them all (`look`). */
  var OWN = ["size", "color", "borderWidth", "borderWidthSelected", "shadow", "shapeProperties"];
  var kids = {};  // fold tree: what a node hides when it is folded (D.parent: the layout tree)
  Object.keys(D.parent).forEach(function (c) { (kids[D.parent[c]] = kids[D.parent[c]] || []).push(c); });
  D.nodes.forEach(function (n, i) {
    info[n.id] = D.info[i];
    var own = {};
    OWN.forEach(function (k) { if (n[k] !== undefined) { own[k] = n[k]; } });
    baseNode[n.id] = { opacity: n.opacity === undefined ? 1 : n.opacity, own: own, label: n.label,
      font: (n.font && n.font.color) || D.kinds[D.info[i].k].font };
  });
  D.edges.forEach(function (e) {
    (up[e.to] = up[e.to] || []).push(e);
    (dn[e.from] = dn[e.from] || []).push(e);
    baseEdge[e.id] = { color: (e.color && e.color.color) || D.edgeColor, width: e.width || 1,
      opacity: (e.color && e.color.opacity) || 1 };
  });
  function hiddenUnder(folded) {  // every node some folded node hides
    var out = new Set(), todo = [];
    folded.forEach(function (f) { todo.push.apply(todo, kids[f] || []); });
    while (todo.length) {
      var n = todo.pop();
      if (!out.has(n)) { out.add(n); todo.push.apply(todo, kids[n] || []); }
    }
    return out;
  }
  (function () {  // open with the page's folds: what hangs under a folded node starts hidden
    var folded = new Set(D.folded), away = hiddenUnder(folded);
    D.nodes.forEach(function (n) {
      if (away.has(n.id)) { n.hidden = true; }
      if (folded.has(n.id)) { n.label = baseNode[n.id].label + " \u229e"; }
    });
  }());
  var nodes = new vis.DataSet(D.nodes);
  var edges = new vis.DataSet(D.edges);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, D.options);
  var state = { network: network, nodes: nodes, edges: edges, selected: null, highlighted: [], path: null,
    filter: { unit: "", sp: "" }, folded: new Set(D.folded),
    status: (D.diff && D.diff.status) || {} };
  window.pohon = state;
  network.once("afterDrawing", function () {
    window.__pohonReadyAt = performance.now();
    window.__pohonReady = true;
  });

  /* A whole count grouped as pohon.fmt.plain groups it (1.234 / 1,234): D.group is its thousands mark. */
  function count(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, D.group);
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function details(id) {
    var r = info[id], box = el("div", "node-details");
    box.appendChild(el("div", "kind kind-" + r.k, T.kinds[r.k] || r.k));
    if (r.d) { box.appendChild(el("div", "status st-" + r.d, T.status[r.d])); }
    box.appendChild(el("div", "name", r.n));
    if (r.was) { box.appendChild(el("div", "was", T.was + ": " + r.was)); }
    var table = el("table");
    r.t.forEach(function (row) {
      var tr = el("tr");
      tr.appendChild(el("th", null, row[0]));
      tr.appendChild(el("td", null, row[1]));
      table.appendChild(tr);
    });
    box.appendChild(table);
    if (r.ch && r.ch.length) {
      box.appendChild(el("div", "changes-title", T.changes));
      var cl = el("ul", "changes");
      r.ch.forEach(function (c) { cl.appendChild(el("li", null, c)); });
      box.appendChild(cl);
    }
    if (r.f.length) {
      box.appendChild(el("div", "findings-title", T.findings));
      var ul = el("ul", "findings");
      r.f.forEach(function (f) {
        var li = el("li", "sev-" + f[0]);
        li.appendChild(el("b", null, T.severity[f[0]] + " · " + f[2] + ": "));
        li.appendChild(document.createTextNode(f[3] + " "));
        li.appendChild(el("code", "rule", f[1]));
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    return box;
  }

  /* ---- tooltip ---- */
  var tip = document.getElementById("tip");
  network.on("hoverNode", function (p) {
    tip.replaceChildren(details(p.node));
    tip.hidden = false;
    var x = p.pointer.DOM.x + 16, y = p.pointer.DOM.y + 16;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > container.clientWidth) { x = Math.max(0, p.pointer.DOM.x - w - 16); }
    if (y + h > container.clientHeight) { y = Math.max(0, container.clientHeight - h); }
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  });
  function hideTip() { tip.hidden = true; }
  network.on("blurNode", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  /* ---- path highlight: up to the SS, down to the komponen ---- */
  function pathOf(start) {
    var H = new Set([start]), E = new Set(), seenUp = new Set(), seenDn = new Set();
    function walkUp(n) {
      if (seenUp.has(n)) { return; }
      seenUp.add(n);
      if (info[n].k === "Unit" && n !== start) { return; }  // a unit reached from below: stop
      (up[n] || []).forEach(function (e) { E.add(e.id); H.add(e.from); walkUp(e.from); });
    }
    function walkDown(n) {
      if (seenDn.has(n)) { return; }
      seenDn.add(n);
      if (info[n].k === "Unit" && n !== start) { return; }  // a unit reached from an IK: just mark it
      (dn[n] || []).forEach(function (e) {
        E.add(e.id); H.add(e.to);
        if (info[e.to].k === "IKK") { walkUp(e.to); }  // its SK, unit and the IK it supports
        walkDown(e.to);
      });
    }
    walkUp(start);
    walkDown(start);
    return { nodes: H, edges: E };
  }

  function fade(hex, alpha) {
    var h = hex.replace("#", "");
    return "rgba(" + parseInt(h.substr(0, 2), 16) + "," + parseInt(h.substr(2, 2), 16) + "," +
      parseInt(h.substr(4, 2), 16) + "," + alpha + ")";
  }

  /* ---- folds: a folded node hides what hangs under it in the layout tree ---- */
  function unfoldTo(id) {  // unfold every fold above id, so it can be seen
    var changed = false;
    for (var p = D.parent[id]; p; p = D.parent[p]) {
      if (state.folded.has(p)) { state.folded.delete(p); changed = true; }
    }
    return changed;
  }
  function toggleFold(id) {
    if (!kids[id]) { return false; }
    if (state.folded.has(id)) { state.folded.delete(id); } else { state.folded.add(id); }
    paint(state.path);
    return true;
  }

  /* The one place nodes are updated: the node's own look, dimmed off the path, hidden outside the filter
     or under a fold; a folded node says so with a + on its label. */
  function look(id, lit, shown, away) {
    var b = baseNode[id], u = JSON.parse(JSON.stringify(b.own));
    u.id = id;
    u.opacity = lit ? b.opacity : 0.12;
    u.font = { color: lit ? b.font : fade(b.font, 0.15) };
    u.hidden = !shown || away.has(id);
    u.label = state.folded.has(id) ? b.label + " \u229e" : b.label;
    return u;
  }
  function shownBy(id, f) {
    var r = info[id];
    return (!f.unit || r.u.indexOf(f.unit) >= 0) && (!f.sp || r.s.indexOf(f.sp) >= 0);
  }
  function paint(sel) {
    var eu = [];
    state.path = sel;
    var away = hiddenUnder(state.folded);
    nodes.update(D.nodes.map(function (n) {
      return look(n.id, !sel || sel.nodes.has(n.id), shownBy(n.id, state.filter), away);
    }));
    D.edges.forEach(function (e) {
      var on = !sel || sel.edges.has(e.id), b = baseEdge[e.id];
      eu.push({ id: e.id, width: sel && on ? b.width + 1.5 : b.width,
        color: { color: sel && on ? D.pathColor : b.color, opacity: sel ? (on ? 1 : 0.06) : b.opacity } });
    });
    edges.update(eu);
  }

  var panel = document.getElementById("details");
  function select(id, focus) {
    if (!info[id]) { return; }
    unfoldTo(id);
    if (!shownBy(id, state.filter)) { setFilter("", ""); }
    var sel = pathOf(id);
    state.selected = id;
    state.highlighted = Array.from(sel.nodes);
    paint(sel);
    network.selectNodes([id]);
    panel.replaceChildren(details(id));
    if (focus) { network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false }); }
  }
  function clear() {
    state.selected = null;
    state.highlighted = [];
    paint(null);
    network.unselectAll();
    panel.replaceChildren(el("p", "muted", T.details_empty));
  }
  network.on("click", function (p) {
    hideTip();
    if (p.nodes.length) {
      if (info[p.nodes[0]].k === "Tipe") { toggleFold(p.nodes[0]); }
      select(p.nodes[0], false);
    } else { clear(); }
  });

  /* ---- search ---- */
  var search = document.getElementById("search"), results = document.getElementById("results");
  var index = D.nodes.map(function (n) {
    var r = info[n.id];
    return { id: n.id, code: String(r.c).toLowerCase(), key: n.id.slice(n.id.indexOf(":") + 1).toLowerCase(),
      words: (r.c + " " + r.n).toLowerCase() };
  });
  function find(q) {
    q = q.trim().toLowerCase();
    if (!q) { return { exact: null, hits: [] }; }
    var exact = null, hits = [], words = q.split(/\s+/);
    index.forEach(function (x) {
      if (!exact && (x.key === q || x.code === q)) { exact = x.id; }
      if (words.every(function (w) { return x.words.indexOf(w) >= 0 || x.key.indexOf(w) >= 0; })) { hits.push(x.id); }
    });
    return { exact: exact, hits: hits.slice(0, 12), total: hits.length };
  }
  function whereOf(id) {  // kind and unit(s) of a search hit: which IKK SK.2.1 is this?
    var r = info[id], w = T.kinds[r.k] || r.k;
    if (r.k === "Unit") { return w; }
    if (r.u.length === 1) { return w + " · " + r.u[0]; }
    if (r.u.length > 1) { return w + " · " + count(r.u.length) + " " + T.units_word; }
    return w;
  }
  function showResults(r) {
    results.replaceChildren();
    results.hidden = !search.value.trim();
    if (!r.hits.length) { results.appendChild(el("div", "muted", T.no_match)); return; }
    results.appendChild(el("div", "hits-count", r.hits.length < r.total ?
      count(r.hits.length) + " " + T.of + " " + count(r.total) : count(r.total)));
    r.hits.forEach(function (id) {
      var b = el("button", "hit");
      b.type = "button";
      b.appendChild(el("b", null, String(info[id].c || "")));
      b.appendChild(document.createTextNode(" " + info[id].n));
      b.appendChild(el("span", "hit-where", whereOf(id)));
      b.addEventListener("click", function () { select(id, true); results.hidden = true; });
      results.appendChild(b);
    });
  }
  search.addEventListener("input", function () {
    var r = find(search.value);
    showResults(r);
    if (r.exact) { select(r.exact, true); }
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var r = find(search.value), id = r.exact || r.hits[0];
      if (id) { select(id, true); results.hidden = true; }
    } else if (ev.key === "Escape") {
      search.value = ""; results.hidden = true; clear();
    }
  });

  /* ---- filters by unit and SP ---- */
  var unitSel = document.getElementById("f-unit"), spSel = document.getElementById("f-sp");
  function fill(sel, values) {
    values.forEach(function (v) { var o = el("option", null, v); o.value = v; sel.appendChild(o); });
  }
  fill(unitSel, D.unitList);
  fill(spSel, D.spList);
  function setFilter(unit, sp) {
    state.filter = { unit: unit, sp: sp };
    if (unit) { unfoldTo("Unit:" + unit); }
    unitSel.value = unit;
    spSel.value = sp;
    paint(state.path || null);
    var shown = D.nodes.filter(function (n) { return shownBy(n.id, state.filter); }).map(function (n) { return n.id; });
    network.fit({ nodes: shown.length ? shown : undefined, animation: false });  // zoom to what the filter keeps
  }
  unitSel.addEventListener("change", function () { setFilter(unitSel.value, spSel.value); });
  spSel.addEventListener("change", function () { setFilter(unitSel.value, spSel.value); });
  document.getElementById("reset").addEventListener("click", function () {
    search.value = ""; results.hidden = true; state.folded = new Set(D.folded); setFilter("", ""); clear();
    fSev.value = ""; fRule.value = ""; fDrawn.checked = false; listFindings();  // the panel starts over too
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && ev.target !== search) { clear(); }
  });
  /* ---- the findings panel: every finding of the dataset, drawn here or not ---- */
  var fList = document.getElementById("f-list"), fSev = document.getElementById("f-sev"),
    fRule = document.getElementById("f-rule"), fCount = document.getElementById("f-count"),
    fDrawn = document.getElementById("f-drawn");
  var rows = [], current = -1;
  function listFindings() {
    var sev = fSev.value, rule = fRule.value;
    rows = [];
    current = -1;
    fList.replaceChildren();
    D.findings.forEach(function (f, i) {
      if ((sev && f[0] !== sev) || (rule && f[1] !== rule) || (fDrawn.checked && !f[6])) { return; }
      var b = el("button", "fhit sev-" + f[0] + (f[6] ? "" : " outside"));
      b.type = "button";
      b.setAttribute("role", "listitem");
      b.dataset.i = String(i);
      b.appendChild(el("b", null, T.severity[f[0]] + " · " + f[2]));
      b.appendChild(el("span", "where", f[5] + (f[6] ? "" : " · " + T.outside)));
      if (f[7]) { b.appendChild(el("span", "under", T.under + " " + info[f[7]].c)); }
      b.appendChild(el("span", "msg", f[3]));
      b.appendChild(el("code", "rule", f[1]));
      var at = rows.length;
      b.addEventListener("click", function () { goFinding(at); });
      rows.push({ f: f, el: b });
      fList.appendChild(b);
    });
    if (!rows.length) { fList.appendChild(el("p", "muted", T.no_findings)); }
    fCount.textContent = rows.length === D.findings.length ? count(rows.length) :
      count(rows.length) + " " + T.of + " " + count(D.findings.length);
    state.findingRows = rows.length;
  }
  function goFinding(i) {
    if (!rows.length) { return; }
    current = (i + rows.length) % rows.length;
    rows.forEach(function (r, k) { r.el.classList.toggle("current", k === current); });
    var r = rows[current];
    r.el.scrollIntoView({ block: "nearest" });
    state.currentFinding = r.f[4];
    if (r.f[6] || r.f[7]) { select(r.f[6] ? r.f[4] : r.f[7], true); }
  }
  fSev.addEventListener("change", listFindings);
  fRule.addEventListener("change", listFindings);
  fDrawn.addEventListener("change", listFindings);
  listFindings();
  document.addEventListener("keydown", function (ev) {
    var t = ev.target && ev.target.tagName;
    if (t === "INPUT" || t === "SELECT" || t === "TEXTAREA" || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    if (ev.key === "n") { goFinding(current + 1); } else if (ev.key === "p") { goFinding(current < 0 ? -1 : current - 1); }
  });
  state.goFinding = goFinding;

  state.count = count;
  state.select = select;
  state.toggleFold = toggleFold;
  state.clear = clear;
  state.setFilter = setFilter;
  state.find = find;
  panel.replaceChildren(el("p", "muted", T.details_empty));
}());
