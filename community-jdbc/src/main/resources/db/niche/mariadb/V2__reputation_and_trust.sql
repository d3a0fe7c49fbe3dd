-- Reputation and trust for MariaDB 10.6+, on top of V1; the same conventions (utf8mb4 tables with
-- utf8mb4_nopad_bin, ids as UUID text in ascii_bin, instants as BIGINT nanoseconds since the epoch,
-- every constraint named). Days are BIGINT days since 1970-01-01 (UTC).
--
-- These tables have no foreign keys, on any database: their rows are written only by the engine, in the
-- unit of work that read the community, post or membership they belong to, and a vote writes to several
-- of them. On MariaDB a key check would also take a shared lock on the parent row, which the vote's
-- counter update on that row then needs exclusively: the deadlock V1 avoids by leaving those keys out.
-- Rows are per community; nothing here is ever deleted except trust scores, which a recompute replaces.
--
-- Counters and totals move by INSERT ... ON DUPLICATE KEY UPDATE, one atomic statement each; the
-- defaults say where a new row starts.

-- The reputation ledger, append-only. Every vote-path query has an index that covers it.
CREATE TABLE niche_reputation_ledger (
    id               BIGINT NOT NULL AUTO_INCREMENT,
    community_id     VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    pseudonym_id     VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, -- the post's author
    account_id       VARCHAR(128) NOT NULL, -- the account behind pseudonym_id
    kind             VARCHAR(16)  NOT NULL, -- LedgerKind
    points           INTEGER      NOT NULL,
    post_id          VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    source_account   VARCHAR(128) NOT NULL, -- the voting account
    source_pseudonym VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, -- the pseudonym it voted through
    utc_day          BIGINT       NOT NULL,
    at_ns            BIGINT       NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
-- voteNet: what one account's vote on one post still holds.
CREATE INDEX niche_reputation_ledger_vote_ix ON niche_reputation_ledger (post_id, source_account, points);
-- upvoteGains (the daily cap) and recount.
CREATE INDEX niche_reputation_ledger_gains_ix ON niche_reputation_ledger (community_id, pseudonym_id, utc_day, kind, points);
-- votesSince: the serial-voting guard's window of one voter on one author.
CREATE INDEX niche_reputation_ledger_since_ix ON niche_reputation_ledger (community_id, source_account, account_id, at_ns, kind);
-- serialPairs: SERIAL_VOTE entries grouped by (voter, author), read in the order of the groups.
CREATE INDEX niche_reputation_ledger_serial_ix ON niche_reputation_ledger (community_id, kind, source_pseudonym, pseudonym_id, at_ns);

-- The sum of each pseudonym's ledger per community, moved in the unit that appends the entry.
CREATE TABLE niche_reputation_totals (
    community_id VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    pseudonym_id VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    points       BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (community_id, pseudonym_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
-- The leaderboard: points descending, then pseudonym id ascending, walked by keyset. The order mixes
-- directions, so only a descending column serves it: MariaDB 10.8 and later read this index in order;
-- earlier versions take DESC as ASC and sort the community's totals.
CREATE INDEX niche_reputation_totals_board_ix ON niche_reputation_totals (community_id, points DESC, pseudonym_id);
-- totalAcross: one pseudonym in every community.
CREATE INDEX niche_reputation_totals_pseudonym_ix ON niche_reputation_totals (pseudonym_id, points);

-- A member's activity per UTC day: counts added, visited or-ed.
CREATE TABLE niche_activity_days (
    community_id    VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    account_id      VARCHAR(128) NOT NULL,
    utc_day         BIGINT       NOT NULL,
    visited         BOOLEAN      NOT NULL DEFAULT FALSE,
    posts_read      BIGINT       NOT NULL DEFAULT 0,
    reading_seconds BIGINT       NOT NULL DEFAULT 0,
    votes_given     BIGINT       NOT NULL DEFAULT 0,
    votes_received  BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (community_id, account_id, utc_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- The last day a member entered, and the last day it replied in, each thread; null until the first.
CREATE TABLE niche_thread_touches (
    community_id VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    account_id   VARCHAR(128) NOT NULL,
    thread_id    VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    entered_day  BIGINT,
    replied_day  BIGINT,
    PRIMARY KEY (community_id, account_id, thread_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- Stored trust levels; a member without a row is at level 0.
CREATE TABLE niche_trust_levels (
    community_id VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    account_id   VARCHAR(128) NOT NULL,
    trust_level  VARCHAR(16)  NOT NULL, -- TrustLevel
    manual       BOOLEAN      NOT NULL,
    since_ns     BIGINT       NOT NULL,
    PRIMARY KEY (community_id, account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- A community's own trust policy, in the engine's text form.
CREATE TABLE niche_trust_policies (
    community_id VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    policy_text  MEDIUMTEXT NOT NULL,
    PRIMARY KEY (community_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- Trust scores of the last recompute, replaced as a whole per community.
CREATE TABLE niche_trust_scores (
    community_id VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    account_id   VARCHAR(128) NOT NULL,
    score        DOUBLE       NOT NULL,
    PRIMARY KEY (community_id, account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
