// What: the `single-output-outcome` findings (pohon.checks.rules.single_output_outcome): an IK that
//   exactly one IKK, across every unit, cascades to (kind single).
// Parameters: $dataset (string).
// Returns: rule, severity, node (graph node id), kind, details {ikk, unit}.
MATCH (ik:IK {dataset: $dataset})
WHERE COUNT { (ik)-[:CASCADES_TO]->(:IKK) } = 1
MATCH (ik)-[:CASCADES_TO]->(ikk:IKK)
RETURN 'single-output-outcome' AS rule, 'info' AS severity, ik.id AS node, 'single' AS kind,
       {ikk: ikk.id, unit: ikk.unit} AS details
ORDER BY node;
