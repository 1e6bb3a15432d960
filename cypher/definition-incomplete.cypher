// What: the `definition-incomplete` findings (pohon.checks.rules.definition_incomplete): an IK that no
//   Lampiran III (Pedoman Kinerja) section lists (kind no-entry); an entry of an IK that leaves one of the six
//   fields empty, reported once on its IK (kind incomplete); an IKK whose unit's section (the unit's tipe,
//   and BALAI for a UPT) does not list the IK it cascades to while another section does (no-entry-in-section).
//   A Pedoman node's missing field is an absent property (the model stores no empty strings).
// Parameters: $dataset (string).
// Returns: rule, severity, node (graph node id), kind, details.
CALL {
  MATCH (ik:IK {dataset: $dataset})
  WHERE NOT EXISTS { MATCH (p:Pedoman {dataset: $dataset}) WHERE p.kode = ik.kode }
  RETURN ik.id AS node, 'no-entry' AS kind, {} AS details
  UNION ALL
  MATCH (ik:IK {dataset: $dataset})
  MATCH (p:Pedoman {dataset: $dataset}) WHERE p.kode = ik.kode
  WITH ik, p, [f IN [['definisi', p.definisi], ['cara_menghitung', p.caraMenghitung],
                     ['sumber_data', p.sumberData], ['satuan', p.satuan], ['klasifikasi', p.klasifikasi],
                     ['penanggung_jawab', p.penanggungJawab]]
               WHERE trim(coalesce(toString(f[1]), '')) = '' | f[0]] AS lacks
  WHERE size(lacks) > 0
  RETURN ik.id AS node, 'incomplete' AS kind, {bagian: p.bagian, baris: p.baris, missing: lacks} AS details
  UNION ALL
  MATCH (ik:IK {dataset: $dataset})-[:CASCADES_TO]->(ikk:IKK)
  WITH ik, ikk, COLLECT { MATCH (p:Pedoman {dataset: $dataset}) WHERE p.kode = ik.kode
                          RETURN toUpper(coalesce(p.bagian, '')) } AS defined
  WHERE size(defined) > 0
  OPTIONAL MATCH (u:Pohon {kode: ikk.unit}) USING INDEX u:Pohon(kode)
    WHERE u.dataset = $dataset AND (u:Unit OR u:Instansi)
  WITH ik, ikk, defined, toUpper(coalesce(u.tipe, '')) AS section,
       toUpper(coalesce(u.kelompok, '')) = 'UPT' AS upt
  WHERE NOT section IN defined AND NOT (upt AND 'BALAI' IN defined)
  CALL {
    WITH ik
    MATCH (p:Pedoman {dataset: $dataset}) WHERE p.kode = ik.kode
    WITH DISTINCT p.bagian AS bagian ORDER BY bagian
    RETURN collect(bagian) AS defined_in
  }
  RETURN ikk.id AS node, 'no-entry-in-section' AS kind,
         {unit: ikk.unit, ik: ik.kode, section: section, defined_in: defined_in} AS details
}
RETURN 'definition-incomplete' AS rule, 'warning' AS severity, node, kind, details
ORDER BY node, kind;
