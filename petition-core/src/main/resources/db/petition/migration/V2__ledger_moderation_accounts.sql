-- The consent ledger, the moderation log, returning signers' accounts, and what moderation, subject rights
-- and retention need of the signature table. Same dialect rules as V1: PostgreSQL 15+ and H2 2.x, no partial
-- indexes, no dialect-specific types.

-- A live signature may now have had its personal data erased while it keeps counting (erasure that keeps
-- the signature in the tally keeps its email key; retention drops that too). Either it holds every key and
-- its sealed data, or its name key and sealed data are both gone. A REMOVED signature keeps its keys (so
-- the same address cannot simply sign again) and its data (so a moderator can restore it).
ALTER TABLE signature DROP CONSTRAINT signature_live_keys_ck;
ALTER TABLE signature ADD CONSTRAINT signature_live_keys_ck CHECK (
    state NOT IN ('PENDING', 'CONFIRMED')
    OR (email_key IS NOT NULL AND name_key IS NOT NULL AND sealed_personal_data IS NOT NULL)
    OR (name_key IS NULL AND sealed_personal_data IS NULL));

-- Signatures held for review, keyset-paged by id.
CREATE INDEX signature_held_ix ON signature (petition, held, id);
-- Every signature of one person (access, erasure), on any petition.
CREATE INDEX signature_subject_ix ON signature (email_key);
-- A moderator's search for a bulk action, keyset-paged by id within one value.
CREATE INDEX signature_domain_ix ON signature (petition, email_domain, id);
CREATE INDEX signature_network_ix ON signature (petition, network, id);
CREATE INDEX signature_country_ix ON signature (petition, country, id);
CREATE INDEX signature_signed_ix ON signature (petition, signed_at);

-- The append-only consent ledger: hash chains sharded by subject (see ConsentChain). Never updated or
-- deleted by the store. No foreign key to petition: the ledger outlives petitions and may be used alone.
CREATE TABLE consent_record (
    chain             integer      NOT NULL,
    sequence          bigint       NOT NULL,
    subject           varchar(171) NOT NULL, -- base64url keyed hash of the canonical email, never the email
    petition          varchar(64)  NOT NULL,
    purpose           varchar(32)  NOT NULL,
    document_id       varchar(64)  NOT NULL,
    document_version  varchar(64)  NOT NULL,
    document_sha256   varchar(64)  NOT NULL,
    action            varchar(16)  NOT NULL,
    at                timestamp with time zone NOT NULL, -- to the microsecond; at_nanos has the exact nanos
    at_nanos          integer      NOT NULL,              -- nano-of-second of the hashed instant
    form_id           varchar(256),
    truncated_ip      varchar(256),
    user_agent_sha256 varchar(64),
    locale            varchar(256),
    previous_hash     varchar(64)  NOT NULL,
    hash              varchar(64)  NOT NULL,
    CONSTRAINT consent_record_pk PRIMARY KEY (chain, sequence),
    CONSTRAINT consent_record_nanos_ck CHECK (at_nanos >= 0 AND at_nanos < 1000000000)
);

-- A subject's records, oldest first (all of one subject are in one chain, so sequence orders them).
CREATE INDEX consent_record_subject_ix ON consent_record (subject, sequence);

-- Each chain's head, kept apart from the records so that a deleted tail shows. Appends lock only their
-- chain's row: appends for subjects of different chains never wait for each other. sequence is the last
-- record's (-1 while the chain is empty), hash its hash (64 zeros while empty).
CREATE TABLE consent_chain_head (
    chain    integer     NOT NULL,
    sequence bigint      NOT NULL,
    hash     varchar(64) NOT NULL,
    CONSTRAINT consent_chain_head_pk PRIMARY KEY (chain),
    CONSTRAINT consent_chain_head_chain_ck CHECK (chain >= 0)
);

-- Moderators' decisions, for the audit and for undo.
CREATE SEQUENCE moderation_action_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE moderation_action (
    id            bigint       NOT NULL,
    petition      varchar(64)  NOT NULL,
    kind          varchar(16)  NOT NULL,
    moderator     varchar      NOT NULL,
    reason        varchar      NOT NULL,
    criteria      varchar,                -- a bulk action's criteria, described without personal data
    signature_ids varchar      NOT NULL,  -- JSON array of signature ids
    at            timestamp with time zone NOT NULL,
    undone_at     timestamp with time zone,
    CONSTRAINT moderation_action_pk PRIMARY KEY (id),
    CONSTRAINT moderation_action_petition_fk FOREIGN KEY (petition) REFERENCES petition (slug),
    CONSTRAINT moderation_action_kind_ck CHECK (kind IN ('APPROVE', 'REMOVE', 'BULK_REMOVE'))
);

-- A petition's log, newest first.
CREATE INDEX moderation_action_log_ix ON moderation_action (petition, id DESC);

-- Returning signers' accounts: one per email key.
CREATE SEQUENCE account_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE account (
    id            bigint  NOT NULL,
    email_key     bytea   NOT NULL, -- keyed hash of the canonical email
    sealed_email  bytea   NOT NULL, -- encrypted by the caller
    password_hash varchar NOT NULL, -- PHC string (Argon2id)
    created_at    timestamp with time zone NOT NULL,
    verified_at   timestamp with time zone,
    CONSTRAINT account_pk PRIMARY KEY (id),
    CONSTRAINT account_email_uq UNIQUE (email_key)
);
