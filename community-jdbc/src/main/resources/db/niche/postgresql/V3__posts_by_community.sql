-- The posts of one community, replies included, for the endorsement query of a trust recompute
-- (TrustTable.endorsements). V1 indexes community_id only over thread roots, in partial indexes, so
-- without this index PostgreSQL reads every community's posts, twice, for each recompute, and the cost
-- grows with the database rather than with the community. H2 (the foreign key's index) and MariaDB (the
-- thread indexes, which are not partial there) already index posts by community; they have no V3.
CREATE INDEX niche_posts_community_ix ON niche_posts (community_id);
