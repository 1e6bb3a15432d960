// What: the `matrix-inconsistency` findings (pohon.checks.rules.matrix_inconsistency): an IK whose unit
//   types marked in Lampiran IV (`unitTypes`) differ from the ones its Lampiran II row names in prose
//   ("Unit Terkait", e.g. "Set, BBSPJI dan BSPJI") or from the unit types of the Lampiran III sections that
//   list its code (kind disagree). The prose is read as pohon.checks.units.UnitTypes reads it: split at
//   `,` `;` `/` and the word `dan`; each part is a unit type by name (any case), "Set"/"Sekretariat…" the
//   sekretariat types, "seluruh unit"/"semua unit" all types, "balai besar" the Balai Besar types, "balai"
//   the UPT types; a section is its unit type by name, or for BALAI the UPT types its Penanggung Jawab names
//   (all UPT types if none). The types come from the units (:Unit, not the agency).
// Parameters: $dataset (string).
// Returns: rule, severity, node (graph node id), kind, details {lampiran_iv, unit_terkait, lampiran_iii}
//   (lists of unit types, unordered).
MATCH (u:Unit {dataset: $dataset})
WITH collect(DISTINCT u.tipe) AS alltypes,
     collect(DISTINCT CASE WHEN toUpper(u.kelompok) = 'UPT' THEN u.tipe END) AS upt,
     collect(DISTINCT CASE WHEN toLower(u.nama) STARTS WITH 'balai besar' THEN u.tipe END) AS bb,
     collect(DISTINCT CASE WHEN toLower(u.nama) STARTS WITH 'sekretariat' THEN u.tipe END) AS sek
MATCH (ik:IK {dataset: $dataset})
WITH ik, alltypes, upt, bb, sek, coalesce(ik.unitTypes, []) AS matrix,
     coalesce(head(COLLECT { MATCH (ik)-[:HAS_TARGET_ROW]->(r:TargetRow {sumber: 'lampiran2'})
                             RETURN r.unitTerkait ORDER BY r.baris DESC }), '') AS text,
     COLLECT { MATCH (ik)-[:HAS_TARGET_ROW]->(p:Pedoman) RETURN p } AS sections
// Unit Terkait split into parts, as UnitTypes.parse does (re.split(r",|;|\bdan\b|/")), each part's
// whitespace collapsed
WITH ik, alltypes, upt, bb, sek, matrix, text, sections,
     reduce(st = {toks: [], cur: '', skip: 0}, i IN range(0, size(text) - 1) |
       CASE
         WHEN st.skip > 0 THEN {toks: st.toks, cur: st.cur, skip: st.skip - 1}
         WHEN substring(text, i, 1) IN [',', ';', '/'] THEN {toks: st.toks + [st.cur], cur: '', skip: 0}
         WHEN substring(text, i, 3) = 'dan' AND (i = 0 OR NOT substring(text, i - 1, 1) =~ '(?U)\\w')
              AND (i + 3 >= size(text) OR NOT substring(text, i + 3, 1) =~ '(?U)\\w')
           THEN {toks: st.toks + [st.cur], cur: '', skip: 2}
         ELSE {toks: st.toks, cur: st.cur + substring(text, i, 1), skip: 0}
       END) AS st
WITH ik, alltypes, upt, bb, sek, matrix, text, sections,
     [t IN [p IN st.toks + [st.cur] |
            trim(reduce(s = '', c IN split(p, '') |
              s + CASE WHEN c =~ '(?U)\\s' THEN CASE WHEN s = '' OR s ENDS WITH ' ' THEN '' ELSE ' ' END ELSE c END))]
      WHERE t <> ''] AS parts
// every phrase (the parts, then each section's Penanggung Jawab) read into unit types as UnitTypes.token
WITH ik, alltypes, upt, matrix, text, sections, size(parts) AS np,
     [t IN parts + [p IN sections | coalesce(p.penanggungJawab, '')] |
       CASE
         WHEN toUpper(t) IN [x IN alltypes | toUpper(x)] THEN [x IN alltypes WHERE toUpper(x) = toUpper(t)][..1]
         WHEN toLower(t) IN ['set', 'sekretariat'] OR toLower(t) STARTS WITH 'sekretariat' THEN sek
         WHEN toLower(t) CONTAINS 'seluruh unit' OR toLower(t) CONTAINS 'semua unit' THEN alltypes
         WHEN toLower(t) CONTAINS 'balai besar' THEN bb
         WHEN toLower(t) CONTAINS 'balai' THEN upt
         ELSE [] END] AS typed
// a section: its unit type by name; BALAI: the UPT types its Penanggung Jawab names, else every UPT type
WITH ik, matrix, text, typed[..np] AS per_part,
     [i IN range(0, size(sections) - 1) |
       CASE
         WHEN toUpper(sections[i].bagian) IN [x IN alltypes | toUpper(x)]
           THEN [x IN alltypes WHERE toUpper(x) = toUpper(sections[i].bagian)][..1]
         WHEN toUpper(sections[i].bagian) = 'BALAI'
           THEN CASE WHEN any(x IN typed[np + i] WHERE x IN upt) THEN [x IN typed[np + i] WHERE x IN upt] ELSE upt END
         ELSE [] END] AS per_section
WITH ik, matrix, text,
     reduce(acc = [], l IN per_part | acc + [x IN l WHERE NOT x IN acc]) AS terkait,
     reduce(acc = [], l IN per_section | acc + [x IN l WHERE NOT x IN acc]) AS lampiran_iii
WITH ik, matrix, text, terkait, lampiran_iii,
     text <> '' AND NOT (all(x IN terkait WHERE x IN matrix) AND all(x IN matrix WHERE x IN terkait)) AS terkait_differs,
     size(lampiran_iii) > 0
       AND NOT (all(x IN lampiran_iii WHERE x IN matrix) AND all(x IN matrix WHERE x IN lampiran_iii)) AS iii_differs
WHERE terkait_differs OR iii_differs
RETURN 'matrix-inconsistency' AS rule, 'warning' AS severity, ik.id AS node, 'disagree' AS kind,
       {lampiran_iv: matrix, unit_terkait: CASE WHEN text <> '' THEN terkait END,
        lampiran_iii: CASE WHEN size(lampiran_iii) > 0 THEN lampiran_iii END, unit_terkait_text: text} AS details
ORDER BY node;
