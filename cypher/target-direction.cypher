// What: the `target-direction` findings (pohon.checks.rules.target_direction): an IK classified Maksimasi
//   (the klasifikasi of its first Lampiran III row, :Pedoman) whose target falls from one year to the next
//   year that has a number; an IKK cascading from such an IK whose own target falls (kind falling, one
//   finding per fall).
// Parameters: $dataset (string), $years (list of int).
// Returns: rule, severity, node (graph node id), kind, details {year_from, year_to, target_from, target_to}.
MATCH (ik:IK {dataset: $dataset})
WHERE toLower(head(COLLECT { MATCH (ik)-[:HAS_TARGET_ROW]->(p:Pedoman) RETURN p.klasifikasi ORDER BY p.baris })) =
      'maksimasi'
CALL (ik) {
  RETURN ik AS n
  UNION ALL
  MATCH (ik)-[:CASCADES_TO]->(ikk:IKK)
  RETURN ikk AS n
}
WITH n, [(n)-[t:TARGET]->(:Tahun) WHERE t.nilai IS NOT NULL | t] AS targets
WITH n, [y IN $years | [y, head([t IN targets WHERE t.tahun = y | t.nilai])]] AS series
WITH n, [p IN series WHERE p[1] IS NOT NULL] AS s
UNWIND range(0, size(s) - 2) AS i
WITH n, s[i] AS a, s[i + 1] AS b
WHERE b[1] < a[1]
RETURN 'target-direction' AS rule, 'warning' AS severity, n.id AS node, 'falling' AS kind,
       {year_from: a[0], year_to: b[0], target_from: a[1], target_to: b[1]} AS details
ORDER BY node, details.year_from;
