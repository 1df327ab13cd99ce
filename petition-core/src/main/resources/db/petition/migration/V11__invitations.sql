-- Invitations (issue 20): only keyed email hashes (the identity secret's HMAC of the canonical address), never
-- an address. One invitation per address and petition (the primary key settles races between instances); the
-- suppression list ("never email me again") for every petition; and which signatures came through an
-- invitation's link, for the petition's aggregate (nothing records who invited whom). Same dialect rules as V1.

CREATE TABLE invitation_sent (
    petition  varchar(64) NOT NULL,
    email_key bytea       NOT NULL,
    sent_at   timestamp with time zone NOT NULL,
    CONSTRAINT invitation_sent_pk PRIMARY KEY (petition, email_key)
);

CREATE TABLE invitation_suppression (
    email_key     bytea NOT NULL,
    suppressed_at timestamp with time zone NOT NULL,
    CONSTRAINT invitation_suppression_pk PRIMARY KEY (email_key)
);

CREATE TABLE invitation_attribution (
    signature_id bigint      NOT NULL,
    petition     varchar(64) NOT NULL,
    CONSTRAINT invitation_attribution_pk PRIMARY KEY (signature_id)
);

CREATE INDEX invitation_attribution_petition ON invitation_attribution (petition);
