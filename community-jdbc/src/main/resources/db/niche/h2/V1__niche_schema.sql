-- Niche schema for H2 2.x. Applied by Flyway (history table niche_schema_history) or by the host's own tooling.
--
-- Conventions shared by every dialect:
--   * ids are the lowercase text of a UUID and order by that text (H2 compares strings by code unit);
--   * every instant is a BIGINT of nanoseconds since the epoch, so that an Instant round-trips exactly
--     and orders as a number;
--   * every constraint is named, because the store maps a unique violation to its invariant by name;
--   * row_version lets the store detect that a row it read changed before it writes it back.

CREATE TABLE niche_pseudonyms (
    id          VARCHAR(36)  NOT NULL,
    account_id  VARCHAR(128) NOT NULL,
    handle      VARCHAR(100) NOT NULL,
    handle_key  VARCHAR(100) NOT NULL, -- the handle lower-cased with Locale.ROOT
    created_ns  BIGINT       NOT NULL,
    CONSTRAINT niche_pseudonyms_pk PRIMARY KEY (id),
    CONSTRAINT niche_pseudonyms_handle_uq UNIQUE (handle_key)
);
CREATE INDEX niche_pseudonyms_account_ix ON niche_pseudonyms (account_id, created_ns, id);

-- One row per account that was ever locked: StoreTransaction.lockAccount locks it FOR UPDATE.
CREATE TABLE niche_accounts (
    account_id VARCHAR(128) NOT NULL,
    CONSTRAINT niche_accounts_pk PRIMARY KEY (account_id)
);

CREATE TABLE niche_communities (
    id             VARCHAR(36)         NOT NULL,
    slug           VARCHAR(100)        NOT NULL,
    title          CHARACTER VARYING   NOT NULL,
    description    CHARACTER VARYING   NOT NULL,
    tags           CHARACTER VARYING   NOT NULL, -- JSON array of strings, in order
    rules          CHARACTER VARYING   NOT NULL, -- JSON array of strings, in order
    slug_lc        VARCHAR(100)        NOT NULL, -- lower-cased with Locale.ROOT, for discovery
    title_lc       CHARACTER VARYING   NOT NULL,
    description_lc CHARACTER VARYING   NOT NULL,
    visibility     VARCHAR(16)         NOT NULL,
    join_policy    VARCHAR(16)         NOT NULL,
    archived       BOOLEAN             NOT NULL,
    member_count   INTEGER             NOT NULL,
    created_ns     BIGINT              NOT NULL,
    updated_ns     BIGINT              NOT NULL,
    row_version    BIGINT              NOT NULL,
    CONSTRAINT niche_communities_pk PRIMARY KEY (id),
    CONSTRAINT niche_communities_slug_uq UNIQUE (slug)
);

-- The tags again, one row each, so that discovery finds a tag with an indexed EXISTS.
CREATE TABLE niche_community_tags (
    community_id VARCHAR(36)  NOT NULL,
    ordinal      INTEGER      NOT NULL,
    tag          VARCHAR(100) NOT NULL,
    CONSTRAINT niche_community_tags_pk PRIMARY KEY (community_id, ordinal),
    CONSTRAINT niche_community_tags_community_fk FOREIGN KEY (community_id) REFERENCES niche_communities (id)
);
CREATE INDEX niche_community_tags_tag_ix ON niche_community_tags (tag, community_id);

CREATE TABLE niche_memberships (
    community_id VARCHAR(36)  NOT NULL,
    account_id   VARCHAR(128) NOT NULL,
    pseudonym_id VARCHAR(36)  NOT NULL,
    role         VARCHAR(16)  NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    since_ns     BIGINT       NOT NULL,
    row_version  BIGINT       NOT NULL,
    CONSTRAINT niche_memberships_pk PRIMARY KEY (community_id, account_id),
    CONSTRAINT niche_memberships_community_fk FOREIGN KEY (community_id) REFERENCES niche_communities (id)
);
CREATE INDEX niche_memberships_page_ix ON niche_memberships (community_id, state, since_ns, pseudonym_id);
CREATE INDEX niche_memberships_pseudonym_ix ON niche_memberships (community_id, pseudonym_id);
CREATE INDEX niche_memberships_account_ix ON niche_memberships (account_id, state);

