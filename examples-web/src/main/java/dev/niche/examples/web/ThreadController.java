package dev.niche.examples.web;

import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.Viewer;
import dev.niche.community.community.CommunityView;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.post.Reply;
import dev.niche.community.post.ReplyPage;
import dev.niche.community.post.ReplySort;
import dev.niche.community.post.ThreadView;
import dev.niche.community.post.TreeRequest;
import dev.niche.community.vote.CastVote;
import dev.niche.community.vote.Direction;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A thread as a tree: {@value #PAGE_REPLIES} replies and {@value #PAGE_DEPTH} levels a page, with
 * "more replies" where siblings were cut and "continue this thread" where depth was; replying and voting.
 */
@Controller
public class ThreadController {
    /** Replies on one page; small, so that the seeded threads show the "more" links. */
    static final int PAGE_REPLIES = 12;
    /** Levels below the page's root on one page. */
    static final int PAGE_DEPTH = 4;

    private final CommunityEngine engine;
    private final CurrentUser currentUser;

    public ThreadController(CommunityEngine engine, CurrentUser currentUser) {
        this.engine = engine;
        this.currentUser = currentUser;
    }

    /** The tree below a thread, or below a reply for "continue this thread". */
    @GetMapping("/t/{post}")
    String thread(@PathVariable("post") String post,
            @RequestParam(name = "sort", defaultValue = "BEST") ReplySort sort,
            Principal principal, Model model) {
        Viewer viewer = currentUser.viewer(principal);
        ThreadView tree = engine.posts().thread(viewer, PostId.of(post), new TreeRequest(sort, PAGE_REPLIES, PAGE_DEPTH));
        addContext(viewer, tree.root(), model);
        model.addAttribute("tree", tree);
        model.addAttribute("sort", sort.name());
        return "thread";
    }

    /** The replies a "more replies" stub stood for. */
    @GetMapping("/t/{post}/more")
    String more(@PathVariable("post") String post, @RequestParam("cursor") String cursor,
            Principal principal, Model model) {
        Viewer viewer = currentUser.viewer(principal);
        ReplyPage page = engine.posts().moreReplies(viewer, cursor);
        addContext(viewer, engine.posts().get(viewer, page.parent()), model);
        model.addAttribute("page", page);
        return "more";
    }

    private void addContext(Viewer viewer, PostView shown, Model model) {
        PostView thread = shown.parent() == null ? shown : engine.posts().get(viewer, shown.thread());
        CommunityView community = engine.communities().get(viewer, shown.community());
        model.addAttribute("thread", thread);
        model.addAttribute("shown", shown);
        model.addAttribute("community", community);
    }

    /** Replies to a post as the current pseudonym, then shows the reply in its thread. */
    @PostMapping("/p/{post}/reply")
    String reply(@PathVariable("post") String post, @RequestParam("body") String body,
            Principal principal, HttpSession session) {
        Actor actor = currentUser.actor(principal, session);
        PostView reply = engine.posts().reply(actor, new Reply(PostId.of(post), body));
        return "redirect:/t/" + reply.thread().value() + "#p-" + reply.id().value();
    }

    /** Votes UP or DOWN, or takes the vote back when the same arrow is pressed again. */
    @PostMapping("/p/{post}/vote")
    String vote(@PathVariable("post") String post, @RequestParam("direction") Direction direction,
            @RequestParam(name = "back", defaultValue = "") String back,
            Principal principal, HttpSession session) {
        Actor actor = currentUser.actor(principal, session);
        PostId id = PostId.of(post);
        PostView current = engine.posts().get(Viewer.of(actor.account()), id);
        if (current.viewerVote() == direction) {
            engine.votes().retract(actor, id);
        } else {
            engine.votes().cast(actor, new CastVote(id, direction));
        }
        String target = back.startsWith("/t/") || back.startsWith("/c/") ? back : "/t/" + current.thread().value();
        return "redirect:" + target + "#p-" + id.value();
    }
}
