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
  var LEVEL = D.level;
  /* Presenter mode (default on, for the projected room): names wrapped under the codes, text READABLE px or
     more on screen once fitted (font size x canvas scale), a text-size control that scales the canvas text. */
  var FONT = 26, READABLE = 22, WRAP = 7, SHORT = 36, MAX_READABLE = 200;
  var measure = document.createElement("canvas").getContext("2d");
  function hiddenUnder(folded) {  // every node some folded node hides
    var out = new Set(), todo = [];
    folded.forEach(function (f) { todo.push.apply(todo, kids[f] || []); });
    while (todo.length) {
      var n = todo.pop();
      if (!out.has(n)) { out.add(n); todo.push.apply(todo, kids[n] || []); }
    }
    return out;
  }
  function rootOf(id) { while (D.parent[id]) { id = D.parent[id]; } return id; }
  var nodes = new vis.DataSet(D.nodes.map(function (n) { return { id: n.id, group: n.group, shape: n.shape,
    hidden: true, label: n.label }; }));
  var edges = new vis.DataSet(D.edges);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, D.options);
  var state = { network: network, nodes: nodes, edges: edges, selected: null, highlighted: [], path: null,
    filter: { unit: "", sp: "" }, folded: new Set(), opened: new Set(), level: 99, top: 0, focus: null, names: true, text: 1,
    shown: new Set(), pos: {}, label: {}, status: (D.diff && D.diff.status) || {} };
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

  /* ---- folds: a folded node hides what hangs under it in the layout tree; a tree whose top sits below the
     page's level (`lipat ke tingkat N`) is hidden until opened ---- */
  function foldsAt(level) {  // the nodes folded when the page shows levels 0..level
    var out = new Set();
    D.nodes.forEach(function (n) {
      var ks = kids[n.id];
      if (ks && LEVEL[info[n.id].k] <= level && ks.every(function (c) { return LEVEL[info[c].k] > level; })) {
        out.add(n.id);
      }
    });
    return out;
  }
  /* Visible: levels top..level (a unit page may open below the SS: the unit is its subject), not under a
     fold, in a tree whose top is on the levels shown (or opened), kept by the filter. */
  function visibleWith(top, level, folded, opened) {
    var away = hiddenUnder(folded), out = new Set();
    if (state.focus) {  // focus: the focused node's subtree and its chain up to the SS, less what is folded in it
      state.focusSet.forEach(function (id) { if (!away.has(id) && shownBy(id, state.filter)) { out.add(id); } });
      return out;
    }
    D.nodes.forEach(function (n) {
      var id = n.id, r = rootOf(id);
      if (!away.has(id) && LEVEL[info[id].k] >= top && (LEVEL[info[r].k] <= level || opened.has(r)) &&
          shownBy(id, state.filter)) { out.add(id); }
    });
    return out;
  }
  function unfoldTo(id) {  // unfold every fold above id, so it can be seen
    for (var p = D.parent[id]; p; p = D.parent[p]) { state.folded.delete(p); }
    if (LEVEL[info[rootOf(id)].k] > state.level) { state.opened.add(rootOf(id)); }
    state.top = Math.min(state.top, LEVEL[info[id].k]);
  }
  function toggleFold(id) {
    if (!kids[id]) { return false; }
    if (state.folded.has(id)) { state.folded.delete(id); } else { state.folded.add(id); }
    relayout(true);
    return true;
  }
  function foldTo(level, top) {  // "lipat ke tingkat N"; 99: buka semua
    state.level = level;
    state.top = top === undefined ? Math.min(state.top, level) : top;
    state.folded = level >= 99 ? new Set() : foldsAt(level);
    state.opened = new Set();
    relayout(true);
  }

  /* ---- labels and boxes: presenter mode draws names wrapped under the codes ---- */
  function fontSize() { return Math.round(FONT * state.text); }
  function shortName(name) {
    if (name.length <= SHORT) { return name; }
    var cut = name.lastIndexOf(" ", SHORT);
    return name.slice(0, cut > SHORT / 2 ? cut : SHORT).replace(/[\s,;:.–-]+$/, "") + "\u2026";
  }
  function wrap(text, px) {
    var lines = [], line = "";
    text.split(/\s+/).forEach(function (w) {
      var t = line ? line + " " + w : w;
      if (line && measure.measureText(t).width > px) { lines.push(line); line = w; } else { line = t; }
    });
    if (line) { lines.push(line); }
    return lines;
  }
  /* What a folded node hides: "⊞ 3 IK", the findings on the nodes under it by severity, the komponen budget
     under it (D.budgetBelow: counted as pohon budget counts it) */
  var under = {};
  function findingsUnder(id) {
    if (!under[id]) {
      var c = { error: 0, warning: 0, info: 0 }, todo = (kids[id] || []).slice();
      while (todo.length) {
        var n = todo.pop();
        info[n].f.forEach(function (f) { c[f[0]] += 1; });
        todo.push.apply(todo, kids[n] || []);
      }
      under[id] = c;
    }
    return under[id];
  }
  function foldBadge(id) {
    var by = {}, c = findingsUnder(id), lines = [];
    kids[id].forEach(function (k) { by[info[k].k] = (by[info[k].k] || 0) + 1; });
    lines.push("\u229e " + Object.keys(by).map(function (k) { return count(by[k]) + " " + k; }).join(", "));
    var sev = ["error", "warning", "info"].filter(function (s) { return c[s]; }).map(function (s) {
      return count(c[s]) + " " + T.severity[s]; });
    if (sev.length) { lines.push("\u26a0 " + sev.join(", ")); }
    if (D.budgetBelow[id]) { lines.push(D.budgetBelow[id]); }
    return lines;
  }
  /* The words that tell siblings apart: units of one type share "Balai Standardisasi dan Pelayanan Jasa
     Industri", so a unit shows what follows (and nothing when its code already says it). */
  var nameOf = {};
  (function () {
    var sib = {};
    D.nodes.forEach(function (n) {
      var r = info[n.id];
      nameOf[n.id] = r.k === "Tipe" ? "" : r.n;
      if (r.k === "Unit" && D.parent[n.id]) { (sib[D.parent[n.id]] = sib[D.parent[n.id]] || []).push(n.id); }
    });
    Object.keys(sib).forEach(function (p) {
      var words = sib[p].map(function (id) { return info[id].n.split(/\s+/); }), common = 0;
      while (words.every(function (w) { return w.length > common + 1 && w[common] === words[0][common]; })) { common++; }
      sib[p].forEach(function (id, i) {
        var rest = words[i].slice(common).join(" ");
        nameOf[id] = info[id].c.toLowerCase().indexOf(rest.toLowerCase()) >= 0 ? "" : rest;
      });
    });
  }());
  function labelLines(id) {
    var folded = state.folded.has(id), lines = [baseNode[id].label];
    // a folded unit's badge counts its findings by severity: its "⚠n" (the same findings) would say it twice
    if (folded && info[id].k === "Unit") { lines[0] = lines[0].replace(/ \u26a0[\d.,]+$/, ""); }
    if (state.names && nameOf[id]) { lines = lines.concat(wrap(shortName(nameOf[id]), WRAP * fontSize())); }
    if (folded) { lines = lines.concat(foldBadge(id)); }
    return lines;
  }
  function boxOf(id, lines) {
    var f = fontSize(), k = D.kinds[info[id].k], wide = 0, lineH = f * 1.18;
    lines.forEach(function (l) { wide = Math.max(wide, measure.measureText(l).width); });
    if (k.shape === "box" || k.shape === "ellipse") {
      return [wide + (k.shape === "box" ? 20 : 40), lines.length * lineH + 16];
    }
    var r = (baseNode[id].own.size || k.radius || 10) * state.text;
    return [Math.max(wide, 2 * r) + 4, 2 * r + lines.length * lineH + 8];
  }
  function screen() { return [container.clientWidth || 1560, container.clientHeight || 940]; }
  /* Lay out what is visible (folds, opened trees, filter), label it; returns the fitted scale it will get. */
  var sized = {};  // id (+ "+" when folded) -> [label, w, h] at the current text size and names setting
  function arrange(top, level, folded, opened, shown) {
    shown = shown || visibleWith(top, level, folded, opened);
    var ids = [], kind = {}, parent = {}, w = {}, h = {}, below = {};
    var saved = state.folded;
    state.folded = folded;
    measure.font = fontSize() + "px DejaVu Sans, Arial, sans-serif";
    D.nodes.forEach(function (n) {
      var id = n.id;
      if (!shown.has(id)) { return; }
      ids.push(id);
      kind[id] = info[id].k;
      if (D.parent[id] && shown.has(D.parent[id])) { parent[id] = D.parent[id]; }
      var key = folded.has(id) ? id + "+" : id, z = sized[key];
      if (!z) {
        var lines = labelLines(id), b = boxOf(id, lines);
        z = sized[key] = [lines.join("\n"), b[0], b[1]];
      }
      state.label[id] = z[0];
      w[id] = z[1];
      h[id] = z[2];
      below[id] = (dn[id] || []).map(function (e) { return e.to; });
    });
    state.folded = saved;
    var scr = screen(), out = pohonLayout.layout(ids, kind, parent, w, h, below, 0.6 * fontSize(), scr, LEVEL);
    var bw = Math.max(out.box[2] - out.box[0], 1), bh = Math.max(out.box[3] - out.box[1], 1);
    return { shown: shown, pos: out.pos, box: out.box, scale: Math.min(scr[0] / (1.1 * bw), scr[1] / (1.1 * bh), 1) };
  }
  function relayout(fit) {
    var a = arrange(state.top, state.level, state.folded, state.opened);
    state.shown = a.shown;
    state.pos = a.pos;
    state.box = a.box;
    paint(state.path);
    if (fit) { network.fit({ animation: false }); }
    drawMinimap();
    writeHash();
  }
  /* ---- focus: one unit, SP or IK laid out alone with its chain up to the SS as a breadcrumb; leaving it
     brings back the view as it was (filters, folds, level, position, zoom). Choosing a unit or SP in the
     filters is this focus too (see setFilter). ---- */
  var crumbs = document.getElementById("crumbs");
  /* SS › SP › IK › (Tipe ›) Unit › SK › IKK: the first drawn parent at each step, with how many others of its
     kind there are (a unit carries several IKs: its crumb says "T1/SP2/b +14", not that it is its only one) */
  function chainUp(id) {
    var out = [[id, 0]], seen = new Set([id]);
    for (var n = id; ;) {
      var ups = (up[n] || []).map(function (e) { return e.from; }).filter(function (p) { return !seen.has(p); });
      if (!ups.length) { break; }
      n = ups[0];
      seen.add(n);
      out.unshift([n, ups.filter(function (p) { return info[p].k === info[n].k; }).length - 1]);
    }
    return out;
  }
  function focusOn(id, filter) {  // filter: the filters to show it with (the drop-downs'), else those on
    if (!info[id]) { return; }
    if (!state.focus) {
      state.before = { level: state.level, top: state.top, folded: new Set(state.folded), opened: new Set(state.opened),
        filter: state.filter, view: network.getViewPosition(), scale: network.getScale() };
    }
    if (filter) { showFilter(filter); }
    if (!shownBy(id, state.filter)) { showFilter({ unit: "", sp: "" }); }  // a filter hiding it goes
    state.focus = id;
    state.focusSet = pathOf(id).nodes;
    state.folded = new Set();  // the focused subtree is shown whole
    relayout(true);
    crumbs.replaceChildren();
    chainUp(id).forEach(function (step, i) {
      var n = step[0], code = info[n].c || baseNode[n].label.split("\n")[0].replace(/ \u26a0[\d.,]+$/, "");
      if (i) { crumbs.appendChild(el("span", "sep", "\u203a")); }
      var b = el("button", n === id ? "crumb current" : "crumb", code || shortName(info[n].n));
      if (step[1]) { b.appendChild(el("span", "more", " +" + count(step[1]))); }
      b.type = "button";
      b.dataset.id = n;
      b.title = (T.kinds[info[n].k] || info[n].k) + ": " + info[n].n;
      b.addEventListener("click", function () { focusOn(n); select(n, false); });
      crumbs.appendChild(b);
    });
    var out = el("button", "crumb leave", T.leave_focus);
    out.type = "button";
    out.addEventListener("click", leaveFocus);
    crumbs.appendChild(out);
    crumbs.hidden = false;
    writeHash();
  }
  function leaveFocus() {
    if (!state.focus) { return; }
    var b = state.before;
    state.focus = null;
    state.focusSet = null;
    state.level = b.level;
    state.top = b.top;
    state.folded = b.folded;
    state.opened = b.opened;
    showFilter(b.filter);
    relayout(false);
    network.moveTo({ position: b.view, scale: b.scale, animation: false });
    crumbs.hidden = true;
    crumbs.replaceChildren();
    writeHash();
  }
  network.on("doubleClick", function (p) { if (p.nodes.length) { focusOn(p.nodes[0]); select(p.nodes[0], false); } });

  /* The page opens at the deepest level whose view still reads at READABLE px once fitted, with as much of
     the chain above its subject (the SS for the agency page, the unit for a unit or type page) as still reads. */
  function readableLevels() {
    var levels = D.levels.map(function (l) { return l[2]; }).sort(function (a, b) { return b - a; });
    var subject = Math.max(D.subject, levels[levels.length - 1]);
    for (var i = 0; i < levels.length; i++) {
      if (levels[i] < subject) { break; }
      var folds = foldsAt(levels[i]);
      for (var j = levels.length - 1; j >= 0 && levels[j] <= subject; j--) {
        var shown = visibleWith(levels[j], levels[i], folds, new Set());
        if (shown.size > MAX_READABLE) { continue; }  // more boxes than a screen holds at READABLE px
        var a = arrange(levels[j], levels[i], folds, new Set(), shown);
        if (fontSize() * a.scale >= READABLE + 0.5) { return [levels[j], levels[i]]; }
      }
    }
    return [subject, subject];
  }

  /* The one place nodes are updated: the node's own look, dimmed off the path, hidden when not visible,
     at its laid-out place, with its presenter label. */
  var INSIDE = { box: true, ellipse: true }, LABEL_BACK = "rgba(255,255,255,0.9)";  // shapes drawing the label inside
  function look(id, lit) {
    var b = baseNode[id], u = JSON.parse(JSON.stringify(b.own)), p = state.pos[id];
    u.id = id;
    u.opacity = lit ? b.opacity : 0.12;
    u.font = { color: lit ? b.font : fade(b.font, 0.15), size: fontSize() };
    if (!INSIDE[D.kinds[info[id].k].shape]) { u.font.background = LABEL_BACK; }  // lines pass under, not through, it
    u.hidden = !state.shown.has(id);
    if (p) { u.x = p[0]; u.y = p[1]; u.label = state.label[id]; }
    if (u.size) { u.size = u.size * state.text; }
    return u;
  }
  function shownBy(id, f) {
    var r = info[id];
    return (!f.unit || r.u.indexOf(f.unit) >= 0) && (!f.sp || r.s.indexOf(f.sp) >= 0);
  }
  function paint(sel) {
    var eu = [];
    state.path = sel;
    nodes.update(D.nodes.map(function (n) { return look(n.id, !sel || sel.nodes.has(n.id)); }));
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
    if (state.focus && !(state.focusSet.has(id) && shownBy(id, state.filter))) { leaveFocus(); }  // it is outside
    if (!shownBy(id, state.filter)) { showFilter({ unit: "", sp: "" }); }
    if (!state.shown.has(id)) { unfoldTo(id); relayout(!focus); }
    var sel = pathOf(id);
    state.selected = id;
    state.highlighted = Array.from(sel.nodes);
    paint(sel);
    network.selectNodes([id]);
    panel.replaceChildren(details(id));
    if (focus) { network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false }); }
    writeHash();
  }
  function clear() {
    state.selected = null;
    state.highlighted = [];
    paint(null);
    network.unselectAll();
    panel.replaceChildren(el("p", "muted", T.details_empty));
    writeHash();
  }

  /* ---- the URL holds the view: #IK:T1/SP3/a&unit=P4SI&sp=SP3&level=5,2&open=…&fold=…&roots=… (the node
     selected, the filters, the fold level and top, then the folds that differ from that level's) ---- */
  var applying = false;
  function enc(v) { return encodeURIComponent(v).replace(/%3A/g, ":").replace(/%2F/g, "/"); }
  function hashOf() {
    var parts = [], base = baseFolds();
    var list = function (xs) { return xs.map(enc).join(","); };
    if (state.selected) { parts.push(enc(state.selected)); }
    if (state.focus) { parts.push("focus=" + enc(state.focus)); }
    if (state.filter.unit) { parts.push("unit=" + enc(state.filter.unit)); }
    if (state.filter.sp) { parts.push("sp=" + enc(state.filter.sp)); }
    if (state.open && (state.level !== state.open[1] || state.top !== state.open[0])) {
      parts.push("level=" + state.level + "," + state.top);
    }
    var opened = Array.from(base).filter(function (n) { return !state.folded.has(n); });
    var folded = Array.from(state.folded).filter(function (n) { return !base.has(n); });
    if (opened.length) { parts.push("open=" + list(opened)); }
    if (folded.length) { parts.push("fold=" + list(folded)); }
    if (state.opened.size) { parts.push("roots=" + list(Array.from(state.opened))); }
    return parts.join("&");
  }
  function baseFolds() {  // the folds the hash's open=/fold= are counted from: none in focus (shown whole)
    return state.focus || state.level >= 99 ? new Set() : foldsAt(state.level);
  }
  function writeHash() {
    if (applying || !state.open) { return; }
    var h = hashOf();
    if (h !== decodeURI(location.hash.slice(1)) && h !== location.hash.slice(1)) {
      history.replaceState(null, "", h ? "#" + h : location.pathname + location.search);
    }
  }
  function readHash() {
    var raw = location.hash.slice(1);
    if (!raw) { return; }
    var want = { node: null, focus: null, unit: "", sp: "", level: null, open: [], fold: [], roots: [] };
    raw.split("&").forEach(function (part) {
      var eq = part.indexOf("="), key = eq < 0 ? "node" : part.slice(0, eq), val = eq < 0 ? part : part.slice(eq + 1);
      var dec = function (v) { try { return decodeURIComponent(v); } catch (e) { return v; } };
      if (key === "open" || key === "fold" || key === "roots") { want[key] = val.split(",").map(dec); }
      else if (key === "level") { want.level = val.split(",").map(Number); } else { want[key] = dec(val); }
    });
    applying = true;
    leaveFocus();
    showFilter({ unit: "", sp: "" });
    var lv = want.level && isFinite(want.level[0]) ? want.level : state.open.slice().reverse();
    foldTo(lv[0], isFinite(lv[1]) ? lv[1] : state.top);
    want.roots.forEach(function (n) { if (info[n]) { state.opened.add(n); } });
    if (want.unit || want.sp) {
      setFilter(info["Unit:" + want.unit] ? want.unit : "", D.spList.indexOf(want.sp) >= 0 ? want.sp : "");
    }
    if (want.focus && info[want.focus] && want.focus !== state.focus) { focusOn(want.focus); }
    state.folded = baseFolds();
    want.open.forEach(function (n) { state.folded.delete(n); });
    want.fold.forEach(function (n) { if (kids[n]) { state.folded.add(n); } });
    relayout(true);
    if (want.node && info[want.node]) { select(want.node, false); } else { clear(); }
    applying = false;
    writeHash();
  }
  window.addEventListener("hashchange", readHash);
  network.on("click", function (p) {
    hideTip();
    if (p.nodes.length) {
      var id = p.nodes[0];  // a click unfolds a folded node; a second click on the selected node folds it again
      if (state.folded.has(id) || (kids[id] && state.selected === id)) { toggleFold(id); }
      select(p.nodes[0], false);
    } else { clear(); }
  });

  /* ---- search ---- */
  var search = document.getElementById("search"), results = document.getElementById("results");
  var index = D.nodes.map(function (n) {
    var r = info[n.id];
    return { id: n.id, code: String(r.c).toLowerCase(), key: n.id.slice(n.id.indexOf(":") + 1).toLowerCase(),
      words: (r.c + " " + r.n + " " + r.f.map(function (f) { return f[1] + " " + f[2] + " " + f[3]; }).join(" "))
        .toLowerCase() };
  });
  var MAX_HITS = 12;
  function find(q, all) {
    q = q.trim().toLowerCase();
    if (!q) { return { exact: null, complete: null, hits: [], total: 0 }; }
    var exact = null, hits = [], words = q.split(/\s+/), longer = false;
    index.forEach(function (x) {
      if (!exact && (x.key === q || x.code === q)) { exact = x.id; }
      if (x.code !== q && x.code.indexOf(q) === 0) { longer = true; }  // "T1" is also the start of "T1/SP3/a"
      if (words.every(function (w) { return x.words.indexOf(w) >= 0 || x.key.indexOf(w) >= 0; })) { hits.push(x.id); }
    });
    return { exact: exact, complete: exact && !longer ? exact : null, hits: all ? hits : hits.slice(0, MAX_HITS),
      total: hits.length };
  }
  function whereOf(id) {  // kind and unit(s) of a search hit: which IKK SK.2.1 is this?
    var r = info[id], w = T.kinds[r.k] || r.k;
    if (r.k === "Unit") { return w; }
    if (r.u.length === 1) { return w + " · " + r.u[0]; }
    if (r.u.length > 1) { return w + " · " + count(r.u.length) + " " + T.units_word; }
    return w;
  }
  var hitButtons = [], active = -1, showAll = false;
  function choose(id) { focusOn(id); select(id, false); results.hidden = true; }
  function showResults(r) {
    results.replaceChildren();
    hitButtons = [];
    active = -1;
    results.hidden = !search.value.trim();
    if (!r.hits.length) { results.appendChild(el("div", "muted", T.no_match)); return; }
    var head = el("div", "hits-count", r.hits.length < r.total ?
      count(r.hits.length) + " " + T.of + " " + count(r.total) : count(r.total));
    results.appendChild(head);
    if (r.hits.length < r.total) {  // capped: a way to see every hit
      var more = el("button", "see-all", T.see_all + " (" + count(r.total) + ")");
      more.type = "button";
      more.addEventListener("click", function () { showAll = true; showResults(find(search.value, true)); search.focus(); });
      results.appendChild(more);
    }
    r.hits.forEach(function (id) {
      var b = el("button", "hit");
      b.type = "button";
      b.appendChild(el("b", null, String(info[id].c || "")));
      b.appendChild(document.createTextNode(" " + info[id].n));
      b.appendChild(el("span", "hit-where", whereOf(id)));
      b.addEventListener("click", function () { choose(id); });
      b.dataset.id = id;
      hitButtons.push(b);
      results.appendChild(b);
    });
  }
  function moveActive(step) {
    if (!hitButtons.length) { return; }
    active = (active + step + hitButtons.length) % hitButtons.length;
    hitButtons.forEach(function (b, i) { b.classList.toggle("active", i === active); });
    hitButtons[active].scrollIntoView({ block: "nearest" });
  }
  /* Typing only lists: the view moves on Enter, on a result chosen, or on a complete code (one that is no
     other code's beginning: "T1/SP3/a", not "T1"). */
  search.addEventListener("input", function () {
    showAll = false;
    var r = find(search.value);
    showResults(r);
    if (r.complete) { select(r.complete, true); }
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      moveActive(ev.key === "ArrowDown" ? 1 : -1);
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      var r = find(search.value, showAll), id = active >= 0 ? hitButtons[active].dataset.id : (r.exact || r.hits[0]);
      if (id) { choose(id); }
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
  function showFilter(f) {
    state.filter = f;
    unitSel.value = f.unit;
    spSel.value = f.sp;
  }
  /* Choosing a unit (or an SP) focuses and selects it, as a double-click does, with the other filter narrowing
     what the focus shows; choosing neither leaves focus. */
  function setFilter(unit, sp) {
    var target = unit && info["Unit:" + unit] ? "Unit:" + unit : sp && info["SP:" + sp] ? "SP:" + sp : null;
    if (target) {
      focusOn(target, { unit: unit, sp: sp });
      select(target, false);
    } else if (state.focus) { leaveFocus(); } else { showFilter({ unit: "", sp: "" }); relayout(true); }
  }
  unitSel.addEventListener("change", function () { setFilter(unitSel.value, spSel.value); });
  spSel.addEventListener("change", function () { setFilter(unitSel.value, spSel.value); });
  document.getElementById("reset").addEventListener("click", function () {
    leaveFocus(); search.value = ""; results.hidden = true; showFilter({ unit: "", sp: "" });
    state.text = 1; sized = {}; foldTo(state.open[1], state.open[0]); clear();
    fSev.value = ""; fRule.value = ""; fDrawn.checked = false;  // the panel starts over too
    if (fUnit) { fUnit.value = ""; }
    listFindings();
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && ev.target !== search) { leaveFocus(); clear(); }
  });
  /* ---- the findings panel: every finding of the dataset, drawn here or not ---- */
  var fList = document.getElementById("f-list"), fSev = document.getElementById("f-sev"),
    fRule = document.getElementById("f-rule"), fCount = document.getElementById("f-count"),
    fDrawn = document.getElementById("f-drawn"), fUnit = document.getElementById("f-unit-find");
  var rows = [], current = -1;
  function listFindings() {
    var sev = fSev.value, rule = fRule.value, unit = fUnit ? fUnit.value : "";
    rows = [];
    current = -1;
    fList.replaceChildren();
    D.findings.forEach(function (f, i) {
      if ((sev && f[0] !== sev) || (rule && f[1] !== rule) || (unit && f[8] !== unit) || (fDrawn.checked && !f[6])) {
        return;
      }
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
  if (fUnit) { fUnit.addEventListener("change", listFindings); }
  fDrawn.addEventListener("change", listFindings);
  listFindings();
  document.addEventListener("keydown", function (ev) {
    var t = ev.target && ev.target.tagName;
    if (t === "INPUT" || t === "SELECT" || t === "TEXTAREA" || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    if (ev.key === "n") { goFinding(current + 1); } else if (ev.key === "p") { goFinding(current < 0 ? -1 : current - 1); }
    else if (ev.key === "Enter" && state.selected && kids[state.selected]) {  // Enter unfolds (or folds) the selected node
      toggleFold(state.selected);
      select(state.selected, false);
    }
  });
  state.goFinding = goFinding;

  state.count = count;
  state.select = select;
  state.toggleFold = toggleFold;
  state.foldTo = foldTo;
  state.focusOn = focusOn;
  state.leaveFocus = leaveFocus;
  state.relayout = relayout;
  state.clear = clear;
  state.setFilter = setFilter;
  state.find = find;
  panel.replaceChildren(el("p", "muted", T.details_empty));

  /* ---- presenter controls: names, text size, fold level ---- */
  var namesBtn = document.getElementById("names"), levelSel = document.getElementById("level");
  namesBtn.addEventListener("click", function () {
    state.names = !state.names;
    sized = {};
    namesBtn.setAttribute("aria-pressed", String(state.names));
    relayout(true);
  });
  function textSize(f) { state.text = Math.max(0.6, Math.min(2.5, f)); sized = {}; relayout(true); }
  document.getElementById("text-up").addEventListener("click", function () { textSize(state.text * 1.2); });
  document.getElementById("text-down").addEventListener("click", function () { textSize(state.text / 1.2); });
  D.levels.forEach(function (l) { var o = el("option", null, l[1]); o.value = String(l[2]); levelSel.appendChild(o); });
  levelSel.addEventListener("change", function () { foldTo(Number(levelSel.value)); });
  document.getElementById("unfold-all").addEventListener("click", function () { foldTo(99, 0); levelSel.value = ""; });
  state.textSize = textSize;

  /* ---- navigation: + / − / 0 / arrows, Esc clears and refits, buttons, and a minimap when the view is
     larger than the screen ---- */
  function zoom(f) {
    network.moveTo({ position: network.getViewPosition(), scale: network.getScale() * f, animation: false });
    drawMinimap();
  }
  function pan(dx, dy) {
    var p = network.getViewPosition(), s = network.getScale();
    network.moveTo({ position: { x: p.x + dx / s, y: p.y + dy / s }, scale: s, animation: false });
    drawMinimap();
  }
  function fit() { network.fit({ animation: false }); drawMinimap(); }
  document.getElementById("zoom-in").addEventListener("click", function () { zoom(1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom(0.8); });
  document.getElementById("fit").addEventListener("click", fit);
  document.addEventListener("keydown", function (ev) {
    var t = ev.target && ev.target.tagName;
    if (t === "INPUT" || t === "SELECT" || t === "TEXTAREA" || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var step = 120, keys = { "+": function () { zoom(1.25); }, "=": function () { zoom(1.25); },
      "-": function () { zoom(0.8); }, "\u2212": function () { zoom(0.8); }, "0": fit,
      ArrowLeft: function () { pan(-step, 0); }, ArrowRight: function () { pan(step, 0); },
      ArrowUp: function () { pan(0, -step); }, ArrowDown: function () { pan(0, step); },
      Escape: function () { leaveFocus(); clear(); fit(); } };
    if (keys[ev.key]) { keys[ev.key](); ev.preventDefault(); }
  });
  var mini = document.getElementById("minimap"), miniCtx = mini.getContext("2d");
  function drawMinimap() {
    var ids = Array.from(state.shown), r = container.getBoundingClientRect();
    if (!ids.length) { mini.hidden = true; return; }
    var lo = [state.box[0], state.box[1]], hi = [state.box[2], state.box[3]];  // the laid-out boxes
    var a = network.DOMtoCanvas({ x: 0, y: 0 }), b = network.DOMtoCanvas({ x: r.width, y: r.height });
    var larger = lo[0] < a.x || lo[1] < a.y || hi[0] > b.x || hi[1] > b.y;
    mini.hidden = !larger;
    state.minimap = larger;
    if (!larger) { return; }
    var W = mini.width, H = mini.height, x0 = Math.min(lo[0], a.x), y0 = Math.min(lo[1], a.y);
    var k = Math.min(W / (Math.max(hi[0], b.x) - x0 || 1), H / (Math.max(hi[1], b.y) - y0 || 1));
    miniCtx.clearRect(0, 0, W, H);
    miniCtx.fillStyle = "#52606d";
    ids.forEach(function (id) {
      var p = state.pos[id];
      if (p) { miniCtx.fillRect((p[0] - x0) * k - 1, (p[1] - y0) * k - 1, 3, 3); }
    });
    miniCtx.strokeStyle = "#d00000";
    miniCtx.lineWidth = 2;
    miniCtx.strokeRect((a.x - x0) * k, (a.y - y0) * k, (b.x - a.x) * k, (b.y - a.y) * k);
    state.miniScale = { k: k, x0: x0, y0: y0 };
  }
  mini.addEventListener("click", function (ev) {  // jump the view to where the minimap was clicked
    var m = state.miniScale, r = mini.getBoundingClientRect();
    if (!m) { return; }
    network.moveTo({ position: { x: m.x0 + (ev.clientX - r.left) * mini.width / r.width / m.k,
      y: m.y0 + (ev.clientY - r.top) * mini.height / r.height / m.k }, scale: network.getScale(), animation: false });
    drawMinimap();
  });
  network.on("zoom", drawMinimap);
  network.on("dragEnd", drawMinimap);
  state.zoom = zoom;
  state.fit = fit;

  /* ---- out of the room: a PNG of the view at twice its resolution, and print ---- */
  function savePng(done) {
    var w = container.clientWidth, h = container.clientHeight, view = network.getViewPosition(), s = network.getScale();
    network.once("afterDrawing", function () {
      var url = container.querySelector("canvas").toDataURL("image/png");
      network.setSize(w + "px", h + "px");
      network.moveTo({ position: view, scale: s });
      container.style.width = container.style.height = "";
      network.setSize("100%", "100%");
      network.redraw();
      state.lastPng = url;
      var a = document.createElement("a");
      a.href = url;
      a.download = (document.title || "pohon").replace(/[^\w.-]+/g, "-").slice(0, 80) + ".png";
      document.body.appendChild(a);
      a.click();
      a.remove();
      if (done) { done(url); }
    });
    network.setSize(2 * w + "px", 2 * h + "px");  // the same view drawn on a canvas twice as large
    network.moveTo({ position: view, scale: 2 * s });
    network.redraw();
  }
  document.getElementById("save-png").addEventListener("click", function () { savePng(); });
  state.savePng = savePng;
  /* print: the stylesheet hides the controls and gives the canvas the page; re-fit it there and back */
  var printing = window.matchMedia("print");
  function onPrint() { network.setSize("100%", "100%"); network.redraw(); network.fit({ animation: false }); }
  if (printing.addEventListener) { printing.addEventListener("change", onPrint); }
  window.addEventListener("beforeprint", onPrint);
  window.addEventListener("afterprint", onPrint);

  state.open = readableLevels();
  applying = true;  // the page's opening view: the URL's hash, if any, is read next
  foldTo(state.open[1], state.open[0]);
  applying = false;
  levelSel.value = String(state.open[1]);
  readHash();
}());
