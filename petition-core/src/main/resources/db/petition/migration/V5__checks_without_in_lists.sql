-- The check constraints written with IN (...) lists, again as CASE expressions, with the same meaning. H2
-- 2.4.240 evaluates an IN list (and a chain of OR'ed equalities, which it turns into one) in a check constraint
-- with the session that created the constraint; once that connection is closed (a plain DataSource, or a pool
-- retiring it), every insert into an in-memory database fails with "Check constraint invalid ... The database
-- has been closed" (h2database issues #4291, #4308, #4342). A CASE is evaluated in the inserting session.
-- PostgreSQL treats all these forms alike. Same dialect rules as V1.

ALTER TABLE signature DROP CONSTRAINT signature_state_ck;
ALTER TABLE signature ADD CONSTRAINT signature_state_ck CHECK (
    CASE state WHEN 'PENDING' THEN TRUE WHEN 'CONFIRMED' THEN TRUE WHEN 'REVOKED' THEN TRUE
               WHEN 'REMOVED' THEN TRUE ELSE FALSE END);

ALTER TABLE signature DROP CONSTRAINT signature_kind_ck;
ALTER TABLE signature ADD CONSTRAINT signature_kind_ck CHECK (
    CASE kind WHEN 'PERSON' THEN TRUE WHEN 'ORGANIZATION' THEN TRUE ELSE FALSE END);

-- A live signature holds every key and its sealed data, or has had its name key and sealed data erased.
ALTER TABLE signature DROP CONSTRAINT signature_live_keys_ck;
ALTER TABLE signature ADD CONSTRAINT signature_live_keys_ck CHECK (
    CASE state WHEN 'PENDING' THEN FALSE WHEN 'CONFIRMED' THEN FALSE ELSE TRUE END
    OR (email_key IS NOT NULL AND name_key IS NOT NULL AND sealed_personal_data IS NOT NULL)
    OR (name_key IS NULL AND sealed_personal_data IS NULL));

ALTER TABLE moderation_action DROP CONSTRAINT moderation_action_kind_ck;
ALTER TABLE moderation_action ADD CONSTRAINT moderation_action_kind_ck CHECK (
    CASE kind WHEN 'APPROVE' THEN TRUE WHEN 'REMOVE' THEN TRUE WHEN 'BULK_REMOVE' THEN TRUE ELSE FALSE END);
