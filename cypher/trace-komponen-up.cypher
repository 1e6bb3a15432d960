// What: where does this komponen's money go? From a komponen up through its IKK, SK and unit to the IK that
//   cascades to its IKK, that IK's Tujuan and Sasaran Program, and the Sasaran Strategis above the SP.
//   Every relationship points goal -> money, so this walks them backwards. One row per route (an IK may
//   hang on several SPs/Tujuan); a missing link gives nulls from there up.
// Parameters: $dataset (string), $komponen (the komponen's node id, e.g. 'Komponen:P4SI:SK.1.2:A').
// Returns: komponen, ikk, sk, unit, ik, tujuan, sp, ss (node ids) and ssNama, plus the path as a list of
//   {id, kind, nama} from the komponen upwards.
MATCH (k:Pohon:Komponen {dataset: $dataset, id: $komponen})
OPTIONAL MATCH (ikk:IKK)-[:HAS_KOMPONEN]->(k)
OPTIONAL MATCH (unit:Unit|Instansi)-[:HAS_SK]->(sk:SK)-[:HAS_IKK]->(ikk)
OPTIONAL MATCH (ik:IK)-[:CASCADES_TO]->(ikk)
OPTIONAL MATCH (tujuan:Tujuan)-[:HAS_IK]->(ik)
OPTIONAL MATCH (sp:SP)-[:HAS_IK]->(ik)
OPTIONAL MATCH (ss:SS)-[:CASCADES_TO]->(sp)
WITH k, ikk, sk, unit, ik, tujuan, sp, ss
RETURN k.id AS komponen, ikk.id AS ikk, sk.id AS sk, unit.id AS unit, ik.id AS ik, tujuan.id AS tujuan,
       sp.id AS sp, ss.id AS ss, ss.nama AS ssNama,
       [n IN [k, ikk, sk, unit, ik, tujuan, sp, ss] WHERE n IS NOT NULL |
        {id: n.id, kind: [l IN labels(n) WHERE l <> 'Pohon'][0], nama: n.nama}] AS path
ORDER BY ik, sp, ss, tujuan;
