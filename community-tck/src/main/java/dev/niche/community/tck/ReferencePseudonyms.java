package dev.niche.community.tck;

import dev.niche.community.AccountId;
import dev.niche.community.identity.PseudonymId;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.PseudonymRecord;
import dev.niche.community.spi.PseudonymTable;
import dev.niche.community.spi.UniqueKey;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

final class ReferencePseudonyms implements PseudonymTable {
    private final ReferenceData data;

    ReferencePseudonyms(ReferenceData data) {
        this.data = data;
    }

    @Override
    public void insert(PseudonymRecord pseudonym) {
        if (data.pseudonyms.containsKey(pseudonym.id())) {
            throw new DuplicateKeyException(UniqueKey.ID);
        }
        if (byHandle(pseudonym.handle()).isPresent()) {
            throw new DuplicateKeyException(UniqueKey.PSEUDONYM_HANDLE);
        }
        data.pseudonyms.put(pseudonym.id(), pseudonym);
    }

    @Override
    public Optional<PseudonymRecord> byId(PseudonymId id) {
        return Optional.ofNullable(data.pseudonyms.get(id));
    }

    @Override
    public Optional<PseudonymRecord> byHandle(String handle) {
        String folded = handle.toLowerCase(Locale.ROOT);
        return data.pseudonyms.values().stream()
                .filter(p -> p.handle().toLowerCase(Locale.ROOT).equals(folded))
                .findFirst();
    }

    @Override
    public Map<PseudonymId, PseudonymRecord> byIds(Collection<PseudonymId> ids) {
        Map<PseudonymId, PseudonymRecord> found = new HashMap<>();
        for (PseudonymId id : ids) {
            byId(id).ifPresent(p -> found.put(id, p));
        }
        return found;
    }

    @Override
    public List<PseudonymRecord> byAccount(AccountId account) {
        return data.pseudonyms.values().stream()
                .filter(p -> p.account().equals(account))
                .sorted(Comparator.comparing(PseudonymRecord::createdAt).thenComparing(PseudonymRecord::id))
                .toList();
    }
}
