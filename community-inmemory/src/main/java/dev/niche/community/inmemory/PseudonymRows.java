package dev.niche.community.inmemory;

import dev.niche.community.AccountId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.PseudonymTable;
import dev.niche.community.spi.UniqueKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/** The pseudonym table: rows by id, indexed by lower-cased handle and by account. */
final class PseudonymRows {
    private static final Comparator<PseudonymRecord> OLDEST_FIRST =
            Comparator.comparing(PseudonymRecord::createdAt).thenComparing(PseudonymRecord::id);

    private final HashMap<PseudonymId, PseudonymRecord> byId = new HashMap<>();
    private final HashMap<String, PseudonymRecord> byHandle = new HashMap<>();
    private final HashMap<AccountId, TreeSet<PseudonymRecord>> byAccount = new HashMap<>();

    PseudonymTable table(UnitOfWork unit) {
        return new View(unit);
    }

    private static String handleKey(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }

    private void add(PseudonymRecord pseudonym, String handleKey) {
        byId.put(pseudonym.id(), pseudonym);
        byHandle.put(handleKey, pseudonym);
        byAccount.computeIfAbsent(pseudonym.account(), account -> new TreeSet<>(OLDEST_FIRST)).add(pseudonym);
    }

    private void remove(PseudonymRecord pseudonym, String handleKey) {
        byId.remove(pseudonym.id());
        byHandle.remove(handleKey);
        Objects.requireNonNull(byAccount.get(pseudonym.account()), "indexed on insert").remove(pseudonym);
    }

    private final class View implements PseudonymTable {
        private final UnitOfWork unit;

        View(UnitOfWork unit) {
            this.unit = unit;
        }

        @Override
        public void insert(PseudonymRecord pseudonym) {
            unit.checkWritable();
            String handleKey = handleKey(pseudonym.handle());
            if (byId.containsKey(pseudonym.id())) {
                throw new DuplicateKeyException(UniqueKey.ID);
            }
            if (byHandle.containsKey(handleKey)) {
                throw new DuplicateKeyException(UniqueKey.PSEUDONYM_HANDLE);
            }
            add(pseudonym, handleKey);
            unit.onUndo(() -> remove(pseudonym, handleKey));
        }

        @Override
        public Optional<PseudonymRecord> byId(PseudonymId id) {
            unit.checkOpen();
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<PseudonymRecord> byHandle(String handle) {
            unit.checkOpen();
            return Optional.ofNullable(byHandle.get(handleKey(handle)));
        }

        @Override
        public Map<PseudonymId, PseudonymRecord> byIds(Collection<PseudonymId> ids) {
            unit.checkOpen();
            Map<PseudonymId, PseudonymRecord> found = new HashMap<>();
            for (PseudonymId id : ids) {
                PseudonymRecord pseudonym = byId.get(id);
                if (pseudonym != null) {
                    found.put(id, pseudonym);
                }
            }
            return found;
        }

        @Override
        public List<PseudonymRecord> byAccount(AccountId account) {
            unit.checkOpen();
            TreeSet<PseudonymRecord> held = byAccount.get(account);
            return held == null ? List.of() : new ArrayList<>(held);
        }
    }
}
