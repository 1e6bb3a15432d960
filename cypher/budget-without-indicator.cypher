// What: the `budget-without-indicator` findings (pohon.checks.rules.budget_without_indicator):
//   a komponen with budget (sum of its ANGGARAN over $years > 0) whose IKK no IK cascades to
//   (ikk-without-ik); a komponen marked * (bintang) without budget whose unit has no funded komponen of the
//   same normalised name (star-without-funded; a warning: the twin may be spelled differently). Names are
//   normalised like pohon's `normalise`: lower case, every run of characters other than 0-9 a-z is one
//   separator. The Python rule also names the closest funded komponen (difflib similarity,
//   `closest_funded`); plain Cypher has no such measure, so that detail is left out here.
// Parameters: $dataset (string), $years (list of int, e.g. [2021, 2022, 2023, 2024]).
// Returns: rule, severity, node (graph node id), kind, details; details.anggaran is the list of the
//   komponen's anggaran per year in $years order (null where empty).
// How: each komponen's total and IKK once; then the komponen grouped by unit, so a starred one is compared
//   with the funded names of its own unit only (comparing with every komponen of the dataset was
//   quadratic: 154 s on 103k komponen), and names are normalised only where a unit has such a komponen.
MATCH (k:Komponen {dataset: $dataset})
WITH k, [(k)-[a:ANGGARAN]->(:Tahun) | a] AS values
WITH k, [y IN $years | head([a IN values WHERE a.tahun = y | a.nilai])] AS anggaran
WITH k, anggaran, reduce(t = 0.0, v IN anggaran | t + coalesce(v, 0.0)) AS total,
     head([(i:IKK)-[:HAS_KOMPONEN]->(k) | i]) AS ikk
WITH k.unit AS unit, collect({k: k, anggaran: anggaran, total: total, ikk: ikk}) AS rows
WITH unit, rows, [r IN rows WHERE coalesce(r.k.bintang, false) AND r.total = 0] AS stars
// names are normalised only in units that have an unfunded * komponen (normalising 100k names: 3.4 s)
WITH rows, stars,
     CASE WHEN unit IS NULL OR size(stars) = 0 THEN [] ELSE
       [r IN rows WHERE r.total > 0 |
        [w IN split(reduce(s = '', c IN split(toLower(r.k.nama), '') |
                      s + CASE WHEN c =~ '[0-9a-z]' THEN c ELSE ' ' END), ' ') WHERE w <> '']] END AS funded
CALL (rows, stars, funded) {
  UNWIND rows AS row
  WITH row, row.ikk AS ikk
  WHERE row.total > 0 AND ikk IS NOT NULL AND NOT EXISTS { (:IK)-[:CASCADES_TO]->(ikk) }
  RETURN row.k AS k, {problem: 'ikk-without-ik', ikk: ikk.id, anggaran: row.anggaran,
                      total: round(row.total, 2)} AS details, 'error' AS severity
  UNION ALL
  UNWIND stars AS row
  WITH row, funded,
       [w IN split(reduce(s = '', c IN split(toLower(row.k.nama), '') |
                     s + CASE WHEN c =~ '[0-9a-z]' THEN c ELSE ' ' END), ' ') WHERE w <> ''] AS words
  WHERE NOT words IN funded
  RETURN row.k AS k, {problem: 'star-without-funded', nama: row.k.nama, unit: row.k.unit} AS details,
         'warning' AS severity
}
RETURN 'budget-without-indicator' AS rule, severity, k.id AS node, details.problem AS kind, details
ORDER BY node, kind;
