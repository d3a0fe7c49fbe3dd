package dev.niche.examples.simulation;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.vote.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The story's own bookkeeping of what it did: every post it made and every vote it cast, as it
 * intended them, and every attempt the engine refused. Tests hold the engine's figures against it.
 */
final class Ledger {

    /** A post the story made, as the story remembers it. */
    record Post(PostId id, CommunityId community, PostId thread, AccountId author, int depth, Instant at, double appeal) {}

    /** An attempt the engine refused, with the engine's reason. */
    record Refusal(Instant at, CommunityId community, String handle, String attempt, String reason) {}

    private final Map<PostId, Post> posts = new LinkedHashMap<>();
    private final Map<PostId, Map<AccountId, Direction>> votes = new HashMap<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private final Map<CommunityId, Map<AccountId, Instant>> lastActive = new HashMap<>();

    /** Notes a post the engine accepted; {@code appeal} is how likely readers are to like it. */
    Post posted(PostView view, AccountId author, double appeal) {
        Post post = new Post(view.id(), view.community(), view.thread(), author, view.depth(), view.createdAt(), appeal);
        posts.put(post.id(), post);
        active(post.community(), author, post.at());
        return post;
    }

    Post post(PostId id) {
        Post post = posts.get(id);
        if (post == null) {
            throw new IllegalArgumentException("post " + id + " is not in the ledger");
        }
        return post;
    }

    /** Every post the story made, in the order it made them. */
    List<Post> posts() {
        return List.copyOf(posts.values());
    }

    /** The vote an account holds on a post now, if any. */
    Optional<Direction> vote(PostId post, AccountId voter) {
        return Optional.ofNullable(votes.getOrDefault(post, Map.of()).get(voter));
    }

    void voted(PostId post, AccountId voter, Direction direction, Instant at) {
        votes.computeIfAbsent(post, p -> new HashMap<>()).put(voter, direction);
        active(post(post).community(), voter, at);
    }

    void retracted(PostId post, AccountId voter) {
        votes.getOrDefault(post, new HashMap<>()).remove(voter);
    }

    /** The score the votes the story holds on a post add up to: ups minus downs, own votes aside. */
    int score(PostId id) {
        AccountId author = post(id).author();
        return votes.getOrDefault(id, Map.of()).entrySet().stream()
                .filter(vote -> !vote.getKey().equals(author))
                .mapToInt(vote -> vote.getValue() == Direction.UP ? 1 : -1)
                .sum();
    }

    /** When an account last posted or voted in a community, if it ever did. */
    Optional<Instant> lastActive(CommunityId community, AccountId account) {
        return Optional.ofNullable(lastActive.getOrDefault(community, Map.of()).get(account));
    }

    private void active(CommunityId community, AccountId account, Instant at) {
        lastActive.computeIfAbsent(community, c -> new HashMap<>()).put(account, at);
    }

    void refused(Refusal refusal) {
        refusals.add(refusal);
    }

    /** Every refused attempt, in the order they happened. */
    List<Refusal> refusals() {
        return List.copyOf(refusals);
    }
}
