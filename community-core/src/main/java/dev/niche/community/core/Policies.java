package dev.niche.community.core;

import dev.niche.community.ForbiddenException;
import dev.niche.community.community.CommunityId;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.LevelRecord;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.trust.Privilege;
import dev.niche.community.trust.TrustLevel;
import dev.niche.community.trust.TrustPolicy;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Which trust policy a community follows, and the privileges it gates. */
final class Policies {
    private Policies() {}

    /** The policy a decision read found ({@code null} for none), or the engine's default. */
    static TrustPolicy of(Facts facts, @org.jspecify.annotations.Nullable String stored, TrustPolicy defaults) {
        return stored == null ? defaults : facts.policy(stored);
    }

    /** The community's own policy, or the engine's default. */
    static TrustPolicy of(StoreTransaction tx, CommunityId community, TrustPolicy defaults) {
        return tx.trust().policy(community).map(PolicyCodec::decode).orElse(defaults);
    }

    /** The member's trust level in the community. */
    static TrustLevel level(StoreTransaction tx, MembershipRecord member) {
        return tx.trust().level(member.community(), member.account()).map(LevelRecord::level).orElse(TrustLevel.NEW);
    }

    /**
     * Refuses the action unless the member moderates the community or has reached the level the
     * privilege needs.
     */
    static void require(StoreTransaction tx, TrustPolicy policy, CommunityRecord community, MembershipRecord member,
            Privilege privilege) {
        if (member.role().moderates()) {
            return;
        }
        TrustLevel needed = policy.levelFor(privilege);
        TrustLevel level = needed == TrustLevel.NEW ? TrustLevel.NEW : level(tx, member);
        if (!level.atLeast(needed)) {
            throw new ForbiddenException(describe(privilege) + " in community " + community.slug()
                    + " needs trust level " + needed.number() + " (" + needed + "); this member is at level "
                    + level.number() + " (" + level + ")");
        }
    }

    /**
     * Whether a post carries a link: a link field, or a web address in its title or body, meaning
     * {@code ://} or {@code www.} anywhere in it.
     */
    static boolean hasLink(@Nullable String title, @Nullable String body, @Nullable String link) {
        return link != null || mentionsAddress(title) || mentionsAddress(body);
    }

    private static boolean mentionsAddress(@Nullable String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("://") || lower.contains("www.");
    }

    private static String describe(Privilege privilege) {
        return switch (privilege) {
            case POST_LINKS -> "posting links";
            case DOWNVOTE -> "down voting";
            case CREATE_INVITES -> "creating invites";
        };
    }
}
