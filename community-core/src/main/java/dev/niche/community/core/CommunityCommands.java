package dev.niche.community.core;

import dev.niche.community.Actor;
import dev.niche.community.ConflictException;
import dev.niche.community.Page;
import dev.niche.community.PageRequest;
import dev.niche.community.Viewer;
import dev.niche.community.community.Communities;
import dev.niche.community.community.CommunityId;
import dev.niche.community.community.CommunityView;
import dev.niche.community.community.CreateCommunity;
import dev.niche.community.community.DiscoveryQuery;
import dev.niche.community.community.JoinPolicy;
import dev.niche.community.community.UpdateCommunity;
import dev.niche.community.community.Visibility;
import dev.niche.community.event.CommunityEvent;
import dev.niche.community.membership.MemberState;
import dev.niche.community.membership.Role;
import dev.niche.community.spi.CommunityRecord;
import dev.niche.community.spi.CommunitySearch;
import dev.niche.community.spi.MembershipRecord;
import dev.niche.community.spi.PseudonymRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Creates, changes, reads and discovers communities. */
final class CommunityCommands implements Communities {
    private final Context context;

    CommunityCommands(Context context) {
        this.context = context;
    }

    @Override
    public CommunityView create(Actor actor, CreateCommunity command) {
        Objects.requireNonNull(actor, "actor");
        context.validator().check(command, "command");
        checkPolicy(command.visibility(), command.joinPolicy());
        return context.work().command("create community", (tx, outbox) -> {
            PseudonymRecord owner = context.facts().actor(tx, actor);
            if (tx.communities().bySlug(command.slug()).isPresent()) {
                throw new ConflictException("slug \"" + command.slug() + "\" is taken; choose another slug");
            }
            Instant now = context.now();
            CommunityRecord community = new CommunityRecord(new CommunityId(context.ids().newId()), command.slug(),
                    PlainTextRules.normalize(command.title()), PlainTextRules.normalize(command.description()),
                    command.tags(), normalized(command.rules()), command.visibility(), command.joinPolicy(),
                    false, 0, now, now);
            tx.communities().insert(community);
            tx.memberships().insert(new MembershipRecord(community.id(), actor.account(), owner.id(),
                    Role.OWNER, MemberState.ACTIVE, now));
            tx.communities().addToMemberCount(community.id(), 1);
            outbox.add(new CommunityEvent.CommunityCreated(community.id(), community.slug(), owner.id(), now));
            return Views.community(tx.communities().byId(community.id()).orElseThrow());
        });
    }

    @Override
    public CommunityView update(Actor actor, UpdateCommunity command) {
        Objects.requireNonNull(actor, "actor");
        context.validator().check(command, "command");
        checkPolicy(command.visibility(), command.joinPolicy());
        return context.work().command("update community", (tx, outbox) -> {
            context.facts().actor(tx, actor);
            CommunityRecord current = Access.readable(tx, actor.asViewer(), command.community());
            Access.moderator(tx, actor, current);
            Access.open(current);
            Instant now = context.now();
            CommunityRecord updated = new CommunityRecord(current.id(), current.slug(),
                    PlainTextRules.normalize(command.title()), PlainTextRules.normalize(command.description()),
                    command.tags(), normalized(command.rules()), command.visibility(), command.joinPolicy(),
                    current.archived(), current.memberCount(), current.createdAt(), now);
            tx.communities().update(updated);
            outbox.add(new CommunityEvent.CommunityUpdated(current.id(), actor.pseudonym(), now));
            return Views.community(updated);
        });
    }

    @Override
    public CommunityView archive(Actor actor, CommunityId id) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "community");
        return context.work().command("archive community", (tx, outbox) -> {
            context.facts().actor(tx, actor);
            CommunityRecord current = Access.readable(tx, actor.asViewer(), id);
            Access.owner(tx, actor, current);
            Access.open(current);
            Instant now = context.now();
            CommunityRecord archived = new CommunityRecord(current.id(), current.slug(), current.title(),
                    current.description(), current.tags(), current.rules(), current.visibility(), current.joinPolicy(),
                    true, current.memberCount(), current.createdAt(), now);
            tx.communities().update(archived);
            outbox.add(new CommunityEvent.CommunityArchived(current.id(), actor.pseudonym(), now));
            return Views.community(archived);
        });
    }

    @Override
    public CommunityView get(Viewer viewer, CommunityId id) {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(id, "community");
        return context.work().query("get community", tx -> Views.community(Access.readable(tx, viewer, id)));
    }

    @Override
    public CommunityView getBySlug(Viewer viewer, String slug) {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(slug, "slug");
        return context.work().query("get community by slug", tx -> {
            CommunityRecord community = tx.communities().bySlug(slug)
                    .filter(c -> Access.canRead(tx, viewer.account().orElse(null), c))
                    .orElseThrow(() -> Access.communityNotFound("\"" + slug + "\""));
            return Views.community(community);
        });
    }

    @Override
    public Page<CommunityView> discover(Viewer viewer, DiscoveryQuery query, PageRequest page) {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(page, "page");
        context.validator().check(query, "query");
        List<String> words = query.text() == null ? List.of() : words(PlainTextRules.normalize(query.text()));
        String after = page.after().map(c -> Cursors.communitiesAfter(query.tag(), words, c)).orElse(null);
        return context.work().query("discover communities", tx -> {
            Set<CommunityId> privateVisible = viewer.account()
                    .map(account -> tx.memberships().communitiesOf(account, MemberState.ACTIVE))
                    .orElse(Set.of());
            List<CommunityRecord> found = tx.communities().search(
                    new CommunitySearch(query.tag(), words, privateVisible, after, page.size() + 1));
            boolean more = found.size() > page.size();
            List<CommunityRecord> items = more ? found.subList(0, page.size()) : found;
            String next = more ? Cursors.ofCommunities(query.tag(), words, items.get(items.size() - 1).slug()) : null;
            return new Page<>(items.stream().map(Views::community).toList(), next);
        });
    }

    private static void checkPolicy(Visibility visibility, JoinPolicy policy) {
        if (visibility == Visibility.RESTRICTED && policy == JoinPolicy.OPEN) {
            throw InputValidator.invalid("joinPolicy", policy,
                    "does not suit a RESTRICTED community, where only approved members post; use APPROVAL or INVITE_ONLY");
        }
    }

    private static List<String> normalized(List<String> texts) {
        List<String> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(PlainTextRules.normalize(text));
        }
        return out;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
