package dev.niche.community.jdbc;

import dev.niche.community.spi.CommunityStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.lifecycle.SkipExecutionHook.SkipResult;

/**
 * The compatibility kit's stores on one database: each store has a database (an H2 database, a
 * PostgreSQL schema or a MariaDB database) of its own while its rule runs. Once the rule has ended,
 * the database is wiped and handed to the next store, so the kit's hundreds of rules pay for the
 * migrations and the pool once, not once per rule.
 */
final class KitStores implements AutoCloseable {
    private final Dialect dialect;
    private final Deque<TestDatabase> idle = new ArrayDeque<>();
    private final Map<CommunityStore, TestDatabase> leased = new IdentityHashMap<>();
    private final List<TestDatabase> started = new ArrayList<>();

    KitStores(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Skips (or, when required, fails) the running JUnit Jupiter tests unless the database has a server. */
    void requireServer() {
        TestDatabase.requireServer(dialect);
    }

    /** For jqwik, which has no assumptions at container level: whether to skip, and why. */
    SkipResult skipWithoutServer() {
        return TestDatabase.missingServer(dialect).map(SkipResult::skip).orElseGet(SkipResult::doNotSkip);
    }

    /** A new store over an empty database that no other live store uses. */
    synchronized CommunityStore lease() {
        TestDatabase database = idle.poll();
        if (database == null) {
            database = start();
        }
        JdbcStore store = JdbcStore.builder(database.dataSource()).dialect(dialect).build();
        leased.put(store, database);
        return store;
    }

    /** Empties the database of {@code store} for the next store; the store must no longer be used. */
    synchronized void release(CommunityStore store) {
        TestDatabase database = leased.remove(store);
        if (database != null) {
            database.wipe();
            idle.push(database);
        }
    }

    /** Drops every database started so far; a later {@link #lease()} starts afresh. */
    @Override
    public synchronized void close() {
        started.forEach(TestDatabase::close);
        started.clear();
        idle.clear();
        leased.clear();
    }

    private TestDatabase start() {
        TestDatabase database = TestDatabase.start(dialect);
        started.add(database);
        database.store();
        // A wipe that missed a table added by a later migration would leak rows from rule to rule.
        Set<String> wiped = new TreeSet<>(TestDatabase.NICHE_TABLES);
        if (!database.nicheTables().equals(wiped)) {
            throw new IllegalStateException("the " + dialect + " schema has the tables " + database.nicheTables()
                    + ", but a wipe deletes the rows of " + wiped + "; update TestDatabase.NICHE_TABLES");
        }
        return database;
    }
}
