package dev.niche.examples.simulation;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Someone in the story: one of the host application's accounts, with the pseudonyms it registered
 * and the one it acts under in each community it joined.
 */
final class Person {
    private final AccountId account;
    private final double activity;
    private final double loyalty;
    private final boolean scripted;
    private final List<PseudonymView> pseudonyms = new ArrayList<>();
    private final Map<CommunityId, Actor> memberships = new LinkedHashMap<>();

    /**
     * @param account  the host's key for this person
     * @param activity how much this person takes part, relative to others; heavy-tailed across the cast
     * @param loyalty  the chance that this person comes by to read a community on a day without taking part
     * @param scripted whether this person acts only as a story arc says (the brand, the spammer),
     *                 never in the communities' everyday life
     */
    Person(AccountId account, double activity, double loyalty, boolean scripted) {
        this.account = account;
        this.activity = activity;
        this.loyalty = loyalty;
        this.scripted = scripted;
    }

    AccountId account() {
        return account;
    }

    double activity() {
        return activity;
    }

    double loyalty() {
        return loyalty;
    }

    boolean scripted() {
        return scripted;
    }

    /** The pseudonym this person registered first. */
    PseudonymView firstPseudonym() {
        return pseudonyms.get(0);
    }

    List<PseudonymView> pseudonyms() {
        return List.copyOf(pseudonyms);
    }

    void registered(PseudonymView pseudonym) {
        pseudonyms.add(pseudonym);
    }

    /** Acts under {@code pseudonym} in {@code community} from now on. */
    void joined(CommunityId community, Actor actor) {
        memberships.put(community, actor);
    }

    /** Who this person acts as in {@code community}, if a member. */
    Optional<Actor> in(CommunityId community) {
        return Optional.ofNullable(memberships.get(community));
    }

    /** How many communities this person joined. */
    int communityCount() {
        return memberships.size();
    }

    Actor as(PseudonymView pseudonym) {
        return Actor.of(account, pseudonym.id());
    }
}
