-- Fingerprints of the keys the store's data was written with (KeyFingerprints): an HMAC of a fixed label under
-- each key, never the key. Start-up compares the configured keys with them, so another identity secret, or a
-- missing data key that sealed stored rows, is refused instead of silently counting people twice or leaving
-- data unreadable. Same dialect rules as V1 (a CASE, not an IN list, in the check: see V5). V6 is left to the
-- migration of another change in flight.

CREATE TABLE key_fingerprint (
    kind        varchar(16) NOT NULL, -- IDENTITY, DATA or TOKEN
    key_id      varchar(16) NOT NULL,
    fingerprint varchar(64) NOT NULL, -- base64 of HMAC-SHA256(key, label)
    sealed      boolean     NOT NULL, -- a data key that has been the current one: stored rows may need it
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT key_fingerprint_pk PRIMARY KEY (kind, key_id),
    CONSTRAINT key_fingerprint_kind_ck CHECK (
        CASE kind WHEN 'IDENTITY' THEN TRUE WHEN 'DATA' THEN TRUE WHEN 'TOKEN' THEN TRUE ELSE FALSE END)
);
