// What: the `unfunded-indicator` findings (pohon.checks.rules.unfunded_indicator): an IKK with no
//   komponen, or none whose ANGGARAN over $years add up to more than 0 (kind unfunded).
// Parameters: $dataset (string), $years (list of int).
// Returns: rule, severity, node (graph node id), kind, details {komponen, starred}.
MATCH (ikk:IKK {dataset: $dataset})
WITH ikk, [(ikk)-[:HAS_KOMPONEN]->(k:Komponen) | k] AS ks
WHERE none(k IN ks WHERE reduce(s = 0.0, v IN [(k)-[a:ANGGARAN]->(:Tahun) WHERE a.tahun IN $years | a.nilai] |
                                s + v) > 0)
RETURN 'unfunded-indicator' AS rule, 'info' AS severity, ikk.id AS node, 'unfunded' AS kind,
       {komponen: size(ks), starred: size([k IN ks WHERE k.bintang])} AS details
ORDER BY node;
