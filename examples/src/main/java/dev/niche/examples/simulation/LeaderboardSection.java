package dev.niche.examples.simulation;

import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostView;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The members whose posts received the best score (up votes minus down votes), summed over every
 * post the census read back. A plain measure of how much the community valued what each wrote.
 */
final class LeaderboardSection implements Section {
    static final int LENGTH = 10;

    /** One contributor's standing. */
    record Standing(PseudonymId pseudonym, String handle, int posts, int score) {}

    private final List<Standing> standings;

    LeaderboardSection(Census census) {
        this.standings = standings(census);
    }

    /** Every author's standing, best score first, then most posts, then handle. */
    static List<Standing> standings(Census census) {
        Map<PseudonymId, Standing> byAuthor = new LinkedHashMap<>();
        census.threads().flatMap(Census.ThreadCensus::posts)
                .filter(post -> post.author() != null)
                .forEach(post -> byAuthor.merge(post.author().id(), standing(post),
                        (a, b) -> new Standing(a.pseudonym(), a.handle(), a.posts() + b.posts(), a.score() + b.score())));
        return byAuthor.values().stream()
                .sorted(Comparator.comparingInt(Standing::score).reversed()
                        .thenComparing(Comparator.comparingInt(Standing::posts).reversed())
                        .thenComparing(Standing::handle))
                .toList();
    }

    private static Standing standing(PostView post) {
        return new Standing(post.author().id(), post.author().handle(), 1, post.score());
    }

    @Override
    public String title() {
        return "Top contributors by score received on their posts";
    }

    @Override
    public void print(PrintStream out) {
        List<Standing> top = standings.subList(0, Math.min(LENGTH, standings.size()));
        for (int i = 0; i < top.size(); i++) {
            Standing standing = top.get(i);
            out.printf(Locale.ROOT, "  %2d. %-24s %5s  from %s%n", i + 1, standing.handle(), Format.score(standing.score()),
                    Format.count(standing.posts(), "post", "posts"));
        }
    }
}
