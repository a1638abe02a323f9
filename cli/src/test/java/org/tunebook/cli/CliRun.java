package org.tunebook.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The outcome of one command line run in-process: exit code and what went to each stream. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
