// What: the `output-oriented-indicator` findings (pohon.checks.rules.output_oriented_indicator): a Tujuan,
//   SP or IK whose wording (name and satuan, normalised: lower case, every run of characters other than
//   0-9 a-z one space) matches an `output` or `count` entry of the lexicon, and no `outcome` entry unless a
//   `count` entry matches too (an outcome word beside a count only qualifies what is counted) (kind output).
// Parameters: $dataset (string), $lexicon (list of {pattern, field, kind}: the rows of
//   src/pohon/checks/lexicon/output_words.csv; field is indikator or satuan, kind output, outcome or count).
//   The patterns are regular expressions searched anywhere in the field (Java's syntax here, Python's in
//   pohon; the lexicon uses only what both read alike: \b, groups, alternation, classes).
// Returns: rule, severity, node (graph node id), kind, details {level, patterns (the output entries matched)}.
MATCH (n:Tujuan|SP|IK {dataset: $dataset})
WITH n, {indikator: n.nama, satuan: CASE WHEN n:SP THEN null ELSE n.satuan END} AS raw
WITH n, {indikator: trim(reduce(s = '', c IN split(toLower(coalesce(raw.indikator, '')), '') |
                       s + CASE WHEN c =~ '[0-9a-z]' THEN c WHEN s ENDS WITH ' ' OR s = '' THEN '' ELSE ' ' END)),
         satuan: trim(reduce(s = '', c IN split(toLower(coalesce(raw.satuan, '')), '') |
                       s + CASE WHEN c =~ '[0-9a-z]' THEN c WHEN s ENDS WITH ' ' OR s = '' THEN '' ELSE ' ' END))}
     AS f
WITH n, [e IN $lexicon WHERE f[e.field] =~ ('(?s).*(?:' + e.pattern + ').*') | e] AS hits
WITH n, hits, any(e IN hits WHERE e.kind = 'count') AS counted
WHERE (counted OR none(e IN hits WHERE e.kind = 'outcome')) AND any(e IN hits WHERE e.kind IN ['output', 'count'])
RETURN 'output-oriented-indicator' AS rule, 'warning' AS severity, n.id AS node, 'output' AS kind,
       {level: [l IN labels(n) WHERE l <> 'Pohon'][0],
        patterns: [e IN hits WHERE e.kind IN ['output', 'count'] | e.pattern]} AS details
ORDER BY node;
