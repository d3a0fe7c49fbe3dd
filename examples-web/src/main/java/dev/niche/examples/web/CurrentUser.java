package dev.niche.examples.web;

import dev.niche.community.AccountId;
import dev.niche.community.Actor;
import dev.niche.community.CommunityEngine;
import dev.niche.community.Viewer;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.identity.PseudonymView;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who is acting: the logged-in demo account and the pseudonym it chose for this session (its first
 * one until it switches). Niche checks that the pseudonym belongs to the account on every command.
 */
@Component
public class CurrentUser {
    private static final String PSEUDONYM = "niche.pseudonym";

    private final CommunityEngine engine;
    private final DemoAccounts accounts;

    public CurrentUser(CommunityEngine engine, DemoAccounts accounts) {
        this.engine = engine;
        this.accounts = accounts;
    }

    /** The account of the logged-in user. */
    public AccountId account(Principal principal) {
        return accounts.byUsername(principal.getName())
                .orElseThrow(() -> new IllegalStateException("not a demo account"))
                .account();
    }

    /** The logged-in user as a reader. */
    public Viewer viewer(Principal principal) {
        return Viewer.of(account(principal));
    }

    /** The pseudonyms the account holds, in the order it registered them. */
    public List<PseudonymView> pseudonyms(Principal principal) {
        return engine.identities().ownedBy(account(principal));
    }

    /** The pseudonym the user acts as now. */
    public PseudonymView pseudonym(Principal principal, HttpSession session) {
        List<PseudonymView> mine = pseudonyms(principal);
        Object chosen = session.getAttribute(PSEUDONYM);
        return mine.stream()
                .filter(p -> p.id().value().equals(chosen))
                .findFirst()
                .orElseGet(() -> mine.get(0));
    }

    /** The user acting as the chosen pseudonym. */
    public Actor actor(Principal principal, HttpSession session) {
        return Actor.of(account(principal), pseudonym(principal, session).id());
    }

    /** Acts as {@code pseudonym} from now on, if the account holds it. */
    public void switchTo(Principal principal, HttpSession session, PseudonymId pseudonym) {
        boolean held = pseudonyms(principal).stream().anyMatch(p -> p.id().equals(pseudonym));
        if (held) {
            session.setAttribute(PSEUDONYM, pseudonym.value());
        }
    }
}
