package dev.niche.community.tck;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.Visibility;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.InviteId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.Role;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.InviteRecord;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PostCounters;
import dev.niche.community.spi.PostRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.Ranks;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.VoteRecord;
import dev.niche.community.vote.Direction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One step of the model-based rule: a unit of work as the engine might write it. Numbers pick
 * rows the {@link ModelWorld} knows, by index modulo how many there are, so that any sequence is
 * meaningful and shrinks well. Records print themselves, which makes a shrunk sequence readable.
 */
sealed interface ModelAction {

    /**
     * The unit of work to run against both stores, and what the world learns if it commits; or
     * empty when the action needs rows that do not exist yet.
     */
    Optional<Step> prepare(ModelWorld world);

    /** A unit of work and the rows it adds to the world if it commits. */
    record Step(Work work, Consumer<ModelWorld> onCommit) {}

    /** The work of a step; its result is compared between the stores. */
    @FunctionalInterface
    interface Work {
        @Nullable Object run(StoreTransaction tx);
    }

    private static <T> Optional<T> pick(List<T> rows, int index) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(index % rows.size()));
    }

    private static Optional<Step> step(Work work) {
        return Optional.of(new Step(work, world -> {}));
    }

    record Register(int account, int handle) implements ModelAction {
        @Override
        public Optional<Step> prepare(ModelWorld world) {
            PseudonymRecord p = new PseudonymRecord(PseudonymId.of(world.newId()), world.accounts.get(account % 3),
                    ModelWorld.HANDLES.get(handle % ModelWorld.HANDLES.size()), Rows.at(handle));
            return Optional.of(new Step(tx -> {
                tx.pseudonyms().insert(p);
                return null;
            }, w -> w.pseudonyms.add(p)));
        }
    }

    record Found(int slug, int visibility, int tag) implements ModelAction {
        @Override
        public Optional<Step> prepare(ModelWorld world) {
            Visibility v = Visibility.values()[visibility % 3];
            String name = ModelWorld.SLUGS.get(slug % ModelWorld.SLUGS.size());
            CommunityRecord c = new CommunityRecord(CommunityId.of(world.newId()), name, "Title " + name, "About " + tag,
                    List.of(ModelWorld.TAGS.get(tag % 2)), List.of(), v,
                    v == Visibility.RESTRICTED ? JoinPolicy.APPROVAL : JoinPolicy.OPEN, false, 0, Rows.T0, Rows.T0);
            return Optional.of(new Step(tx -> {
                tx.communities().insert(c);
                return null;
            }, w -> w.communities.add(c)));
        }
    }

    record Configure(int community, int visibility, boolean archived) implements ModelAction {
        @Override
        public Optional<Step> prepare(ModelWorld world) {
            return pick(world.communities, community).flatMap(c -> step(tx -> {
                tx.communities().update(new CommunityRecord(c.id(), "ignored", "Retitled " + visibility, "Now " + archived,
                        List.of(ModelWorld.TAGS.get(visibility % 2)), List.of("rule"), Visibility.values()[visibility % 3],
                        JoinPolicy.INVITE_ONLY, archived, 77, Rows.at(-1), Rows.at(visibility)));
                return null;
            }));
        }
    }

    record CountMembers(int community, int delta) implements ModelAction {
        @Override
        public Optional<Step> prepare(ModelWorld world) {
            return pick(world.communities, community).flatMap(c -> step(tx -> {
                tx.communities().addToMemberCount(c.id(), delta);
                return null;
            }));
        }
    }

    record Join(int community, int pseudonym, int state) implements ModelAction {
        @Override
        public Optional<Step> prepare(ModelWorld world) {
            return pick(world.communities, community).flatMap(c -> pick(world.pseudonyms, pseudonym).flatMap(p -> step(tx -> {
                tx.memberships().insert(new MembershipRecord(c.id(), p.account(), p.id(), Role.MEMBER,
                        MemberState.values()[state % 4], Rows.at(state % 2)));
                return null;
            })));
        }
    }

    record Transition(int community, int pseudonym, int state, int role) implements ModelAction {
        @Override
        public Optional<Step> prepare(ModelWorld world) {
            return pick(world.communities, community).flatMap(c -> pick(world.pseudonyms, pseudonym).flatMap(p -> step(tx -> {
                tx.memberships().update(new MembershipRecord(c.id(), p.account(), p.id(), Role.values()[role % 3],
                        MemberState.values()[state % 4], Rows.at(state % 3)));
                return null;
            })));
        }
    }

    record Post(int community, int author, int time) implements ModelAction {
        @Override
        public Optional<Step> prepare(ModelWorld world) {
            return pick(world.communities, community).flatMap(c -> pick(world.pseudonyms, author).map(a -> {
                PostId id = PostId.of(world.newId());
                PostRecord post = new PostRecord(id, c.id(), id, null, 0, a.id(), a.account(), "Thread " + time,
                        "Body", null, Rows.at(time % 3), null, false, false, PostCounters.ZERO, Rows.UNRANKED);
                return new Step(tx -> {
                    tx.posts().insert(post);
                    return null;
                }, w -> w.posts.add(post));
            }));
        }
    }

    record Reply(int parent, int author, int time) implements ModelAction {
        @Override
        public Optional<Step> prepare(ModelWorld world) {
            return pick(world.posts, parent).flatMap(up -> pick(world.pseudonyms, author).map(a -> {
                PostRecord reply = new PostRecord(PostId.of(world.newId()), up.community(), up.thread(), up.id(),
                        up.depth() + 1, a.id(), a.account(), "", "Reply " + time, null, Rows.at(time % 3), null, false,
                        false, PostCounters.ZERO, Rows.UNRANKED);
                return new Step(tx -> {
                    tx.posts().insert(reply);
                    tx.posts().addReply(up.id(), up.thread());
                    return null;
                }, w -> w.posts.add(reply));
            }));
        }
    }

    record Edit(int post, int variant) implements ModelAction {
        @Override
        public Optional<Step> prepare(ModelWorld world) {
            return pick(world.posts, post).flatMap(p -> step(tx -> {
                PostRecord now = tx.posts().byId(p.id()).orElseThrow();
                PostRecord edited = switch (variant % 3) {
                    case 0 -> now.withText(now.title(), "Edited " + variant, "https://example.org/" + variant, Rows.at(9));
                    case 1 -> now.asTombstone();
                    default -> now.withLocked(!now.locked()).withCounters(PostCounters.ZERO)
                            .withRanks(new Ranks(7, 7, 7));
                };
                tx.posts().update(edited);
                return null;
            }));
        }
    }

    /** Casts, changes or (direction 0) retracts a vote, keeping the counters as the engine does. */
    record Vote(int post, int voter, int direction) implements ModelAction {
        @Override
        public Optional<Step> prepare(ModelWorld world) {
            return pick(world.posts, post).flatMap(p -> pick(world.pseudonyms, voter).map(v -> new Step(tx -> {
                AccountId account = v.account();
                Optional<VoteRecord> old = tx.votes().find(p.id(), account);
                old.filter(VoteRecord::counted).ifPresent(o -> count(tx, p.id(), o.direction(), -1));
                if (direction % 3 == 0) {
                    return tx.votes().delete(p.id(), account);
                }
                Direction d = direction % 3 == 1 ? Direction.UP : Direction.DOWN;
                VoteRecord now = new VoteRecord(p.id(), account, v.id(), d, !account.equals(p.authorAccount()), Rows.T0);
                if (old.isPresent()) {
                    tx.votes().update(now);
                } else {
                    tx.votes().insert(now);
                }
                return now.counted() ? count(tx, p.id(), d, 1) : null;
            }, w -> {
                if (direction % 3 != 0) {
                    w.ballots.add(new ModelWorld.Ballot(p, v));
                }
            })));
        }

        private static PostCounters count(StoreTransaction tx, PostId post, Direction d, int delta) {
            return tx.posts().addVotes(post, d == Direction.UP ? delta : 0, d == Direction.DOWN ? delta : 0);
        }
    }

    /**
     * Replaces a post's rank keys with values from a small set, so that listings reorder and often
     * tie, as the engine does after each vote.
     */
    record Rank(int post, int hot, int best) implements ModelAction {
        @Override
        public Optional<Step> prepare(ModelWorld world) {
            return pick(world.posts, post).flatMap(p -> step(tx -> {
                tx.posts().setRanks(p.id(), new Ranks(hot % 3 - 1, best % 3 / 2d, (hot + best) % 3));
                return null;
            }));
        }
    }

    /** Inserts again a vote cast before, without looking first, as a racing engine node might; the store must refuse it. */
    record BlindVote(int ballot) implements ModelAction {
        @Override
        public Optional<Step> prepare(ModelWorld world) {
            return pick(world.ballots, ballot).flatMap(b -> step(tx -> {
                tx.votes().insert(new VoteRecord(b.post().id(), b.voter().account(), b.voter().id(), Direction.UP,
                        false, Rows.T0));
                return null;
            }));
        }
    }

    record Invite(int community, int code, int maxUses) implements ModelAction {
        @Override
        public Optional<Step> prepare(ModelWorld world) {
            return pick(world.communities, community).flatMap(c -> pick(world.pseudonyms, code).map(by -> {
                InviteRecord invite = new InviteRecord(InviteId.of(world.newId()), c.id(),
                        ModelWorld.CODES.get(code % ModelWorld.CODES.size()), by.id(), Rows.T0,
                        Rows.T0.plus(Duration.ofDays(1)), 1 + maxUses % 3, 0, false);
                return new Step(tx -> {
                    tx.invites().insert(invite);
                    return null;
                }, w -> w.invites.add(invite));
            }));
        }
    }

    /** Uses ({@code revoke} false) or revokes an invite. */
    record UseInvite(int invite, boolean revoke) implements ModelAction {
        @Override
        public Optional<Step> prepare(ModelWorld world) {
            return pick(world.invites, invite).flatMap(i -> step(tx -> {
                if (revoke) {
                    tx.invites().revoke(i.id());
                    return null;
                }
                return tx.invites().use(i.id(), i.maxUses());
            }));
        }
    }

    /** Runs another action's writes, then fails as a command would: nothing of it may remain. */
    record Fail(ModelAction writes) implements ModelAction {
        @Override
        public Optional<Step> prepare(ModelWorld world) {
            return writes.prepare(world).map(inner -> new Step(tx -> {
                inner.work().run(tx);
                throw new ModelFailure();
            }, w -> {}));
        }
    }

    /** What a failing step throws after its writes. */
    final class ModelFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ModelFailure() {
            super("the step failed on purpose after its writes");
        }
    }
}
