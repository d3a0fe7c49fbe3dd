package dev.niche.community.spring;

import dev.niche.community.core.Niche;
import dev.niche.community.jdbc.Dialect;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code niche.*} properties of the starter. Each limit is handed to the engine's builder,
 * which owns its range; a value out of range stops the application at start-up with an
 * {@link InvalidNichePropertyException} naming the property.
 *
 * <pre>
 * spring.datasource.url=jdbc:h2:file:./data/app
 * niche.store=jdbc
 * niche.jdbc.migrate=true
 * niche.max-reply-depth=16
 * </pre>
 */
@ConfigurationProperties("niche")
public class NicheProperties {

    /** Where the engine keeps its data. */
    public enum StoreType {
        /** The JDBC store on the application's {@code DataSource} if it has one, else the in-memory store. */
        AUTO,
        /** The JDBC store on the application's {@code DataSource}; start-up fails if there is none. */
        JDBC,
        /** The in-memory store, even when a {@code DataSource} exists: data does not survive a restart. */
        IN_MEMORY
    }

    /**
     * Where the engine keeps its data: auto (the JDBC store on the application's DataSource when
     * there is one, otherwise in memory), jdbc or in-memory.
     */
    private StoreType store = StoreType.AUTO;

    /** How many pseudonyms one account may hold, 1 to 100. */
    private int maxPseudonymsPerAccount = Niche.DEFAULT_MAX_PSEUDONYMS_PER_ACCOUNT;

    /** The deepest a reply may sit, 1 to 1000. */
    private int maxReplyDepth = Niche.DEFAULT_MAX_REPLY_DEPTH;

    /** How many times a unit of work runs, 1 to 10, before a transient store failure is reported. */
    private int maxAttempts = 3;

    /**
     * The confidence z of the BEST reply sort's Wilson lower bound, above 0 and at most 10; the
     * engine's default (1.281551565545, an 80% bound) when unset.
     */
    private @Nullable Double bestConfidence;

    /** The handles nobody may register, replacing the engine's default list when set. */
    private @Nullable List<String> reservedHandles;

    private final Jdbc jdbc = new Jdbc();

    private final Web web = new Web();

    public StoreType getStore() {
        return store;
    }

    public void setStore(StoreType store) {
        this.store = store;
    }

    public int getMaxPseudonymsPerAccount() {
        return maxPseudonymsPerAccount;
    }

    public void setMaxPseudonymsPerAccount(int maxPseudonymsPerAccount) {
        this.maxPseudonymsPerAccount = maxPseudonymsPerAccount;
    }

    public int getMaxReplyDepth() {
        return maxReplyDepth;
    }

    public void setMaxReplyDepth(int maxReplyDepth) {
        this.maxReplyDepth = maxReplyDepth;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public @Nullable Double getBestConfidence() {
        return bestConfidence;
    }

    public void setBestConfidence(@Nullable Double bestConfidence) {
        this.bestConfidence = bestConfidence;
    }

    public @Nullable List<String> getReservedHandles() {
        return reservedHandles;
    }

    public void setReservedHandles(@Nullable List<String> reservedHandles) {
        this.reservedHandles = reservedHandles;
    }

    /** The JDBC store's settings. */
    public Jdbc getJdbc() {
        return jdbc;
    }

    /** The Spring MVC settings. */
    public Web getWeb() {
        return web;
    }

    /** The {@code niche.jdbc.*} properties. */
    public static class Jdbc {

        /**
         * Whether the Niche schema is applied with Flyway at start-up (in its own history table,
         * niche_schema_history). Off by default, for hosts that apply the scripts with their own tooling.
         */
        private boolean migrate;

        /**
         * Whether a write that returned survives the death of the process. Only H2 needs a change
         * for it (SET WRITE_DELAY 0 on a file database).
         */
        private boolean durableCommits = true;

        /** The database (h2, postgresql or mariadb); detected from the DataSource when unset. */
        private @Nullable Dialect dialect;

        public boolean isMigrate() {
            return migrate;
        }

        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }

        public boolean isDurableCommits() {
            return durableCommits;
        }

        public void setDurableCommits(boolean durableCommits) {
            this.durableCommits = durableCommits;
        }

        public @Nullable Dialect getDialect() {
            return dialect;
        }

        public void setDialect(@Nullable Dialect dialect) {
            this.dialect = dialect;
        }
    }

    /** The {@code niche.web.*} properties. */
    public static class Web {

        /**
         * Whether a servlet web application gets the ready exception handler that answers a
         * NicheException with its HTTP status and a problem detail.
         */
        private boolean errorAdvice = true;

        public boolean isErrorAdvice() {
            return errorAdvice;
        }

        public void setErrorAdvice(boolean errorAdvice) {
            this.errorAdvice = errorAdvice;
        }
    }
}
