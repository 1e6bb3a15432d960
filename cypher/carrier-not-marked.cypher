// What: the `carrier-not-marked` findings (pohon.checks.rules.carrier_not_marked): an IKK that cascades to
//   an IK whose Lampiran IV row does not mark the type (units.csv `tipe`) of the IKK's unit (kind unmarked).
//   The unit is found by its kode (index pohon_kode; without the hint the planner scanned every unit of
//   the dataset per IKK: 178 s at 100k komponen), as the Python rule joins ikk.unit to units.csv.
// Parameters: $dataset (string).
// Returns: rule, severity, node (graph node id), kind, details {unit, tipe, ik, unit_types}.
MATCH (ik:IK {dataset: $dataset})-[:CASCADES_TO]->(ikk:IKK)
OPTIONAL MATCH (u:Pohon {kode: ikk.unit}) USING INDEX u:Pohon(kode)
  WHERE u.dataset = $dataset AND (u:Unit OR u:Instansi)
WITH ik, ikk, u
WHERE NOT coalesce(u.tipe IN ik.unitTypes, false)
RETURN 'carrier-not-marked' AS rule, 'warning' AS severity, ikk.id AS node, 'unmarked' AS kind,
       {unit: ikk.unit, tipe: u.tipe, ik: ik.kode, unit_types: coalesce(ik.unitTypes, [])} AS details
ORDER BY node;
