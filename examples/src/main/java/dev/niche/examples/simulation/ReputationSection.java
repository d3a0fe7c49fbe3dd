package dev.niche.examples.simulation;

import dev.niche.community.CommunityEngine;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.SerialVoting;
import dev.niche.community.trust.Standing;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import dev.niche.community.trust.TrustRun;
import dev.niche.community.vote.Direction;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reputation and trust as the engine reports them through {@code engine.trust()}: per community, the
 * leaderboard's top members with their reputation, trust level and trust score, how many members
 * stand at each level, the down votes the level gate allowed and held back, the serial voting its
 * moderators see and the last trust recomputation; then where the spammer, its accomplice and the
 * brand stand.
 */
final class ReputationSection implements Section {
    /** Members listed per community. */
    static final int TOP = 5;

    /**
     * One community's figures.
     *
     * @param slug      the community
     * @param policy    the trust policy it follows
     * @param levels    its active members per trust level, every level present
     * @param top       the first {@value #TOP} of its leaderboard
     * @param downVotes down votes cast there, from the engine's events
     * @param heldBack  down votes members wanted to cast before they held the privilege
     * @param refused   down votes the engine refused
     * @param serial    the serial-voting clusters the engine lists for its moderators
     * @param run       its latest trust recomputation
     */
    record CommunityFigures(String slug, TrustPolicy policy, Map<TrustLevel, Integer> levels, List<Standing> top,
            long downVotes, int heldBack, long refused, List<SerialVoting> serial, TrustRun run) {
        CommunityFigures {
            levels = Map.copyOf(levels);
            top = List.copyOf(top);
            serial = List.copyOf(serial);
        }

        int members() {
            return levels.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Where one of the story's outsiders stands in one community.
     *
     * @param who      what the story calls it: the spammer, its accomplice, the brand
     * @param slug     the community
     * @param state    its membership's state there
     * @param standing its standing, as the engine reports it
     * @param rank     its place on the leaderboard, from 1, if it has a reputation entry there
     * @param ranked   how many members the leaderboard lists
     */
    record Outsider(String who, String slug, MemberState state, Standing standing, Optional<Integer> rank, int ranked) {}

    private final List<CommunityFigures> communities;
    private final List<Outsider> outsiders;

    ReputationSection(List<CommunityFigures> communities, List<Outsider> outsiders) {
        this.communities = List.copyOf(communities);
        this.outsiders = List.copyOf(outsiders);
    }

    /** Reads every figure of the section from the engine, after the story has played. */
    static ReputationSection of(CommunityEngine engine, Story story, World world) {
        List<CommunityFigures> figures = new ArrayList<>();
        List<Outsider> outsiders = new ArrayList<>();
        List<CommunityEvent.VoteCast> votes = world.events().of(CommunityEvent.VoteCast.class);
        for (LiveCommunity community : story.communities()) {
            CommunityId id = community.id();
            Map<TrustLevel, Integer> levels = new EnumMap<>(TrustLevel.class);
            for (TrustLevel level : TrustLevel.values()) {
                levels.put(level, 0);
            }
            for (PseudonymId member : CommunityHealth.activeMembers(engine, id)) {
                levels.merge(engine.trust().standing(Viewer.anonymous(), id, member).level(), 1, Integer::sum);
            }
            List<Standing> leaderboard = leaderboard(engine, id);
            long downVotes = votes.stream()
                    .filter(vote -> vote.community().equals(id) && vote.direction() == Direction.DOWN).count();
            long refused = world.ledger().refusals().stream()
                    .filter(refusal -> refusal.community().equals(id) && refusal.attempt().equals("vote")).count();
            figures.add(new CommunityFigures(community.slug(), engine.trust().policy(Viewer.anonymous(), id), levels,
                    leaderboard.subList(0, Math.min(TOP, leaderboard.size())), downVotes, community.downVotesHeldBack(),
                    refused, SpamArc.serialVoting(engine, community.owner().actor(), id),
                    Objects.requireNonNull(story.trustRuns().get(id), "the story recomputes every community")));
            story.spam().spammer().ifPresent(p -> outsider(engine, "the spammer", p, community, leaderboard).ifPresent(outsiders::add));
            story.spam().accomplice().ifPresent(p -> outsider(engine, "its accomplice", p, community, leaderboard)
                    .ifPresent(outsiders::add));
            story.brand().brand().ifPresent(p -> outsider(engine, "the brand", p, community, leaderboard).ifPresent(outsiders::add));
        }
        outsiders.sort(Comparator.comparingInt(outsider -> order(outsider.who())));
        return new ReputationSection(figures, outsiders);
    }

    private static int order(String who) {
        return switch (who) {
            case "the spammer" -> 0;
            case "its accomplice" -> 1;
            default -> 2;
        };
    }

    private static Optional<Outsider> outsider(CommunityEngine engine, String who, Person person, LiveCommunity community,
            List<Standing> leaderboard) {
        return person.in(community.id()).flatMap(actor -> engine.memberships().membership(actor, community.id())
                .map(membership -> {
                    PseudonymId pseudonym = actor.pseudonym();
                    Standing standing = engine.trust().standing(Viewer.anonymous(), community.id(), pseudonym);
                    Optional<Integer> rank = Optional.empty();
                    for (int i = 0; i < leaderboard.size(); i++) {
                        if (leaderboard.get(i).member().id().equals(pseudonym)) {
                            rank = Optional.of(i + 1);
                        }
                    }
                    return new Outsider(who, community.slug(), membership.state(), standing, rank, leaderboard.size());
                }));
    }

    /** The community's whole leaderboard, page by page, as the engine orders it. */
    static List<Standing> leaderboard(CommunityEngine engine, CommunityId community) {
        List<Standing> all = new ArrayList<>();
        Page<Standing> page = engine.trust().leaderboard(Viewer.anonymous(), community, PageRequest.first(PageRequest.MAX_SIZE));
        all.addAll(page.items());
        while (page.hasNext()) {
            page = engine.trust().leaderboard(Viewer.anonymous(), community,
                    PageRequest.after(Objects.requireNonNull(page.nextCursor()), PageRequest.MAX_SIZE));
            all.addAll(page.items());
        }
        return all;
    }

    List<CommunityFigures> communities() {
        return communities;
    }

    List<Outsider> outsiders() {
        return outsiders;
    }

    @Override
    public String title() {
        return "Reputation and trust (engine.trust(): leaderboards, levels, nightly trust scores)";
    }

    @Override
    public void print(PrintStream out) {
        printPolicies(out);
        for (CommunityFigures community : communities) {
            out.println();
            out.printf(Locale.ROOT, "  %s: %s, by trust level: %s%n", community.slug(),
                    Format.count(community.members(), "member", "members"),
                    community.levels().entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .map(entry -> entry.getKey().name() + " " + entry.getValue())
                            .collect(Collectors.joining(", ")));
            for (int i = 0; i < community.top().size(); i++) {
                Standing standing = community.top().get(i);
                out.printf(Locale.ROOT, "  %4d. %-24s %6s  level %-10s trust %s%n", i + 1, standing.member().handle(),
                        Format.score(Math.toIntExact(standing.reputation())), Format.level(standing.level()),
                        Format.trust(standing.trust()));
            }
            TrustLevel downVoting = community.policy().levelFor(Privilege.DOWNVOTE);
            out.printf(Locale.ROOT, "        down votes: %d cast by moderators and members at level %d+; %d held back below it; %d refused%n",
                    community.downVotes(), downVoting.number(), community.heldBack(), community.refused());
            for (SerialVoting cluster : community.serial()) {
                out.printf(Locale.ROOT, "        serial voting its moderators see: %s on %s's posts, %s held, the last %s%n",
                        cluster.voter().handle(), cluster.author().handle(), Format.count(cluster.votes(), "vote", "votes"),
                        Format.moment(cluster.lastAt()));
            }
            TrustRun run = community.run();
            out.printf(Locale.ROOT, "        trust scores of %s: %s from %s over %s, %s%n", Format.moment(run.computedAt()),
                    Format.count(run.members(), "member", "members"), Format.count(run.seeds(), "seed", "seeds"),
                    Format.count(run.endorsements(), "endorsement", "endorsements"),
                    Format.count(run.iterations(), "iteration", "iterations"));
        }
        out.println();
        out.println("  The spammer, its accomplice and the brand:");
        for (Outsider outsider : outsiders) {
            Standing standing = outsider.standing();
            String rank = outsider.rank().map(r -> "#" + r + " of " + outsider.ranked()).orElse("unranked");
            String trust = standing.trust() != null ? Format.trust(standing.trust())
                    : outsider.state() == MemberState.ACTIVE ? "- (not scored yet)" : "- (not scored: " + outsider.state().name().toLowerCase(Locale.ROOT) + ")";
            out.printf(Locale.ROOT, "    %-15s %-14s %-16s %-7s %6s %-14s level %-10s trust %s%n", outsider.who(),
                    standing.member().handle(), outsider.slug(), outsider.state().name().toLowerCase(Locale.ROOT),
                    Format.score(Math.toIntExact(standing.reputation())), "(" + rank + ")", Format.level(standing.level()), trust);
        }
        out.println("  (reputation: the sum of the member's ledger; levels rise from the visits and reading the host");
        out.println("   reports, by the policy's thresholds; trust: the sybil-resistant score, 1.00 for the average member,");
        out.println("   flowing from the seeds (owner, moderators, long-standing members) along up votes and replies)");
    }

    private void printPolicies(PrintStream out) {
        List<TrustPolicy> policies = communities.stream().map(CommunityFigures::policy).distinct().toList();
        for (TrustPolicy policy : policies) {
            List<String> slugs = communities.stream().filter(c -> c.policy().equals(policy)).map(CommunityFigures::slug).toList();
            String whose = slugs.size() == communities.size() ? "Every community" : String.join(", ", slugs);
            String which = policy.equals(TrustPolicy.defaults()) ? "the engine's default policy (no setPolicy)" : "its own policy";
            TrustPolicy.Reputation reputation = policy.reputation();
            out.printf(Locale.ROOT, "  %s follows %s: an up vote %s, a down vote %s,%n", whose, which,
                    Format.score(reputation.upvote()), Format.score(reputation.downvote()));
            out.printf(Locale.ROOT, "  at most %s a day from up votes; posting links needs trust level %s, voting down %s.%n",
                    Format.score(reputation.dailyCap()), Format.level(policy.levelFor(Privilege.POST_LINKS)),
                    Format.level(policy.levelFor(Privilege.DOWNVOTE)));
        }
    }
}
