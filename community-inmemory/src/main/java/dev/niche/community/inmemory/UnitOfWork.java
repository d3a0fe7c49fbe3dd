package dev.niche.community.inmemory;

import dev.niche.community.AccountId;
import dev.niche.community.spi.CommunityTable;
import dev.niche.community.spi.EventLog;
import dev.niche.community.spi.InviteTable;
import dev.niche.community.spi.MembershipTable;
import dev.niche.community.spi.PostTable;
import dev.niche.community.spi.PseudonymTable;
import dev.niche.community.spi.ReputationTable;
import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.TrustTable;
import dev.niche.community.spi.VoteTable;
import java.util.ArrayList;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The transaction of one unit of work. Its table views check on every call that the unit is still
 * open, and before a write that the unit may write; each write records its inverse here, so that a
 * failed unit can be undone newest first.
 */
final class UnitOfWork implements StoreTransaction {
    private final Tables tables;
    private final boolean writable;
    private final ArrayList<Runnable> undoLog = new ArrayList<>();
    // Volatile so that a transaction leaked to another thread sees that its unit has ended.
    private volatile boolean open = true;

    // Views are made on first use: most units touch only two or three tables.
    private @Nullable PseudonymTable pseudonyms;
    private @Nullable CommunityTable communities;
    private @Nullable MembershipTable memberships;
    private @Nullable InviteTable invites;
    private @Nullable PostTable posts;
    private @Nullable VoteTable votes;
    private @Nullable ReputationTable reputation;
    private @Nullable TrustTable trust;
    private @Nullable EventLog events;

    private UnitOfWork(Tables tables, boolean writable) {
        this.tables = tables;
        this.writable = writable;
    }

    static UnitOfWork readOnly(Tables tables) {
        return new UnitOfWork(tables, false);
    }

    static UnitOfWork readWrite(Tables tables) {
        return new UnitOfWork(tables, true);
    }

    @Override
    public PseudonymTable pseudonyms() {
        checkOpen();
        PseudonymTable view = pseudonyms;
        if (view == null) {
            view = tables.pseudonyms().table(this);
            pseudonyms = view;
        }
        return view;
    }

    @Override
    public CommunityTable communities() {
        checkOpen();
        CommunityTable view = communities;
        if (view == null) {
            view = tables.communities().table(this);
            communities = view;
        }
        return view;
    }

    @Override
    public MembershipTable memberships() {
        checkOpen();
        MembershipTable view = memberships;
        if (view == null) {
            view = tables.memberships().table(this);
            memberships = view;
        }
        return view;
    }

    @Override
    public InviteTable invites() {
        checkOpen();
        InviteTable view = invites;
        if (view == null) {
            view = tables.invites().table(this);
            invites = view;
        }
        return view;
    }

    @Override
    public PostTable posts() {
        checkOpen();
        PostTable view = posts;
        if (view == null) {
            view = tables.posts().table(this);
            posts = view;
        }
        return view;
    }

    @Override
    public VoteTable votes() {
        checkOpen();
        VoteTable view = votes;
        if (view == null) {
            view = tables.votes().table(this);
            votes = view;
        }
        return view;
    }

    @Override
    public ReputationTable reputation() {
        checkOpen();
        ReputationTable view = reputation;
        if (view == null) {
            view = tables.reputation().table(this);
            reputation = view;
        }
        return view;
    }

    @Override
    public TrustTable trust() {
        checkOpen();
        TrustTable view = trust;
        if (view == null) {
            view = tables.trust().table(this);
            trust = view;
        }
        return view;
    }

    @Override
    public EventLog events() {
        checkOpen();
        EventLog view = events;
        if (view == null) {
            view = tables.events().table(this);
            events = view;
        }
        return view;
    }

    /**
     * Does nothing beyond checking that the unit is open: every write unit already holds the store's
     * one write lock from start to end, so any two units that lock the same account are serialized
     * anyway.
     */
    @Override
    public void lockAccount(AccountId account) {
        checkOpen();
    }

    void checkOpen() {
        if (!open) {
            throw new IllegalStateException("this store transaction belongs to a unit of work that has ended; "
                    + "use a transaction only inside the work it was passed to");
        }
    }

    void checkWritable() {
        checkOpen();
        if (!writable) {
            throw new IllegalStateException("this unit of work is read-only; change data only inside "
                    + "CommunityStore.write");
        }
    }

    /** Records how to undo a write that has just been made. */
    void onUndo(Runnable inverse) {
        undoLog.add(inverse);
    }

    /**
     * Puts {@code value} under {@code key} and records how to undo it: by putting back the value it
     * replaced, or by removing the key if it had none. Returns the value it replaced.
     */
    <K, V> @Nullable V put(Map<K, V> map, K key, V value) {
        V replaced = map.put(key, value);
        if (replaced == null) {
            onUndo(() -> map.remove(key));
        } else {
            onUndo(() -> map.put(key, replaced));
        }
        return replaced;
    }

    /** Undoes every write of this unit, newest first; an undo that fails is attached to {@code failure}. */
    void undo(Throwable failure) {
        for (int i = undoLog.size() - 1; i >= 0; i--) {
            try {
                undoLog.get(i).run();
            } catch (Throwable undoFailure) {
                failure.addSuppressed(undoFailure);
            }
        }
    }

    void end() {
        open = false;
    }
}
