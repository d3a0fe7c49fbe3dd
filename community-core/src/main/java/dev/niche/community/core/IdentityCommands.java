package dev.niche.community.core;

import dev.niche.community.AccountId;
import dev.niche.community.ConflictException;
import dev.niche.community.NotFoundException;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.identity.Identities;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.identity.PseudonymView;
import dev.niche.community.identity.RegisterPseudonym;
import dev.niche.community.spi.PseudonymRecord;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers and looks up pseudonyms. */
final class IdentityCommands implements Identities {
    private static final Logger log = LoggerFactory.getLogger(IdentityCommands.class);

    private final Context context;

    IdentityCommands(Context context) {
        this.context = context;
    }

    @Override
    public PseudonymView register(AccountId account, RegisterPseudonym command) {
        Objects.requireNonNull(account, "account");
        context.validator().check(command, "command");
        String handle = command.handle();
        String key = handle.toLowerCase(Locale.ROOT);
        if (context.settings().reservedHandles().contains(key)) {
            throw InputValidator.invalid("handle", handle, "is reserved; choose another handle");
        }
        return context.work().command("register pseudonym", (tx, outbox) -> {
            tx.lockAccount(account);
            if (tx.pseudonyms().byHandle(handle).isPresent()) {
                throw new ConflictException("handle \"" + handle + "\" is taken; choose another handle");
            }
            int held = tx.pseudonyms().byAccount(account).size();
            int max = context.settings().maxPseudonymsPerAccount();
            if (held >= max) {
                throw new ConflictException("the account already holds " + held
                        + " pseudonyms, the most allowed is " + max);
            }
            Instant now = context.now();
            PseudonymRecord record = new PseudonymRecord(new PseudonymId(context.ids().newId()), account, handle, now);
            tx.pseudonyms().insert(record);
            outbox.add(new CommunityEvent.PseudonymRegistered(record.id(), handle, now));
            return Views.pseudonym(record);
        });
    }

    @Override
    public PseudonymView get(PseudonymId id) {
        Objects.requireNonNull(id, "id");
        return context.work().query("get pseudonym", tx -> tx.pseudonyms().byId(id))
                .map(Views::pseudonym)
                .orElseThrow(() -> new NotFoundException("pseudonym " + id + " does not exist"));
    }

    @Override
    public Optional<PseudonymView> findByHandle(String handle) {
        Objects.requireNonNull(handle, "handle");
        return context.work().query("find pseudonym", tx -> tx.pseudonyms().byHandle(handle)).map(Views::pseudonym);
    }

    @Override
    public List<PseudonymView> ownedBy(AccountId account) {
        Objects.requireNonNull(account, "account");
        return context.work().query("list own pseudonyms", tx -> tx.pseudonyms().byAccount(account))
                .stream().map(Views::pseudonym).toList();
    }

    @Override
    public AccountId revealAccount(PseudonymId pseudonym, String reason) {
        Objects.requireNonNull(pseudonym, "pseudonym");
        Objects.requireNonNull(reason, "reason");
        String problem = reason.isBlank() ? "must not be blank" : PlainTextRules.problem(reason, 1, 500, true);
        if (problem != null) {
            throw InputValidator.invalid("reason", reason, problem);
        }
        String normalizedReason = PlainTextRules.normalize(reason);
        AccountId account = context.work().command("reveal account", (tx, outbox) -> {
            PseudonymRecord record = tx.pseudonyms().byId(pseudonym)
                    .orElseThrow(() -> new NotFoundException("pseudonym " + pseudonym + " does not exist"));
            outbox.add(new CommunityEvent.AccountRevealed(pseudonym, normalizedReason, context.now()));
            return record.account();
        });
        // The audit line names the pseudonym and the reason, never the account.
        log.info("Account behind pseudonym {} revealed to the host; reason: {}", pseudonym, normalizedReason);
        return account;
    }
}
