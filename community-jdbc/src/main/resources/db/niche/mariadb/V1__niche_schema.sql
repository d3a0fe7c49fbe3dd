-- Niche schema for MariaDB 10.6+. Applied by Flyway (history table niche_schema_history) or by the host's own tooling.
--
-- Conventions shared by every dialect:
--   * text is utf8mb4, so that every Unicode character (emoji included) round-trips exactly;
--   * ids are the lowercase text of a UUID and order by that text: they are ascii_bin (byte order);
--     other text uses utf8mb4_nopad_bin, which compares code points exactly and does not ignore
--     trailing spaces, so that keys such as account ids and invite codes match only themselves;
--   * every instant is a BIGINT of nanoseconds since the epoch, so that an Instant round-trips exactly
--     and orders as a number;
--   * every constraint is named, because the store maps a unique violation to its invariant by name
--     (MariaDB calls every primary key PRIMARY, so for those the store goes by the table it inserted into);
--   * row_version lets the store detect that a row it read changed before it writes it back;
--   * unlike on H2 and PostgreSQL, memberships, posts and votes have no foreign key to the community or
--     post they belong to: InnoDB checks a foreign key by taking a shared lock on the parent row, and the
--     counter update on that same row that follows in the same command (member_count, ups/downs,
--     reply counts) then needs an exclusive lock, so two concurrent joins or votes would deadlock.
--     PostgreSQL's check takes FOR KEY SHARE, which a counter update does not conflict with.

CREATE TABLE niche_pseudonyms (
    id          VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    account_id  VARCHAR(128) NOT NULL,
    handle      VARCHAR(100) NOT NULL,
    handle_key  VARCHAR(100) NOT NULL, -- the handle lower-cased with Locale.ROOT
    created_ns  BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT niche_pseudonyms_handle_uq UNIQUE (handle_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX niche_pseudonyms_account_ix ON niche_pseudonyms (account_id, created_ns, id);

-- One row per account that was ever locked: StoreTransaction.lockAccount locks it FOR UPDATE.
CREATE TABLE niche_accounts (
    account_id VARCHAR(128) NOT NULL,
    PRIMARY KEY (account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE niche_communities (
    id             VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    slug           VARCHAR(100) NOT NULL,
    title          TEXT         NOT NULL,
    description    TEXT         NOT NULL,
    tags           MEDIUMTEXT   NOT NULL, -- JSON array of strings, in order
    rules          MEDIUMTEXT   NOT NULL, -- JSON array of strings, in order
    slug_lc        VARCHAR(100) NOT NULL, -- lower-cased with Locale.ROOT, for discovery
    title_lc       TEXT         NOT NULL,
    description_lc TEXT         NOT NULL,
    visibility     VARCHAR(16)  NOT NULL,
    join_policy    VARCHAR(16)  NOT NULL,
    archived       BOOLEAN      NOT NULL,
    member_count   INTEGER      NOT NULL,
    created_ns     BIGINT       NOT NULL,
    updated_ns     BIGINT       NOT NULL,
    row_version    BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT niche_communities_slug_uq UNIQUE (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- The tags again, one row each, so that discovery finds a tag with an indexed EXISTS.
CREATE TABLE niche_community_tags (
    community_id VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    ordinal      INTEGER      NOT NULL,
    tag          VARCHAR(100) NOT NULL,
    PRIMARY KEY (community_id, ordinal),
    CONSTRAINT niche_community_tags_community_fk FOREIGN KEY (community_id) REFERENCES niche_communities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX niche_community_tags_tag_ix ON niche_community_tags (tag, community_id);

CREATE TABLE niche_memberships (
    community_id VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    account_id   VARCHAR(128) NOT NULL,
    pseudonym_id VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    role         VARCHAR(16)  NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    since_ns     BIGINT       NOT NULL,
    row_version  BIGINT       NOT NULL,
    PRIMARY KEY (community_id, account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX niche_memberships_page_ix ON niche_memberships (community_id, state, since_ns, pseudonym_id);
CREATE INDEX niche_memberships_pseudonym_ix ON niche_memberships (community_id, pseudonym_id);
CREATE INDEX niche_memberships_account_ix ON niche_memberships (account_id, state);

CREATE TABLE niche_invites (
    id           VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    community_id VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    code         VARCHAR(255) NOT NULL,
    created_by   VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_ns   BIGINT       NOT NULL,
    expires_ns   BIGINT       NOT NULL,
    max_uses     INTEGER      NOT NULL,
    uses         INTEGER      NOT NULL,
    revoked      BOOLEAN      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT niche_invites_code_uq UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE niche_posts (
    id                 VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    community_id       VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    thread_id          VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    parent_id          VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    depth              INTEGER      NOT NULL,
    author_id          VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    author_account     VARCHAR(128) NOT NULL,
    title              TEXT         NOT NULL,
    body               MEDIUMTEXT   NOT NULL,
    link               TEXT,
    created_ns         BIGINT       NOT NULL,
    edited_ns          BIGINT,
    deleted            BOOLEAN      NOT NULL,
    locked             BOOLEAN      NOT NULL,
    ups                INTEGER      NOT NULL,
    downs              INTEGER      NOT NULL,
    reply_count        INTEGER      NOT NULL,
    thread_reply_count INTEGER      NOT NULL,
    score              INTEGER      NOT NULL, -- ups - downs, moved in the same UPDATE as they are
    hot                DOUBLE       NOT NULL, -- the rank keys the engine computes (Ranks)
    best               DOUBLE       NOT NULL,
    controversy        DOUBLE       NOT NULL,
    row_version        BIGINT       NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
-- One index per listing, so that every page is a keyset walk of an index, never a sort. MariaDB has
-- no partial index: a community's roots are its rows whose parent_id IS NULL, an equality on the
-- index's second column; a post's replies are the rows whose parent_id is that post. The scans run
-- backwards for the descending sorts (before 10.8 MariaDB reads DESC in an index definition as ASC).
CREATE INDEX niche_posts_threads_hot_ix ON niche_posts (community_id, parent_id, hot, id);
CREATE INDEX niche_posts_threads_new_ix ON niche_posts (community_id, parent_id, created_ns, id);
CREATE INDEX niche_posts_threads_top_ix ON niche_posts (community_id, parent_id, score, id);
CREATE INDEX niche_posts_threads_controversy_ix ON niche_posts (community_id, parent_id, controversy, id);
CREATE INDEX niche_posts_replies_best_ix ON niche_posts (parent_id, best, id);
CREATE INDEX niche_posts_replies_new_ix ON niche_posts (parent_id, created_ns, id);
CREATE INDEX niche_posts_replies_top_ix ON niche_posts (parent_id, score, id);
CREATE INDEX niche_posts_replies_controversy_ix ON niche_posts (parent_id, controversy, id);

CREATE TABLE niche_votes (
    post_id     VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    account_id  VARCHAR(128) NOT NULL,
    voter_id    VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    direction   VARCHAR(8)   NOT NULL,
    counted     BOOLEAN      NOT NULL,
    cast_ns     BIGINT       NOT NULL,
    row_version BIGINT       NOT NULL,
    PRIMARY KEY (post_id, account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
