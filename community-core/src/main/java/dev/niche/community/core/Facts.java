package dev.niche.community.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.niche.community.Actor;
import dev.niche.community.ForbiddenException;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.trust.TrustPolicy;
import java.util.Optional;

/**
 * What one engine remembers because it cannot change: a pseudonym, once stored, keeps its account and
 * handle for ever (no command renames, moves or deletes one), and a policy's text always decodes to
 * the same policy. Both caches are bounded, so a long-running engine holds at most
 * {@value #PSEUDONYMS} pseudonyms and {@value #POLICIES} policies; anything mutable, such as a
 * community's visibility or a membership, is never kept here and is read in every unit of work, which
 * keeps several nodes on one store correct.
 *
 * <p>Only rows read from the store are remembered, never rows a unit of work writes: a write that
 * rolls back leaves nothing behind here.
 */
final class Facts {
    static final int PSEUDONYMS = 100_000;
    static final int POLICIES = 1_000;

    private final Cache<PseudonymId, PseudonymRecord> pseudonyms = Caffeine.newBuilder().maximumSize(PSEUDONYMS).build();
    private final Cache<String, TrustPolicy> policies = Caffeine.newBuilder().maximumSize(POLICIES).build();

    /**
     * The actor's pseudonym, after checking that the actor's account holds it; read from the store
     * only the first time.
     */
    PseudonymRecord actor(StoreTransaction tx, Actor actor) {
        PseudonymRecord pseudonym = pseudonyms.getIfPresent(actor.pseudonym());
        if (pseudonym == null) {
            Optional<PseudonymRecord> stored = tx.pseudonyms().byId(actor.pseudonym());
            if (stored.isPresent()) {
                pseudonym = stored.get();
                pseudonyms.put(pseudonym.id(), pseudonym);
            }
        }
        if (pseudonym == null || !pseudonym.account().equals(actor.account())) {
            // One answer for "no such pseudonym" and "someone else's": the caller learns nothing.
            throw new ForbiddenException("pseudonym " + actor.pseudonym() + " is not one of the acting account's pseudonyms");
        }
        return pseudonym;
    }

    /** The policy that {@code text}, a community's stored policy, decodes to. */
    TrustPolicy policy(String text) {
        return policies.get(text, PolicyCodec::decode);
    }
}
