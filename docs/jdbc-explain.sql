-- Fills a migrated petition schema with 120,000 generated signatures, 64,080 counter rows, 200,000 consent records
-- in 16 chains and 2,000 moderation actions, and prints the plans of the JDBC store's hot queries. Used to produce
-- the plans in docs/JDBC-STORE.md:
--
--   source .ci/postgres.sh
--   PGPORT=${PETITION_PG_URL#jdbc:postgresql://127.0.0.1:}; PGPORT=${PGPORT%%/*}
--   M=petition-core/src/main/resources/db/petition/migration
--   psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d petition -v ON_ERROR_STOP=1 \
--        -f $M/V1__signatures.sql -f $M/V2__ledger_moderation_accounts.sql -f docs/jdbc-explain.sql
--
-- The data is generated on the V2 schema; V3 then fills its two narrow tables from it, as it would on a live
-- database, and V4's page setting is applied as its Java migration does. Writes run inside a transaction that is
-- rolled back. Parameters are literals here; the store binds them (arrays, on PostgreSQL, for its batches).
\pset pager off
SET client_min_messages = warning;

INSERT INTO petition (slug, title, text, target, author, category, tags, goal, goals_by_country, consents,
                      display_name_policy, noindex, signatures_per_email, erased_signatures_count, number_sequence)
VALUES ('big', 'Big', '', '', '', '', '[]', 0, '{}', '[]', 'FIRST_NAME_LAST_INITIAL', false, 2, false,
        'petition_number_big'),
       ('other', 'Other', '', '', '', '', '[]', 0, '{}', '[]', 'FIRST_NAME_LAST_INITIAL', false, 1, false,
        'petition_number_other');
CREATE SEQUENCE petition_number_big;

-- 100,000 signatures on 'big' and 20,000 on 'other': 85% confirmed (of which 2% held), 10% pending, 5%
-- revoked (keys erased); 10% organisations; half with a phone; 4 countries and none; 1% from one e-mail domain.
INSERT INTO signature (id, petition, state, number, confirmed_at, kind, email_key, household_slot, phone_key,
                       name_key, network_key, display_name, nickname, comment, comment_hidden, affiliation, city,
                       country, email_domain, network, sealed_personal_data, signed_at, held, findings, consents,
                       form_id, user_agent_hash, locale)
SELECT nextval('signature_id_seq'),
       p,
       s,
       CASE WHEN s = 'CONFIRMED' AND NOT h THEN i ELSE 0 END,
       CASE WHEN s = 'CONFIRMED' THEN timestamptz '2025-01-01' + i * interval '1 minute' END,
       CASE WHEN i % 10 = 3 THEN 'ORGANIZATION' ELSE 'PERSON' END,
       CASE WHEN s <> 'REVOKED' THEN sha256(convert_to(p || 'email' || i, 'UTF8')) END,
       i % 2,
       CASE WHEN s <> 'REVOKED' AND i % 2 = 0 THEN sha256(convert_to(p || 'phone' || i, 'UTF8')) END,
       CASE WHEN s <> 'REVOKED' THEN sha256(convert_to('name' || (i % 60000), 'UTF8')) END,
       CASE WHEN s <> 'REVOKED' THEN sha256(convert_to('net' || (i % 5000), 'UTF8')) END,
       CASE WHEN s <> 'REVOKED' THEN 'Signer ' || i END,
       false, NULL, s = 'REVOKED', NULL,
       CASE WHEN s <> 'REVOKED' THEN 'City ' || (i % 300) END,
       (ARRAY['US', 'KR', 'FR', 'DE', NULL])[1 + i % 5],
       CASE WHEN s <> 'REVOKED' THEN CASE WHEN i % 100 = 42 THEN 'mailinator.test' ELSE 'example.org' END END,
       CASE WHEN s <> 'REVOKED' THEN '198.51.' || (i % 250) || '.0/24' END,
       CASE WHEN s <> 'REVOKED' THEN sha512(convert_to('sealed' || i, 'UTF8')) END,
       timestamptz '2025-01-01' + i * interval '1 minute',
       h, '[]', '[]', 'form', NULL, 'en'
FROM (
  SELECT p, i,
         CASE WHEN i % 20 = 7 THEN 'REVOKED' WHEN i % 10 = 5 THEN 'PENDING' ELSE 'CONFIRMED' END AS s,
         i % 50 = 11 AS h
  FROM (SELECT 'big' AS p, g AS i FROM generate_series(1, 100000) g
        UNION ALL SELECT 'other', g FROM generate_series(1, 20000) g) base
) rows;

INSERT INTO signature_count (petition, country, shard, n)
SELECT 'big', c, shard, 0 FROM unnest(ARRAY['', 'US', 'KR', 'FR', 'DE']) c, generate_series(0, 15) shard;
-- Other petitions' counters, as in a deployment with many petitions: 2,000 x 2 countries x 16 shards.
INSERT INTO petition (slug, title, text, target, author, category, tags, goal, goals_by_country, consents,
                      display_name_policy, noindex, signatures_per_email, erased_signatures_count, number_sequence)
SELECT 'p' || g, 'P', '', '', '', '', '[]', 0, '{}', '[]', 'FULL', false, 1, false, 'petition_number_p' || g
FROM generate_series(1, 2000) g;
INSERT INTO signature_count (petition, country, shard, n)
SELECT 'p' || g, c, shard, g % 7 FROM generate_series(1, 2000) g, unnest(ARRAY['', 'US']) c,
       generate_series(0, 15) shard;
-- The consent ledger: 100,000 subjects with two grants each, in 16 chains of 12,500 records.
INSERT INTO consent_record (chain, sequence, subject, petition, purpose, document_id, document_version,
                            document_sha256, action, at, at_nanos, form_id, truncated_ip, user_agent_sha256, locale,
                            previous_hash, hash)
SELECT chain, row_number() OVER (PARTITION BY chain ORDER BY i) - 1,
       rtrim(translate(encode(sha256(convert_to('subject' || (i / 2), 'UTF8')), 'base64'), '+/', '-_'), '='),
       'big', CASE WHEN i % 2 = 0 THEN 'TERMS' ELSE 'PRIVACY_POLICY' END, 'terms', '2025-01',
       encode(sha256(convert_to('doc', 'UTF8')), 'hex'), 'GRANTED',
       timestamptz '2025-01-01' + i * interval '1 second', 0, 'form', '198.51.0.0/24', NULL, 'en',
       encode(sha256(convert_to('prev' || i, 'UTF8')), 'hex'), encode(sha256(convert_to('hash' || i, 'UTF8')), 'hex')
FROM (SELECT g AS i, (g / 2) % 16 AS chain FROM generate_series(0, 199999) g) records;
INSERT INTO consent_chain_head (chain, sequence, hash)
SELECT chain, MAX(sequence), 'head' FROM consent_record GROUP BY chain;
INSERT INTO moderation_action (id, petition, kind, moderator, reason, criteria, signature_ids, at)
SELECT nextval('moderation_action_id_seq'), CASE WHEN g % 40 = 0 THEN 'big' ELSE 'p' || g END, 'REMOVE', 'moderator',
       'spam', NULL, '[' || g || ']', timestamptz '2025-01-01' + g * interval '1 minute'
FROM generate_series(1, 2000) g;
UPDATE signature_count SET n = (SELECT COUNT(*) FROM signature s WHERE s.petition = 'big' AND s.state = 'CONFIRMED'
    AND NOT s.held AND COALESCE(s.country, '') = signature_count.country) / 16
WHERE petition = 'big';
SELECT setval('petition_number_big', 100000); -- past the generated numbers, as the store's sequence would be
\ir ../petition-core/src/main/resources/db/petition/migration/V3__hot_confirmation.sql
ALTER TABLE signature SET (fillfactor = 50);
ANALYZE;

\echo '=== rows'
SELECT petition, state, COUNT(*) FROM signature GROUP BY petition, state ORDER BY 1, 2;

\echo '=== find: one signature by id'
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT * FROM signature WHERE id = 4242;

\echo '=== household (and the e-mail duplicate check): live signatures sharing an e-mail key'
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT id, household_slot, name_key FROM signature
WHERE petition = 'big' AND email_key = sha256(convert_to('bigemail4242', 'UTF8'))
  AND state IN ('PENDING', 'CONFIRMED') ORDER BY household_slot;

\echo '=== phone duplicate check'
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT id FROM signature WHERE petition = 'big' AND phone_key = sha256(convert_to('bigphone4242', 'UTF8'))
  AND state IN ('PENDING', 'CONFIRMED');

\echo '=== near-duplicate check: live signatures sharing a name key'
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT city, network_key FROM signature
WHERE petition = 'big' AND name_key = sha256(convert_to('name4242', 'UTF8')) AND state IN ('PENDING', 'CONFIRMED');

\echo '=== near-duplicate check, batched: several name keys in one query (group commit)'
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT name_key, city, network_key FROM signature
WHERE petition = 'big' AND name_key = ANY(ARRAY[sha256(convert_to('name4242', 'UTF8')),
    sha256(convert_to('name77', 'UTF8')), sha256(convert_to('name9000', 'UTF8'))])
  AND state IN ('PENDING', 'CONFIRMED');

\echo '=== confirm, batched: the rows locked in id order (group commit)'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT id, state, held, country FROM signature WHERE id = ANY(ARRAY[5, 17, 42, 4242]::bigint[]) ORDER BY id FOR UPDATE;
ROLLBACK;

\echo '=== sign, batched (PostgreSQL): ids drawn, rows inserted from arrays skipping conflicts, queued for the purge'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
WITH v AS (SELECT nextval('signature_id_seq') AS id, v.* FROM unnest(
    ARRAY['big', 'big']::text[], ARRAY['PENDING', 'PENDING']::text[], ARRAY[0, 0]::bigint[],
    ARRAY[NULL, NULL]::timestamptz[], ARRAY['PERSON', 'PERSON']::text[],
    ARRAY[sha256('new1'), sha256(convert_to('bigemail4242', 'UTF8'))]::bytea[], ARRAY[0, 0]::integer[],
    ARRAY[NULL, NULL]::bytea[], ARRAY[sha256('n1'), sha256('n2')]::bytea[], ARRAY[NULL, NULL]::bytea[],
    ARRAY['A.', 'B.']::text[], ARRAY[false, false]::boolean[], ARRAY[NULL, NULL]::text[],
    ARRAY[false, false]::boolean[], ARRAY[NULL, NULL]::text[], ARRAY['Seoul', 'Seoul']::text[],
    ARRAY['KR', 'KR']::text[], ARRAY['example.org', 'example.org']::text[], ARRAY[NULL, NULL]::text[],
    ARRAY['\x00'::bytea, '\x00'::bytea], ARRAY[now(), now()]::timestamptz[], ARRAY[false, false]::boolean[],
    ARRAY['[]', '[]']::text[], ARRAY['[]', '[]']::text[], ARRAY[NULL, NULL]::text[], ARRAY[NULL, NULL]::text[],
    ARRAY['ko', 'ko']::text[])
  WITH ORDINALITY AS v (petition, state, number, confirmed_at, kind, email_key, household_slot, phone_key, name_key,
    network_key, display_name, nickname, comment, comment_hidden, affiliation, city, country, email_domain, network,
    sealed_personal_data, signed_at, held, findings, consents, form_id, user_agent_hash, locale, ord)),
i AS (INSERT INTO signature (id, petition, state, number, confirmed_at, kind, email_key, household_slot, phone_key,
    name_key, network_key, display_name, nickname, comment, comment_hidden, affiliation, city, country, email_domain,
    network, sealed_personal_data, signed_at, held, findings, consents, form_id, user_agent_hash, locale)
  SELECT id, petition, state, number, confirmed_at, kind, email_key, household_slot, phone_key, name_key, network_key,
    display_name, nickname, comment, comment_hidden, affiliation, city, country, email_domain, network,
    sealed_personal_data, signed_at, held, findings, consents, form_id, user_agent_hash, locale
  FROM v ORDER BY ord ON CONFLICT DO NOTHING RETURNING id, signed_at),
q AS (INSERT INTO signature_purge_queue (signed_at, signature_id) SELECT signed_at, id FROM i)
SELECT v.ord, v.id FROM v JOIN i ON i.id = v.id;
ROLLBACK;

\echo '=== confirm, batched (PostgreSQL): rows updated from arrays, numbers drawn, counted ones listed; a counter shard'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
WITH c AS (SELECT * FROM unnest(ARRAY[5, 15, 25]::bigint[], ARRAY['petition_number_big', NULL,
    'petition_number_big']::text[], ARRAY[now(), now(), now()]::timestamptz[]) AS c (id, sequence, at)),
u AS (UPDATE signature s SET state = 'CONFIRMED', confirmed_at = c.at,
    number = CASE WHEN c.sequence IS NULL THEN 0 ELSE nextval(CAST(c.sequence AS regclass)) END
  FROM c WHERE s.id = c.id AND s.state = 'PENDING' RETURNING s.id, s.number, s.petition, s.kind),
n AS (INSERT INTO signature_number (petition, number, kind, signature_id)
  SELECT petition, number, kind, id FROM u WHERE number > 0)
SELECT id, number FROM u;
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
UPDATE signature_count SET n = n + 2 WHERE petition = 'big' AND country = 'US' AND shard = 7;
ROLLBACK;

\echo '=== counts: at most shards x countries rows, whatever the number of signatures'
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT country, SUM(n) FROM signature_count WHERE petition = 'big' GROUP BY country;

\echo '=== latest, first page: keyset on signature_number, the signature of each entry by its key'
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT s.* FROM signature_number n JOIN signature s ON s.id = n.signature_id
WHERE n.petition = 'big' AND n.number < 9223372036854775807 AND s.state = 'CONFIRMED'
  AND NOT s.held ORDER BY n.number DESC LIMIT 20;

\echo '=== latest, a deep keyset page'
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT s.* FROM signature_number n JOIN signature s ON s.id = n.signature_id
WHERE n.petition = 'big' AND n.number < 31337 AND s.state = 'CONFIRMED' AND NOT s.held
ORDER BY n.number DESC LIMIT 20;

\echo '=== latest organisations'
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT s.* FROM signature_number n JOIN signature s ON s.id = n.signature_id
WHERE n.petition = 'big' AND n.kind = 'ORGANIZATION' AND n.number < 9223372036854775807
  AND s.state = 'CONFIRMED' AND NOT s.held ORDER BY n.number DESC LIMIT 20;

\echo '=== purge: the oldest queue entries before the cutoff, then their signatures, both skipping locked rows'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT signed_at, signature_id FROM signature_purge_queue WHERE signed_at < timestamptz '2025-02-01'
ORDER BY signed_at, signature_id LIMIT 500 FOR UPDATE SKIP LOCKED;
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT * FROM signature WHERE id = ANY(ARRAY(SELECT signature_id FROM signature_purge_queue
    WHERE signed_at < timestamptz '2025-02-01' ORDER BY signed_at, signature_id LIMIT 500))
ORDER BY id FOR UPDATE SKIP LOCKED;
ROLLBACK;

\echo '=== held: signatures held for review, keyset-paged by id'
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT * FROM signature WHERE petition = 'big' AND held = TRUE AND id > 0 AND state IN ('PENDING', 'CONFIRMED')
  AND name_key IS NOT NULL ORDER BY id LIMIT 50;

\echo '=== bySubject: every signature of one e-mail key, on any petition'
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT * FROM signature WHERE email_key = sha256(convert_to('bigemail4242', 'UTF8')) ORDER BY id;

\echo '=== search: one e-mail domain, keyset-paged by id'
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT * FROM signature WHERE petition = 'big' AND state <> 'REVOKED' AND id > 0 AND email_domain = 'mailinator.test'
ORDER BY id LIMIT 200;

\echo '=== search: a network prefix'
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT * FROM signature WHERE petition = 'big' AND state <> 'REVOKED' AND id > 0 AND network LIKE '198.51.7.%' ESCAPE '\'
ORDER BY id LIMIT 200;

\echo '=== search: signed in one hour'
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT * FROM signature WHERE petition = 'big' AND state <> 'REVOKED' AND id > 0
  AND signed_at >= timestamptz '2025-02-01 10:00' AND signed_at < timestamptz '2025-02-01 11:00' ORDER BY id LIMIT 200;

\echo '=== anonymise: a batch of signatures that still hold personal data'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT id FROM signature WHERE petition = 'other' AND name_key IS NOT NULL AND sealed_personal_data IS NOT NULL
ORDER BY name_key LIMIT 500 FOR UPDATE;
ROLLBACK;

\echo '=== moderation log, newest first'
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT * FROM moderation_action WHERE petition = 'big' ORDER BY id DESC LIMIT 20;

\echo '=== recordsOf(subject): the consent records of one subject, oldest first'
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT * FROM consent_record
WHERE subject = rtrim(translate(encode(sha256(convert_to('subject' || 4242, 'UTF8')), 'base64'), '+/', '-_'), '=')
ORDER BY sequence;

\echo '=== ledger append, batched (PostgreSQL): heads locked, records inserted from arrays, heads moved from arrays'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT chain, sequence, hash FROM consent_chain_head WHERE chain = ANY(ARRAY[3, 5]) ORDER BY chain FOR UPDATE;
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
INSERT INTO consent_record (chain, sequence, subject, petition, purpose, document_id, document_version,
    document_sha256, action, at, at_nanos, form_id, truncated_ip, user_agent_sha256, locale, previous_hash, hash)
SELECT * FROM unnest(ARRAY[3, 5]::integer[], ARRAY[12500, 12500]::bigint[], ARRAY['s1', 's2']::text[],
    ARRAY['big', 'big']::text[], ARRAY['TERMS', 'TERMS']::text[], ARRAY['terms', 'terms']::text[],
    ARRAY['1', '1']::text[], ARRAY['d', 'd']::text[], ARRAY['GRANTED', 'GRANTED']::text[],
    ARRAY[now(), now()]::timestamptz[], ARRAY[0, 0]::integer[], ARRAY[NULL, NULL]::text[], ARRAY[NULL, NULL]::text[],
    ARRAY[NULL, NULL]::text[], ARRAY['ko', 'ko']::text[], ARRAY['p', 'p']::text[], ARRAY['h1', 'h2']::text[]);
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
UPDATE consent_chain_head h SET sequence = m.sequence, hash = m.hash
FROM unnest(ARRAY[3, 5]::integer[], ARRAY[12500, 12500]::bigint[], ARRAY['h1', 'h2']::text[]) AS m (chain, sequence, hash)
WHERE h.chain = m.chain;
ROLLBACK;

\echo '=== verify: one batch of a chain, in sequence order'
EXPLAIN (ANALYZE, BUFFERS, COSTS, TIMING OFF, SUMMARY OFF)
SELECT * FROM consent_record WHERE chain = 5 AND sequence > 9999 ORDER BY sequence LIMIT 1000;
