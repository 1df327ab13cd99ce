-- The write path (issue 17): every index on signature is written by every signing, and four of them served
-- only a moderator's search for a bulk action (by email domain, network, country or signing time, keyset-paged
-- by id). Such a search now reads the petition's signatures in id order (signature_pk) and filters: still
-- correct and paged, slower on a large petition, and run by a person, rarely. Kept: the unique keys, the
-- near-duplicate read's (petition, name_key), the held queue's (petition, held, id) and the subject's
-- (email_key, for access and erasure). Same SQL on PostgreSQL and H2; IF EXISTS, so a database whose history was
-- rewound past V18 (PostgresMigrationTest's database "written before V17") migrates again.
DROP INDEX IF EXISTS signature_domain_ix;
DROP INDEX IF EXISTS signature_network_ix;
DROP INDEX IF EXISTS signature_country_ix;
DROP INDEX IF EXISTS signature_signed_ix;
