package dev.niche.examples.simulation;

import dev.niche.community.CommunityEngine;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.CommunityView;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.identity.PseudonymView;
import dev.niche.community.membership.MemberState;
import dev.niche.community.post.PostView;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the brand took part: where it shared value and how that was received, and its own
 * invite-only community with the advocates it invited.
 */
final class BrandSection implements Section {

    /**
     * The brand's figures at the end of the run.
     *
     * @param handle       the brand's handle
     * @param joined       the communities it is an active member of, besides its own
     * @param shared       its posts in those communities
     * @param score        the score those posts received
     * @param kitchen      its own community
     * @param invited      the advocates it invited
     * @param joinedKitchen of those, the ones now members of its community
     * @param refusedJoins the joins without an invite that the engine refused
     */
    record Figures(String handle, List<String> joined, int shared, int score, CommunityView kitchen, int invited,
            int joinedKitchen, int refusedJoins) {}

    private final Figures figures;

    BrandSection(Figures figures) {
        this.figures = figures;
    }

    /** Reads the brand's figures back from the engine and the census. */
    static Figures figures(CommunityEngine engine, Census census, Person brand, CommunityId kitchenId,
            List<BrandArc.Invitation> invitations, List<Ledger.Refusal> refusals) {
        CommunityView kitchen = engine.communities().get(Viewer.anonymous(), kitchenId);
        List<String> joined = census.communities().stream()
                .map(Census.CommunityCensus::community)
                .filter(community -> !community.id().equals(kitchenId))
                .filter(community -> brand.in(community.id())
                        .flatMap(actor -> engine.memberships().membership(actor, community.id()))
                        .filter(membership -> membership.state() == MemberState.ACTIVE)
                        .isPresent())
                .map(CommunityView::slug)
                .toList();
        Set<PseudonymId> brandPseudonyms = brand.pseudonyms().stream().map(PseudonymView::id).collect(Collectors.toSet());
        List<PostView> shared = census.communities().stream()
                .filter(community -> !community.community().id().equals(kitchenId))
                .flatMap(community -> community.threads().stream())
                .flatMap(Census.ThreadCensus::posts)
                .filter(post -> post.author() != null && brandPseudonyms.contains(post.author().id()))
                .toList();
        Set<PseudonymId> members = CommunityHealth.activeMembers(engine, kitchenId);
        int joinedKitchen = (int) invitations.stream().filter(i -> members.contains(i.actor().pseudonym())).count();
        int refused = (int) refusals.stream()
                .filter(r -> r.community().equals(kitchenId) && r.attempt().equals(BrandArc.UNINVITED_JOIN))
                .count();
        return new Figures(BrandArc.HANDLE, joined, shared.size(), shared.stream().mapToInt(PostView::score).sum(),
                kitchen, invitations.size(), joinedKitchen, refused);
    }

    @Override
    public String title() {
        return "The brand: " + figures.handle() + " (discloses its affiliation in its handle and every post)";
    }

    @Override
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "  Shared value in %s: %s, score %s.%n", String.join(" and ", figures.joined()),
                Format.count(figures.shared(), "post", "posts"), Format.score(figures.score()));
        CommunityView kitchen = figures.kitchen();
        out.printf(Locale.ROOT, "  Opened %s (%s, %s): invited %s who up-voted or answered it, one code each; %d joined.%n",
                kitchen.slug(), kitchen.visibility().name().toLowerCase(Locale.ROOT),
                kitchen.joinPolicy().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                Format.count(figures.invited(), "advocate", "advocates"), figures.joinedKitchen());
        out.printf(Locale.ROOT, "  %s now has %s; the engine refused %s without an invite.%n", kitchen.slug(),
                Format.count(kitchen.memberCount(), "member", "members"),
                Format.count(figures.refusedJoins(), "attempt to join", "attempts to join"));
    }
}
