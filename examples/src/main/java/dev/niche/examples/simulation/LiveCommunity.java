package dev.niche.examples.simulation;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.CommunityView;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import java.time.Duration;
import java.time.Instant;
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One community as the story plays it: who takes part now, who moderates it, each member's trust
 * level as the engine last reported it, and its threads with the posts in each, newest last.
 */
final class LiveCommunity {

    /** A person taking part in this community under the pseudonym that holds the membership. */
    record Member(Person person, Actor actor) {}

    /** A thread and the posts in it, root first, as the story made them. */
    static final class Thread {
        private final PostId root;
        private final String title;
        private final Actor author;
        private final Instant startedAt;
        private final boolean spam;
        private final boolean welcome;
        private final List<PostId> replies = new ArrayList<>();
        private boolean locked;

        Thread(PostId root, String title, Actor author, Instant startedAt, boolean spam, boolean welcome) {
            this.root = root;
            this.title = title;
            this.author = author;
            this.startedAt = startedAt;
            this.spam = spam;
            this.welcome = welcome;
        }

        PostId root() {
            return root;
        }

        String title() {
            return title;
        }

        Actor author() {
            return author;
        }

        Instant startedAt() {
            return startedAt;
        }

        boolean spam() {
            return spam;
        }

        /** Whether this is the owner's welcome thread, where members introduce themselves. */
        boolean welcome() {
            return welcome;
        }

        boolean locked() {
            return locked;
        }

        void lock() {
            locked = true;
        }

        List<PostId> replies() {
            return List.copyOf(replies);
        }

        void replied(PostId reply) {
            replies.add(reply);
        }

        /** The newest replies, up to {@code count}, newest last. */
        List<PostId> latestReplies(int count) {
            return List.copyOf(replies.subList(Math.max(0, replies.size() - count), replies.size()));
        }
    }

    private final Theme theme;
    private final CommunityView community;
    private final TrustPolicy policy;
    private final List<Member> members = new ArrayList<>();
    private final List<Member> moderators = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Map<AccountId, TrustLevel> levels = new HashMap<>();
    private int downVotesHeldBack;

    /** @param policy the community's trust policy, as the engine reports it */
    LiveCommunity(Theme theme, CommunityView community, TrustPolicy policy, Member owner) {
        this.theme = theme;
        this.community = community;
        this.policy = policy;
        members.add(owner);
        moderators.add(owner);
    }

    Theme theme() {
        return theme;
    }

    CommunityId id() {
        return community.id();
    }

    String slug() {
        return community.slug();
    }

    /** The owner, first of the moderators. */
    Member owner() {
        return moderators.get(0);
    }

    List<Member> members() {
        return List.copyOf(members);
    }

    List<Member> moderators() {
        return List.copyOf(moderators);
    }

    void joined(Member member) {
        members.add(member);
    }

    void promoted(Member member) {
        moderators.add(member);
    }

    /** Whether the member moderates this community (the owner does). */
    boolean moderates(Member member) {
        return moderators.stream().anyMatch(moderator -> moderator.person() == member.person());
    }

    /**
     * The member's trust level as the engine last returned it to a visit or reading report: levels
     * change only at those reports, so this is the level the engine holds.
     */
    TrustLevel level(Member member) {
        return levels.getOrDefault(member.person().account(), TrustLevel.NEW);
    }

    void leveled(Member member, TrustLevel level) {
        levels.put(member.person().account(), level);
    }

    /**
     * Whether the member holds {@code privilege} here: moderators hold every one, others from the
     * level the community's policy sets. The host hides what a member may not do, as Discourse hides
     * the down-vote button below level 2.
     */
    boolean may(Member member, Privilege privilege) {
        return moderates(member) || level(member).atLeast(policy.levelFor(privilege));
    }

    /** Notes that a member wanted to vote a post down but does not hold the privilege yet. */
    void heldBackDownVote() {
        downVotesHeldBack++;
    }

    /** How many down votes members wanted to cast before they held the privilege. */
    int downVotesHeldBack() {
        return downVotesHeldBack;
    }

    Thread started(PostView root, Actor author, boolean spam) {
        return started(root, author, spam, false);
    }

    Thread started(PostView root, Actor author, boolean spam, boolean welcome) {
        Thread thread = new Thread(root.id(), root.title(), author, root.createdAt(), spam, welcome);
        threads.add(thread);
        return thread;
    }

    List<Thread> threads() {
        return List.copyOf(threads);
    }

    /** The titles of the latest threads, up to {@code count}. */
    Set<String> latestTitles(int count) {
        Set<String> titles = new HashSet<>();
        for (int i = threads.size() - 1; i >= 0 && titles.size() < count; i--) {
            titles.add(threads.get(i).title());
        }
        return titles;
    }

    /**
     * A member chosen with a chance in proportion to their activity, so that a few members do much
     * of the talking.
     */
    Optional<Member> pickMember(SplittableRandom random, List<Member> among) {
        double total = among.stream().mapToDouble(member -> member.person().activity()).sum();
        double target = random.nextDouble() * total;
        for (Member member : among) {
            target -= member.person().activity();
            if (target < 0) {
                return Optional.of(member);
            }
        }
        return among.isEmpty() ? Optional.empty() : Optional.of(among.get(among.size() - 1));
    }

    /**
     * A thread people are reading now: recent ones, and busy ones, are likelier. Threads older than
     * a week are left alone unless nothing newer exists.
     */
    Optional<Thread> pickThread(SplittableRandom random, Instant now, boolean forReply) {
        List<Thread> candidates = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = threads.size() - 1; i >= 0; i--) {
            Thread thread = threads.get(i);
            double ageDays = Duration.between(thread.startedAt(), now).toMinutes() / (24.0 * 60);
            if (ageDays > 7 && !candidates.isEmpty()) {
                break;
            }
            if (forReply && (thread.locked() || thread.spam())) {
                continue;
            }
            candidates.add(thread);
            weights.add(Math.sqrt(1 + Math.min(thread.replies.size(), 20)) / Math.pow(1 + ageDays, 2));
        }
        double target = random.nextDouble() * weights.stream().mapToDouble(Double::doubleValue).sum();
        for (int i = 0; i < candidates.size(); i++) {
            target -= weights.get(i);
            if (target < 0) {
                return Optional.of(candidates.get(i));
            }
        }
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(candidates.size() - 1));
    }
}
