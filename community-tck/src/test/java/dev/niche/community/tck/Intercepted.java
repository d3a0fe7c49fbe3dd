package dev.niche.community.tck;

import dev.niche.community.spi.StoreTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** A transaction that behaves as a real one except for one method of one table, for building broken stores. */
final class Intercepted {

    /** The replacement of one table method; it may call the real table. */
    @FunctionalInterface
    interface Replacement<T> {
        Object call(T realTable, Object[] args);
    }

    private Intercepted() {}

    static <T> StoreTransaction transaction(StoreTransaction real, Class<T> table, String method, Replacement<T> replacement) {
        return proxy(StoreTransaction.class, real, (self, m, args) -> {
            Object result = invoke(m, real, args);
            return m.getReturnType() == table ? table(table, table.cast(result), method, replacement) : result;
        });
    }

    private static <T> T table(Class<T> type, T real, String method, Replacement<T> replacement) {
        return proxy(type, real, (self, m, args) -> m.getName().equals(method)
                ? replacement.call(real, args)
                : invoke(m, real, args));
    }

    private static <T> T proxy(Class<T> type, T real, java.lang.reflect.InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    static Object invoke(Method method, Object target, Object[] args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
