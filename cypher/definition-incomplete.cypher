// What: the `definition-incomplete` findings (pohon.checks.rules.definition_incomplete): an IK that no
//   Lampiran III (Pedoman Kinerja) section lists (kind no-entry); an entry of an IK that leaves one of the six
//   fields empty, reported once on its IK (kind incomplete); an IKK whose unit's section (the unit's tipe,
//   and BALAI for a UPT) does not list the IK it cascades to while another section does (no-entry-in-section).
//   A Pedoman node's missing field is an absent property (the model stores no empty strings).
// Parameters: $dataset (string).
// Returns: rule, severity, node (graph node id), kind, details.
// How: each IK's entries once, along its HAS_TARGET_ROW relationships (the Pedoman rows naming its code),
//   then its IKKs; looking the entries up by code for every IKK scanned all Pedoman rows each time.
MATCH (ik:IK {dataset: $dataset})
WITH ik, [(ik)-[:HAS_TARGET_ROW]->(p:Pedoman) | p] AS entries
CALL (ik, entries) {
  WITH ik WHERE size(entries) = 0
  RETURN ik.id AS node, 'no-entry' AS kind, {} AS details
  UNION ALL
  UNWIND entries AS p
  WITH ik, p, [f IN [['definisi', p.definisi], ['cara_menghitung', p.caraMenghitung],
                     ['sumber_data', p.sumberData], ['satuan', p.satuan], ['klasifikasi', p.klasifikasi],
                     ['penanggung_jawab', p.penanggungJawab]]
               WHERE trim(coalesce(toString(f[1]), '')) = '' | f[0]] AS lacks
  WHERE size(lacks) > 0
  RETURN ik.id AS node, 'incomplete' AS kind, {bagian: p.bagian, baris: p.baris, missing: lacks} AS details
  UNION ALL
  WITH ik WHERE size(entries) > 0
  WITH ik, [p IN entries | toUpper(coalesce(p.bagian, ''))] AS defined,
       COLLECT { UNWIND entries AS p WITH DISTINCT p.bagian AS bagian WHERE bagian IS NOT NULL
                 RETURN bagian ORDER BY bagian } AS defined_in
  MATCH (ik)-[:CASCADES_TO]->(ikk:IKK)
  OPTIONAL MATCH (u:Pohon {kode: ikk.unit}) USING INDEX u:Pohon(kode)
    WHERE u.dataset = $dataset AND (u:Unit OR u:Instansi)
  WITH ik, ikk, defined, defined_in, toUpper(coalesce(u.tipe, '')) AS section,
       toUpper(coalesce(u.kelompok, '')) = 'UPT' AS upt
  WHERE NOT section IN defined AND NOT (upt AND 'BALAI' IN defined)
  RETURN ikk.id AS node, 'no-entry-in-section' AS kind,
         {unit: ikk.unit, ik: ik.kode, section: section, defined_in: defined_in} AS details
}
RETURN 'definition-incomplete' AS rule, 'warning' AS severity, node, kind, details
ORDER BY node, kind;
