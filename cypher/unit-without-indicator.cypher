// What: the `unit-without-indicator` findings (pohon.checks.rules.unit_without_indicator): a unit (not the
//   agency itself, kelompok TOTAL) that carries no IK in the cascading matrix (problem no-ik) or has no IKK
//   under its SKs (no-ikk).
// Parameters: $dataset (string).
// Returns: rule, severity, node (graph node id), details.
CALL () {
  MATCH (u:Unit {dataset: $dataset})
  WHERE toUpper(coalesce(u.kelompok, '')) <> 'TOTAL' AND NOT EXISTS { MATCH ()-[:CARRIED_BY]->(u) }
  RETURN u.id AS node, {problem: 'no-ik', tipe: u.tipe} AS details
  UNION ALL
  MATCH (u:Unit {dataset: $dataset})
  WHERE toUpper(coalesce(u.kelompok, '')) <> 'TOTAL'
    AND NOT EXISTS { MATCH (u)-[:HAS_SK]->(:SK)-[:HAS_IKK]->(:IKK) }
  RETURN u.id AS node, {problem: 'no-ikk', tipe: u.tipe} AS details
}
RETURN 'unit-without-indicator' AS rule, 'warning' AS severity, node, details
ORDER BY node, details.problem;
