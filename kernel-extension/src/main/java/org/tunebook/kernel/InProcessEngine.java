package org.tunebook.kernel;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * JShell's execution engine inside the kernel's JVM: snippets run on the thread that evaluates them, so that an
 * interrupt of that thread reaches the user's code, and each snippet's value is kept as the object itself
 * (JShell only passes strings): the engine reports a key, and {@link #takeValue} hands out the object.
 */
final class InProcessEngine extends DirectExecutionControl {

    private static final String KEY_PREFIX = "tunebook-value#";

    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile Thread running;

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        running = Thread.currentThread();
        // libraries added with %maven or %jars live in the snippets' class loader; those that look classes or
        // services up through the context class loader must find them there too
        Thread.currentThread().setContextClassLoader(doitMethod.getDeclaringClass().getClassLoader());
        try {
            Object value = doitMethod.invoke(null);
            String key = KEY_PREFIX + ids.incrementAndGet();
            if (value != null) {
                values.put(key, value);
            }
            return key;
        } finally {
            running = null;
        }
    }

    /** The object a snippet produced, given the key JShell reported as its value; null for none. */
    Object takeValue(String key) {
        return key == null ? null : values.remove(key);
    }

    /** Whether a value reported by JShell is one of this engine's keys. */
    static boolean isKey(String value) {
        return value != null && value.startsWith(KEY_PREFIX);
    }

    /** Interrupts the snippet running now, if any: code that waits, sleeps or checks the flag stops. */
    @Override
    public void stop() {
        Thread t = running;
        if (t != null) {
            t.interrupt();
        }
    }
}
