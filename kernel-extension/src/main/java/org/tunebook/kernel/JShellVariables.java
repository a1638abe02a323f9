package org.tunebook.kernel;

import java.util.Optional;
import java.util.Set;
import org.tunebook.magics.Variables;

/** The notebook's variables (and top-level methods, as objectives) from the kernel's JShell session. */
final class JShellVariables implements Variables {

    private final JShellSession session;

    JShellVariables(JShellSession session) {
        this.session = session;
    }

    @Override
    public Optional<Object> lookup(String name) {
        return session.variable(name);
    }

    @Override
    public Set<String> names() {
        return session.names();
    }
}
