package dev.niche.community.inmemory;

import dev.niche.community.community.CommunityId;
import dev.niche.community.community.Visibility;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.CommunitySearch;
import dev.niche.community.spi.CommunityTable;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.UniqueKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The community table: rows by id, indexed by slug in slug order, which is also the order of
 * {@link CommunityTable#search}.
 */
final class CommunityRows {
    private final HashMap<CommunityId, CommunityRecord> byId = new HashMap<>();
    // Holds ids, not rows, so that an update or a member count change touches one map only.
    private final TreeMap<String, CommunityId> bySlug = new TreeMap<>();

    CommunityTable table(UnitOfWork unit) {
        return new View(unit);
    }

    private void restore(CommunityRecord community) {
        byId.put(community.id(), community);
    }

    private CommunityRecord existing(CommunityId id) {
        CommunityRecord community = byId.get(id);
        if (community == null) {
            throw new IllegalStateException("there is no community with id " + id);
        }
        return community;
    }

    private static boolean matches(CommunityRecord community, CommunitySearch search) {
        if (community.visibility() == Visibility.PRIVATE && !search.privateVisible().contains(community.id())) {
            return false;
        }
        String tag = search.tag();
        if (tag != null && !community.tags().contains(tag)) {
            return false;
        }
        List<String> words = search.words();
        if (words.isEmpty()) {
            return true;
        }
        String slug = community.slug().toLowerCase(Locale.ROOT);
        String title = community.title().toLowerCase(Locale.ROOT);
        String description = community.description().toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (!slug.contains(word) && !title.contains(word) && !description.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private final class View implements CommunityTable {
        private final UnitOfWork unit;

        View(UnitOfWork unit) {
            this.unit = unit;
        }

        @Override
        public void insert(CommunityRecord community) {
            unit.checkWritable();
            if (byId.containsKey(community.id())) {
                throw new DuplicateKeyException(UniqueKey.ID);
            }
            if (bySlug.containsKey(community.slug())) {
                throw new DuplicateKeyException(UniqueKey.COMMUNITY_SLUG);
            }
            byId.put(community.id(), community);
            bySlug.put(community.slug(), community.id());
            unit.onUndo(() -> {
                byId.remove(community.id());
                bySlug.remove(community.slug());
            });
        }

        @Override
        public void update(CommunityRecord community) {
            unit.checkWritable();
            CommunityRecord stored = existing(community.id());
            restore(new CommunityRecord(stored.id(), stored.slug(), community.title(), community.description(),
                    community.tags(), community.rules(), community.visibility(), community.joinPolicy(),
                    community.archived(), stored.memberCount(), stored.createdAt(), community.updatedAt()));
            unit.onUndo(() -> restore(stored));
        }

        @Override
        public Optional<CommunityRecord> byId(CommunityId id) {
            unit.checkOpen();
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<CommunityRecord> bySlug(String slug) {
            unit.checkOpen();
            CommunityId id = bySlug.get(slug);
            return id == null ? Optional.empty() : Optional.of(Objects.requireNonNull(byId.get(id), "a slug names a row"));
        }

        @Override
        public void addToMemberCount(CommunityId id, int delta) {
            unit.checkWritable();
            CommunityRecord stored = existing(id);
            restore(new CommunityRecord(stored.id(), stored.slug(), stored.title(), stored.description(),
                    stored.tags(), stored.rules(), stored.visibility(), stored.joinPolicy(), stored.archived(),
                    stored.memberCount() + delta, stored.createdAt(), stored.updatedAt()));
            unit.onUndo(() -> restore(stored));
        }

        @Override
        public List<CommunityRecord> search(CommunitySearch search) {
            unit.checkOpen();
            List<CommunityRecord> found = new ArrayList<>();
            if (search.limit() <= 0) {
                return found;
            }
            String afterSlug = search.afterSlug();
            SortedMap<String, CommunityId> candidates = afterSlug == null ? bySlug : bySlug.tailMap(afterSlug, false);
            for (CommunityId id : candidates.values()) {
                CommunityRecord community = Objects.requireNonNull(byId.get(id), "a slug names a row");
                if (matches(community, search)) {
                    found.add(community);
                    if (found.size() == search.limit()) {
                        break;
                    }
                }
            }
            return found;
        }
    }
}
