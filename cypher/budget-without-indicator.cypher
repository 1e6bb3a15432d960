// What: the `budget-without-indicator` findings (pohon.checks.rules.budget_without_indicator):
//   a komponen with budget (sum of anggaran over $years > 0) whose IKK cascades to no IK (ikk-without-ik);
//   a komponen marked * (bintang) without budget whose unit has no funded komponen of the same normalised
//   name (star-without-funded; a warning: the twin may be spelled differently). Names are normalised like
//   pohon's `normalise`: lower case, every run of characters other than 0-9 a-z is one separator. The
//   Python rule also names the closest funded komponen (difflib similarity, `closest_funded`); plain Cypher
//   has no such measure, so that detail is left out here.
// Parameters: $dataset (string), $years (list of int, e.g. [2021, 2022, 2023, 2024]).
// Returns: rule, severity, node (graph node id), details; details.anggaran is the list of the komponen's
//   anggaran per year in $years order (null where empty).
MATCH (k:Komponen {dataset: $dataset})
WITH k, reduce(t = 0.0, y IN $years | t +
       CASE WHEN k['anggaran' + toString(y)] IS :: INTEGER NOT NULL OR k['anggaran' + toString(y)] IS :: FLOAT NOT NULL
            THEN toFloat(k['anggaran' + toString(y)]) ELSE 0.0 END) AS total,
     [w IN split(reduce(s = '', c IN split(toLower(k.nama), '') | s + CASE WHEN c =~ '[0-9a-z]' THEN c ELSE ' ' END), ' ')
      WHERE w <> ''] AS words
WITH collect({k: k, total: total, words: words}) AS all
UNWIND all AS row
WITH all, row, row.k AS k, row.total AS total
OPTIONAL MATCH (ikk:IKK)-[:HAS_KOMPONEN]->(k)
WITH all, row, k, total, ikk ORDER BY ikk.id
WITH all, row, k, total, head(collect(ikk)) AS ikk
CALL (all, row, k, total, ikk) {
  WITH all, row, k, total, ikk
  WHERE total > 0 AND ikk IS NOT NULL AND NOT EXISTS { MATCH (ikk)-[:CASCADES_TO]->() }
  RETURN {problem: 'ikk-without-ik', ikk: ikk.id, anggaran: [y IN $years | k['anggaran' + toString(y)]],
          total: round(total, 2)} AS details, 'error' AS severity
  UNION ALL
  WITH all, row, k, total
  WHERE coalesce(k.bintang, false) AND total = 0
    AND NONE(o IN all WHERE o.total > 0 AND o.k.unit = k.unit AND o.words = row.words)
  RETURN {problem: 'star-without-funded', nama: k.nama, unit: k.unit} AS details, 'warning' AS severity
}
RETURN 'budget-without-indicator' AS rule, severity, k.id AS node, details
ORDER BY node, details.problem;
