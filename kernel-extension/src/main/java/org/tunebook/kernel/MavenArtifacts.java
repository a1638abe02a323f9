package org.tunebook.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.tunebook.magics.MagicException;

/**
 * Resolves Maven coordinates to jar files with their runtime dependencies, as Maven does: from a local
 * repository (by default {@code ~/.m2/repository}, where downloads are kept) and remote repositories (by default
 * Maven Central). What backs {@code %maven}.
 */
final class MavenArtifacts {

    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    /** group:artifact:version, or group:artifact:extension[:classifier]:version; no blanks, no empty parts. */
    private static final Pattern COORDINATE = Pattern.compile("[^:\\s]+(:[^:\\s]+){2,4}");

    private final RepositorySystem system = new RepositorySystemSupplier().get();
    private final Path localRepository;
    private final List<RemoteRepository> remotes;

    /**
     * @param localRepository where artifacts are looked for first and downloads are kept
     * @param remoteUrls the repositories to download from, in order ({@code https://…} or {@code file:…})
     */
    MavenArtifacts(Path localRepository, List<String> remoteUrls) {
        this.localRepository = localRepository;
        List<RemoteRepository> repos = new ArrayList<>();
        for (int i = 0; i < remoteUrls.size(); i++) {
            String url = remoteUrls.get(i);
            String id = url.equals(CENTRAL) ? "central" : "repo" + (i + 1);
            repos.add(new RemoteRepository.Builder(id, "default", url).build());
        }
        this.remotes = List.copyOf(repos);
    }

    /** Maven's usual places: {@code -Dmaven.repo.local} or {@code ~/.m2/repository}, and Maven Central. */
    static MavenArtifacts standard() {
        String local = System.getProperty("maven.repo.local");
        Path path = local != null && !local.isBlank() ? Path.of(local)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return new MavenArtifacts(path, List.of(CENTRAL));
    }

    /** The same local repository with other remote repositories tried first (e.g. {@code %maven --repo URL}). */
    MavenArtifacts withRepositories(List<String> urls) {
        if (urls.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(urls);
        remotes.forEach(r -> all.add(r.getUrl()));
        return new MavenArtifacts(localRepository, all);
    }

    /** Checks a coordinate's form, so that a typo is reported before anything is downloaded. */
    static void checkCoordinate(String coordinate) {
        if (!COORDINATE.matcher(coordinate).matches()) {
            throw new MagicException("'" + coordinate + "' is not a Maven coordinate: write GROUP:ARTIFACT:VERSION, e.g."
                    + " org.apache.commons:commons-lang3:3.14.0");
        }
    }

    /**
     * The jar files of the coordinates and of their runtime dependencies, in Maven's order (each artifact before
     * its dependencies), without repeats.
     *
     * @throws MagicException for a malformed coordinate, or one that cannot be resolved, saying which and where it
     *     was looked for
     */
    List<Path> resolve(List<String> coordinates) {
        coordinates.forEach(MavenArtifacts::checkCoordinate);
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session,
                new LocalRepository(localRepository.toFile())));
        // poms may activate profiles by JDK or OS, which Maven decides from the system properties
        session.setSystemProperties(System.getProperties());
        CollectRequest collect = new CollectRequest();
        for (String coordinate : coordinates) {
            Artifact artifact;
            try {
                artifact = new DefaultArtifact(coordinate);
            } catch (IllegalArgumentException e) {
                throw new MagicException("'" + coordinate + "' is not a Maven coordinate: " + e.getMessage(), e);
            }
            collect.addDependency(new Dependency(artifact, JavaScopes.RUNTIME));
        }
        collect.setRepositories(remotes);
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        List<ArtifactResult> results;
        try {
            results = system.resolveDependencies(session, request).getArtifactResults();
        } catch (DependencyResolutionException e) {
            throw new MagicException("cannot resolve " + String.join(", ", coordinates) + ": " + reason(e)
                    + "\n(looked in " + where() + ")", e);
        }
        List<Path> files = new ArrayList<>();
        for (ArtifactResult result : results) {
            Path file = result.getArtifact().getFile().toPath().toAbsolutePath();
            if (!files.contains(file)) {
                files.add(file);
            }
        }
        return files;
    }

    private String where() {
        List<String> places = new ArrayList<>();
        places.add(localRepository.toString());
        remotes.forEach(r -> places.add(r.getUrl()));
        return String.join(", ", places);
    }

    /** The innermost message, which names the artifact missing or the repository that failed, on one line. */
    private static String reason(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? e.toString() : message.lines().findFirst().orElse(message).strip();
    }
}
