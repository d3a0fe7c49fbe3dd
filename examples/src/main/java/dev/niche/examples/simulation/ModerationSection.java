package dev.niche.examples.simulation;

import dev.niche.community.CommunityEngine;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostView;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What moderators did, from the engine's events (role changes, locks, bans, rejections), together
 * with the attempts the engine refused, such as a banned member posting again or a new member
 * posting a link, which the trust gate holds, in time order.
 */
final class ModerationSection implements Section {

    /** One line of the log. */
    record Entry(Instant at, CommunityId community, String text) {}

    private final List<Entry> entries;
    private final Map<CommunityId, String> slugs;

    /**
     * @param handles the handle of each pseudonym
     * @param slugs   every community's slug
     */
    ModerationSection(CommunityEngine engine, List<CommunityEvent> events, List<Ledger.Refusal> refusals,
            Function<PseudonymId, String> handles, Map<CommunityId, String> slugs) {
        this.slugs = Map.copyOf(slugs);
        List<Entry> log = new ArrayList<>();
        for (CommunityEvent event : events) {
            describe(engine, event, handles).ifPresent(log::add);
        }
        for (Ledger.Refusal refusal : refusals) {
            log.add(new Entry(refusal.at(), refusal.community(), refusal.handle() + " tried to " + refusal.attempt() + ": "
                    + (refusal.gate() == null ? "refused (" + refusal.reason() + ")" : held(refusal.gate()))));
        }
        log.sort(Comparator.comparing(Entry::at)); // stable: events keep the engine's order
        this.entries = List.copyOf(log);
    }

    /** The entries, in time order. */
    List<Entry> entries() {
        return entries;
    }

    /** "held by the trust gate (level 0 may not post links)". */
    static String held(Ledger.TrustGate gate) {
        return "held by the trust gate (level " + gate.level().number() + " may not " + Format.privilege(gate.privilege()) + ")";
    }

    private static Optional<Entry> describe(CommunityEngine engine, CommunityEvent event, Function<PseudonymId, String> handles) {
        if (event instanceof CommunityEvent.RoleChanged changed) {
            return Optional.of(new Entry(changed.at(), changed.community(), handles.apply(changed.by()) + " made "
                    + handles.apply(changed.member()) + " " + changed.role().name().toLowerCase(Locale.ROOT)));
        }
        if (event instanceof CommunityEvent.ThreadLockChanged lock) {
            PostView thread = engine.posts().get(Viewer.anonymous(), lock.thread());
            String author = thread.author() == null ? "[deleted]" : thread.author().handle();
            return Optional.of(new Entry(lock.at(), lock.community(), handles.apply(lock.by())
                    + (lock.locked() ? " locked \"" : " unlocked \"") + Format.cut(thread.title(), 48) + "\" by " + author));
        }
        if (event instanceof CommunityEvent.MemberBanned banned) {
            return Optional.of(new Entry(banned.at(), banned.community(),
                    handles.apply(banned.by()) + " banned " + handles.apply(banned.member())));
        }
        if (event instanceof CommunityEvent.MemberUnbanned unbanned) {
            return Optional.of(new Entry(unbanned.at(), unbanned.community(),
                    handles.apply(unbanned.by()) + " lifted the ban on " + handles.apply(unbanned.member())));
        }
        if (event instanceof CommunityEvent.MemberRejected rejected) {
            return Optional.of(new Entry(rejected.at(), rejected.community(),
                    handles.apply(rejected.by()) + " rejected " + handles.apply(rejected.member())));
        }
        return Optional.empty();
    }

    @Override
    public String title() {
        return "Moderation log (from the engine's events and refusals)";
    }

    @Override
    public void print(PrintStream out) {
        for (Entry entry : entries) {
            out.printf(Locale.ROOT, "  %-12s  %-16s %s%n", Format.moment(entry.at()), slugs.get(entry.community()), entry.text());
        }
    }
}
