// What: the `budget-mismatch` findings (pohon.checks.rules.budget_mismatch), per year of $years:
//   a unit whose komponen anggaran do not add up to its pagu (unit-vs-komponen); the agency (kelompok TOTAL)
//   whose pagu is not the sum of all other units' pagu (agency-vs-units); a Tabel 10 Kelompok whose units'
//   pagu do not add up to it (group-vs-units); the TOTAL Kelompok vs its groups (total-vs-groups).
//   Differences within Rp 0.05 juta are rounding and not reported. Missing values count as 0, except that a
//   missing expected figure with no parts is skipped.
// Parameters: $dataset (string), $years (list of int, e.g. [2021, 2022, 2023, 2024]).
// Returns: rule, severity, node (graph node id), details {problem, year, expected, actual, difference, parts}.
CALL () {
  MATCH (u:Unit {dataset: $dataset})
  WHERE toUpper(coalesce(u.kelompok, '')) <> 'TOTAL'
  OPTIONAL MATCH (u)-[:HAS_SK]->(:SK)-[:HAS_IKK]->(:IKK)-[:HAS_KOMPONEN]->(k:Komponen)
  RETURN u AS n, collect(k) AS parts, 'anggaran' AS part_attr, 'unit-vs-komponen' AS problem
  UNION ALL
  MATCH (u:Unit {dataset: $dataset})
  WHERE toUpper(coalesce(u.kelompok, '')) = 'TOTAL'
  OPTIONAL MATCH (o:Unit {dataset: $dataset}) WHERE toUpper(coalesce(o.kelompok, '')) <> 'TOTAL'
  RETURN u AS n, collect(o) AS parts, 'pagu' AS part_attr, 'agency-vs-units' AS problem
  UNION ALL
  MATCH (g:Kelompok {dataset: $dataset})<-[:COUNTED_IN]-(u:Unit)
  RETURN g AS n, collect(u) AS parts, 'pagu' AS part_attr, 'group-vs-units' AS problem
  UNION ALL
  MATCH (g:Kelompok {dataset: $dataset})<-[:PART_OF]-(p:Kelompok)
  RETURN g AS n, collect(p) AS parts, 'pagu' AS part_attr, 'total-vs-groups' AS problem
}
UNWIND $years AS y
WITH n, parts, part_attr, problem, y, n['pagu' + toString(y)] AS expected
WHERE NOT (expected IS NULL AND size(parts) = 0)
WITH n, parts, problem, y, expected,
     reduce(t = 0.0, p IN parts | t +
       CASE WHEN p[part_attr + toString(y)] IS :: INTEGER NOT NULL OR p[part_attr + toString(y)] IS :: FLOAT NOT NULL
            THEN toFloat(p[part_attr + toString(y)]) ELSE 0.0 END) AS total,
     CASE WHEN expected IS :: INTEGER NOT NULL OR expected IS :: FLOAT NOT NULL THEN toFloat(expected) ELSE 0.0 END AS want
WITH n, parts, problem, y, expected, total, round(total - want, 2) AS diff
WHERE abs(diff) > 0.05
RETURN 'budget-mismatch' AS rule, 'error' AS severity, n.id AS node,
       {problem: problem, year: y, expected: expected, actual: round(total, 2), difference: diff,
        parts: size(parts)} AS details
ORDER BY node, details.problem, details.year;
