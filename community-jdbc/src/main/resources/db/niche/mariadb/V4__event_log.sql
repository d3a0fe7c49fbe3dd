-- The durable event log (issue 14), on top of V3. Every committed command's events, in commit order.
--
-- Positions are dense (1, 2, 3, ...) and follow commit order. niche_event_head holds one row, the
-- latest position given; an append moves it and inserts its events in two statements (UPDATE with LAST_INSERT_ID(expr), then the INSERT), the first taking the
-- row's lock until the unit of work commits. The engine appends last in each unit, so the lock is held
-- only for the commit, and appends commit one after another in position order: a reader that has seen
-- position p can never later find a new event at or below p (no "outbox gap", see docs/events.md).
-- Pruning deletes the oldest rows of niche_events and never touches the head, so it blocks no append.
CREATE TABLE niche_events (
    log_position  BIGINT                  NOT NULL,
    id            VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, -- a UUID, the de-duplication key of a relay
    event_type    VARCHAR(64)             NOT NULL,
    event_version INTEGER                 NOT NULL,
    community_id  VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL, -- null for an event about a pseudonym alone
    at_ns         BIGINT                  NOT NULL,
    payload       MEDIUMTEXT              NOT NULL, -- the JSON form of event_type, event_version
    CONSTRAINT niche_events_pk PRIMARY KEY (log_position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE niche_event_head (
    id            SMALLINT NOT NULL,
    last_position BIGINT   NOT NULL,
    CONSTRAINT niche_event_head_pk PRIMARY KEY (id),
    CONSTRAINT niche_event_head_one_ck CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
INSERT INTO niche_event_head (id, last_position) VALUES (1, 0);
