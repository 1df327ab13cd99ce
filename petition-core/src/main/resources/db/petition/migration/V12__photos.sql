-- Photo signatures (issue 20): whether a petition takes a photo with a signature, and the photos, one per
-- signature at most, re-encoded without metadata. Same dialect rules as V1 (bytea exists in PostgreSQL and
-- H2). A photo goes with its signature: the purge's DELETE of a pending signature takes its photo along (ON
-- DELETE CASCADE); revocation, erasure and retention, which keep the signature row, delete it explicitly.

ALTER TABLE petition ADD COLUMN photo_policy varchar(16) DEFAULT 'NOT_ACCEPTED' NOT NULL;

CREATE TABLE signature_photo (
    id           varchar(32)              NOT NULL, -- random, URL-safe: the public name, telling no order
    petition     varchar(64)              NOT NULL,
    signature_id bigint                   NOT NULL,
    state        varchar(16)              NOT NULL, -- HELD or APPROVED
    counted      boolean                  NOT NULL, -- its signature counts: public only when also APPROVED
    width        integer                  NOT NULL,
    height       integer                  NOT NULL,
    image        bytea                    NOT NULL, -- JPEG, re-encoded: no EXIF, GPS or XMP
    thumbnail    bytea                    NOT NULL, -- a square JPEG for the mosaic's tiles
    received_at  timestamp with time zone NOT NULL,
    moderated_at timestamp with time zone,
    CONSTRAINT signature_photo_pk PRIMARY KEY (id),
    CONSTRAINT signature_photo_signature_uq UNIQUE (signature_id),
    CONSTRAINT signature_photo_signature_fk FOREIGN KEY (signature_id) REFERENCES signature (id) ON DELETE CASCADE,
    CONSTRAINT signature_photo_state_ck CHECK (state IN ('HELD', 'APPROVED'))
);
CREATE INDEX signature_photo_petition_ix ON signature_photo (petition, state, counted, received_at);
