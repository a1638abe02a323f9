package org.tunebook.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.tunebook.magics.MagicException;
import org.tunebook.magics.Output;

/**
 * {@code %maven}, {@code %jars} and {@code %classpath}: libraries for the notebook's code beyond tunebook's own.
 * Jars join the JShell session's class path, which both its compiler and the class loader of its snippets read;
 * a jar already on the class path is not added twice.
 */
final class ClasspathMagics {

    static final String MAVEN_USAGE = "usage: %maven [--repo URL]… GROUP:ARTIFACT:VERSION…";
    static final String JARS_USAGE = "usage: %jars PATH… (a jar, a folder of jars or classes, or a glob such as lib/*.jar)";

    private final Consumer<String> classpath;
    private final Supplier<MavenArtifacts> maven;
    private final Set<String> entries = new LinkedHashSet<>();
    private MavenArtifacts artifacts;

    /**
     * @param classpath adds one entry to the session's class path
     * @param maven makes the resolver on first use (starting Maven Resolver takes a moment, so only when needed)
     */
    ClasspathMagics(Consumer<String> classpath, Supplier<MavenArtifacts> maven) {
        this.classpath = classpath;
        this.maven = maven;
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
    }

    /** {@code %maven [--repo URL]… COORDINATE…}: resolves artifacts with their dependencies and adds their jars. */
    Output maven(String args) {
        List<String> coordinates = new ArrayList<>();
        List<String> repos = new ArrayList<>();
        List<String> words = words(args);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--repo")) {
                if (i + 1 >= words.size()) {
                    throw new MagicException("--repo needs a repository URL\n" + MAVEN_USAGE);
                }
                repos.add(words.get(++i));
            } else if (word.startsWith("-")) {
                throw new MagicException("unknown option " + word + " for %maven\n" + MAVEN_USAGE);
            } else {
                coordinates.add(word);
            }
        }
        if (coordinates.isEmpty()) {
            throw new MagicException("%maven needs at least one GROUP:ARTIFACT:VERSION\n" + MAVEN_USAGE);
        }
        for (String coordinate : coordinates) {
            try {
                MavenArtifacts.checkCoordinate(coordinate);
            } catch (MagicException e) {
                throw new MagicException(e.getMessage() + "\n" + MAVEN_USAGE);
            }
        }
        List<Path> jars = resolver().withRepositories(repos).resolve(coordinates);
        return added(String.join(", ", coordinates), jars);
    }

    private synchronized MavenArtifacts resolver() {
        if (artifacts == null) {
            artifacts = maven.get();
        }
        return artifacts;
    }

    /** {@code %jars PATH…}: adds jars, folders of jars, class folders, or the files a glob matches. */
    Output jars(String args) {
        List<String> words = words(args);
        if (words.isEmpty()) {
            throw new MagicException("%jars needs a path\n" + JARS_USAGE);
        }
        List<Path> found = new ArrayList<>();
        for (String word : words) {
            found.addAll(expand(word));
        }
        return added(String.join(" ", words), found);
    }

    /** {@code %classpath}: the class path, one entry a line; {@code %classpath PATH…} adds to it like {@code %jars}. */
    Output classpath(String args) {
        if (!words(args).isEmpty()) {
            return jars(args);
        }
        List<String> lines = List.copyOf(entries());
        return Output.text("class path (" + lines.size() + " entries):\n" + String.join("\n", lines));
    }

    /** Every entry of the class path: the kernel's own, then those added in this session. */
    synchronized Set<String> entries() {
        return new LinkedHashSet<>(entries);
    }

    private Output added(String what, List<Path> files) {
        List<String> added = new ArrayList<>();
        int known = 0;
        for (Path file : files) {
            String entry = file.toAbsolutePath().normalize().toString();
            synchronized (this) {
                if (!entries.add(entry)) {
                    known++;
                    continue;
                }
            }
            classpath.accept(entry);
            added.add(entry);
        }
        StringBuilder s = new StringBuilder(what).append(": ");
        s.append(added.isEmpty() ? "nothing new" : added.size() + (added.size() == 1 ? " jar" : " jars") + " added to the class path");
        if (known > 0) {
            s.append(" (").append(known).append(" already on it)");
        }
        added.forEach(a -> s.append("\n  ").append(a));
        return Output.text(s.toString());
    }

    /** A path to the files it stands for: a jar or class folder; the jars of a folder; the files a glob matches. */
    static List<Path> expand(String word) {
        if (word.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0)) {
            return glob(word);
        }
        Path path = Path.of(word).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new MagicException("no such file or folder: " + path + "\n" + JARS_USAGE);
        }
        if (Files.isDirectory(path) && !isClassFolder(path)) {
            List<Path> jars = list(path, 1, p -> p.toString().endsWith(".jar"));
            // a folder without jars is taken as a folder of classes
            return jars.isEmpty() ? List.of(path) : jars;
        }
        return List.of(path);
    }

    private static boolean isClassFolder(Path dir) {
        return Files.exists(dir.resolve("META-INF")) || list(dir, 1, p -> p.toString().endsWith(".class")).size() > 0;
    }

    private static List<Path> glob(String pattern) {
        // the folder part before the first wildcard is walked; the rest is matched against paths below it
        String normalized = pattern.replace(File.separatorChar, '/');
        int wildcard = firstWildcard(normalized);
        int slash = normalized.lastIndexOf('/', wildcard);
        Path base = Path.of(slash < 0 ? "." : normalized.substring(0, slash + 1)).toAbsolutePath().normalize();
        String rest = normalized.substring(slash + 1);
        if (!Files.isDirectory(base)) {
            throw new MagicException("no such folder: " + base + " (in " + pattern + ")\n" + JARS_USAGE);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : rest.split("/").length;
        List<Path> matches = list(base, depth, p -> Files.isRegularFile(p) && matcher.matches(base.relativize(p)));
        if (matches.isEmpty()) {
            throw new MagicException("no file matches " + pattern + " (in " + base + ")\n" + JARS_USAGE);
        }
        return matches;
    }

    private static int firstWildcard(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("*?[{".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static List<Path> list(Path dir, int depth, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(p -> !p.equals(dir)).filter(keep).sorted().toList();
        } catch (IOException e) {
            throw new MagicException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<String> words(String args) {
        return args == null || args.isBlank() ? List.of() : Arrays.asList(args.strip().split("\\s+"));
    }
}
