-- Who undid a moderator's removal, beside when (undone_at): every moderator's decision, its undoing too, is
-- recorded with who made it. Rows undone before this column existed keep NULL. PostgreSQL 15+ and H2 2.x.
ALTER TABLE moderation_action ADD COLUMN undone_by varchar;
