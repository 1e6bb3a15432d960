// What: how much komponen budget serves each Sasaran Program, per year? Komponen reach an SP through
//   IKK -CASCADES_TO-> IK <-HAS_IK- SP; a komponen under several IKs of one SP is counted once per SP.
//   Komponen whose IKK cascades to no IK are not under any SP (see budget-without-indicator).
// Parameters: $dataset (string), $years (list of int, e.g. [2021, 2022, 2023, 2024]).
// Returns: sp (node id), nama, year, anggaran (Rp juta, rounded to 2 decimals), komponen (distinct count),
//   starred (how many of them carry the * mark).
MATCH (sp:SP {dataset: $dataset})
OPTIONAL MATCH (sp)-[:HAS_IK]->(:IK)<-[:CASCADES_TO]-(:IKK)-[:HAS_KOMPONEN]->(k:Komponen)
WITH sp, collect(DISTINCT k) AS ks
UNWIND $years AS y
RETURN sp.id AS sp, sp.nama AS nama, y AS year,
       round(reduce(t = 0.0, k IN ks | t +
         CASE WHEN k['anggaran' + toString(y)] IS :: INTEGER NOT NULL OR k['anggaran' + toString(y)] IS :: FLOAT NOT NULL
              THEN toFloat(k['anggaran' + toString(y)]) ELSE 0.0 END), 2) AS anggaran,
       size(ks) AS komponen, size([k IN ks WHERE coalesce(k.bintang, false)]) AS starred
ORDER BY sp, year;
