# cert-gateway container image.
#
#   docker build -t cert-gateway:0.1.0 .
#
# Stage 1 builds the jar with the project's own Maven wrapper, so the image does not depend on what the
# build host has installed. Stage 2 is a distroless Java 17 runtime: no shell, no package manager, no curl,
# nothing an attacker who got code execution could use that the gateway itself does not need.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# Dependencies first: this layer is rebuilt only when the pom or the wrapper changes, not on every
# source edit.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline

COPY src src
COPY db db
RUN ./mvnw -B -DskipTests package \
    && cp target/cert-gateway-*.jar app.jar \
    # Spring Boot's layered layout: libraries that rarely change end up in lower image layers than the
    # application classes, so a code change ships as a small layer on push and pull.
    && java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM gcr.io/distroless/java17-debian12:nonroot

# The distroless "nonroot" user (uid/gid 65532); the Helm chart runs the pod as the same ids.
USER 65532:65532
WORKDIR /app

# Least to most frequently changed.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./

EXPOSE 8080

# There is no curl in this image: the JVM runs the application's own `healthcheck` command, which asks
# /actuator/health/liveness on 127.0.0.1 (port MANAGEMENT_SERVER_PORT, else SERVER_PORT, else 8080) and exits
# 0 or 1. A small serial-GC heap keeps this second JVM from competing with the gateway for memory.
# Kubernetes ignores HEALTHCHECK; the Helm chart has its own probes on the actuator health groups.
HEALTHCHECK --interval=15s --timeout=10s --start-period=90s --retries=3 \
    CMD ["java", "-XX:+UseSerialGC", "-Xmx32m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", \
         "org.springframework.boot.loader.launch.JarLauncher", "healthcheck"]

ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
