// What: the `target-conflict` findings (pohon.checks.rules.target_conflict): per year of $years, an IK
//   whose numeric targets differ between its Tabel 2 and Lampiran II rows (:TargetRow) (kind differs).
// Parameters: $dataset (string), $years (list of int).
// Returns: rule, severity, node (graph node id), kind, details {year, targets [{sumber, baris, target}]}.
MATCH (ik:IK {dataset: $dataset})-[:HAS_TARGET_ROW]->(r:TargetRow)-[t:TARGET]->(:Tahun)
WHERE t.tahun IN $years AND t.nilai IS NOT NULL
WITH ik, t.tahun AS year, r, t ORDER BY r.sumber, r.baris
WITH ik, year, collect(DISTINCT t.nilai) AS values, collect({sumber: r.sumber, baris: r.baris, target: t.nilai}) AS targets
WHERE size(values) > 1
RETURN 'target-conflict' AS rule, 'warning' AS severity, ik.id AS node, 'differs' AS kind,
       {year: year, targets: targets} AS details
ORDER BY node, details.year;
