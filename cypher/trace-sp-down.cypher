// What: everything under a Sasaran Program: every node reachable from it along the cascade's
//   relationships, which all point goal -> money: its IKs, the IKKs they cascade to, those IKKs' komponen,
//   and its SKs (SP -CASCADES_TO-> SK) with their IKKs and komponen. One row per node reached, with the
//   node it was reached from. Units are not below an SP (they carry IKs: Unit -CARRIES-> IK).
// Parameters: $dataset (string), $sp (the SP's node id, e.g. 'SP:SP3').
// Returns: depth (1 = IK or SK ... 3 = komponen), kind, node (id), nama, parent (id), rel (the type followed).
MATCH (sp:Pohon:SP {dataset: $dataset, id: $sp})
MATCH p = (sp)-[:HAS_IK|CASCADES_TO|HAS_IKK|HAS_KOMPONEN*1..3]->(n)
WITH length(p) AS depth, n, nodes(p)[-2] AS parent, type(last(relationships(p))) AS rel
RETURN DISTINCT depth, [l IN labels(n) WHERE l <> 'Pohon'][0] AS kind, n.id AS node, n.nama AS nama,
       parent.id AS parent, rel
ORDER BY depth, kind, node, parent;
