package org.tunebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunebook.magics.MagicException;

/** {@code %maven}, {@code %jars} and {@code %classpath} against a real JShell session and real repositories. */
class ClasspathMagicsTest {

    @TempDir
    Path dir;

    private final JShellSession jshell = new JShellSession(System.out, System.err);

    @AfterEach
    void close() {
        jshell.close();
    }

    private ClasspathMagics magics(MavenArtifacts maven) {
        return new ClasspathMagics(jshell::addToClasspath, () -> maven);
    }

    @Test
    void mavenResolvesAnArtifactWithItsDependenciesFromAFileRepositoryAndSnippetsUseIt() throws Exception {
        FileRepository repo = FileRepository.withGreeting(dir.resolve("remote"));
        Path local = dir.resolve("local");
        ClasspathMagics magics = magics(new MavenArtifacts(local, List.of(repo.url())));

        assertThatThrownBy(() -> jshell.eval("org.example.greet.Greeting.hello()", 0)).isInstanceOf(SnippetFailure.class);
        String shown = magics.maven("org.example:greeting:1.0").text();
        assertThat(shown).startsWith("org.example:greeting:1.0: 2 jars added to the class path")
                .contains(local.resolve("org/example/greeting/1.0/greeting-1.0.jar").toString())
                .contains(local.resolve("org/example/words/1.0/words-1.0.jar").toString());
        assertThat(jshell.eval("org.example.greet.Greeting.hello()", 0)).isEqualTo("hello tuned");
        // libraries that find classes through the context class loader see the new jars too
        assertThat(jshell.eval("Thread.currentThread().getContextClassLoader().loadClass(\"org.example.words.Words\")"
                + ".getSimpleName()", 0)).isEqualTo("Words");

        assertThat(magics.maven("org.example:greeting:1.0").text())
                .isEqualTo("org.example:greeting:1.0: nothing new (2 already on it)");
        assertThat(magics.classpath("").text()).contains(local.resolve("org/example/words/1.0/words-1.0.jar").toString())
                .contains(System.getProperty("java.class.path").split(File.pathSeparator)[0]);
    }

    @Test
    void repositoriesGivenWithRepoAreTriedAndBadCoordinatesOrMissingArtifactsAreClearErrors() throws Exception {
        FileRepository repo = FileRepository.withGreeting(dir.resolve("remote"));
        ClasspathMagics magics = magics(new MavenArtifacts(dir.resolve("local"), List.of()));

        assertThatThrownBy(() -> magics.maven("org.example:greeting")).isInstanceOf(MagicException.class)
                .hasMessage("'org.example:greeting' is not a Maven coordinate: write GROUP:ARTIFACT:VERSION, e.g."
                        + " org.apache.commons:commons-lang3:3.14.0\n" + ClasspathMagics.MAVEN_USAGE);
        assertThatThrownBy(() -> magics.maven("")).hasMessageStartingWith("%maven needs at least one GROUP:ARTIFACT:VERSION");
        assertThatThrownBy(() -> magics.maven("--repo")).hasMessageStartingWith("--repo needs a repository URL");
        assertThatThrownBy(() -> magics.maven("--offline a:b:1")).hasMessageStartingWith("unknown option --offline for %maven");
        assertThatThrownBy(() -> magics.maven("--repo " + repo.url() + " org.example:missing:1.0"))
                .isInstanceOf(MagicException.class)
                .hasMessageStartingWith("cannot resolve org.example:missing:1.0: ")
                .hasMessageContaining("org.example:missing:jar:1.0")
                .hasMessageContaining("(looked in " + dir.resolve("local") + ", " + repo.url() + ")");

        assertThat(magics.maven("--repo " + repo.url() + " org.example:words:1.0 org.example:greeting:1.0").text())
                .startsWith("org.example:words:1.0, org.example:greeting:1.0: 2 jars added");
        assertThat(jshell.eval("org.example.greet.Greeting.hello().length()", 0)).isEqualTo(11);
    }

