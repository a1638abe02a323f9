package org.tunebook.cli;

import picocli.CommandLine.Option;

/** The {@code --storage URL} option of the storage commands. */
final class StorageOption {

    static final String DESCRIPTION = "Where the studies are: sqlite:FILE, sqlite:///FILE (Optuna's form),"
            + " jdbc:sqlite:FILE, jdbc:postgresql://HOST[:PORT]/DB?user=U&password=P, jdbc:mariadb://… or"
            + " jdbc:mysql://…; 'memory' is the in-process storage, empty in a new process.";

    @Option(names = "--storage", paramLabel = "URL", required = true, description = DESCRIPTION)
    String url;
}
