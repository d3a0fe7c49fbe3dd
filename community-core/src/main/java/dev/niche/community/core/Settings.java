package dev.niche.community.core;

import dev.niche.community.trust.TrustPolicy;
import java.util.Set;

/**
 * The engine's tunable limits, fixed when it is built.
 *
 * @param maxPseudonymsPerAccount how many pseudonyms one account may hold
 * @param maxReplyDepth           the deepest a reply may sit; a thread root has depth 0
 * @param reservedHandles         handles nobody may register, in lower case
 * @param wilsonZ                 the confidence of the BEST reply sort
 * @param maxAttempts             how often a unit of work runs before a transient store failure is
 *                                reported as UNAVAILABLE
 * @param trustPolicy             the policy of communities without their own
 */
record Settings(int maxPseudonymsPerAccount, int maxReplyDepth, Set<String> reservedHandles, double wilsonZ, int maxAttempts,
        TrustPolicy trustPolicy) {
    Settings {
        reservedHandles = Set.copyOf(reservedHandles);
    }
}
