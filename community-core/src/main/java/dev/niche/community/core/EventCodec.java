package dev.niche.community.core;

import dev.niche.community.community.CommunityId;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.event.CommunityEvent.AccountRevealed;
import dev.niche.community.event.CommunityEvent.CommunityArchived;
import dev.niche.community.event.CommunityEvent.CommunityCreated;
import dev.niche.community.event.CommunityEvent.CommunityUpdated;
import dev.niche.community.event.CommunityEvent.InviteCreated;
import dev.niche.community.event.CommunityEvent.InviteRevoked;
import dev.niche.community.event.CommunityEvent.MemberApproved;
import dev.niche.community.event.CommunityEvent.MemberBanned;
import dev.niche.community.event.CommunityEvent.MemberJoined;
import dev.niche.community.event.CommunityEvent.MemberLeft;
import dev.niche.community.event.CommunityEvent.MemberRejected;
import dev.niche.community.event.CommunityEvent.MemberUnbanned;
import dev.niche.community.event.CommunityEvent.PostDeleted;
import dev.niche.community.event.CommunityEvent.PostEdited;
import dev.niche.community.event.CommunityEvent.PseudonymRegistered;
import dev.niche.community.event.CommunityEvent.ReplyPosted;
import dev.niche.community.event.CommunityEvent.RoleChanged;
import dev.niche.community.event.CommunityEvent.ThreadLockChanged;
import dev.niche.community.event.CommunityEvent.ThreadStarted;
import dev.niche.community.event.CommunityEvent.TrustLevelChanged;
import dev.niche.community.event.CommunityEvent.TrustRecomputed;
import dev.niche.community.event.CommunityEvent.VoteCast;
import dev.niche.community.event.CommunityEvent.VoteRetracted;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.InviteId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.Role;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.EventRecord;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.vote.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored JSON form of every event type, written out field by field so that renaming a record
 * component in Java never changes what is stored: each type has a stable name, a version and the
 * payload fields listed in docs/events.md. The community and the time travel in the envelope
 * ({@link EventRecord}), not in the payload. Enum values are stored as the names in {@link Names},
 * also listed by hand.
 */
final class EventCodec {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Names<MemberState> STATES = new Names<>(Map.of(
            MemberState.ACTIVE, "ACTIVE", MemberState.PENDING, "PENDING", MemberState.BANNED, "BANNED",
            MemberState.LEFT, "LEFT"));
    private static final Names<Role> ROLES = new Names<>(Map.of(
            Role.OWNER, "OWNER", Role.MODERATOR, "MODERATOR", Role.MEMBER, "MEMBER"));
    private static final Names<Direction> DIRECTIONS = new Names<>(Map.of(Direction.UP, "UP", Direction.DOWN, "DOWN"));
    private static final Names<TrustLevel> LEVELS = new Names<>(Map.of(
            TrustLevel.NEW, "NEW", TrustLevel.BASIC, "BASIC", TrustLevel.MEMBER, "MEMBER",
            TrustLevel.REGULAR, "REGULAR", TrustLevel.LEADER, "LEADER"));

