// What: the `orphan-indicator` findings (pohon.checks.rules.orphan_indicator), one row per finding:
//   an IK with no Sasaran Program (problem no-sp) or whose SPs no Sasaran Strategis cascades to (no-ss);
//   an IK no unit carries (no-unit); an IKK no IK cascades to, naming an unknown IK code (unknown-ik)
//   or none (no-ik).
// Parameters: $dataset (string, the dataset name).
// Returns: rule, severity, node (the graph node id), kind, details (the same keys as the Python finding).
CALL () {
  MATCH (ik:IK {dataset: $dataset})
  OPTIONAL MATCH (sp:SP)-[:HAS_IK]->(ik)
  WITH ik, sp ORDER BY sp.id
  WITH ik, collect(sp) AS sps
  WITH ik, sps, [s IN sps WHERE EXISTS { (:SS)-[:CASCADES_TO]->(s) }] AS reached
  WHERE size(sps) = 0 OR size(reached) = 0
  RETURN ik.id AS node,
         CASE WHEN size(sps) = 0 THEN {problem: 'no-sp', sp: ik.sp}
              ELSE {problem: 'no-ss', sp: [s IN sps | s.id]} END AS details
  UNION ALL
  MATCH (ik:IK {dataset: $dataset})
  WHERE NOT EXISTS { (:Unit|Instansi)-[:CARRIES]->(ik) }
  RETURN ik.id AS node, {problem: 'no-unit', unit_types: coalesce(ik.unitTypes, [])} AS details
  UNION ALL
  MATCH (ikk:IKK {dataset: $dataset})
  WHERE NOT EXISTS { (:IK)-[:CASCADES_TO]->(ikk) }
  RETURN ikk.id AS node,
         CASE WHEN ikk.ik IS NOT NULL THEN {problem: 'unknown-ik', ik: ikk.ik, unit: ikk.unit}
              ELSE {problem: 'no-ik', unit: ikk.unit, catatan: coalesce(ikk.catatan, '')} END AS details
}
RETURN 'orphan-indicator' AS rule, 'error' AS severity, node, details.problem AS kind, details
ORDER BY node, kind;
