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
// How: each komponen's total, normalised name and IKK once; then the komponen grouped by unit, so a
//   starred one is compared with the funded names of its own unit only (comparing with every komponen of
//   the dataset was quadratic: 154 s on 103k komponen).
MATCH (k:Komponen {dataset: $dataset})
WITH k, [y IN $years | head([(k)-[a:ANGGARAN]->(t:Tahun) WHERE t.tahun = y | a.nilai])] AS anggaran
WITH k, anggaran, reduce(t = 0.0, v IN anggaran | t + coalesce(v, 0.0)) AS total,
     [w IN split(reduce(s = '', c IN split(toLower(k.nama), '') | s + CASE WHEN c =~ '[0-9a-z]' THEN c ELSE ' ' END), ' ')
      WHERE w <> ''] AS words,
     head(COLLECT { MATCH (i:IKK)-[:HAS_KOMPONEN]->(k) RETURN i ORDER BY i.id }) AS ikk
WITH k.unit AS unit, collect({k: k, anggaran: anggaran, total: total, words: words, ikk: ikk}) AS rows
WITH rows, CASE WHEN unit IS NULL THEN [] ELSE [r IN rows WHERE r.total > 0 | r.words] END AS funded
UNWIND rows AS row
WITH row.k AS k, row.anggaran AS anggaran, row.total AS total, row.words AS words, row.ikk AS ikk, funded
CALL (k, anggaran, total, words, ikk, funded) {
  WITH k, anggaran, total, ikk
  WHERE total > 0 AND ikk IS NOT NULL AND NOT EXISTS { (:IK)-[:CASCADES_TO]->(ikk) }
  RETURN {problem: 'ikk-without-ik', ikk: ikk.id, anggaran: anggaran, total: round(total, 2)} AS details,
         'error' AS severity
  UNION ALL
  WITH k, total, words, funded
  WHERE coalesce(k.bintang, false) AND total = 0 AND NOT words IN funded
  RETURN {problem: 'star-without-funded', nama: k.nama, unit: k.unit} AS details, 'warning' AS severity
}
RETURN 'budget-without-indicator' AS rule, severity, k.id AS node, details.problem AS kind, details
ORDER BY node, kind;
