package dev.certgateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, read as text since no Docker engine is at hand: the stages, the layer order, the user, and a
 * build context that still holds everything the build stage copies.
 */
class DockerfileTests {

    private static List<String> instructions;

    @BeforeAll
    static void read() throws IOException {
        instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("Dockerfile"))) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            if (!current.isEmpty()) {
                instructions.add(current.toString().replaceAll("\\s+", " ").strip());
            }
            current.setLength(0);
        }
    }

    @Test
    void buildsWithTheJdkAndRunsOnADistrolessJava17Runtime() {
        assertThat(starting("FROM ")).containsExactly("FROM eclipse-temurin:17-jdk AS build",
                "FROM gcr.io/distroless/java17-debian12:nonroot");
        // The pom and wrapper are copied before the sources, so dependencies stay in a cached layer.
        int goOffline = indexOf("dependency:go-offline");
        assertThat(indexOf("COPY mvnw pom.xml")).isLessThan(goOffline);
        assertThat(goOffline).isLessThan(indexOf("COPY src src"));
        assertThat(indexOf("COPY db db")).isLessThan(indexOf("-DskipTests package"));
        assertThat(instructions.get(indexOf("-DskipTests package")))
                .contains("java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted");
    }

    @Test
    void runsAsTheNonRootUserAndCopiesTheLayersLeastChangedFirst() {
        assertThat(starting("USER ")).containsExactly("USER 65532:65532");
        assertThat(starting("COPY --from=build")).containsExactly(
                "COPY --from=build /build/extracted/dependencies/ ./",
                "COPY --from=build /build/extracted/spring-boot-loader/ ./",
                "COPY --from=build /build/extracted/snapshot-dependencies/ ./",
                "COPY --from=build /build/extracted/application/ ./");
        assertThat(indexOf("USER 65532")).isLessThan(indexOf("COPY --from=build"));
        assertThat(starting("EXPOSE ")).containsExactly("EXPOSE 8080");
        assertThat(starting("ENTRYPOINT ")).containsExactly(
                "ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
    }

    @Test
    void healthCheckUsesTheApplicationsOwnCommandNotCurl() {
        List<String> healthChecks = starting("HEALTHCHECK ");
        assertThat(healthChecks).hasSize(1);
        assertThat(healthChecks.get(0)).contains("CMD [\"java\"")
                .contains("\"org.springframework.boot.loader.launch.JarLauncher\", \"healthcheck\"]")
                .doesNotContain("curl").doesNotContain("wget");
    }

    @Test
    void buildContextKeepsWhatTheBuildCopies() throws IOException {
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (String needed : List.of("mvnw", "pom.xml", ".mvn", "src", "src/main", "db")) {
            assertThat(ignored).as(needed).doesNotContain(needed, needed + "/", "/" + needed);
        }
        assertThat(ignored).contains("target", ".git");
    }

    private static List<String> starting(String prefix) {
        return instructions.stream().filter(i -> i.startsWith(prefix)).toList();
    }

    private static int indexOf(String fragment) {
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError("no instruction with " + fragment + " in " + instructions);
    }
}