CREATE TABLE niche_invites (
    id           VARCHAR(36)  NOT NULL,
    community_id VARCHAR(36)  NOT NULL,
    code         VARCHAR(255) NOT NULL,
    created_by   VARCHAR(36)  NOT NULL,
    created_ns   BIGINT       NOT NULL,
    expires_ns   BIGINT       NOT NULL,
    max_uses     INTEGER      NOT NULL,
    uses         INTEGER      NOT NULL,
    revoked      BOOLEAN      NOT NULL,
    CONSTRAINT niche_invites_pk PRIMARY KEY (id),
    CONSTRAINT niche_invites_code_uq UNIQUE (code)
);

CREATE TABLE niche_posts (
    id                 VARCHAR(36)       NOT NULL,
    community_id       VARCHAR(36)       NOT NULL,
    thread_id          VARCHAR(36)       NOT NULL,
    parent_id          VARCHAR(36),
    depth              INTEGER           NOT NULL,
    author_id          VARCHAR(36)       NOT NULL,
    author_account     VARCHAR(128)      NOT NULL,
    title              CHARACTER VARYING NOT NULL,
    body               CHARACTER VARYING NOT NULL,
    link               CHARACTER VARYING,
    created_ns         BIGINT            NOT NULL,
    edited_ns          BIGINT,
    deleted            BOOLEAN           NOT NULL,
    locked             BOOLEAN           NOT NULL,
    ups                INTEGER           NOT NULL,
    downs              INTEGER           NOT NULL,
    reply_count        INTEGER           NOT NULL,
    thread_reply_count INTEGER           NOT NULL,
    score              INTEGER           NOT NULL, -- ups - downs, moved in the same UPDATE as they are
    hot                DOUBLE PRECISION  NOT NULL, -- the rank keys the engine computes (Ranks)
    best               DOUBLE PRECISION  NOT NULL,
    controversy        DOUBLE PRECISION  NOT NULL,
    row_version        BIGINT            NOT NULL,
    CONSTRAINT niche_posts_pk PRIMARY KEY (id),
    CONSTRAINT niche_posts_community_fk FOREIGN KEY (community_id) REFERENCES niche_communities (id)
);
-- One index per listing, so that every page is a keyset walk of an index, never a sort. H2 has no
-- partial index: a community's roots are its rows whose parent_id IS NULL, an equality on the
-- index's second column; a post's replies are the rows whose parent_id is that post.
CREATE INDEX niche_posts_threads_hot_ix ON niche_posts (community_id, parent_id, hot DESC, id DESC);
CREATE INDEX niche_posts_threads_new_ix ON niche_posts (community_id, parent_id, created_ns DESC, id DESC);
CREATE INDEX niche_posts_threads_top_ix ON niche_posts (community_id, parent_id, score DESC, id DESC);
CREATE INDEX niche_posts_threads_controversy_ix ON niche_posts (community_id, parent_id, controversy DESC, id DESC);
CREATE INDEX niche_posts_replies_best_ix ON niche_posts (parent_id, best DESC, id DESC);
CREATE INDEX niche_posts_replies_new_ix ON niche_posts (parent_id, created_ns DESC, id DESC);
CREATE INDEX niche_posts_replies_top_ix ON niche_posts (parent_id, score DESC, id DESC);
CREATE INDEX niche_posts_replies_controversy_ix ON niche_posts (parent_id, controversy DESC, id DESC);

CREATE TABLE niche_votes (
    post_id     VARCHAR(36)  NOT NULL,
    account_id  VARCHAR(128) NOT NULL,
    voter_id    VARCHAR(36)  NOT NULL,
    direction   VARCHAR(8)   NOT NULL,
    counted     BOOLEAN      NOT NULL,
    cast_ns     BIGINT       NOT NULL,
    row_version BIGINT       NOT NULL,
    CONSTRAINT niche_votes_pk PRIMARY KEY (post_id, account_id),
    CONSTRAINT niche_votes_post_fk FOREIGN KEY (post_id) REFERENCES niche_posts (id)
);
