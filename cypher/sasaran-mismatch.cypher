// What: the `sasaran-mismatch` findings (pohon.checks.rules.sasaran_mismatch): an IKK under an SK whose
//   SP (the SK's `sp`) is not the SP of the IK the IKK cascades to (kind sk-vs-ik).
// Parameters: $dataset (string).
// Returns: rule, severity, node (graph node id), kind, details {sk, sk_sp, ik, ik_sp}.
MATCH (sk:SK {dataset: $dataset})-[:HAS_IKK]->(ikk:IKK)<-[:CASCADES_TO]-(ik:IK)
WHERE sk.sp IS NOT NULL AND sk.sp <> ik.sp
RETURN 'sasaran-mismatch' AS rule, 'warning' AS severity, ikk.id AS node, 'sk-vs-ik' AS kind,
       {sk: sk.id, sk_sp: sk.sp, ik: ik.id, ik_sp: ik.sp} AS details
ORDER BY node;
