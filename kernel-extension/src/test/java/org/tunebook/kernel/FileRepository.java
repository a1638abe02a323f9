package org.tunebook.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A Maven repository in a folder, made by a test: artifacts compiled from a few lines of Java, with poms that
 * declare their dependencies, in Maven's layout. Resolving from it needs no network.
 */
final class FileRepository {

    final Path root;

    FileRepository(Path root) {
        this.root = root;
    }

    String url() {
        return root.toUri().toString();
    }

    /**
     * Adds {@code group:artifact:version} holding one public class compiled from {@code source}, depending on the
     * given coordinates (whose jars must already be in this repository, for compiling).
     */
    Path add(String group, String artifact, String version, String className, String source, List<String> dependsOn)
            throws IOException {
        Path dir = root.resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory("build-" + artifact);
        Path src = work.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(src, source);
        StringBuilder classpath = new StringBuilder();
        StringBuilder deps = new StringBuilder();
        for (String d : dependsOn) {
            String[] p = d.split(":");
            classpath.append(jar(p[0], p[1], p[2])).append(java.io.File.pathSeparator);
            deps.append("    <dependency><groupId>").append(p[0]).append("</groupId><artifactId>").append(p[1])
                    .append("</artifactId><version>").append(p[2]).append("</version></dependency>\n");
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = work.resolve("classes");
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", classpath.toString(), src.toString());
        if (rc != 0) {
            throw new IllegalStateException("the test artifact " + artifact + " does not compile");
        }
        Path jar = dir.resolve(artifact + "-" + version + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            try (var files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    zip.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(f));
                    zip.closeEntry();
                }
            }
        }
        Files.writeString(dir.resolve(artifact + "-" + version + ".pom"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <dependencies>
                %s  </dependencies>
                </project>
                """.formatted(group, artifact, version, deps));
        return jar;
    }

    Path jar(String group, String artifact, String version) {
        return root.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + ".jar");
    }

    /** org.example:greeting:1.0 (class org.example.greet.Greeting) depending on org.example:words:1.0. */
    static FileRepository withGreeting(Path root) throws IOException {
        FileRepository repo = new FileRepository(root);
        repo.add("org.example", "words", "1.0", "org.example.words.Words", """
                package org.example.words;
                public class Words { public static String word() { return "tuned"; } }
                """, List.of());
        repo.add("org.example", "greeting", "1.0", "org.example.greet.Greeting", """
                package org.example.greet;
                public class Greeting { public static String hello() { return "hello " + org.example.words.Words.word(); } }
                """, List.of("org.example:words:1.0"));
        return repo;
    }
}
