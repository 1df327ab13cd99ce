-- The transparency log keeps only its tiles' subtrees (docs/TRANSPARENCY-LOG.md, LogTiles): log_node rows
-- at levels 8, 16, 24, ..., the roots of full 256-leaf tiles and of tiles of tiles. Every other node is
-- computed when read from the level-8 rows or the entries below it, so the rows at other levels (written by
-- every append before this version: level 1 and up, and level 0 before that) are no longer read. The kept
-- rows, the entries and the heads are untouched: roots, proofs and checkpoints stay exactly what they were.
-- Same dialect rules as V1 (MOD is PostgreSQL's and H2's).
DELETE FROM log_node WHERE MOD(level, 8) <> 0 OR level = 0;
