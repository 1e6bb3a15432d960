// What: the `unit-without-indicator` findings (pohon.checks.rules.unit_without_indicator): a unit (the
//   agency is :Instansi, not :Unit) that carries no IK in the cascading matrix (problem no-ik) or has no
//   IKK under its SKs (no-ikk).
// Parameters: $dataset (string).
// Returns: rule, severity, node (graph node id), kind, details.
CALL () {
  MATCH (u:Unit {dataset: $dataset})
  WHERE NOT EXISTS { (u)-[:CARRIES]->(:IK) }
  RETURN u.id AS node, {problem: 'no-ik', tipe: u.tipe} AS details
  UNION ALL
  MATCH (u:Unit {dataset: $dataset})
  WHERE NOT EXISTS { (u)-[:HAS_SK]->(:SK)-[:HAS_IKK]->(:IKK) }
  RETURN u.id AS node, {problem: 'no-ikk', tipe: u.tipe} AS details
}
RETURN 'unit-without-indicator' AS rule, 'warning' AS severity, node, details.problem AS kind, details
ORDER BY node, kind;
