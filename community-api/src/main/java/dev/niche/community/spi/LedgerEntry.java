package dev.niche.community.spi;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.post.PostId;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a reputation ledger. Entries are appended and never changed.
 *
 * @param community          the community the reputation is in
 * @param pseudonym          whose reputation it changes: the post's author
 * @param account            the account behind {@code pseudonym}
 * @param kind               what it records
 * @param points             the points it adds, negative to take away
 * @param post               the voted post
 * @param sourceAccount      the voting account
 * @param sourcePseudonym    the pseudonym the vote was cast through
 * @param day                the UTC day of {@code at}, as days since 1970-01-01
 * @param at                 when it was recorded
 */
public record LedgerEntry(
        CommunityId community,
        PseudonymId pseudonym,
        AccountId account,
        LedgerKind kind,
        int points,
        PostId post,
        AccountId sourceAccount,
        PseudonymId sourcePseudonym,
        long day,
        Instant at) {
    public LedgerEntry {
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(pseudonym, "pseudonym");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(sourceAccount, "sourceAccount");
        Objects.requireNonNull(sourcePseudonym, "sourcePseudonym");
        Objects.requireNonNull(at, "at");
    }
}
