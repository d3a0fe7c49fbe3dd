package dev.niche.community.spi;

import dev.niche.community.AccountId;
import dev.niche.community.community.CommunityId;
import dev.niche.community.trust.TrustLevel;
import java.time.Instant;

/**
 * A member's stored trust level; a member without one is at {@link TrustLevel#NEW}.
 *
 * @param community the community
 * @param account   the member's account
 * @param level     the level
 * @param manual    whether the owner set it
 * @param since     when it was reached or set
 */
public record LevelRecord(CommunityId community, AccountId account, TrustLevel level, boolean manual, Instant since) {}
