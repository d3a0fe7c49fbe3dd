-- Indexes a planner cannot mistake for one another.
--
-- V2's ledger indexes for the daily cap (gains), for the serial-voting window (since) and for the
-- serial-vote listing (serial) all led with community_id. Where statistics are missing or stale, a planner
-- may read the gains query through another of them: every community entry, on every vote, a cost that
-- grows with the ledger. Now each ledger index leads with a column that only its own queries bind, or
-- binds the most columns of: the post (what a vote holds), the author's pseudonym (gains and recounts),
-- the author's account (the serial-voting window) and, for serial votes, the community. PostgreSQL's V3
-- also indexes posts by community, which this database's V1 already does.
DROP INDEX niche_reputation_ledger_gains_ix;
CREATE INDEX niche_reputation_ledger_gains_ix ON niche_reputation_ledger (pseudonym_id, community_id, utc_day, kind, points);
DROP INDEX niche_reputation_ledger_since_ix;
CREATE INDEX niche_reputation_ledger_since_ix ON niche_reputation_ledger (account_id, source_account, community_id, at_ns, kind);