    /** Every type's form; docs/events.md lists the same. */
    static final List<Form<?>> FORMS = List.of(
            form("PseudonymRegistered", 1, PseudonymRegistered.class, e -> null,
                    (e, o) -> o.put("pseudonym", e.pseudonym().value()).put("handle", e.handle()),
                    f -> new PseudonymRegistered(f.pseudonym("pseudonym"), f.text("handle"), f.at())),
            form("AccountRevealed", 1, AccountRevealed.class, e -> null,
                    (e, o) -> o.put("pseudonym", e.pseudonym().value()).put("reason", e.reason()),
                    f -> new AccountRevealed(f.pseudonym("pseudonym"), f.text("reason"), f.at())),
            form("CommunityCreated", 1, CommunityCreated.class, CommunityCreated::community,
                    (e, o) -> o.put("slug", e.slug()).put("owner", e.owner().value()),
                    f -> new CommunityCreated(f.community(), f.text("slug"), f.pseudonym("owner"), f.at())),
            form("CommunityUpdated", 1, CommunityUpdated.class, CommunityUpdated::community,
                    (e, o) -> o.put("by", e.by().value()),
                    f -> new CommunityUpdated(f.community(), f.pseudonym("by"), f.at())),
            form("CommunityArchived", 1, CommunityArchived.class, CommunityArchived::community,
                    (e, o) -> o.put("by", e.by().value()),
                    f -> new CommunityArchived(f.community(), f.pseudonym("by"), f.at())),
            form("MemberJoined", 1, MemberJoined.class, MemberJoined::community,
                    (e, o) -> o.put("member", e.member().value()).put("state", STATES.name(e.state())),
                    f -> new MemberJoined(f.community(), f.pseudonym("member"), STATES.value(f.text("state")), f.at())),
            form("MemberApproved", 1, MemberApproved.class, MemberApproved::community,
                    (e, o) -> o.put("member", e.member().value()).put("by", e.by().value()),
                    f -> new MemberApproved(f.community(), f.pseudonym("member"), f.pseudonym("by"), f.at())),
            form("MemberRejected", 1, MemberRejected.class, MemberRejected::community,
                    (e, o) -> o.put("member", e.member().value()).put("by", e.by().value()),
                    f -> new MemberRejected(f.community(), f.pseudonym("member"), f.pseudonym("by"), f.at())),
            form("MemberLeft", 1, MemberLeft.class, MemberLeft::community,
                    (e, o) -> o.put("member", e.member().value()),
                    f -> new MemberLeft(f.community(), f.pseudonym("member"), f.at())),
            form("MemberBanned", 1, MemberBanned.class, MemberBanned::community,
                    (e, o) -> o.put("member", e.member().value()).put("by", e.by().value()),
                    f -> new MemberBanned(f.community(), f.pseudonym("member"), f.pseudonym("by"), f.at())),
            form("MemberUnbanned", 1, MemberUnbanned.class, MemberUnbanned::community,
                    (e, o) -> o.put("member", e.member().value()).put("by", e.by().value()),
                    f -> new MemberUnbanned(f.community(), f.pseudonym("member"), f.pseudonym("by"), f.at())),
            form("RoleChanged", 1, RoleChanged.class, RoleChanged::community,
                    (e, o) -> o.put("member", e.member().value()).put("role", ROLES.name(e.role())).put("by", e.by().value()),
                    f -> new RoleChanged(f.community(), f.pseudonym("member"), ROLES.value(f.text("role")),
                            f.pseudonym("by"), f.at())),
            form("InviteCreated", 1, InviteCreated.class, InviteCreated::community,
                    (e, o) -> o.put("invite", e.invite().value()).put("by", e.by().value()),
                    f -> new InviteCreated(f.community(), InviteId.of(f.text("invite")), f.pseudonym("by"), f.at())),
            form("InviteRevoked", 1, InviteRevoked.class, InviteRevoked::community,
                    (e, o) -> o.put("invite", e.invite().value()).put("by", e.by().value()),
                    f -> new InviteRevoked(f.community(), InviteId.of(f.text("invite")), f.pseudonym("by"), f.at())),
            form("ThreadStarted", 1, ThreadStarted.class, ThreadStarted::community,
                    (e, o) -> o.put("thread", e.thread().value()).put("author", e.author().value()),
                    f -> new ThreadStarted(f.community(), f.post("thread"), f.pseudonym("author"), f.at())),
            form("ReplyPosted", 1, ReplyPosted.class, ReplyPosted::community,
                    (e, o) -> o.put("thread", e.thread().value()).put("parent", e.parent().value())
                            .put("reply", e.reply().value()).put("author", e.author().value()),
                    f -> new ReplyPosted(f.community(), f.post("thread"), f.post("parent"), f.post("reply"),
                            f.pseudonym("author"), f.at())),
            form("PostEdited", 1, PostEdited.class, PostEdited::community,
                    (e, o) -> o.put("post", e.post().value()).put("author", e.author().value()),
                    f -> new PostEdited(f.community(), f.post("post"), f.pseudonym("author"), f.at())),
            form("PostDeleted", 1, PostDeleted.class, PostDeleted::community,
                    (e, o) -> o.put("post", e.post().value()),
                    f -> new PostDeleted(f.community(), f.post("post"), f.at())),
            form("ThreadLockChanged", 1, ThreadLockChanged.class, ThreadLockChanged::community,
                    (e, o) -> o.put("thread", e.thread().value()).put("locked", e.locked()).put("by", e.by().value()),
                    f -> new ThreadLockChanged(f.community(), f.post("thread"), f.bool("locked"), f.pseudonym("by"), f.at())),
            form("VoteCast", 1, VoteCast.class, VoteCast::community,
                    (e, o) -> o.put("post", e.post().value()).put("voter", e.voter().value())
                            .put("direction", DIRECTIONS.name(e.direction())),
                    f -> new VoteCast(f.community(), f.post("post"), f.pseudonym("voter"),
                            DIRECTIONS.value(f.text("direction")), f.at())),
            form("VoteRetracted", 1, VoteRetracted.class, VoteRetracted::community,
                    (e, o) -> o.put("post", e.post().value()).put("voter", e.voter().value()),
                    f -> new VoteRetracted(f.community(), f.post("post"), f.pseudonym("voter"), f.at())),
            form("TrustLevelChanged", 1, TrustLevelChanged.class, TrustLevelChanged::community,
                    (e, o) -> o.put("member", e.member().value()).put("from", LEVELS.name(e.from()))
                            .put("to", LEVELS.name(e.to())),
                    f -> new TrustLevelChanged(f.community(), f.pseudonym("member"), LEVELS.value(f.text("from")),
                            LEVELS.value(f.text("to")), f.at())),
            form("TrustRecomputed", 1, TrustRecomputed.class, TrustRecomputed::community,
                    (e, o) -> o.put("members", e.members()),
                    f -> new TrustRecomputed(f.community(), f.integer("members"), f.at())));

    private static final Map<Class<?>, Form<?>> BY_CLASS = new HashMap<>();
    private static final Map<String, Form<?>> BY_TYPE = new HashMap<>();

