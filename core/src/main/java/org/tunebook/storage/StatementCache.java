package org.tunebook.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A view of a connection whose prepared statements are compiled once and reused: closing one only clears
 * its parameters. SQLite spends much of a small transaction compiling SQL, and the storage runs the same
 * few statements for every trial. Only for a connection used by one thread at a time.
 */
final class StatementCache {

    private static final int CAPACITY = 128;

    private StatementCache() {
    }

    static Connection wrap(Connection connection) {
        Map<String, PreparedStatement> cache = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= CAPACITY) {
                    return false;
                }
                try {
                    eldest.getValue().close();
                } catch (SQLException ignored) {
                    // An evicted statement that fails to close leaks nothing the connection's close won't free.
                }
                return true;
            }
        };
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
                    && (args.length == 1 || (args.length == 2 && args[1] instanceof Integer))) {
                String key = args.length == 1 ? sql : args[1] + ":" + sql;
                PreparedStatement ps = cache.get(key);
                if (ps == null) {
                    ps = args.length == 1 ? connection.prepareStatement(sql)
                            : connection.prepareStatement(sql, (Integer) args[1]);
                    cache.put(key, ps);
                }
                return reusable(ps);
            }
            return invoke(connection, method, args);
        };
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    private static PreparedStatement reusable(PreparedStatement ps) {
        return (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && (args == null || args.length == 0)) {
                        ps.clearParameters();
                        ps.clearBatch();
                        return null;
                    }
                    return invoke(ps, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
