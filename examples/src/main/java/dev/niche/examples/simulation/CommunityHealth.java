package dev.niche.examples.simulation;

import dev.niche.community.CommunityEngine;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.MembershipView;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How one community is doing at the end of the run, from what the engine reports.
 *
 * @param slug             the community
 * @param members          its active members, as the engine counts them
 * @param activeMembers    active members who posted or voted in the last {@value #ACTIVE_DAYS} days
 * @param daysOpen         whole days (rounded up) from its creation to the end of the run
 * @param threads          its threads
 * @param replies          its replies, at every depth
 * @param answeredThreads  threads with at least one reply
 * @param medianFirstReply the median time from a thread to its first reply, among answered threads;
 *                         {@code null} if none was answered
 */
record CommunityHealth(
        String slug,
        int members,
        int activeMembers,
        long daysOpen,
        int threads,
        int replies,
        int answeredThreads,
        @Nullable Duration medianFirstReply) {

    /** The window in which a member who posted or voted counts as active. */
    static final int ACTIVE_DAYS = 7;

    double threadsPerDay() {
        return (double) threads / daysOpen;
    }

    double repliesPerDay() {
        return (double) replies / daysOpen;
    }

    /** The share of threads with at least one reply, from 0 to 1; 0 without threads. */
    double answeredShare() {
        return threads == 0 ? 0 : (double) answeredThreads / threads;
    }

    /** Surveys every community of the census at {@code end}. */
    static List<CommunityHealth> survey(CommunityEngine engine, Census census, List<CommunityEvent> events, Instant end) {
        return census.communities().stream().map(community -> of(engine, community, events, end)).toList();
    }

    private static CommunityHealth of(CommunityEngine engine, Census.CommunityCensus census, List<CommunityEvent> events,
            Instant end) {
        CommunityId id = census.community().id();
        Set<PseudonymId> members = activeMembers(engine, id);
        Set<PseudonymId> active = new HashSet<>();
        Instant since = end.minus(Duration.ofDays(ACTIVE_DAYS));
        for (CommunityEvent event : events) {
            if (event.at().isBefore(since)) {
                continue;
            }
            participant(event, id).filter(members::contains).ifPresent(active::add);
        }
        List<Duration> waits = census.threads().stream()
                .flatMap(thread -> thread.firstReply().map(first -> Duration.between(thread.root().createdAt(), first)).stream())
                .sorted()
                .toList();
        long daysOpen = Math.max(1, (Duration.between(census.community().createdAt(), end).toMinutes() + 24 * 60 - 1) / (24 * 60));
        return new CommunityHealth(census.community().slug(), census.community().memberCount(), active.size(), daysOpen,
                census.threads().size(), census.replyCount(), waits.size(), median(waits));
    }

    /** Who posted or voted in {@code community} through this event, if it was such an event. */
    private static Optional<PseudonymId> participant(CommunityEvent event, CommunityId community) {
        if (event instanceof CommunityEvent.ThreadStarted started && started.community().equals(community)) {
            return Optional.of(started.author());
        }
        if (event instanceof CommunityEvent.ReplyPosted reply && reply.community().equals(community)) {
            return Optional.of(reply.author());
        }
        if (event instanceof CommunityEvent.VoteCast vote && vote.community().equals(community)) {
            return Optional.of(vote.voter());
        }
        return Optional.empty();
    }

    /** The pseudonyms holding an active membership, read page by page from the engine. */
    static Set<PseudonymId> activeMembers(CommunityEngine engine, CommunityId community) {
        Set<PseudonymId> members = new HashSet<>();
        Page<MembershipView> page = engine.memberships().members(Viewer.anonymous(), community, MemberState.ACTIVE,
                PageRequest.first(PageRequest.MAX_SIZE));
        page.items().forEach(member -> members.add(member.member().id()));
        while (page.hasNext()) {
            page = engine.memberships().members(Viewer.anonymous(), community, MemberState.ACTIVE,
                    PageRequest.after(Objects.requireNonNull(page.nextCursor()), PageRequest.MAX_SIZE));
            page.items().forEach(member -> members.add(member.member().id()));
        }
        return members;
    }

    private static @Nullable Duration median(List<Duration> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
