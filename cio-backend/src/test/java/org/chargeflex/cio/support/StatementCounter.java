package org.chargeflex.cio.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the application's {@link DataSource} in a proxy that counts what reaches the database: connection checkouts,
 * executed statements (every {@code execute*} call on a statement) and commits. Imported by {@link IntegrationTest},
 * so every integration test runs on the counting data source; tests that assert counts reset it first and must not
 * run while another request is in flight (the counts are global).
 */
public final class StatementCounter implements BeanPostProcessor {
    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    private static final AtomicInteger CHECKOUTS = new AtomicInteger();
    private static final AtomicInteger STATEMENTS = new AtomicInteger();
    private static final AtomicInteger COMMITS = new AtomicInteger();

    /** What the database saw since the last {@link #reset()}. */
    public record Counts(int checkouts, int statements, int commits) {
    }

    public static void reset() {
        CHECKOUTS.set(0);
        STATEMENTS.set(0);
        COMMITS.set(0);
    }

    public static Counts counts() {
        return new Counts(CHECKOUTS.get(), STATEMENTS.get(), COMMITS.get());
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, ds, (target, m, args) -> {
                Object result = invoke(target, m, args);
                if (m.getName().equals("getConnection")) {
                    CHECKOUTS.incrementAndGet();
                    return proxy(Connection.class, (Connection) result, StatementCounter::onConnection);
                }
                return result;
            });
        }
        return bean;
    }

    private static Object onConnection(Object target, Method m, Object[] args) throws Throwable {
        Object result = invoke(target, m, args);
        if (m.getName().equals("commit")) {
            COMMITS.incrementAndGet();
        }
        if (result instanceof Statement s && m.getReturnType().isInterface()) {
            @SuppressWarnings("unchecked")
            Class<Statement> type = (Class<Statement>) m.getReturnType();
            return proxy(type, s, (t, sm, sargs) -> {
                if (EXECUTE.contains(sm.getName())) {
                    STATEMENTS.incrementAndGet();
                }
                return invoke(t, sm, sargs);
            });
        }
        return result;
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler h = (p, m, args) -> {
            if (m.getName().equals("unwrap") && args.length == 1 && ((Class<?>) args[0]).isInstance(target)) {
                return target;
            }
            if (m.getName().equals("isWrapperFor") && args.length == 1 && ((Class<?>) args[0]).isInstance(target)) {
                return true;
            }
            return handler.handle(target, m, args);
        };
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
