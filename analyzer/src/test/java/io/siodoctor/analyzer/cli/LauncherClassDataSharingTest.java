package io.siodoctor.analyzer.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siodoctor.analyzer.Fixtures;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data sharing archive, through the real {@code ./sio-doctor}: made once next
 * to the jar, used by the next runs, rebuilt when the jar changes, harmless when broken, and never a
 * byte on stderr or a different answer.
 *
 * <p>The shaded jar does not exist yet when tests run, so the launcher gets (through
 * {@code SIO_DOCTOR_JAR}) a jar whose manifest names this module's run-time classpath, each class
 * directory packed as a jar first: the JVM archives classes from jars only.
 */
class LauncherClassDataSharingTest {

  @TempDir Path tmp;
  private Path jar;
  private Path jsa;
  private Path key;
  private Path har;
  private Path launcher = Fixtures.repoRoot().resolve("sio-doctor");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One run's answer. The JSON report's {@code sessions} lists come out in a different order from
   * one run to the next, CDS or not (a hash order upstream of the ranker), so they are compared as
   * sets; everything else must be byte for byte the same.
   */
  private record Run(int exit, String out, String err) {
    JsonNode answer() throws IOException {
      JsonNode doc = JSON.readTree(out);
      sortSessions(doc);
      return doc;
    }

    private static void sortSessions(JsonNode node) {
      if (node instanceof ObjectNode object) {
        JsonNode sessions = object.get("sessions");
        if (sessions instanceof ArrayNode array) {
          List<String> sorted = new ArrayList<>();
          array.forEach(sid -> sorted.add(sid.asText()));
          sorted.sort(null);
          array.removeAll();
          sorted.forEach(array::add);
        }
      }
      node.forEach(Run::sortSessions);
    }
  }

