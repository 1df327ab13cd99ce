-- Issue 20: letters to the target and "signers also signed". Same dialect rules as V1.

-- A petition's letter limit in characters; 0 when it does not invite letters (the letters themselves are
-- sealed inside signature.sealed_personal_data, with the rest of the signer's personal data).
ALTER TABLE petition ADD COLUMN letter_limit integer DEFAULT 0 NOT NULL;

-- The counted signatures of each signer, by keyed email hash: one row per counted signature, inserted in the
-- transaction that makes it count and deleted in the one that stops it (or by retention). Its primary key
-- serves the one read a confirmation makes: the signer's other petitions.
CREATE TABLE co_signer (
    email_key    bytea       NOT NULL,
    petition     varchar(64) NOT NULL,
    signature_id bigint      NOT NULL,
    CONSTRAINT co_signer_pk PRIMARY KEY (email_key, petition, signature_id)
);

-- For each ordered pair of petitions, how many distinct signers (email keys) count on both. Both directions
-- are kept, so a petition's list is one range of the primary key.
CREATE TABLE co_signed (
    petition varchar(64) NOT NULL,
    other    varchar(64) NOT NULL,
    signers  bigint      NOT NULL,
    CONSTRAINT co_signed_pk PRIMARY KEY (petition, other),
    CONSTRAINT co_signed_signers_ck CHECK (signers >= 0)
);
