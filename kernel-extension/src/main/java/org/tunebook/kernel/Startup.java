package org.tunebook.kernel;

import java.util.List;

/** The snippets every kernel session starts with: tunebook's API imported, and {@code display(…)}. */
final class Startup {

    static final List<String> SNIPPETS = List.of(
            "import java.util.*;",
            "import java.time.Duration;",
            "import org.tunebook.*;",
            "import org.tunebook.samplers.*;",
            "import org.tunebook.pruners.*;",
            "import org.tunebook.storage.*;",
            "import org.tunebook.distributions.*;",
            "import org.tunebook.plots.*;",
            "void display(Object value) { org.tunebook.kernel.Notebook.display(value); }");

    private Startup() {
    }
}
