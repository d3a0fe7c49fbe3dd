package dev.niche.examples.simulation;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import dev.niche.community.post.PostView;
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.vote.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The story's own bookkeeping of what it did: every post it made and every vote it cast, as it
 * intended them, and every attempt the engine refused. Tests hold the engine's figures against it.
 */
final class Ledger {

    /**
     * A post the story made, as the story remembers it.
     *
     * @param author    the account that wrote it
     * @param pseudonym the pseudonym it wrote it under, whose reputation its votes move
     */
    record Post(PostId id, CommunityId community, PostId thread, AccountId author, PseudonymId pseudonym, int depth,
            Instant at, double appeal) {}

    /**
     * A vote the engine accepted, in the order the story cast them.
     *
     * @param direction the vote cast, or {@code null} for a vote taken back
     */
    record VoteAction(Instant at, PostId post, Actor voter, @Nullable Direction direction) {}

    /**
     * A privilege the member lacked when the engine refused it, as the engine reported the member's
     * level and the policy afterwards.
     */
    record TrustGate(Privilege privilege, TrustLevel level) {}

    /**
     * An attempt the engine refused, with the engine's reason.
     *
     * @param gate the trust privilege the member lacked, if that was why; {@code null} otherwise
     */
    record Refusal(Instant at, CommunityId community, String handle, String attempt, String reason,
            @Nullable TrustGate gate) {}

    private final Map<PostId, Post> posts = new LinkedHashMap<>();
    private final Map<PostId, Map<AccountId, Direction>> votes = new HashMap<>();
    private final List<VoteAction> voteActions = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private final Map<CommunityId, Map<AccountId, Instant>> lastActive = new HashMap<>();

    /** Notes a post the engine accepted; {@code appeal} is how likely readers are to like it. */
    Post posted(PostView view, AccountId author, double appeal) {
        PseudonymId pseudonym = Objects.requireNonNull(view.author(), "a new post has its author").id();
        Post post = new Post(view.id(), view.community(), view.thread(), author, pseudonym, view.depth(), view.createdAt(),
                appeal);
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

    void voted(PostId post, Actor voter, Direction direction, Instant at) {
        votes.computeIfAbsent(post, p -> new HashMap<>()).put(voter.account(), direction);
        voteActions.add(new VoteAction(at, post, voter, direction));
        active(post(post).community(), voter.account(), at);
    }

    void retracted(PostId post, Actor voter, Instant at) {
        votes.getOrDefault(post, new HashMap<>()).remove(voter.account());
        voteActions.add(new VoteAction(at, post, voter, null));
    }

    /** Every vote cast, changed or taken back, in order. */
    List<VoteAction> voteActions() {
        return List.copyOf(voteActions);
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
