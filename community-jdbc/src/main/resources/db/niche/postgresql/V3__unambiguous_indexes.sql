-- Indexes a planner cannot mistake for one another, and the posts of one community.
--
-- V2's ledger indexes for the daily cap (gains) and for the serial-voting window (since) both led with
-- community_id. Where a table's statistics are missing or stale (a new table, autovacuum off or behind),
-- PostgreSQL costs both alike for either query and may cache a plan that reads the gains query through
-- the since index: every community entry, on every vote, a cost that grows with the ledger. Now each
-- ledger index leads with a column that only its own queries bind: the post (what a vote holds), the
-- author's pseudonym (gains and recounts), the author's account (the serial-voting window) and, for
-- serial votes (a partial index), the community; one index per query, whatever the statistics say.
DROP INDEX niche_reputation_ledger_gains_ix;
CREATE INDEX niche_reputation_ledger_gains_ix ON niche_reputation_ledger (pseudonym_id, community_id, utc_day, kind, points);
DROP INDEX niche_reputation_ledger_since_ix;
CREATE INDEX niche_reputation_ledger_since_ix ON niche_reputation_ledger (account_id, source_account, community_id, at_ns, kind);

-- The posts of one community, replies included, for the endorsement query of a trust recompute
-- (TrustTable.endorsements). V1 indexes community_id only over thread roots, in partial indexes, so
-- without this index PostgreSQL reads every community's posts, twice, for each recompute, and the cost
-- grows with the database rather than with the community. H2 (the foreign key's index) and MariaDB (the
-- thread indexes, which are not partial there) already index posts by community.
CREATE INDEX niche_posts_community_ix ON niche_posts (community_id);
