#!/usr/bin/env bash
# Run after run.sh filled petition_benchmark.signature, on run.sh's server (/tmp/jdbccpu-pg.env; its port below).
# Backend CPU (from /proc) to insert the benchmark's signature rows into a copy of the table with V18's indexes (a)
# and with the four dropped ones added back (b), alternately, in batches of 16 rows as the group commit writes them.
source /tmp/jdbccpu-pg.env
P="psql -h 127.0.0.1 -p 29937 -U postgres -d petition -qAtX"
$P -c "DROP TABLE IF EXISTS sig_a, sig_b, sig_src; CREATE TABLE sig_src AS SELECT s.*, row_number() over () AS rn FROM petition_benchmark.signature s; CREATE INDEX ON sig_src (rn);
CREATE TABLE sig_a (LIKE petition_benchmark.signature INCLUDING ALL); CREATE TABLE sig_b (LIKE petition_benchmark.signature INCLUDING ALL);
CREATE INDEX ON sig_b (petition, email_domain, id); CREATE INDEX ON sig_b (petition, network, id); CREATE INDEX ON sig_b (petition, country, id); CREATE INDEX ON sig_b (petition, signed_at);"
n=$($P -c "SELECT count(*) FROM sig_src")
echo "rows: $n; indexes a: $($P -c "select count(*) from pg_indexes where tablename='sig_a'") b: $($P -c "select count(*) from pg_indexes where tablename='sig_b'")"
for round in 1 2 3; do
  for t in sig_a sig_b; do
    $P -c "TRUNCATE $t; CHECKPOINT"
    out=$($P <<SQL
SELECT pg_backend_pid() \\g | xargs -I{} awk '{print \$14+\$15}' /proc/{}/stat
DO \$\$ DECLARE i bigint := 0; cols text; BEGIN
  SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) INTO cols FROM information_schema.columns WHERE table_schema = 'petition_benchmark' AND table_name = 'signature';
  WHILE i < $n LOOP
    EXECUTE format('INSERT INTO $t SELECT %s FROM sig_src WHERE rn > \$1 AND rn <= \$1 + 16 ON CONFLICT DO NOTHING', cols) USING i;
    i := i + 16;
  END LOOP; END \$\$;
SELECT pg_backend_pid() \\g | xargs -I{} awk '{print \$14+\$15}' /proc/{}/stat
SQL
)
    set -- $out; echo "$t rows $n: backend CPU $(( ($2 - $1) * 10 )) ms"
  done
done
