-- The index on signature (email_key) alone served only bySubject (a data subject's access or erasure
-- request, rare), and cost every signing and every confirmation an entry in a randomly ordered index: the
-- PostgreSQL benchmark measured the confirming update 34% and the insert 27% cheaper without it
-- (petition-benchmarks/RESULTS.md). bySubject now probes signature_email_uq (petition, email_key, slot) once
-- per petition instead.
DROP INDEX signature_subject_ix;
