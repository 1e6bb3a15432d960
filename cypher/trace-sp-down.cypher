// What: everything under a Sasaran Program: its IKs, the units carrying them, the IKKs cascading to them
//   (with their SK and unit) and those IKKs' komponen. One row per node reached, with the node it was
//   reached from.
// Parameters: $dataset (string), $sp (the SP's node id, e.g. 'SP:SP3').
// Returns: depth (1 = IK ... 4 = komponen), kind, node (id), nama, parent (id), rel (the edge type followed).
MATCH (sp:SP {dataset: $dataset, id: $sp})
CALL (sp) {
  MATCH (sp)-[:HAS_IK]->(ik:IK)
  RETURN 1 AS depth, ik AS n, sp AS parent, 'HAS_IK' AS rel
  UNION ALL
  MATCH (sp)-[:HAS_IK]->(ik:IK)-[:CARRIED_BY]->(u:Unit)
  RETURN 2 AS depth, u AS n, ik AS parent, 'CARRIED_BY' AS rel
  UNION ALL
  MATCH (sp)-[:HAS_IK]->(ik:IK)<-[:CASCADES_TO]-(ikk:IKK)
  RETURN 2 AS depth, ikk AS n, ik AS parent, 'CASCADES_TO' AS rel
  UNION ALL
  MATCH (sp)-[:HAS_IK]->(:IK)<-[:CASCADES_TO]-(ikk:IKK)<-[:HAS_IKK]-(sk:SK)
  RETURN 3 AS depth, sk AS n, ikk AS parent, 'HAS_IKK' AS rel
  UNION ALL
  MATCH (sp)-[:HAS_IK]->(:IK)<-[:CASCADES_TO]-(:IKK)<-[:HAS_IKK]-(sk:SK)<-[:HAS_SK]-(u:Unit)
  RETURN 4 AS depth, u AS n, sk AS parent, 'HAS_SK' AS rel
  UNION ALL
  MATCH (sp)-[:HAS_IK]->(:IK)<-[:CASCADES_TO]-(ikk:IKK)-[:HAS_KOMPONEN]->(k:Komponen)
  RETURN 3 AS depth, k AS n, ikk AS parent, 'HAS_KOMPONEN' AS rel
}
RETURN DISTINCT depth, labels(n)[0] AS kind, n.id AS node, n.nama AS nama, parent.id AS parent, rel
ORDER BY depth, kind, node, parent;
