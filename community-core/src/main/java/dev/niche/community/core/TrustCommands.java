package dev.niche.community.core;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.ConflictException;
import dev.niche.community.NotFoundException;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.PostId;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.LevelRecord;
import dev.niche.community.spi.MemberKey;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.ReputationTotal;
import dev.niche.community.spi.SerialPair;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.trust.Activity;
import dev.niche.community.trust.SerialVoting;
import dev.niche.community.trust.Standing;
import dev.niche.community.trust.Trust;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import dev.niche.community.trust.TrustProgress;
import dev.niche.community.trust.TrustRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reputation, trust levels and trust scores. */
final class TrustCommands implements Trust {
    private static final int MAX_POSTS_READ = 500;
    private static final Duration MAX_READING = Duration.ofHours(1);
    private static final int MEMBER_BATCH = 1000;

    private final Context context;

    TrustCommands(Context context) {
        this.context = context;
    }

    @Override
    public TrustLevel recordVisit(Actor actor, CommunityId communityId) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(communityId, "community");
        return context.work().command("record visit", (tx, outbox) -> {
            context.facts().actor(tx, actor);
            CommunityRecord community = Access.readable(tx, actor.asViewer(), communityId);
            MembershipRecord member = Access.participant(tx, actor, community);
            Instant now = context.now();
            ActivityLog.visited(tx, community.id(), actor.account(), now);
            return evaluate(tx, outbox, member, now);
        });
    }

    @Override
    public TrustLevel recordReading(Actor actor, PostId thread, int postsRead, Duration readingTime) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(readingTime, "readingTime");
        if (postsRead < 0 || postsRead > MAX_POSTS_READ) {
            throw InputValidator.invalid("postsRead", postsRead, "must be between 0 and " + MAX_POSTS_READ);
        }
        if (readingTime.isNegative() || readingTime.compareTo(MAX_READING) > 0) {
            throw InputValidator.invalid("readingTime", readingTime, "must be between 0 and 1 hour");
        }
        return context.work().command("record reading", (tx, outbox) -> {
            context.facts().actor(tx, actor);
            Access.PostInCommunity found = Access.readablePostIn(tx, actor.asViewer(), thread);
            MembershipRecord member = Access.participant(tx, actor, found.community());
            Instant now = context.now();
            ActivityLog.read(tx, found.community().id(), actor.account(), found.post().thread(), postsRead,
                    readingTime.toSeconds(), now);
            return evaluate(tx, outbox, member, now);
        });
    }

    /** Moves the member's earned level by one evaluation of the rules, and reports a change. */
    private TrustLevel evaluate(StoreTransaction tx, Outbox outbox, MembershipRecord member, Instant now) {
        LevelRecord current = tx.trust().level(member.community(), member.account())
                .orElse(new LevelRecord(member.community(), member.account(), TrustLevel.NEW, false, now));
        if (current.manual()) {
            return current.level();
        }
        TrustPolicy.Levels rules = policy(tx, member.community()).levels();
        Activity allTime = tx.trust().activity(member.community(), member.account(), Long.MIN_VALUE);
        Activity recent = tx.trust().activity(member.community(), member.account(), windowStart(rules, now));
        TrustLevel next = TrustLevels.next(current.level(), allTime, recent, rules);
        if (next != current.level()) {
            tx.trust().putLevel(new LevelRecord(member.community(), member.account(), next, false, now));
            outbox.add(new CommunityEvent.TrustLevelChanged(member.community(), member.pseudonym(), current.level(),
                    next, now));
        }
        return next;
    }

    private static long windowStart(TrustPolicy.Levels rules, Instant now) {
        return Days.of(now) - rules.windowDays() + 1;
    }

    @Override
    public Standing standing(Viewer viewer, CommunityId communityId, PseudonymId member) {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(communityId, "community");
        Objects.requireNonNull(member, "member");
        return context.work().query("read standing", tx -> {
            CommunityRecord community = Access.readable(tx, viewer, communityId);
            // Every pseudonym has a standing in every community it may be looked up in, 0 and NEW without a
            // membership: whether a pseudonym had one must not change when another pseudonym of its
            // account takes the account's membership over, or the two would be tied together.
            if (tx.pseudonyms().byId(member).isEmpty()) {
                throw new NotFoundException("pseudonym " + member + " does not exist");
            }
            return standing(tx, community.id(), member);
        });
    }

    @Override
    public long reputation(PseudonymId pseudonym) {
        Objects.requireNonNull(pseudonym, "pseudonym");
        return context.work().query("read reputation", tx -> {
            if (tx.pseudonyms().byId(pseudonym).isEmpty()) {
                throw new NotFoundException("pseudonym " + pseudonym + " does not exist");
            }
            return tx.reputation().totalAcross(pseudonym);
        });
    }

    @Override
    public Page<Standing> leaderboard(Viewer viewer, CommunityId communityId, PageRequest page) {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(communityId, "community");
        Objects.requireNonNull(page, "page");
        ReputationTotal after = page.after().map(c -> Cursors.leaderboardAfter(communityId, c)).orElse(null);
        return context.work().query("read leaderboard", tx -> {
            CommunityRecord community = Access.readable(tx, viewer, communityId);
            List<ReputationTotal> found = tx.reputation().leaderboard(community.id(), after, page.size() + 1);
            boolean more = found.size() > page.size();
            List<ReputationTotal> items = more ? found.subList(0, page.size()) : found;
            String next = more ? Cursors.ofLeaderboard(communityId, items.get(items.size() - 1)) : null;
            return new Page<>(standings(tx, community.id(), items), next);
        });
    }

    /** The standings of pseudonyms with known totals, reading pseudonyms, levels and scores in one query each. */
    private static List<Standing> standings(StoreTransaction tx, CommunityId community, List<ReputationTotal> totals) {
        Map<PseudonymId, PseudonymRecord> pseudonyms = tx.pseudonyms().byIds(
                totals.stream().map(ReputationTotal::pseudonym).toList());
        List<AccountId> accounts = pseudonyms.values().stream().map(PseudonymRecord::account).toList();
        Map<AccountId, LevelRecord> levels = tx.trust().levels(community, accounts);
        Map<AccountId, Double> scores = tx.trust().scores(community, accounts);
        Map<AccountId, MembershipRecord> holders = tx.memberships().findAll(community, accounts);
        List<Standing> standings = new ArrayList<>(totals.size());
        for (ReputationTotal total : totals) {
            PseudonymRecord pseudonym = pseudonyms.get(total.pseudonym());
            if (pseudonym == null) {
                continue;
            }
            // Levels and scores belong to the account: they go on the one pseudonym that holds its
            // membership, never also on a pseudonym it held before, which would tie the two together.
            // Only an active membership shows them: a pseudonym that left stops showing them when it
            // leaves, not later when another pseudonym of its account joins.
            MembershipRecord holder = holders.get(pseudonym.account());
            boolean holds = holder != null && holder.pseudonym().equals(pseudonym.id())
                    && holder.state() == MemberState.ACTIVE;
            LevelRecord level = holds ? levels.get(pseudonym.account()) : null;
            standings.add(new Standing(community, Views.pseudonym(pseudonym), total.points(),
                    level == null ? TrustLevel.NEW : level.level(), level != null && level.manual(),
                    holds ? scores.get(pseudonym.account()) : null));
        }
        return standings;
    }

    private static Standing standing(StoreTransaction tx, CommunityId community, PseudonymId member) {
        return standings(tx, community, List.of(new ReputationTotal(member, tx.reputation().total(community, member))))
                .get(0);
    }

    @Override
    public TrustProgress progress(Actor actor, CommunityId communityId) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(communityId, "community");
        return context.work().query("read trust progress", tx -> {
            context.facts().actor(tx, actor);
            CommunityRecord community = Access.readable(tx, actor.asViewer(), communityId);
            MembershipRecord member = Access.participant(tx, actor, community);
            TrustPolicy policy = policy(tx, community.id());
            Instant now = context.now();
            return new TrustProgress(community.id(), Policies.level(tx, member),
                    tx.trust().activity(community.id(), member.account(), Long.MIN_VALUE),
                    tx.trust().activity(community.id(), member.account(), windowStart(policy.levels(), now)), policy);
        });
    }

    @Override
    public Standing grantLeader(Actor owner, CommunityId community, PseudonymId member) {
        return setByHand(owner, community, member, true);
    }

    @Override
    public Standing revokeLeader(Actor owner, CommunityId community, PseudonymId member) {
        return setByHand(owner, community, member, false);
    }

    private Standing setByHand(Actor owner, CommunityId communityId, PseudonymId member, boolean grant) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(communityId, "community");
        Objects.requireNonNull(member, "member");
        return context.work().command(grant ? "grant leader" : "revoke leader", (tx, outbox) -> {
            context.facts().actor(tx, owner);
            CommunityRecord community = Access.readable(tx, owner.asViewer(), communityId);
            Access.owner(tx, owner, community);
            Access.open(community);
            MembershipRecord membership = tx.memberships().findByPseudonym(community.id(), member)
                    .filter(m -> m.state() == MemberState.ACTIVE)
                    .orElseThrow(() -> new ConflictException("pseudonym " + member
                            + " has no active membership in community " + community.slug()));
            TrustLevel before = Policies.level(tx, membership);
            TrustLevel after = grant ? TrustLevel.LEADER : (before == TrustLevel.LEADER ? TrustLevel.REGULAR : before);
            Instant now = context.now();
            tx.trust().putLevel(new LevelRecord(community.id(), membership.account(), after, grant, now));
            if (after != before) {
                outbox.add(new CommunityEvent.TrustLevelChanged(community.id(), member, before, after, now));
            }
            return standing(tx, community.id(), member);
        });
    }

    @Override
    public TrustPolicy policy(Viewer viewer, CommunityId communityId) {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(communityId, "community");
        return context.work().query("read trust policy", tx -> policy(tx, Access.readable(tx, viewer, communityId).id()));
    }

    @Override
    public TrustPolicy setPolicy(Actor owner, CommunityId communityId, TrustPolicy policy) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(communityId, "community");
        Objects.requireNonNull(policy, "policy");
        return context.work().command("set trust policy", (tx, outbox) -> {
            context.facts().actor(tx, owner);
            CommunityRecord community = Access.readable(tx, owner.asViewer(), communityId);
            Access.owner(tx, owner, community);
            Access.open(community);
            tx.trust().putPolicy(community.id(), PolicyCodec.encode(policy));
            outbox.add(new CommunityEvent.CommunityUpdated(community.id(), owner.pseudonym(), context.now()));
            return policy;
        });
    }

    private TrustPolicy policy(StoreTransaction tx, CommunityId community) {
        return Policies.of(tx, community, context.settings().trustPolicy());
    }

    @Override
    public TrustRun recompute(CommunityId communityId) {
        Objects.requireNonNull(communityId, "community");
        return context.work().command("recompute trust", (tx, outbox) -> {
            CommunityRecord community = tx.communities().byId(communityId)
                    .orElseThrow(() -> Access.communityNotFound(communityId.value()));
            Instant now = context.now();
            Instant tenured = now.minus(policy(tx, community.id()).score().seedTenure());
            List<AccountId> members = new ArrayList<>();
            Set<AccountId> seeds = new HashSet<>();
            MemberKey after = null;
            List<MembershipRecord> batch;
            do {
                batch = tx.memberships().page(community.id(), MemberState.ACTIVE, after, MEMBER_BATCH);
                for (MembershipRecord m : batch) {
                    members.add(m.account());
                    if (m.role().moderates() || !m.since().isAfter(tenured)) {
                        seeds.add(m.account());
                    }
                }
                if (!batch.isEmpty()) {
                    MembershipRecord last = batch.get(batch.size() - 1);
                    after = new MemberKey(last.since(), last.pseudonym());
                }
            } while (batch.size() == MEMBER_BATCH);
            TrustGraph.Scores scores = TrustGraph.score(members, seeds,
                    Endorsements.of(tx.trust().interactions(community.id())));
            tx.trust().replaceScores(community.id(), scores.byAccount());
            outbox.add(new CommunityEvent.TrustRecomputed(community.id(), members.size(), now));
            return new TrustRun(community.id(), members.size(), scores.seeds(), scores.edges(), scores.iterations(), now);
        });
    }

    @Override
    public Page<SerialVoting> serialVoting(Actor moderator, CommunityId communityId, PageRequest page) {
        Objects.requireNonNull(moderator, "moderator");
        Objects.requireNonNull(communityId, "community");
        Objects.requireNonNull(page, "page");
        SerialPair after = page.after().map(c -> Cursors.serialPairsAfter(communityId, c)).orElse(null);
        return context.work().query("list serial voting", tx -> {
            context.facts().actor(tx, moderator);
            CommunityRecord community = Access.readable(tx, moderator.asViewer(), communityId);
            Access.moderator(tx, moderator, community);
            List<SerialPair> found = tx.reputation().serialPairs(community.id(), after, page.size() + 1);
            boolean more = found.size() > page.size();
            List<SerialPair> items = more ? found.subList(0, page.size()) : found;
            Set<PseudonymId> ids = new HashSet<>();
            items.forEach(p -> {
                ids.add(p.voter());
                ids.add(p.author());
            });
            Map<PseudonymId, PseudonymRecord> pseudonyms = tx.pseudonyms().byIds(ids);
            List<SerialVoting> clusters = items.stream()
                    .filter(p -> pseudonyms.containsKey(p.voter()) && pseudonyms.containsKey(p.author()))
                    .map(p -> new SerialVoting(community.id(),
                            Views.pseudonym(Objects.requireNonNull(pseudonyms.get(p.voter()), "filtered above")),
                            Views.pseudonym(Objects.requireNonNull(pseudonyms.get(p.author()), "filtered above")),
                            p.votes(), p.lastAt()))
                    .toList();
            @Nullable String next = more ? Cursors.ofSerialPairs(communityId, items.get(items.size() - 1)) : null;
            return new Page<>(clusters, next);
        });
    }
}
