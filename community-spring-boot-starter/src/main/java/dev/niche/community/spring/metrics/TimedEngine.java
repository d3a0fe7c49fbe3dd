package dev.niche.community.spring.metrics;

import dev.niche.community.CommunityEngine;
import dev.niche.community.NicheException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Wraps an engine, and each facet it hands out, in proxies that report how long each call took and
 * how it ended. A proxy keeps the engine's interfaces whole, so a method added to a facet is timed
 * without a change here.
 */
final class TimedEngine {
    static final String NO_ERROR = "none";

    /** Receives one finished call: {@code command} such as {@code votes.cast}, its error or {@link #NO_ERROR}. */
    @FunctionalInterface
    interface Recorder {
        void record(String command, String error, long nanos);
    }

    private TimedEngine() {}

    static CommunityEngine wrap(CommunityEngine engine, Recorder recorder) {
        return proxy(CommunityEngine.class, new EngineHandler(engine, recorder));
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static @Nullable Object objectMethod(Object proxy, Object target, Method method, @Nullable Object[] args) {
        switch (method.getName()) {
            case "equals":
                return args != null && args.length == 1 && proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return "Timed[" + target + "]";
        }
    }

    private static @Nullable Object invoke(Object target, Method method, @Nullable Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause != null ? cause : e;
        }
    }

    /** The engine: facet getters hand out timed facets, one per facet, made on first use. */
    private static final class EngineHandler implements InvocationHandler {
        private final CommunityEngine engine;
        private final Recorder recorder;
        private final Map<Method, Object> facets = new ConcurrentHashMap<>();

        EngineHandler(CommunityEngine engine, Recorder recorder) {
            this.engine = engine;
            this.recorder = recorder;
        }

        @Override
        public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, engine, method, args);
            }
            Class<?> type = method.getReturnType();
            if (method.getParameterCount() == 0 && type.isInterface()) {
                return facets.computeIfAbsent(method, m -> facet(m, type));
            }
            return new FacetHandler(engine, "engine", recorder).invoke(proxy, method, args);
        }

        private Object facet(Method getter, Class<?> type) {
            Object target;
            try {
                target = TimedEngine.invoke(engine, getter, new Object[0]);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("the engine's " + getter.getName() + "() failed", e);
            }
            if (target == null) {
                throw new IllegalStateException("the engine's " + getter.getName() + "() returned null");
            }
            return proxy(type, new FacetHandler(target, getter.getName(), recorder));
        }
    }

    /** A facet: every call is timed under {@code facet.method}. */
    private static final class FacetHandler implements InvocationHandler {
        private final Object target;
        private final String facet;
        private final Recorder recorder;

        FacetHandler(Object target, String facet, Recorder recorder) {
            this.target = target;
            this.facet = facet;
            this.recorder = recorder;
        }

        @Override
        public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, target, method, args);
            }
            String command = facet + "." + method.getName();
            long start = System.nanoTime();
            String error = NO_ERROR;
            try {
                return TimedEngine.invoke(target, method, args);
            } catch (NicheException e) {
                error = e.code().name();
                throw e;
            } catch (Throwable e) {
                error = e.getClass().getSimpleName();
                throw e;
            } finally {
                recorder.record(command, error, System.nanoTime() - start);
            }
        }
    }
}
