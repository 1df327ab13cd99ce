-- Each petition's transparency log (docs/TRANSPARENCY-LOG.md): its entries, appended in the transaction of
-- every change to the count, the hashes of the tree's complete subtrees (for proofs), the tree's right
-- edge (for checkpoints without a scan), the signed checkpoints, and the key of the signer commitments.
-- Same dialect rules as V1. Nothing here is ever updated but log_head, nor deleted.

-- The HMAC key of the entries' signer commitments: 32 random bytes the store creates on first use. One
-- row; keeping it is what lets an UNCOUNTED entry be matched to its COUNTED one.
CREATE TABLE log_secret (
    id             integer NOT NULL,
    commitment_key bytea   NOT NULL,
    CONSTRAINT log_secret_pk PRIMARY KEY (id),
    CONSTRAINT log_secret_one_ck CHECK (id = 1)
);

-- One row per petition, locked by every transaction that appends: the log's size and its frontier
-- (org.petition.log.Frontier#toBytes: the size, then the subtree roots, largest first).
CREATE TABLE log_head (
    petition varchar(64) NOT NULL,
    size     bigint      NOT NULL,
    frontier bytea       NOT NULL,
    CONSTRAINT log_head_pk PRIMARY KEY (petition),
    CONSTRAINT log_head_petition_fk FOREIGN KEY (petition) REFERENCES petition (slug),
    CONSTRAINT log_head_size_ck CHECK (size >= 0)
);

-- The entries' exact bytes (the Merkle tree's leaves); number and counted index receipts.
CREATE TABLE log_entry (
    petition varchar(64) NOT NULL,
    seq      bigint      NOT NULL,
    number   bigint      NOT NULL,
    counted  boolean     NOT NULL,
    entry    bytea       NOT NULL,
    CONSTRAINT log_entry_pk PRIMARY KEY (petition, seq)
);
CREATE INDEX log_entry_number_ix ON log_entry (petition, number);

-- The hash of every complete subtree: level 0 the leaves, level l the 2^l leaves from idx * 2^l on.
CREATE TABLE log_node (
    petition varchar(64) NOT NULL,
    level    integer     NOT NULL,
    idx      bigint      NOT NULL,
    hash     bytea       NOT NULL,
    CONSTRAINT log_node_pk PRIMARY KEY (petition, level, idx)
);

-- Signed checkpoints (C2SP signed notes), one per size at most; old ones kept.
CREATE TABLE log_checkpoint (
    petition varchar(64)              NOT NULL,
    size     bigint                   NOT NULL,
    note     varchar                  NOT NULL,
    made_at  timestamp with time zone NOT NULL,
    CONSTRAINT log_checkpoint_pk PRIMARY KEY (petition, size)
);