  @BeforeEach
  void runnableJar() throws IOException {
    Path app = Files.createDirectories(tmp.resolve("app"));
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> manifestClassPath = new ArrayList<>();
    int n = 0;
    for (String entry : classpath.split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (entry.isEmpty() || !Files.exists(p) || p.endsWith("test-classes")) {
        continue;
      }
      if (Files.isDirectory(p)) {
        Path packed = app.resolve("classes-" + n++ + ".jar");
        packDirectory(p, packed);
        p = packed;
      }
      // relative: JDK 17's class-data sharing reads Class-Path entries as paths, not file: URLs
      manifestClassPath.add(app.relativize(p.toAbsolutePath()).toString().replace(File.separatorChar, '/')
          .replace(" ", "%20"));
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", manifestClassPath));
    jar = app.resolve("sio-doctor.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      // the manifest is the whole jar
    }
    jsa = app.resolve("sio-doctor.jsa");
    key = app.resolve("sio-doctor.jsa.key");
    har = Fixtures.sampleHar("sticky-session-missing--python-two-workers");
  }

  private static void packDirectory(Path dir, Path target) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target));
        Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
  }

  private Run launch(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(tmp.resolve("out.txt").toFile())
        .redirectError(tmp.resolve("err.txt").toFile());
    pb.environment().remove("JAVA_OPTS");
    pb.environment().remove("SIO_DOCTOR_CDS");
    pb.environment().put("SIO_DOCTOR_JAR", jar.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(tmp.resolve("out.txt"), UTF_8),
        Files.readString(tmp.resolve("err.txt"), UTF_8));
  }

  /**
   * A JDK 25 or later installed beside the one running the tests (the launcher then makes an AOT
   * cache instead of a class-data archive), or null: the JVM running the tests first, then the JDKs
   * under {@code /usr/lib/jvm} (where machines of this kind have Temurin 25 beside Debian's 17).
   */
  private static Path jdk25OrLater() throws IOException {
    List<Path> homes = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> dirs = Files.list(jvms)) {
        dirs.sorted().forEach(homes::add);
      }
    }
    for (Path home : homes) {
      Path release = home.resolve("release");
      if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
        continue;
      }
      for (String line : Files.readAllLines(release, UTF_8)) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          int end = 0;
          while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
          }
          if (end > 0 && Integer.parseInt(version.substring(0, end)) >= 25) {
            return home;
          }
        }
      }
    }
    return null;
  }

  private Run analyze(Map<String, String> env) throws Exception {
    return launch(env, "analyze", "--format", "json", har.toString());
  }

  @Test
  void theArchiveIsMadeOnceUsedSilentlyAndChangesNothing() throws Exception {
    Run plain = analyze(Map.of("SIO_DOCTOR_CDS", "off"));
    assertThat(plain.err()).isEmpty();
    assertThat(plain.out()).contains("\"verdict\" : \"problems\"").contains("sticky-session-missing");
    assertThat(jsa).doesNotExist();

    // first run: trains on a sample capture, then answers exactly as without the archive
    Run first = analyze(Map.of());
    assertThat(first.err()).isEmpty();
    assertThat(first.exit()).isEqualTo(plain.exit());
    assertThat(first.answer()).isEqualTo(plain.answer());
    assertThat(jsa).isRegularFile();
    assertThat(Files.size(jsa)).isGreaterThan(1_000_000);
    assertThat(Files.readString(key)).contains("jar ").contains("java ").doesNotContain("failed");

    // next run maps our classes from the archive (JAVA_OPTS comes last: a class-load log to a file)
    Path classLog = tmp.resolve("classes.txt");
    Run second = analyze(Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog));
    assertThat(second.err()).isEmpty();
    assertThat(second.answer()).isEqualTo(plain.answer());
    assertMostOfOurClassesShared(classLog, "classes of ours mapped from the archive");
  }

  /** Most of our classes in a {@code -Xlog:class+load} file came from the archive or AOT cache. */
  private static void assertMostOfOurClassesShared(Path classLog, String what) throws IOException {
    List<String> ourClasses = Files.readAllLines(classLog).stream()
        .filter(l -> l.contains(" io.siodoctor.")).toList();
    assertThat(ourClasses).isNotEmpty();
    assertThat(ourClasses.stream().filter(l -> l.contains("shared objects file")).count())
        .as(what).isGreaterThan(ourClasses.size() / 2L);
  }

  @Test
  void aChangedJarRebuildsTheArchiveAndABrokenOneIsIgnoredQuietly() throws Exception {
    Run plain = analyze(Map.of("SIO_DOCTOR_CDS", "off"));
    assertThat(analyze(Map.of()).err()).isEmpty();
    String firstKey = Files.readString(key);

    // the jar is rebuilt (new mtime): the key no longer matches, a new archive is trained
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
    Run afterChange = analyze(Map.of());
    assertThat(afterChange.err()).isEmpty();
    assertThat(afterChange.answer()).isEqualTo(plain.answer());
    assertThat(Files.readString(key)).isNotEqualTo(firstKey).doesNotContain("failed");

    // an archive the JVM cannot map (truncated, say) under a matching key: the run goes on without it
    Files.writeString(jsa, "not an archive");
    Run broken = analyze(Map.of());
    assertThat(broken.err()).isEmpty();
    assertThat(broken.answer()).isEqualTo(plain.answer());
    assertThat(broken.exit()).isEqualTo(plain.exit());
  }

  @Test
  void withoutATrainingSampleThereIsNoArchiveAndTheRunIsTheSame() throws Exception {
    // a launcher in a checkout without sample-captures/: nothing to train on, nothing tried
    Path checkout = Files.createDirectories(tmp.resolve("checkout"));
    launcher = Files.copy(Fixtures.repoRoot().resolve("sio-doctor"), checkout.resolve("sio-doctor"));
    Run plain = analyze(Map.of("SIO_DOCTOR_CDS", "off"));
    Run run = analyze(Map.of());
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isEqualTo(plain.exit());
    assertThat(run.answer()).isEqualTo(plain.answer());
    assertThat(jsa).doesNotExist();
    assertThat(key).doesNotExist();
  }

  @Test
  void onJdk25AndLaterTheArchiveIsAnAotCacheMadeOnceAndUsedSilently() throws Exception {
    Path jdk = jdk25OrLater();
    Assumptions.assumeTrue(jdk != null, "no JDK 25 or later on this machine");
    Map<String, String> onJdk = Map.of("PATH", jdk.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
    Map<String, String> onJdkWithoutArchive = new java.util.HashMap<>(onJdk);
    onJdkWithoutArchive.put("SIO_DOCTOR_CDS", "off");
    Run plain = analyze(onJdkWithoutArchive);
    assertThat(plain.err()).isEmpty();
    assertThat(plain.out()).contains("sticky-session-missing");

    Path aot = jar.resolveSibling("sio-doctor.aot");
    Path aotKey = jar.resolveSibling("sio-doctor.aot.key");
    Run first = analyze(onJdk);
    assertThat(first.err()).isEmpty();
    assertThat(first.exit()).isEqualTo(plain.exit());
    assertThat(first.answer()).isEqualTo(plain.answer());
    assertThat(aot).isRegularFile();
    assertThat(Files.size(aot)).isGreaterThan(1_000_000);
    assertThat(Files.readString(aotKey)).contains(jdk.toString()).doesNotContain("failed");
    assertThat(jsa).as("no class-data archive beside the AOT cache").doesNotExist();
    try (Stream<Path> left = Files.list(jar.getParent())) {
      assertThat(left.map(f -> f.getFileName().toString())).as("no training leftovers")
          .noneMatch(name -> name.endsWith(".tmp") || name.endsWith(".config"));
    }

    Path classLog = tmp.resolve("classes-aot.txt");
    Map<String, String> logged = new java.util.HashMap<>(onJdk);
    logged.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
    Run second = analyze(logged);
    assertThat(second.err()).isEmpty();
    assertThat(second.answer()).isEqualTo(plain.answer());
    assertMostOfOurClassesShared(classLog, "classes of ours loaded from the AOT cache");

    // the JDK 17 run beside it keeps its own archive: the two never take each other's
    Run onPathJava = analyze(Map.of());
    assertThat(onPathJava.err()).isEmpty();
    assertThat(Files.readString(aotKey)).contains(jdk.toString());
  }
}
