// What: the `starred-with-budget` findings (pohon.checks.rules.starred_with_budget): a komponen marked *
//   (its budget sits on another indicator) that carries a budget all the same: the sum of its ANGGARAN
//   over $years is above 0 (kind funded-star).
// Parameters: $dataset (string), $years (list of int, e.g. [2021, 2022, 2023, 2024]).
// Returns: rule, severity, node (graph node id), kind, details {anggaran (list in $years order), total}.
MATCH (k:Komponen {dataset: $dataset})
WHERE k.bintang
WITH k, [(k)-[a:ANGGARAN]->(:Tahun) | a] AS values
WITH k, [y IN $years | head([a IN values WHERE a.tahun = y | a.nilai])] AS anggaran
WITH k, anggaran, reduce(s = 0.0, v IN anggaran | s + coalesce(v, 0.0)) AS total
WHERE total > 0
RETURN 'starred-with-budget' AS rule, 'warning' AS severity, k.id AS node, 'funded-star' AS kind,
       {anggaran: anggaran, total: round(total, 2)} AS details
ORDER BY node;
