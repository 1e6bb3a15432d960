// What: the `orphan-indicator` findings (pohon.checks.rules.orphan_indicator), one row per finding:
//   an IK with no Sasaran Program (problem no-sp) or whose SPs no Sasaran Strategis cascades to (no-ss);
//   an IK no unit carries (no-unit); an IKK that cascades to no IK, naming an unknown IK code (unknown-ik)
//   or none (no-ik).
// Parameters: $dataset (string, the dataset name).
// Returns: rule, severity, node (the graph node id), details (the same keys as the Python finding).
CALL () {
  MATCH (ik:IK {dataset: $dataset})
  OPTIONAL MATCH (sp:SP {dataset: $dataset})-[:HAS_IK]->(ik)
  WITH ik, sp ORDER BY sp.id
  WITH ik, collect(sp) AS sps
  WITH ik, sps, [s IN sps WHERE EXISTS { MATCH ()-[:CASCADES_TO]->(s) }] AS reached
  WHERE size(sps) = 0 OR size(reached) = 0
  RETURN ik.id AS node,
         CASE WHEN size(sps) = 0 THEN {problem: 'no-sp', sp: ik.sp}
              ELSE {problem: 'no-ss', sp: [s IN sps | s.id]} END AS details
  UNION ALL
  MATCH (ik:IK {dataset: $dataset})
  WHERE NOT EXISTS { MATCH (ik)-[:CARRIED_BY]->() }
  RETURN ik.id AS node, {problem: 'no-unit', unit_types: coalesce(ik.unitTypes, [])} AS details
  UNION ALL
  MATCH (ikk:IKK {dataset: $dataset})
  WHERE NOT EXISTS { MATCH (ikk)-[:CASCADES_TO]->() }
  RETURN ikk.id AS node,
         CASE WHEN coalesce(ikk.ik, '') <> '' THEN {problem: 'unknown-ik', ik: ikk.ik, unit: ikk.unit}
              ELSE {problem: 'no-ik', unit: ikk.unit, catatan: coalesce(ikk.catatan, '')} END AS details
}
RETURN 'orphan-indicator' AS rule, 'error' AS severity, node, details
ORDER BY node, details.problem;
