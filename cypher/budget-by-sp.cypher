// What: how much komponen budget serves each Sasaran Program in year $year? Komponen reach an SP through
//   SP -HAS_IK-> IK -CASCADES_TO-> IKK -HAS_KOMPONEN-> Komponen; a komponen under several IKs of one SP is
//   counted once per SP. Komponen whose IKK no IK cascades to are not under any SP (see
//   budget-without-indicator).
// Parameters: $dataset (string), $year (int, e.g. 2024).
// Returns: sp (node id), nama, year, anggaran (Rp juta, rounded to 2 decimals), komponen (distinct count),
//   starred (how many of them carry the * mark).
MATCH (sp:SP {dataset: $dataset})
OPTIONAL MATCH (sp)-[:HAS_IK]->(:IK)-[:CASCADES_TO]->(:IKK)-[:HAS_KOMPONEN]->(k:Komponen)
WITH sp, collect(DISTINCT k) AS ks
UNWIND ks + [null] AS k
OPTIONAL MATCH (k)-[a:ANGGARAN {tahun: $year}]->(:Tahun)
WITH sp, ks, sum(a.nilai) AS anggaran
RETURN sp.id AS sp, sp.nama AS nama, $year AS year, round(anggaran, 2) AS anggaran, size(ks) AS komponen,
       size([k IN ks WHERE coalesce(k.bintang, false)]) AS starred
ORDER BY sp;
