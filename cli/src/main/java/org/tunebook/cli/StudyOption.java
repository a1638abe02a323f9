package org.tunebook.cli;

import picocli.CommandLine.Option;

/** The {@code --study NAME} option of the storage commands. */
final class StudyOption {

    @Option(names = "--study", paramLabel = "NAME", required = true, description = "The study's name.")
    String name;
}
