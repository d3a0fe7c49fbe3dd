package dev.niche.community.tck;

import dev.niche.community.spi.StoreTransaction;
import dev.niche.community.spi.StoreWork;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StoreTransaction} that runs every table call as a unit of work of its own, so that a
 * rule can read committed state in one expression: {@code committed().posts().byId(id)}.
 */
final class UnitPerCall {

    /** Runs one piece of work as a unit of work, such as {@code store::read}. */
    @FunctionalInterface
    interface Runner {
        Object run(StoreWork<Object> work);
    }

    private UnitPerCall() {}

    static StoreTransaction of(Runner runner) {
        return proxy(StoreTransaction.class, (self, method, args) -> {
            if (method.getParameterCount() == 0 && method.getReturnType().isInterface()) {
                return proxy(method.getReturnType(), (table, call, callArgs) ->
                        runner.run(tx -> invoke(call, invoke(method, tx, null), callArgs)));
            }
            return runner.run(tx -> invoke(method, tx, args));
        });
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "a " + type.getSimpleName() + " that runs each call as its own unit of work";
                };
            }
            return handler.invoke(self, method, args);
        }));
    }

    private static Object invoke(Method method, Object target, Object @Nullable [] args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a store call threw a checked exception", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("could not call " + method, e);
        }
    }
}
