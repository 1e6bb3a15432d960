// What: the `target-missing` findings (pohon.checks.rules.target_missing): an IK with no target for some
//   year of $years in any table that states IK targets (its :TargetRow rows, Tabel 2 / Lampiran II, and
//   its :Pedoman rows, Lampiran III), and an IKK with no TARGET of its own for some year. A text target
//   (`BB`, a TARGET with `teks`) is a target. Kind no-target when no year has one, else missing-years.
// Parameters: $dataset (string), $years (list of int).
// Returns: rule, severity, node (graph node id), kind, details {years (missing), stated}.
CALL () {
  MATCH (ik:IK {dataset: $dataset})
  RETURN ik AS n, [y IN $years WHERE EXISTS {
           MATCH (ik)-[:HAS_TARGET_ROW]->(:TargetRow|Pedoman)-[t:TARGET]->(:Tahun) WHERE t.tahun = y }] AS stated
  UNION ALL
  MATCH (ikk:IKK {dataset: $dataset})
  RETURN ikk AS n, [y IN $years WHERE EXISTS { MATCH (ikk)-[t:TARGET]->(:Tahun) WHERE t.tahun = y }] AS stated
}
WITH n, stated, [y IN $years WHERE NOT y IN stated] AS missing
WHERE size(missing) > 0
RETURN 'target-missing' AS rule, 'warning' AS severity, n.id AS node,
       CASE WHEN size(stated) = 0 THEN 'no-target' ELSE 'missing-years' END AS kind,
       {years: missing, stated: stated} AS details
ORDER BY node;
