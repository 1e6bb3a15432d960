// What: the `carrier-not-marked` findings (pohon.checks.rules.carrier_not_marked): an IKK that cascades to
//   an IK whose Lampiran IV row does not mark the type (units.csv `tipe`) of the IKK's unit (kind unmarked).
// Parameters: $dataset (string).
// Returns: rule, severity, node (graph node id), kind, details {unit, tipe, ik, unit_types}.
MATCH (ik:IK {dataset: $dataset})-[:CASCADES_TO]->(ikk:IKK)
OPTIONAL MATCH (u:Unit|Instansi {dataset: $dataset, kode: ikk.unit})
WITH ik, ikk, u
WHERE NOT coalesce(u.tipe IN ik.unitTypes, false)
RETURN 'carrier-not-marked' AS rule, 'warning' AS severity, ikk.id AS node, 'unmarked' AS kind,
       {unit: ikk.unit, tipe: u.tipe, ik: ik.kode, unit_types: coalesce(ik.unitTypes, [])} AS details
ORDER BY node;