    @Test
    void theLocalMavenRepositoryServesWhatItHoldsWithoutAnyRemote() {
        // commons-math3 is a dependency of tunebook-core, so every build has it in the local repository
        Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository");
        List<Path> jars = new MavenArtifacts(m2, List.of()).resolve(List.of("org.apache.commons:commons-math3:3.6.1"));
        assertThat(jars).containsExactly(m2.resolve("org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar")
                .toAbsolutePath());
    }

    @Test
    void aRealArtifactWithAParentPomAndDependenciesResolvesFromTheLocalRepositoryServedAsAFileRepository() {
        // gson comes with jjava-jupyter, so the build has it, its parent pom and its dependencies in ~/.m2
        Path gson = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(p -> p.getFileName().toString().matches("gson-[0-9.]+\\.jar")).findFirst().orElseThrow();
        String version = gson.getFileName().toString().replaceAll("^gson-|\\.jar$", "");
        Path m2 = gson.getParent().getParent().getParent().getParent().getParent().getParent().getParent();
        MavenArtifacts maven = new MavenArtifacts(dir.resolve("local"), List.of(m2.toUri().toString()));
        List<Path> jars = maven.resolve(List.of("com.google.code.gson:gson:" + version));
        assertThat(jars).first().isEqualTo(dir.resolve("local/com/google/code/gson/gson/" + version + "/gson-" + version
                + ".jar").toAbsolutePath());
        assertThat(jars).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p).isRegularFile().startsWith(dir));
        assertThat(jars).anySatisfy(p -> assertThat(p.getFileName().toString()).startsWith("error_prone_annotations-"));
    }

    @Test
    void mavenCentralServesARealArtifact() {
        // a tiny artifact without dependencies or parent pom, downloaded into a fresh local repository
        ClasspathMagics magics = magics(new MavenArtifacts(dir.resolve("local"), List.of(MavenArtifacts.CENTRAL)));
        assertThat(magics.maven("javax.inject:javax.inject:1").text()).startsWith("javax.inject:javax.inject:1: 1 jar added");
        assertThat(dir.resolve("local/javax/inject/javax.inject/1/javax.inject-1.jar")).isRegularFile();
        assertThat(jshell.eval("javax.inject.Inject.class.isAnnotation()", 0)).isEqualTo(true);
        assertThatThrownBy(() -> magics.maven("org.tunebook.nonexistent:nothing-here:0.0.1"))
                .hasMessageStartingWith("cannot resolve org.tunebook.nonexistent:nothing-here:0.0.1: ")
                .hasMessageContaining(MavenArtifacts.CENTRAL);
    }

    @Test
    void jarsTakesFilesFoldersAndGlobs() throws Exception {
        FileRepository repo = FileRepository.withGreeting(dir.resolve("remote"));
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.copy(repo.jar("org.example", "words", "1.0"), lib.resolve("words.jar"));
        Files.copy(repo.jar("org.example", "greeting", "1.0"), lib.resolve("greeting.jar"));
        Files.writeString(lib.resolve("notes.txt"), "not a jar");
        ClasspathMagics magics = magics(null);

        assertThat(magics.jars(lib + "/*.jar").text()).startsWith(lib + "/*.jar: 2 jars added to the class path")
                .contains(lib.resolve("greeting.jar").toString()).doesNotContain("notes.txt");
        assertThat(jshell.eval("org.example.greet.Greeting.hello()", 0)).isEqualTo("hello tuned");
        assertThat(magics.jars(lib.toString()).text()).endsWith("nothing new (2 already on it)");
        assertThat(magics.classpath("").text()).contains(lib.resolve("words.jar").toString());

        assertThatThrownBy(() -> magics.jars(dir + "/nowhere/*.jar")).hasMessageStartingWith("no such folder: ");
        assertThatThrownBy(() -> magics.jars(lib + "/*.zip")).hasMessageStartingWith("no file matches " + lib + "/*.zip");
        assertThatThrownBy(() -> magics.jars(lib + "/missing.jar"))
                .hasMessage("no such file or folder: " + lib.resolve("missing.jar") + "\n" + ClasspathMagics.JARS_USAGE);
        assertThatThrownBy(() -> magics.jars(" ")).hasMessageStartingWith("%jars needs a path");
    }
}
