package dev.niche.community.spi;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.post.PostId;
import java.util.Optional;

/**
 * The tables of one unit of work. Valid only during the {@link StoreWork} it was passed to.
 * Reads see the unit's own writes.
 */
public interface StoreTransaction {

    PseudonymTable pseudonyms();

    CommunityTable communities();

    MembershipTable memberships();

    InviteTable invites();

    PostTable posts();

    VoteTable votes();

    ReputationTable reputation();

    TrustTable trust();

    /**
     * Serialises this unit of work with every other unit of work, on any node, that locks the same
     * account, until this one ends. The engine uses it where a rule spans several rows of one
     * account, such as the most pseudonyms an account may hold. A store with a single global write
     * lock may do nothing here.
     */
    void lockAccount(AccountId account);

    /**
     * The log of the engine's events ({@link EventLog}). A store written before 0.2 keeps none: this
     * default refuses, and the engine's {@code build()} reports that before any command runs.
     *
     * @throws UnsupportedOperationException if the store keeps no event log
     * @since 0.2
     */
    default EventLog events() {
        throw new UnsupportedOperationException("this store keeps no event log: implement StoreTransaction.events()"
                + " (the EventLog of the SPI, since 0.2), which the engine's durable event feed needs");
    }

    /**
     * Reads what a command about a post decides on: the post as {@link PostTable#byId} reads it, and
     * with it its community, {@code account}'s membership there and vote on the post, and the
     * community's trust policy; empty if there is no such post. The answer must equal those reads
     * made one by one, which is what this default does; a store that can answer in one query, such
     * as a join, should, since every vote, reply and edit starts here.
     *
     * @since 0.2
     */
    default Optional<PostDecision> postDecision(PostId post, AccountId account) {
        return posts().byId(post).map(found -> new PostDecision(found,
                communities().byId(found.community()).orElse(null),
                memberships().find(found.community(), account).orElse(null),
                votes().find(found.id(), account).orElse(null),
                trust().policy(found.community()).orElse(null)));
    }

    /**
     * Reads what a command in a community decides on: the community, {@code account}'s membership
     * there, and the community's trust policy; empty if there is no such community. The answer must
     * equal those reads made one by one, which is what this default does; a store that can answer in
     * one query should.
     *
     * @since 0.2
     */
    default Optional<CommunityDecision> communityDecision(CommunityId community, AccountId account) {
        return communities().byId(community).map(found -> new CommunityDecision(found,
                memberships().find(community, account).orElse(null),
                trust().policy(community).orElse(null)));
    }
}
