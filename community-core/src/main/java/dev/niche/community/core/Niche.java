package dev.niche.community.core;

import dev.niche.community.CommunityEngine;
import dev.niche.community.event.EventListener;
import dev.niche.community.spi.CommunityStore;
import dev.niche.community.trust.TrustPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link CommunityEngine}.
 *
 * <pre>{@code
 * CommunityEngine engine = Niche.builder()
 *         .store(new InMemoryStore())
 *         .listener(event -> log.info("{}", event))
 *         .build();
 * }</pre>
 *
 * <p>Only the store is required. Every other dependency has a default: the system clock in UTC,
 * {@link IdGenerator#secure()}, and no listeners.
 */
public final class Niche {

    /** The handles nobody may register unless {@link Builder#reservedHandles} says otherwise. */
    public static final Set<String> DEFAULT_RESERVED_HANDLES = Set.of(
            "admin", "administrator", "moderator", "mod", "system", "root", "support", "staff",
            "niche", "official", "owner", "anonymous", "deleted", "null", "help", "security");

    /** How many pseudonyms an account may hold unless {@link Builder#maxPseudonymsPerAccount} says otherwise. */
    public static final int DEFAULT_MAX_PSEUDONYMS_PER_ACCOUNT = 5;

    /** The deepest a reply may sit unless {@link Builder#maxReplyDepth} says otherwise. */
    public static final int DEFAULT_MAX_REPLY_DEPTH = 64;

    private Niche() {}

    /** Starts building an engine. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects an engine's dependencies and limits. Not thread-safe; build once and share the engine. */
    public static final class Builder {
        private @Nullable CommunityStore store;
        private Clock clock = Clock.systemUTC();
        private @Nullable IdGenerator idGenerator;
        private final List<EventListener> listeners = new ArrayList<>();
        private int maxPseudonymsPerAccount = DEFAULT_MAX_PSEUDONYMS_PER_ACCOUNT;
        private int maxReplyDepth = DEFAULT_MAX_REPLY_DEPTH;
        private Set<String> reservedHandles = DEFAULT_RESERVED_HANDLES;
        private double wilsonZ = Ranking.DEFAULT_WILSON_Z;
        private int maxAttempts = 3;
        private TrustPolicy trustPolicy = TrustPolicy.defaults();
        private @Nullable Duration eventMaxAge;
        private long eventMaxCount;

        private Builder() {}

        /** Where the engine keeps its data. Required. */
        public Builder store(CommunityStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Where the engine reads the time. Defaults to the system clock in UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where ids and invite codes come from. Defaults to {@link IdGenerator#secure()}. */
        public Builder idGenerator(IdGenerator idGenerator) {
            this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
            return this;
        }

        /** Adds a listener for events, called after each command commits, in the order added. */
        public Builder listener(EventListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** How many pseudonyms one account may hold, 1 to 100; 5 by default. */
        public Builder maxPseudonymsPerAccount(int max) {
            this.maxPseudonymsPerAccount = requireBetween("maxPseudonymsPerAccount", max, 1, 100);
            return this;
        }

        /**
         * The deepest a reply may sit, 1 to 1,000; 64 by default. A reply to a post already at this
         * depth is refused with INVALID_INPUT, so that trees stay renderable.
         */
        public Builder maxReplyDepth(int max) {
            this.maxReplyDepth = requireBetween("maxReplyDepth", max, 1, 1000);
            return this;
        }

        /** The handles nobody may register, compared case-insensitively; replaces the default list. */
        public Builder reservedHandles(Collection<String> handles) {
            this.reservedHandles = handles.stream()
                    .map(h -> h.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
            return this;
        }

        /**
         * The confidence {@code z} of the BEST reply sort's Wilson lower bound, above 0 and at most 10;
         * 1.281551565545 by default (an 80% one-sided bound, as on Reddit). Higher values favour
         * replies with more votes. Rank keys already stored keep the old value until their next vote.
         */
        public Builder bestConfidence(double z) {
            if (!(z > 0 && z <= 10)) {
                throw new IllegalArgumentException("bestConfidence " + z + " must be above 0 and at most 10");
            }
            this.wilsonZ = z;
            return this;
        }

        /**
         * How many times a unit of work runs, 1 to 10, before a transient store failure (a deadlock,
         * a serialization failure) is reported as UNAVAILABLE; 3 by default.
         */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = requireBetween("maxAttempts", attempts, 1, 10);
            return this;
        }

        /**
         * The reputation and trust policy of communities that have none of their own;
         * {@link TrustPolicy#defaults()} by default. A community's owner replaces it for that
         * community with {@code engine.trust().setPolicy(...)}.
         */
        public Builder trustPolicy(TrustPolicy policy) {
            this.trustPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * How long the event feed keeps events: {@code engine.events().prune()} deletes those older
         * than {@code maxAge}. Without this or {@link #eventRetentionCount}, the feed keeps every event.
         *
         * @throws IllegalArgumentException if {@code maxAge} is not positive
         * @since 0.2
         */
        public Builder eventRetention(Duration maxAge) {
            Objects.requireNonNull(maxAge, "maxAge");
            if (maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("eventRetention " + maxAge + " must be positive");
            }
            this.eventMaxAge = maxAge;
            return this;
        }

        /**
         * How many of the latest events the feed keeps: {@code engine.events().prune()} deletes the
         * older ones. With {@link #eventRetention} too, an event goes when either limit says so.
         *
         * @throws IllegalArgumentException if {@code maxEvents} is below 1
         * @since 0.2
         */
        public Builder eventRetentionCount(long maxEvents) {
            if (maxEvents < 1) {
                throw new IllegalArgumentException("eventRetentionCount " + maxEvents + " must be 1 or more");
            }
            this.eventMaxCount = maxEvents;
            return this;
        }

        /**
         * Builds the engine, after checking that the store keeps an event log (one read unit of work).
         *
         * @throws IllegalStateException if no store was given, or the store keeps no event log
         *         ({@code StoreTransaction.events()}, since 0.2)
         */
        public CommunityEngine build() {
            if (store == null) {
                throw new IllegalStateException(
                        "Niche needs a store: call store(...) with, for example, new InMemoryStore() from "
                                + "community-inmemory or a JdbcStore from community-jdbc");
            }
            requireEventLog(store);
            IdGenerator ids = idGenerator != null ? idGenerator : IdGenerator.secure();
            Settings settings = new Settings(
                    maxPseudonymsPerAccount, maxReplyDepth, reservedHandles, wilsonZ, maxAttempts, trustPolicy);
            return new Engine(store, clock, ids, List.copyOf(listeners), settings,
                    new Retention(eventMaxAge, eventMaxCount));
        }

        /**
         * Refuses a store that keeps no event log. A store that cannot be reached now (its database is
         * down) cannot be asked: the engine is built anyway, so that a host can start and report the
         * store unhealthy, and its commands fail as the store does until it is back.
         */
        private static void requireEventLog(CommunityStore store) {
            try {
                store.read(tx -> tx.events());
            } catch (UnsupportedOperationException e) {
                throw new IllegalStateException("the store " + store.getClass().getName() + " keeps no event log,"
                        + " which every command appends to: implement StoreTransaction.events() (since 0.2)", e);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(Niche.class).warn("Could not ask the store {} whether it keeps an event log,"
                        + " since it failed: {}; building the engine anyway", store.getClass().getName(), e.toString());
            }
        }

        private static int requireBetween(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " " + value + " must be between " + min + " and " + max);
            }
            return value;
        }
    }
}
