-- Confirming a signature becomes a heap-only update on PostgreSQL: it sets state, number and confirmed_at,
-- and no index may hold any of them, or every one of the signature's indexes gets a new entry for the new
-- row version (the confirming UPDATE was the costliest statement of a signing under load). So the two
-- indexes on number and the one on state move to narrow tables of their own, written once per row. V4 leaves
-- free space in the signature table's pages for the new row versions (PostgreSQL only). Same dialect rules
-- as V1.

-- Counted signatures by number: the "latest signatures" list, keyset-paged newest first. One row is written
-- when a signature is first counted and never changed; a row whose signature is no longer counted under that
-- number (revoked, removed, erased) is skipped by the join (state, held and number are checked on the
-- signature), and shows again if a moderator restores the signature under its old number. No foreign key:
-- its check would cost a lookup and a lock on every confirmation, and nothing here needs it.
CREATE TABLE signature_number (
    petition     varchar(64) NOT NULL,
    number       bigint      NOT NULL,
    kind         varchar(16) NOT NULL,
    signature_id bigint      NOT NULL,
    CONSTRAINT signature_number_pk PRIMARY KEY (petition, number),
    CONSTRAINT signature_number_positive_ck CHECK (number > 0)
);
-- The same list for one kind (organisations only, say).
CREATE INDEX signature_number_kind_ix ON signature_number (petition, kind, number);

INSERT INTO signature_number (petition, number, kind, signature_id)
    SELECT petition, number, kind, id FROM signature WHERE number > 0;

-- Signings that may expire unconfirmed, oldest first: the purge's queue. A row is written with every pending
-- signature and only the purge removes it, whatever became of its signature meanwhile (a delete on the
-- confirming path would cost what this table saves); the purge drops the entries of signatures that are no
-- longer pending, so the queue holds at most the signings since the purge last passed.
CREATE TABLE signature_purge_queue (
    signed_at    timestamp with time zone NOT NULL,
    signature_id bigint                   NOT NULL,
    CONSTRAINT signature_purge_queue_pk PRIMARY KEY (signed_at, signature_id)
);

INSERT INTO signature_purge_queue (signed_at, signature_id)
    SELECT signed_at, id FROM signature WHERE state = 'PENDING';

DROP INDEX signature_latest_ix;
DROP INDEX signature_latest_kind_ix;
DROP INDEX signature_purge_ix;
