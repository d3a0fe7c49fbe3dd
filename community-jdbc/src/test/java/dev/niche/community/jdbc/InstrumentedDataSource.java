package dev.niche.community.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DataSource} of real, unpooled connections that counts what the store does with them and
 * fails where a test says: at the n-th statement (optionally killing the connection first, as a
 * dying server would), at commit, or at rollback.
 */
final class InstrumentedDataSource {
    /** Something to do to a real connection. */
    @FunctionalInterface
    interface ConnectionAction {
        void apply(Connection connection) throws SQLException;
    }

    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    final AtomicInteger statements = new AtomicInteger();
    final AtomicInteger commits = new AtomicInteger();
    /** Calls of {@code setAutoCommit}, each of which some drivers (MariaDB's) send to the server. */
    final AtomicInteger autoCommitSwitches = new AtomicInteger();
    /** The SQL of every statement executed since {@link #failAtStatement} last reset the count. */
    final java.util.List<String> executed = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    private final TestDatabase database;
    private volatile int failAtStatement;
    private volatile boolean killAtFailure;
    private volatile @Nullable String commitFailure;
    private volatile boolean rollbackFails;
    private volatile ConnectionAction onOpen = connection -> { };
    private volatile ConnectionAction beforeClose = connection -> { };

    InstrumentedDataSource(TestDatabase database) {
        this.database = database;
    }

    /** Fails the n-th statement from now with SQLState 08006 (connection failure); 0 for never. */
    InstrumentedDataSource failAtStatement(int n, boolean killConnection) {
        statements.set(0);
        commits.set(0);
        executed.clear();
        this.failAtStatement = n;
        this.killAtFailure = killConnection;
        return this;
    }

    /** Fails every commit with {@code sqlState}, or with nothing for none. */
    InstrumentedDataSource failCommit(@Nullable String sqlState) {
        this.commitFailure = sqlState;
        return this;
    }

    InstrumentedDataSource failRollback(boolean fails) {
        this.rollbackFails = fails;
        return this;
    }

    InstrumentedDataSource onOpen(ConnectionAction action) {
        this.onOpen = action;
        return this;
    }

    InstrumentedDataSource beforeClose(ConnectionAction action) {
        this.beforeClose = action;
        return this;
    }

    DataSource dataSource() {
        return proxy(DataSource.class, (proxy, method, args) -> {
            if (method.getName().equals("getConnection")) {
                Connection real = database.connect();
                opened.incrementAndGet();
                onOpen.apply(real);
                return connection(real);
            }
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return method.getName().equals("isWrapperFor") ? false : null;
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }

    private Connection connection(Connection real) {
        return proxy(Connection.class, (proxy, method, args) -> {
            switch (method.getName()) {
                case "createStatement", "prepareStatement" -> {
                    Statement statement = (Statement) invoke(real, method, args);
                    String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : "(statement)";
                    return proxy(method.getReturnType(), statementHandler(statement, real, sql));
                }
                case "commit" -> {
                    commits.incrementAndGet();
                    String state = commitFailure;
                    if (state != null) {
                        throw new SQLException("injected commit failure", state);
                    }
                }
                case "setAutoCommit" -> autoCommitSwitches.incrementAndGet();
                case "rollback" -> {
                    if (rollbackFails) {
                        throw new SQLException("injected rollback failure", "08003");
                    }
                }
                case "close" -> {
                    if (!real.isClosed()) {
                        beforeClose.apply(real);
                    }
                    closed.incrementAndGet();
                }
                default -> { }
            }
            return invoke(real, method, args);
        });
    }

    private InvocationHandler statementHandler(Statement real, Connection connection, String prepared) {
        return (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                executed.add(args != null && args.length > 0 && args[0] instanceof String text ? text : prepared);
                int n = statements.incrementAndGet();
                if (n == failAtStatement) {
                    if (killAtFailure) {
                        connection.close();
                    }
                    throw new SQLException("injected failure at statement " + n, "08006");
                }
            }
            return invoke(real, method, args);
        };
    }

    private static @Nullable Object invoke(Object target, Method method, Object @Nullable [] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(InstrumentedDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