    static {
        for (Form<?> form : FORMS) {
            BY_CLASS.put(form.kind(), form);
            BY_TYPE.put(form.type(), form);
        }
    }

    private EventCodec() {}

    /** The form of one event type: its stable name, version, community and payload fields. */
    record Form<E extends CommunityEvent>(String type, int version, Class<E> kind,
            Function<E, @Nullable CommunityId> community, BiConsumer<E, ObjectNode> writer, Function<Fields, E> reader) {

        EventRecord encode(String id, CommunityEvent event) {
            E typed = kind.cast(event);
            ObjectNode payload = JSON.createObjectNode();
            writer.accept(typed, payload);
            return new EventRecord(id, type, version, community.apply(typed), event.at(), JSON.writeValueAsString(payload));
        }
    }

    private static <E extends CommunityEvent> Form<E> form(String type, int version, Class<E> kind,
            Function<E, @Nullable CommunityId> community, BiConsumer<E, ObjectNode> writer, Function<Fields, E> reader) {
        return new Form<>(type, version, kind, community, writer, reader);
    }

    /** The stored form of {@code event}, under {@code id}. */
    static EventRecord encode(String id, CommunityEvent event) {
        Form<?> form = BY_CLASS.get(event.getClass());
        if (form == null) {
            throw new IllegalStateException("event type " + event.getClass().getSimpleName() + " has no stored form");
        }
        return form.encode(id, event);
    }

    /** The stored forms of a command's events, each under a new id. */
    static List<EventRecord> encode(List<CommunityEvent> events, IdGenerator ids) {
        List<EventRecord> records = new ArrayList<>(events.size());
        for (CommunityEvent event : events) {
            records.add(encode(ids.newId(), event));
        }
        return records;
    }

    /**
     * The event a stored form holds.
     *
     * @throws IllegalStateException if the type or version is unknown to this engine (written by a
     *         newer one), or the payload lacks a field or holds one of the wrong kind
     */
    static CommunityEvent decode(EventRecord record) {
        Form<?> form = BY_TYPE.get(record.type());
        if (form == null) {
            throw new IllegalStateException("event " + record.id() + " has the type \"" + record.type()
                    + "\", which this engine does not know; was it written by a newer one?");
        }
        if (record.version() != form.version()) {
            throw new IllegalStateException("event " + record.id() + " is " + record.type() + " version " + record.version()
                    + ", which this engine does not read (it reads version " + form.version() + ")");
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(record.payload());
        } catch (JacksonException e) {
            throw new IllegalStateException("event " + record.id() + " holds a payload that is not JSON", e);
        }
        if (payload == null || !payload.isObject()) {
            throw new IllegalStateException("event " + record.id() + " holds a payload that is not a JSON object");
        }
        return form.reader().apply(new Fields(record, payload));
    }

    /** The fields of one stored event, read strictly: a missing or mistyped field is an error naming it. */
    static final class Fields {
        private final EventRecord record;
        private final JsonNode payload;

        Fields(EventRecord record, JsonNode payload) {
            this.record = record;
            this.payload = payload;
        }

        Instant at() {
            return record.at();
        }

        CommunityId community() {
            CommunityId community = record.community();
            if (community == null) {
                throw fault("has no community, which a " + record.type() + " needs");
            }
            return community;
        }

        String text(String field) {
            JsonNode value = payload.get(field);
            if (value == null || !value.isString()) {
                throw fault("lacks the text field \"" + field + "\"");
            }
            return value.stringValue();
        }

        boolean bool(String field) {
            JsonNode value = payload.get(field);
            if (value == null || !value.isBoolean()) {
                throw fault("lacks the boolean field \"" + field + "\"");
            }
            return value.booleanValue();
        }

        int integer(String field) {
            JsonNode value = payload.get(field);
            if (value == null || !value.isInt()) {
                throw fault("lacks the integer field \"" + field + "\"");
            }
            return value.intValue();
        }

        PseudonymId pseudonym(String field) {
            return PseudonymId.of(text(field));
        }

        PostId post(String field) {
            return PostId.of(text(field));
        }

        private IllegalStateException fault(String what) {
            return new IllegalStateException("event " + record.id() + " (" + record.type() + " version "
                    + record.version() + ") " + what);
        }
    }

    /** An enum's stored names, listed by hand so that renaming a constant never changes them. */
    private static final class Names<E extends Enum<E>> {
        private final Map<E, String> names;
        private final Map<String, E> values = new HashMap<>();

        Names(Map<E, String> names) {
            this.names = names;
            names.forEach((value, name) -> values.put(name, value));
        }

        String name(E value) {
            String name = names.get(value);
            if (name == null) {
                throw new IllegalStateException(value.getDeclaringClass().getSimpleName() + "." + value
                        + " has no stored name; add one to EventCodec and docs/events.md");
            }
            return name;
        }

        E value(String name) {
            E value = values.get(name);
            if (value == null) {
                throw new IllegalStateException("\"" + name + "\" is not a stored name this engine knows");
            }
            return value;
        }
    }
}
