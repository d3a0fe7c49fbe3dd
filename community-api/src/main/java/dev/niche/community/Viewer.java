package dev.niche.community;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who reads: either nobody in particular ({@link #anonymous()}) or one of the host's accounts. An
 * account sees what its memberships let it see, including PRIVATE communities it belongs to, and
 * its own votes on the posts it reads.
 */
public final class Viewer {
    private static final Viewer ANONYMOUS = new Viewer(null);

    private final @Nullable AccountId account;

    private Viewer(@Nullable AccountId account) {
        this.account = account;
    }

    /** A reader who is not signed in. */
    public static Viewer anonymous() {
        return ANONYMOUS;
    }

    /** A reader signed in as {@code account}. */
    public static Viewer of(AccountId account) {
        return new Viewer(Objects.requireNonNull(account, "account"));
    }

    /** The reader's account, if signed in. */
    public Optional<AccountId> account() {
        return Optional.ofNullable(account);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Viewer other && Objects.equals(account, other.account);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(account);
    }

    @Override
    public String toString() {
        return account == null ? "Viewer[anonymous]" : "Viewer[account]";
    }
}
