// What: the `budget-mismatch` findings (pohon.checks.rules.budget_mismatch), per year of $years:
//   a unit whose komponen anggaran do not add up to its pagu (unit-vs-komponen); the agency (:Instansi)
//   whose pagu is not the sum of its units' pagu (agency-vs-units); a Tabel 10 Kelompok whose units' pagu do
//   not add up to it (group-vs-units); the TOTAL Kelompok vs its groups (total-vs-groups).
//   Differences within Rp 0.05 juta are rounding and not reported. Missing values count as 0, except that a
//   missing expected figure with no parts is skipped.
// Parameters: $dataset (string), $years (list of int, e.g. [2021, 2022, 2023, 2024]).
// Returns: rule, severity, node (graph node id), kind, details {problem, year, expected, actual, difference,
//   parts}.
CALL () {
  MATCH (u:Unit {dataset: $dataset})
  OPTIONAL MATCH (u)-[:HAS_SK]->(:SK)-[:HAS_IKK]->(:IKK)-[:HAS_KOMPONEN]->(k:Komponen)
  RETURN u AS n, collect(k) AS parts, 'ANGGARAN' AS part_value, 'unit-vs-komponen' AS problem
  UNION ALL
  MATCH (a:Instansi {dataset: $dataset})
  OPTIONAL MATCH (a)-[:HAS_UNIT]->(u:Unit)
  RETURN a AS n, collect(u) AS parts, 'PAGU' AS part_value, 'agency-vs-units' AS problem
  UNION ALL
  MATCH (g:Kelompok {dataset: $dataset})-[:COUNTS]->(u)
  RETURN g AS n, collect(u) AS parts, 'PAGU' AS part_value, 'group-vs-units' AS problem
  UNION ALL
  MATCH (g:Kelompok {dataset: $dataset})-[:HAS_PART]->(p:Kelompok)
  RETURN g AS n, collect(p) AS parts, 'PAGU' AS part_value, 'total-vs-groups' AS problem
}
// each part's values read once (not once per year): the parts unwound, their relationships to :Tahun of
// the part's type summed per year
WITH n, parts, size(parts) AS nparts, part_value, problem
UNWIND CASE WHEN nparts = 0 THEN [null] ELSE parts END AS p
OPTIONAL MATCH (p)-[v]->(:Tahun) WHERE type(v) = part_value AND v.tahun IN $years
WITH n, nparts, problem, v.tahun AS year, sum(v.nilai) AS total
WITH n, nparts, problem, collect([year, total]) AS totals
WITH n, nparts, problem, totals, [(n)-[v:PAGU]->(:Tahun) | v] AS own
UNWIND $years AS y
WITH n, nparts, problem, y, head([v IN own WHERE v.tahun = y | v.nilai]) AS expected,
     coalesce(head([t IN totals WHERE t[0] = y | t[1]]), 0.0) AS total
WHERE NOT (expected IS NULL AND nparts = 0)
WITH n, nparts, problem, y, expected, total, round(total - coalesce(expected, 0.0), 2) AS diff
WHERE abs(diff) > 0.05
RETURN 'budget-mismatch' AS rule, 'error' AS severity, n.id AS node, problem AS kind,
       {problem: problem, year: y, expected: expected, actual: round(total, 2), difference: diff,
        parts: nparts} AS details
ORDER BY node, kind, details.year;
