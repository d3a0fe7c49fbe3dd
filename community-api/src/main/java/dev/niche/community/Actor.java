package dev.niche.community;

import dev.niche.community.identity.PseudonymId;
import java.util.Objects;

/**
 * Who performs a command: one of the host's accounts, acting under one of its pseudonyms. The
 * engine checks that the pseudonym belongs to the account before it does anything else.
 *
 * <pre>{@code
 * Actor alice = Actor.of(AccountId.of("user-42"), alicePseudonym.id());
 * engine.posts().startThread(alice, new StartThread(community.id(), "Hello", "First post", null));
 * }</pre>
 */
public record Actor(AccountId account, PseudonymId pseudonym) {
    public Actor {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(pseudonym, "pseudonym");
    }

    public static Actor of(AccountId account, PseudonymId pseudonym) {
        return new Actor(account, pseudonym);
    }

    /** The same account as a reader, for queries. */
    public Viewer asViewer() {
        return Viewer.of(account);
    }

    @Override
    public String toString() {
        return "Actor[pseudonym=" + pseudonym + "]";
    }
}
