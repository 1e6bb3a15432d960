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
UNWIND $years AS y
WITH n, parts, part_value, problem, y, head([(n)-[v:PAGU]->(t:Tahun) WHERE t.tahun = y | v.nilai]) AS expected
WHERE NOT (expected IS NULL AND size(parts) = 0)
WITH n, parts, problem, y, expected,
     reduce(s = 0.0, p IN parts |
       s + coalesce(head([(p)-[v]->(t:Tahun) WHERE t.tahun = y AND type(v) = part_value | v.nilai]), 0.0)) AS total
WITH n, parts, problem, y, expected, total, round(total - coalesce(expected, 0.0), 2) AS diff
WHERE abs(diff) > 0.05
RETURN 'budget-mismatch' AS rule, 'error' AS severity, n.id AS node, problem AS kind,
       {problem: problem, year: y, expected: expected, actual: round(total, 2), difference: diff,
        parts: size(parts)} AS details
ORDER BY node, kind, details.year;
