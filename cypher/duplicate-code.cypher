// What: the `duplicate-code` findings (pohon.checks.rules.duplicate_code):
//   same-section (error): in one Lampiran III section (:Pedoman rows of one `bagian`), one code used by
//   several rows whose names differ after normalising (lower case, every run of characters other than
//   0-9 a-z one separator); the node is the IK of that code, or `kode:<code>` when Lampiran IV has none.
//   other-table (warning): a Lampiran III / Tabel 2 / Lampiran II row naming an IK code with another
//   name than Lampiran IV's. The Python rule calls two names different when difflib's SequenceMatcher
//   ratio of the normalised names is below 0.9 (a typo or a dropped word is the same name); Cypher has no
//   such similarity (no APOC on Community Edition, and a Cypher edit distance over 100k rows is not
//   linear). So here other-table is only what can be said exactly: rows whose normalised name is not the
//   IK's. Every Python other-table finding is among them (tests/neo4j/test_cypher_and_cli.py holds that);
//   some of them are names the Python rule takes as the same.
// Parameters: $dataset (string).
// Returns: rule, severity, node, kind, details {code, bagian | source, ...}.
CALL () {
  MATCH (p:Pedoman {dataset: $dataset})
  WITH p, [w IN split(reduce(s = '', c IN split(toLower(coalesce(p.indikator, '')), '') |
                 s + CASE WHEN c =~ '[0-9a-z]' THEN c ELSE ' ' END), ' ') WHERE w <> ''] AS words
  WITH p.bagian AS bagian, p.kode AS kode, collect(p) AS rows, collect(DISTINCT words) AS names
  WHERE size(rows) > 1 AND size(names) > 1
  RETURN CASE WHEN EXISTS { MATCH (:IK)-[:HAS_TARGET_ROW]->(r) WHERE r IN rows }
              THEN 'IK:' + kode ELSE 'kode:' + coalesce(kode, '') END AS node,
         'same-section' AS kind, 'error' AS severity,
         {code: kode, bagian: bagian, uses: [r IN rows | {indikator: r.indikator, baris: r.baris}]} AS details
  UNION ALL
  MATCH (ik:IK {dataset: $dataset})-[:HAS_TARGET_ROW]->(r:TargetRow|Pedoman)
  WHERE r.indikator IS NOT NULL
  WITH ik, r, [n IN [ik.nama, r.indikator] |
               [w IN split(reduce(s = '', c IN split(toLower(n), '') |
                  s + CASE WHEN c =~ '[0-9a-z]' THEN c ELSE ' ' END), ' ') WHERE w <> '']] AS names
  WHERE names[0] <> names[1]
  RETURN ik.id AS node, 'other-table' AS kind, 'warning' AS severity,
         {code: ik.kode, source: CASE WHEN r:Pedoman THEN 'lampiran_iii:' + r.bagian ELSE r.sumber END,
          indikator: r.indikator, baris: r.baris, lampiran_iv: ik.nama} AS details
}
RETURN 'duplicate-code' AS rule, severity, node, kind, details
ORDER BY node, kind;
