# avpipeline container: `avpipeline run --aws` on ECS Fargate (see deploy/README.md).
#
#   docker build --platform linux/amd64 -t avpipeline:latest .
#
# Stage 1 builds the jar with the Maven wrapper (dependencies in their own cached layer) and a trimmed Java 17
# runtime with jlink; stage 2 is a plain Ubuntu base with that runtime, the jar and its libraries, run by a
# non-root user.

# ---- build -----------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk-jammy AS build
WORKDIR /build

# Dependencies first: this layer is rebuilt only when pom.xml or the wrapper changes. Packaging the pom
# without sources downloads Maven and exactly what `package` needs (dependency:go-offline misses some of it).
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN chmod +x mvnw \
 && ./mvnw -B -ntp -Dmaven.test.skip=true package \
 && rm -rf target

# Then the code.
COPY src/main/ src/main/
RUN ./mvnw -B -ntp -Dmaven.test.skip=true package \
 && test -f target/avpipeline.jar && test -d target/lib

# A Java runtime of the modules the code needs (about 55 MB instead of the 130 MB of a full JRE image): every Java
# SE module (some are loaded only by reflection), the JDK modules that
#   jdeps --ignore-missing-deps --multi-release 17 --print-module-deps target/avpipeline.jar target/lib/*.jar
# lists beyond them (jdk.httpserver serves `demo` and `simulate`; ImageModulesTest runs jdeps and fails when one is
# missing here), and the providers jdeps cannot see, found by name at run time: TLS's elliptic curves and PKCS#11,
# the zip file system, JAAS, extended socket options and the extra charsets.
RUN jlink \
      --add-modules java.se,jdk.httpserver,jdk.jfr,jdk.management,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.security.auth,jdk.net,jdk.charsets \
      --strip-debug --no-man-pages --no-header-files --compress=2 \
      --output /opt/java

# ---- runtime ---------------------------------------------------------------------------------------------
FROM ubuntu:22.04

LABEL org.opencontainers.image.title="avpipeline" \
      org.opencontainers.image.description="ETF holdings to a point-in-time daily panel of TTM per-share fundamentals (Parquet)"

ENV JAVA_HOME=/opt/java \
    PATH=/opt/java/bin:$PATH \
    LANG=C.UTF-8

# The run writes its working files (the artifact and run report before upload) under /app/data and /tmp,
# both writable by the app user. (zstd-jni unpacks its native ZSTD library, about 1 MB, into /tmp once per run.)
RUN groupadd --system --gid 10001 avpipeline \
 && useradd --system --uid 10001 --gid avpipeline --home-dir /app --no-create-home --shell /usr/sbin/nologin avpipeline \
 && mkdir -p /app/data \
 && chown avpipeline:avpipeline /app/data

COPY --from=build /opt/java /opt/java
COPY --from=build /build/target/lib/ /app/lib/
COPY --from=build /build/target/avpipeline.jar /app/avpipeline.jar

USER avpipeline
WORKDIR /app/data

# Heap = 75% of the task's memory (task_memory in Terraform); an OutOfMemoryError ends the run at once
# with a non-zero exit code instead of leaving a half-working JVM.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/avpipeline.jar"]
CMD ["run", "--aws"]
