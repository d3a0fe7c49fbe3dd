package dev.niche.examples.web;

import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.DiscoveryQuery;
import dev.niche.community.membership.CreateInvite;
import dev.niche.community.membership.InviteView;
import dev.niche.community.membership.JoinCommunity;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.MembershipView;
import dev.niche.community.membership.Role;
import dev.niche.community.post.PostView;
import dev.niche.community.post.StartThread;
import dev.niche.community.post.ThreadOrder;
import dev.niche.community.post.ThreadSort;
import dev.niche.community.post.TopWindow;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Discovering communities, a community's listings, joining, inviting and starting threads. */
@Controller
public class CommunityController {
    private static final int PAGE_SIZE = 20;

    private final CommunityEngine engine;
    private final CurrentUser currentUser;

    public CommunityController(CommunityEngine engine, CurrentUser currentUser) {
        this.engine = engine;
        this.currentUser = currentUser;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/communities";
    }

    /** Communities found by tag and words; both optional. */
    @GetMapping("/communities")
    String discover(@RequestParam(name = "tag", required = false) @Nullable String tag,
            @RequestParam(name = "q", required = false) @Nullable String words,
            @RequestParam(name = "cursor", required = false) @Nullable String cursor,
            Principal principal, Model model) {
        DiscoveryQuery query = new DiscoveryQuery(blankToNull(tag), blankToNull(words));
        Page<CommunityView> found = engine.communities().discover(
                currentUser.viewer(principal), query, new PageRequest(blankToNull(cursor), PAGE_SIZE));
        model.addAttribute("tag", tag == null ? "" : tag);
        model.addAttribute("q", words == null ? "" : words);
        model.addAttribute("found", found);
        return "communities";
    }

    /** A community's threads in HOT, NEW or TOP order, with what the user may do there. */
    @GetMapping("/c/{slug}")
    String community(@PathVariable("slug") String slug,
            @RequestParam(name = "sort", defaultValue = "HOT") ThreadSort sort,
            @RequestParam(name = "window", defaultValue = "ALL") TopWindow window,
            @RequestParam(name = "cursor", required = false) @Nullable String cursor,
            Principal principal, HttpSession session, Model model) {
        Viewer viewer = currentUser.viewer(principal);
        CommunityView community = engine.communities().getBySlug(viewer, slug);
        ThreadOrder order = sort == ThreadSort.TOP ? ThreadOrder.top(window) : new ThreadOrder(sort, TopWindow.ALL);
        Page<PostView> threads = engine.posts().threads(
                viewer, community.id(), order, new PageRequest(blankToNull(cursor), PAGE_SIZE));
        Optional<MembershipView> membership =
                engine.memberships().membership(currentUser.actor(principal, session), community.id());
        model.addAttribute("community", community);
        model.addAttribute("threads", threads);
        model.addAttribute("sort", sort.name());
        model.addAttribute("window", window.name());
        model.addAttribute("membership", membership.orElse(null));
        model.addAttribute("active", membership.filter(m -> m.state() == MemberState.ACTIVE).isPresent());
        model.addAttribute("moderates", membership
                .filter(m -> m.role() == Role.OWNER || m.role() == Role.MODERATOR)
                .isPresent());
        return "community";
    }

    /** Joins as the current pseudonym, with an invite code where the community needs one. */
    @PostMapping("/c/{slug}/join")
    String join(@PathVariable("slug") String slug,
            @RequestParam(name = "inviteCode", required = false) @Nullable String inviteCode,
            Principal principal, HttpSession session, RedirectAttributes flash) {
        Actor actor = currentUser.actor(principal, session);
        CommunityView community = engine.communities().getBySlug(Viewer.of(actor.account()), slug);
        String code = blankToNull(inviteCode);
        MembershipView joined = engine.memberships().join(actor,
                code == null ? JoinCommunity.of(community.id()) : JoinCommunity.withInvite(community.id(), code));
        flash.addFlashAttribute("notice", joined.state() == MemberState.PENDING
                ? "Your request to join waits for a moderator."
                : "Welcome to " + community.title() + ", @" + joined.member().handle() + "!");
        return "redirect:/c/" + slug;
    }

    /** Creates an invite code for a week, ten uses; moderators only, as the engine checks. */
    @PostMapping("/c/{slug}/invites")
    String invite(@PathVariable("slug") String slug, Principal principal, HttpSession session,
            RedirectAttributes flash) {
        Actor actor = currentUser.actor(principal, session);
        CommunityView community = engine.communities().getBySlug(Viewer.of(actor.account()), slug);
        InviteView invite = engine.memberships().createInvite(actor,
                new CreateInvite(community.id(), Duration.ofDays(7), 10));
        flash.addFlashAttribute("inviteCode", invite.code());
        return "redirect:/c/" + slug;
    }

    /** Starts a thread as the current pseudonym and shows it. */
    @PostMapping("/c/{slug}/threads")
    String startThread(@PathVariable("slug") String slug,
            @RequestParam("title") String title,
            @RequestParam(name = "body", defaultValue = "") String body,
            @RequestParam(name = "link", required = false) @Nullable String link,
            Principal principal, HttpSession session) {
        Actor actor = currentUser.actor(principal, session);
        CommunityView community = engine.communities().getBySlug(Viewer.of(actor.account()), slug);
        PostView thread = engine.posts().startThread(actor,
                new StartThread(community.id(), title, body, blankToNull(link)));
        return "redirect:/t/" + thread.id().value();
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
