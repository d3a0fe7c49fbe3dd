package dev.niche.examples.web;

import dev.niche.community.AccountId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The demo accounts of the development login stub. A real host has its own accounts and login, and
 * hands Niche only an opaque {@link AccountId} per user; here the account is picked from a list, with
 * no password worth the name. Each account owns one or more pseudonyms, registered on first start.
 */
@Component
public class DemoAccounts {

    /**
     * One demo account.
     *
     * @param username the login name shown on the login page
     * @param about    who this demo user is
     * @param handles  the pseudonyms it holds, the first one used after login
     */
    public record DemoAccount(String username, String about, List<String> handles) {
        public DemoAccount {
            handles = List.copyOf(handles);
        }

        /** The opaque key Niche sees for this user. */
        public AccountId account() {
            return AccountId.of("demo-" + username);
        }
    }

    private final List<DemoAccount> accounts = List.of(
            new DemoAccount("alice", "a nervous flyer who bakes", List.of("calm_pilot", "alice_bakes")),
            new DemoAccount("bob", "new here, curious", List.of("white-knuckles")),
            new DemoAccount("carol", "film-noir fan, runs an invite-only club", List.of("noir_fan", "carol_reads")));

    /** Every demo account, in login-page order. */
    public List<DemoAccount> all() {
        return accounts;
    }

    /** The account with {@code username}, if it is a demo account. */
    public Optional<DemoAccount> byUsername(String username) {
        return accounts.stream().filter(a -> a.username().equals(username)).findFirst();
    }
}
