// What: the `budget-without-indicator` findings (pohon.checks.rules.budget_without_indicator):
//   a komponen with budget (sum of its ANGGARAN over $years > 0) whose IKK no IK cascades to
//   (ikk-without-ik); a komponen marked * (bintang) without budget whose unit has no funded komponen of the
//   same normalised name (star-without-funded; a warning: the twin may be spelled differently). Names are
//   normalised like pohon's `normalise`: lower case, every run of characters other than 0-9 a-z is one
//   separator. The Python rule also names the closest funded komponen (difflib similarity,
//   `closest_funded`); plain Cypher has no such measure, so that detail is left out here.
// Parameters: $dataset (string), $years (list of int, e.g. [2021, 2022, 2023, 2024]).
// Returns: rule, severity, node (graph node id), kind, details; details.anggaran is the list of the
//   komponen's anggaran per year in $years order (null where empty).
// How: the ikk-without-ik findings from the IKKs no IK cascades to, so only their komponen's anggaran is
//   read per year; the stars grouped by unit with their unit's funded names, so a starred komponen is compared
//   with its own unit only (comparing with every komponen of the dataset was quadratic: 154 s on 103k
//   komponen). A star whose exact name is funded in its unit has a twin (equal names are equal once
//   normalised), so only the other stars, and the funded names of their units, are normalised; a name
//   already of the form "word word ..." in lower case is its own normal form, the rest are normalised one
//   character at a time (Cypher has no regex replace; doing that for all 100k names took 3.4 s).
CALL () {
  MATCH (ikk:IKK {dataset: $dataset})
  WHERE NOT EXISTS { (:IK)-[:CASCADES_TO]->(ikk) }
  MATCH (ikk)-[:HAS_KOMPONEN]->(k:Komponen)
  WITH k, ikk, [(k)-[a:ANGGARAN]->(:Tahun) | a] AS values
  WITH k, ikk, [y IN $years | head([a IN values WHERE a.tahun = y | a.nilai])] AS anggaran
  WITH k, ikk, anggaran, reduce(t = 0.0, v IN anggaran | t + coalesce(v, 0.0)) AS total
  WHERE total > 0
  RETURN k, {problem: 'ikk-without-ik', ikk: ikk.id, anggaran: anggaran, total: round(total, 2)} AS details,
         'error' AS severity
  UNION ALL
  MATCH (k:Komponen {dataset: $dataset})
  WITH k, [(k)-[a:ANGGARAN]->(:Tahun) | a] AS values
  WITH k, reduce(t = 0.0, y IN $years | t + coalesce(head([a IN values WHERE a.tahun = y | a.nilai]), 0.0)) AS total
  WITH k.unit AS unit, collect(CASE WHEN total > 0 THEN k END) AS funded,
       collect(CASE WHEN coalesce(k.bintang, false) AND total = 0 THEN k END) AS stars
  WITH unit, [f IN funded | f.nama] AS funded, [s IN stars WHERE unit IS NULL OR NOT s.nama IN funded] AS stars
  WHERE size(stars) > 0
  WITH stars, size(funded) AS n, CASE WHEN unit IS NULL THEN [] ELSE funded + [s IN stars | s.nama] END AS names
  WITH stars, n, [name IN names | toLower(name)] AS lower
  WITH stars, n,
       [s IN lower | CASE WHEN s =~ '[0-9a-z]+( [0-9a-z]+)*' THEN split(s, ' ') ELSE
          [w IN split(reduce(t = '', c IN split(s, '') | t + CASE WHEN c =~ '[0-9a-z]' THEN c ELSE ' ' END), ' ')
           WHERE w <> ''] END] AS words
  WITH stars, words[..n] AS funded, words[n..] AS starWords
  UNWIND range(0, size(stars) - 1) AS i
  WITH stars[i] AS k, funded, starWords[i] AS words
  WHERE words IS NULL OR NOT words IN funded
  RETURN k, {problem: 'star-without-funded', nama: k.nama, unit: k.unit} AS details, 'warning' AS severity
}
RETURN 'budget-without-indicator' AS rule, severity, k.id AS node, details.problem AS kind, details
ORDER BY node, kind;
