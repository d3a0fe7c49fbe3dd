package dev.niche.community.tck;

import dev.niche.community.community.CommunityId;
import dev.niche.community.community.Visibility;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.CommunitySearch;
import dev.niche.community.spi.CommunityTable;
import dev.niche.community.spi.DuplicateKeyException;
import dev.niche.community.spi.UniqueKey;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class ReferenceCommunities implements CommunityTable {
    private final ReferenceData data;

    ReferenceCommunities(ReferenceData data) {
        this.data = data;
    }

    @Override
    public void insert(CommunityRecord community) {
        if (data.communities.containsKey(community.id())) {
            throw new DuplicateKeyException(UniqueKey.ID);
        }
        if (bySlug(community.slug()).isPresent()) {
            throw new DuplicateKeyException(UniqueKey.COMMUNITY_SLUG);
        }
        data.communities.put(community.id(), community);
    }

    @Override
    public void update(CommunityRecord community) {
        CommunityRecord old = existing(community.id());
        data.communities.put(old.id(), new CommunityRecord(old.id(), old.slug(), community.title(),
                community.description(), community.tags(), community.rules(), community.visibility(),
                community.joinPolicy(), community.archived(), old.memberCount(), old.createdAt(), community.updatedAt()));
    }

    @Override
    public Optional<CommunityRecord> byId(CommunityId id) {
        return Optional.ofNullable(data.communities.get(id));
    }

    @Override
    public Optional<CommunityRecord> bySlug(String slug) {
        return data.communities.values().stream().filter(c -> c.slug().equals(slug)).findFirst();
    }

    @Override
    public void addToMemberCount(CommunityId id, int delta) {
        CommunityRecord c = existing(id);
        data.communities.put(id, new CommunityRecord(c.id(), c.slug(), c.title(), c.description(), c.tags(),
                c.rules(), c.visibility(), c.joinPolicy(), c.archived(), c.memberCount() + delta, c.createdAt(),
                c.updatedAt()));
    }

    @Override
    public List<CommunityRecord> search(CommunitySearch search) {
        return data.communities.values().stream()
                .filter(c -> c.visibility() != Visibility.PRIVATE || search.privateVisible().contains(c.id()))
                .filter(c -> search.tag() == null || c.tags().contains(search.tag()))
                .filter(c -> search.words().stream().allMatch(word -> mentions(c, word)))
                .filter(c -> search.afterSlug() == null || c.slug().compareTo(search.afterSlug()) > 0)
                .sorted(Comparator.comparing(CommunityRecord::slug))
                .limit(search.limit())
                .toList();
    }

    private static boolean mentions(CommunityRecord c, String word) {
        return c.slug().toLowerCase(Locale.ROOT).contains(word)
                || c.title().toLowerCase(Locale.ROOT).contains(word)
                || c.description().toLowerCase(Locale.ROOT).contains(word);
    }

    private CommunityRecord existing(CommunityId id) {
        CommunityRecord c = data.communities.get(id);
        if (c == null) {
            throw new IllegalStateException("community " + id + " does not exist");
        }
        return c;
    }
}
