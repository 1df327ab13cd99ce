-- The petition store's schema. One dialect for PostgreSQL 15+ and H2 2.x: no partial indexes, no
-- dialect-specific types (bytea and varchar without a length exist in both). Every statement here is
-- transactional on PostgreSQL, where Flyway runs the whole migration in one transaction: a failure leaves
-- no half-built schema. (H2 commits each DDL statement; it is for tests and embedded use.)

CREATE TABLE petition (
    slug                    varchar(64)  NOT NULL,
    title                   varchar      NOT NULL,
    text                    varchar      NOT NULL,
    target                  varchar      NOT NULL,
    author                  varchar      NOT NULL,
    category                varchar      NOT NULL,
    tags                    varchar      NOT NULL, -- JSON array of strings
    goal                    bigint       NOT NULL,
    goals_by_country        varchar      NOT NULL, -- JSON object, ISO country code to goal
    opens_at                timestamp with time zone,
    closes_at               timestamp with time zone,
    consents                varchar      NOT NULL, -- JSON array of consent documents
    display_name_policy     varchar(32)  NOT NULL,
    noindex                 boolean      NOT NULL,
    signatures_per_email    integer      NOT NULL,
    erased_signatures_count boolean      NOT NULL,
    number_sequence         varchar(63)  NOT NULL, -- the sequence giving this petition's numbers
    CONSTRAINT petition_pk PRIMARY KEY (slug),
    CONSTRAINT petition_goal_ck CHECK (goal >= 0),
    CONSTRAINT petition_signatures_per_email_ck CHECK (signatures_per_email >= 1)
);

CREATE SEQUENCE signature_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE signature (
    id                   bigint       NOT NULL,
    petition             varchar(64)  NOT NULL,
    state                varchar(16)  NOT NULL,
    number               bigint       NOT NULL, -- in counting order once counted, else 0
    confirmed_at         timestamp with time zone,
    kind                 varchar(16)  NOT NULL,
    -- Keyed hashes. email_key and phone_key are set to NULL once the signature is no longer live, which
    -- frees them in the unique indexes below (NULLs never conflict), since H2 has no partial indexes.
    email_key            bytea,
    household_slot       integer      NOT NULL,
    phone_key            bytea,
    name_key             bytea,
    network_key          bytea,
    display_name         varchar,
    nickname             boolean      NOT NULL,
    comment              varchar,
    comment_hidden       boolean      NOT NULL,
    affiliation          varchar,
    city                 varchar,
    country              varchar(16),
    email_domain         varchar(255),
    network              varchar(64),
    sealed_personal_data bytea,        -- encrypted by the caller; the store never sees it in clear
    signed_at            timestamp with time zone NOT NULL,
    held                 boolean      NOT NULL,
    findings             varchar      NOT NULL, -- JSON array
    consents             varchar      NOT NULL, -- JSON array of consent grants
    form_id              varchar(255),
    user_agent_hash      varchar(128),
    locale               varchar(64)  NOT NULL,
    CONSTRAINT signature_pk PRIMARY KEY (id),
    CONSTRAINT signature_petition_fk FOREIGN KEY (petition) REFERENCES petition (slug),
    CONSTRAINT signature_state_ck CHECK (state IN ('PENDING', 'CONFIRMED', 'REVOKED', 'REMOVED')),
    CONSTRAINT signature_kind_ck CHECK (kind IN ('PERSON', 'ORGANIZATION')),
    CONSTRAINT signature_number_ck CHECK (number >= 0),
    CONSTRAINT signature_slot_ck CHECK (household_slot >= 0),
    -- A live signature always holds its keys, so the unique indexes always see it.
    CONSTRAINT signature_live_keys_ck CHECK (
        state NOT IN ('PENDING', 'CONFIRMED')
        OR (email_key IS NOT NULL AND name_key IS NOT NULL AND sealed_personal_data IS NOT NULL))
);

-- One live signature per (petition, email, household slot); also serves the household lookup.
CREATE UNIQUE INDEX signature_email_uq ON signature (petition, email_key, household_slot);
-- One live signature per (petition, phone); NULL phones (none given, or freed) never conflict.
CREATE UNIQUE INDEX signature_phone_uq ON signature (petition, phone_key);
-- Near-duplicate detection.
CREATE INDEX signature_name_ix ON signature (petition, name_key);
-- Latest counted signatures, newest first, keyset-paged by number; and the same for one kind.
CREATE INDEX signature_latest_ix ON signature (petition, number DESC);
CREATE INDEX signature_latest_kind_ix ON signature (petition, kind, number DESC);
-- Purge of expired pending signatures.
CREATE INDEX signature_purge_ix ON signature (state, signed_at);

-- Confirmed counts, sharded so concurrent confirmations update different rows: a petition's count is the
-- sum of at most (shards x countries) rows. country is '' for signatures without one.
CREATE TABLE signature_count (
    petition varchar(64) NOT NULL,
    country  varchar(16) NOT NULL,
    shard    integer     NOT NULL,
    n        bigint      NOT NULL,
    CONSTRAINT signature_count_pk PRIMARY KEY (petition, country, shard),
    CONSTRAINT signature_count_petition_fk FOREIGN KEY (petition) REFERENCES petition (slug),
    CONSTRAINT signature_count_shard_ck CHECK (shard >= 0)
);
