package dev.niche.community.tck;

import dev.niche.community.spi.CommunityStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The engine's behaviour suite: every rule of identities, communities, memberships, posts,
 * listings, reply trees, home feeds, votes, reputation and trust, events, validation, privacy,
 * cursors and concurrency, driven through the public API of an engine built on the store under test.
 * A store that passes it behaves, under the engine, as the API documents.
 *
 * <pre>{@code
 * class InMemoryEngineTest extends EngineScenarios {
 *     @Override
 *     protected CommunityStore newStore() {
 *         return new InMemoryStore();
 *     }
 * }
 * }</pre>
 *
 * <p>Each scenario builds its own engine with a {@link MutableClock} and a seeded id generator, so
 * that times in the assertions are exact. Failures name the rule in their display name; the
 * scenario's assertions say which value was wrong.
 */
public abstract class EngineScenarios {

    /** A new, empty store, all of whose data is its own. Called once per scenario. */
    protected abstract CommunityStore newStore();

    /** Releases a store made by {@link #newStore()} once its scenario has ended. Does nothing by default. */
    protected void cleanUp(CommunityStore store) {}

    @Nested
    @DisplayName("Identities")
    class Identities extends IdentityScenarios {
        Identities() {
            super(EngineScenarios.this);
        }
    }

    @Nested
    @DisplayName("Ids and time")
    class Ids extends IdScenarios {
        Ids() {
            super(EngineScenarios.this);
        }
    }

    @Nested
    @DisplayName("Communities")
    class Communities {
        @Nested
        @DisplayName("creating, updating and archiving")
        class Lifecycle extends CommunityScenarios {
            Lifecycle() {
                super(EngineScenarios.this);
            }
        }

        @Nested
        @DisplayName("visibility")
        class Visibility extends VisibilityScenarios {
            Visibility() {
                super(EngineScenarios.this);
            }
        }

        @Nested
        @DisplayName("discovery")
        class Discovery extends DiscoveryScenarios {
            Discovery() {
                super(EngineScenarios.this);
            }
        }
    }

    @Nested
    @DisplayName("Memberships")
    class Memberships {
        @Nested
        @DisplayName("joining, leaving and approvals")
        class Joining extends JoinScenarios {
            Joining() {
                super(EngineScenarios.this);
            }
        }

        @Nested
        @DisplayName("invites")
        class Invites extends InviteScenarios {
            Invites() {
                super(EngineScenarios.this);
            }
        }

        @Nested
        @DisplayName("roles, ownership and bans")
        class Roles extends RoleScenarios {
            Roles() {
                super(EngineScenarios.this);
            }
        }

        @Nested
        @DisplayName("member lists")
        class MemberLists extends MemberListScenarios {
            MemberLists() {
                super(EngineScenarios.this);
            }
        }
    }

    @Nested
    @DisplayName("Posts")
    class Posts {
        @Nested
        @DisplayName("threads and replies")
        class Threads extends PostScenarios {
            Threads() {
                super(EngineScenarios.this);
            }
        }

        @Nested
        @DisplayName("edits, tombstones and locks")
        class Changes extends PostChangeScenarios {
            Changes() {
                super(EngineScenarios.this);
            }
        }

        @Nested
        @DisplayName("thread trees and thread pages")
        class Reading extends ThreadReadScenarios {
            Reading() {
                super(EngineScenarios.this);
            }
        }

        @Nested
        @DisplayName("thread listings: HOT, NEW, TOP and CONTROVERSIAL")
        class Listings extends ListingScenarios {
            Listings() {
                super(EngineScenarios.this);
            }
        }

        @Nested
        @DisplayName("reply sorts: BEST, TOP, NEW, OLD and CONTROVERSIAL")
        class ReplySorts extends ReplySortScenarios {
            ReplySorts() {
                super(EngineScenarios.this);
            }
        }

        @Nested
        @DisplayName("reply tree pages: limits, best-first choice, more stubs, continuing")
        class TreePages extends TreePageScenarios {
            TreePages() {
                super(EngineScenarios.this);
            }
        }

        @Nested
        @DisplayName("the home feed")
        class Feed extends HomeFeedScenarios {
            Feed() {
                super(EngineScenarios.this);
            }
        }
    }

    @Nested
    @DisplayName("Votes")
    class Votes extends VoteScenarios {
        Votes() {
            super(EngineScenarios.this);
        }
    }

    @Nested
    @DisplayName("Reputation and trust")
    class ReputationAndTrust {
        @Nested
        @DisplayName("reputation: the ledger, reversals, the daily cap and the leaderboard")
        class Reputation extends ReputationScenarios {
            Reputation() {
                super(EngineScenarios.this);
            }
        }

        @Nested
        @DisplayName("the serial-voting guard")
        class SerialVotes extends SerialVotingScenarios {
            SerialVotes() {
                super(EngineScenarios.this);
            }
        }

        @Nested
        @DisplayName("trust levels: earned, kept, lost and granted")
        class Levels extends TrustLevelScenarios {
            Levels() {
                super(EngineScenarios.this);
            }
        }

        @Nested
        @DisplayName("privileges gated by trust level")
        class Privileges extends PrivilegeScenarios {
            Privileges() {
                super(EngineScenarios.this);
            }
        }

        @Nested
        @DisplayName("the sybil-resistant trust score")
        class Scores extends TrustScoreScenarios {
            Scores() {
                super(EngineScenarios.this);
            }
        }
    }

    @Nested
    @DisplayName("Events")
    class Events extends EventScenarios {
        Events() {
            super(EngineScenarios.this);
        }
    }

    @Nested
    @DisplayName("The durable event feed: every committed event once, in commit order, without accounts")
    class DurableFeed extends FeedScenarios {
        DurableFeed() {
            super(EngineScenarios.this);
        }
    }

    @Nested
    @DisplayName("Validation and errors")
    class Validation extends ValidationScenarios {
        Validation() {
            super(EngineScenarios.this);
        }
    }

    @Nested
    @DisplayName("Privacy")
    class Privacy extends PrivacyScenarios {
        Privacy() {
            super(EngineScenarios.this);
        }
    }

    @Nested
    @DisplayName("Cursors")
    class Cursors extends CursorScenarios {
        Cursors() {
            super(EngineScenarios.this);
        }
    }

    @Nested
    @DisplayName("Concurrency")
    class Concurrency {
        @Nested
        @DisplayName("votes from 8 threads")
        class ConcurrentVotes extends ConcurrentVoteScenarios {
            ConcurrentVotes() {
                super(EngineScenarios.this);
            }
        }

        @Nested
        @DisplayName("joins, handles, limits, replies and counts from 8 threads")
        class Invariants extends ConcurrencyScenarios {
            Invariants() {
                super(EngineScenarios.this);
            }
        }
    }
}
