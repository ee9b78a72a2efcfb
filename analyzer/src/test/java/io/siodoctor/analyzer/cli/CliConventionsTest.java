package io.siodoctor.analyzer.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siodoctor.analyzer.Fixtures;
import io.siodoctor.analyzer.Tool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.cli.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line conventions of issue 14, each through the real CLI: {@link Main#run} as the
 * launcher calls it, and a separate JVM where standard input, a terminal's stderr or the launcher
 * itself matter.
 */
class CliConventionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String INFO_ONLY = "polling-only-config--server-polling-transport";
  static final String WRONG_PATH = "wrong-path--404";

  @TempDir
  Path tmp;

  record Run(int exit, String out, String err) {
    JsonNode json() throws IOException {
      return JSON.readTree(out);
    }
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    return new Run(exit, out.toString(UTF_8), err.toString(UTF_8));
  }

  /** The CLI in its own JVM (the test's classpath), with {@code stdin} as its standard input. */
  static Run process(byte[] stdin, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).start();
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin);
      }
    }
    byte[][] streams = new byte[2][];
    Thread errReader = new Thread(() -> {
      try {
        streams[1] = p.getErrorStream().readAllBytes();
      } catch (IOException e) {
        streams[1] = new byte[0];
      }
    });
    errReader.start();
    streams[0] = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    errReader.join();
    return new Run(p.exitValue(), new String(streams[0], UTF_8), new String(streams[1], UTF_8));
  }

  static Path capture(String folder, String file) {
    return Fixtures.repoRoot().resolve("sample-captures").resolve(folder).resolve(file);
  }

  static void assertStamped(JsonNode doc) {
    assertThat(doc.path("schemaVersion").asInt()).isEqualTo(Tool.SCHEMA_VERSION).isEqualTo(2);
    assertThat(doc.path("tool").path("name").asText()).isEqualTo("sio-doctor");
    assertThat(doc.path("tool").path("version").asText()).isEqualTo(Tool.VERSION).isNotEmpty();
  }

  @Test
  void dashVAndVersionPrintTheVersionEverywhere() {
    for (String[] args : new String[][] {{"-V"}, {"--version"}, {"analyze", "-V"}, {"scan", "--version"},
        {"sanitize", "-V"}, {"completion", "--version"}}) {
      Run r = run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isZero();
      assertThat(r.out().trim()).isEqualTo("sio-doctor " + Tool.VERSION);
    }
  }

  @Test
  void unknownOptionsAndCommandsGetTheNearestName() {
    Run typo = run("analyze", "--formt", "json", capture(WRONG_PATH, "capture.har").toString());
    assertThat(typo.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(typo.err()).contains("--formt").contains("did you mean --format?");
    Run swapped = run("scan", "--inculde", "*.log", "x");
    assertThat(swapped.err()).contains("did you mean --include?");
    Run command = run("scna", "x");
    assertThat(command.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(command.err()).contains("did you mean scan?");
    // nothing near: no wild guess
    Run far = run("analyze", "--colour-scheme", "x");
    assertThat(far.err()).contains("colour-scheme").doesNotContain("did you mean");
  }

  @Test
  void dashOWritesTheOutputOfEveryCommandThatWrites() throws Exception {
    String har = capture(WRONG_PATH, "capture.har").toString();
    Path report = tmp.resolve("report.json");
    Run analyze = run("analyze", "--format", "json", "-o", report.toString(), har);
    assertThat(analyze.exit()).isEqualTo(ExitCode.CAUSES_FOUND);
    assertThat(analyze.out()).isEmpty();
    assertThat(JSON.readTree(report.toFile()).path("causes").get(0).path("id").asText()).isEqualTo("wrong-path");
    // - is standard output
    assertThat(run("analyze", "--format", "json", "-o", "-", har).json().path("verdict").asText()).isEqualTo("problems");

    Path summary = tmp.resolve("summary.json");
    Run scan = run("scan", "--format", "json", "--output", summary.toString(), har);
    assertThat(scan.out()).isEmpty();
    assertStamped(JSON.readTree(summary.toFile()));

    Path sanitized = tmp.resolve("clean.har");
    assertThat(run("sanitize", har, "-o", sanitized.toString()).exit()).isZero();
    assertThat(JSON.readTree(sanitized.toFile()).path("log").path("entries").size()).isPositive();
    Run toStdout = run("sanitize", har);
    assertThat(toStdout.exit()).isZero();
    assertThat(JSON.readTree(toStdout.out()).path("log").path("entries").size()).isPositive();

    Path index = tmp.resolve("idx");
    Path indexReport = tmp.resolve("index.txt");
    assertThat(run("index", "--index", index.toString(), "-o", indexReport.toString(), har).exit()).isZero();
    assertThat(Files.readString(indexReport)).startsWith("indexed ");
    Path answer = tmp.resolve("answer.json");
    Run search = run("search", "--index", index.toString(), "--format", "json", "-o", answer.toString(), "cause:wrong-path");
    assertThat(search.exit()).isZero();
    assertThat(search.out()).isEmpty();
    JsonNode a = JSON.readTree(answer.toFile());
    assertStamped(a);
    assertThat(a.path("hits").asInt()).isPositive();

    Path script = tmp.resolve("sio-doctor.bash");
    assertThat(run("completion", "bash", "-o", script.toString()).exit()).isZero();
    assertThat(Files.readString(script)).contains("complete ");
    // a failed run leaves no half-written output behind
    Path none = tmp.resolve("none.json");
    assertThat(run("sanitize", tmp.resolve("missing.har").toString(), "-o", none.toString()).exit())
        .isEqualTo(ExitCode.UNREADABLE_INPUT);
    assertThat(none).doesNotExist();
    try (var s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void dashIsStandardInputForAnalyzeSanitizeAndScan() throws Exception {
    byte[] har = Files.readAllBytes(capture(WRONG_PATH, "capture.har"));
    Run analyze = process(har, "analyze", "--format", "json", "-");
    assertThat(analyze.exit()).as(analyze.err()).isEqualTo(ExitCode.CAUSES_FOUND);
    assertThat(analyze.json().path("causes").get(0).path("id").asText()).isEqualTo("wrong-path");
    Run sanitize = process(har, "sanitize", "-", "-o", "-");
    assertThat(sanitize.exit()).as(sanitize.err()).isZero();
    assertThat(JSON.readTree(sanitize.out()).path("log").path("entries").size()).isPositive();
    Run scan = process(har, "scan", "--format", "json", "-");
    assertThat(scan.exit()).as(scan.err()).isEqualTo(ExitCode.CAUSES_FOUND);
    assertThat(scan.json().path("causes").get(0).path("id").asText()).isEqualTo("wrong-path");
    assertThat(scan.json().path("causes").get(0).path("files").get(0).asText()).isEqualTo("(stdin)");
  }

  @Test
  void noColorIsTakenEverywhereAndTextHasNoEscapes() {
    String har = capture(WRONG_PATH, "capture.har").toString();
    Run analyze = run("analyze", "--no-color", har);
    assertThat(analyze.exit()).isEqualTo(ExitCode.CAUSES_FOUND);
    assertThat(analyze.out()).contains("wrong-path").doesNotContain("\u001b[");
    Run scan = run("scan", "--no-color", "--format", "text", har);
    assertThat(scan.exit()).isEqualTo(ExitCode.CAUSES_FOUND);
    assertThat(scan.out()).contains("wrong-path").doesNotContain("\u001b[");
    for (Command c : Main.commands()) {
      assertThat(Cli.withCommon(c.options()).hasLongOption("no-color")).as(c.name()).isTrue();
      assertThat(Cli.withCommon(c.options()).hasLongOption("quiet")).as(c.name()).isTrue();
    }
  }

  /**
   * Issue 16: a shared option is defined once (SharedOptions), so wherever a command takes it, it is
   * the same option: same short name, argument and meaning. --format's values and default differ by
   * command, so only its argument is compared.
   */
  @Test
  void sharedOptionsAreTheSameOptionInEveryCommand() {
    Map<String, Option> first = new HashMap<>();
    Map<String, Integer> takenBy = new HashMap<>();
    for (Command c : Main.commands()) {
      for (Option o : Cli.withCommon(c.options()).getOptions()) {
        String name = o.getLongOpt();
        if (!List.of("output", "rules", "show-secrets", "index", "fail-on", "quiet", "no-color", "debug", "format")
            .contains(name)) {
          continue;
        }
        takenBy.merge(name, 1, Integer::sum);
        Option seen = first.putIfAbsent(name, o);
        if (seen != null) {
          assertThat(o.getOpt()).as(c.name() + " --" + name).isEqualTo(seen.getOpt());
          assertThat(o.hasArg()).as(c.name() + " --" + name).isEqualTo(seen.hasArg());
          if (!name.equals("format") && !name.equals("index") && !name.equals("rules") && !name.equals("output")) {
            assertThat(o.getDescription()).as(c.name() + " --" + name).isEqualTo(seen.getDescription());
          }
        }
      }
    }
    // analyze, diff and search print what the inputs hold: each takes the one way to see secrets
    assertThat(takenBy.get("show-secrets")).isGreaterThanOrEqualTo(3);
    assertThat(takenBy.get("quiet")).isEqualTo(Main.commands().size());
  }

  @Test
  void quietLeavesOnlyErrorsOnStderr() {
    String har = capture(WRONG_PATH, "capture.har").toString();
    Run loud = run("sanitize", har, "-o", tmp.resolve("a.har").toString());
    assertThat(loud.err()).contains("redacted");
    Run quiet = run("sanitize", "--quiet", har, "-o", tmp.resolve("b.har").toString());
    assertThat(quiet.exit()).isZero();
    assertThat(quiet.err()).isEmpty();
    Path folder = capture(WRONG_PATH, "capture.har").getParent();
    assertThat(run("scan", "--format", "json", folder.toString()).err()).contains("skipped");
    Run quietScan = run("scan", "-q", "--format", "json", folder.toString());
    assertThat(quietScan.exit()).isEqualTo(ExitCode.CAUSES_FOUND);
    assertThat(quietScan.err()).isEmpty();
    // errors still show
    Run missing = run("analyze", "-q", tmp.resolve("nope.har").toString());
    assertThat(missing.err()).contains("nope.har");
  }

  @Test
  void failOnSetsOnlyTheExitCode() throws IOException {
    String har = capture(INFO_ONLY, "capture.har").toString();
    Run any = run("analyze", "--format", "json", har);
    assertThat(any.exit()).isEqualTo(ExitCode.CAUSES_FOUND);
    assertThat(any.json().path("causes")).allMatch(c -> c.path("severity").asText().equals("info"));
    Run errorsOnly = run("analyze", "--format", "json", "--fail-on", "error", har);
    assertThat(errorsOnly.exit()).isEqualTo(ExitCode.HEALTHY);
    assertThat(errorsOnly.out()).isEqualTo(any.out());
    assertThat(run("analyze", "--format", "json", "--fail-on", "warning", har).exit()).isEqualTo(ExitCode.HEALTHY);
    assertThat(run("analyze", "--format", "json", "--fail-on", "info", har).exit()).isEqualTo(ExitCode.CAUSES_FOUND);
    String error = capture(WRONG_PATH, "capture.har").toString();
    assertThat(run("analyze", "--fail-on", "error", error).exit()).isEqualTo(ExitCode.CAUSES_FOUND);

    Run scanAny = run("scan", "--format", "json", har);
    Run scanErrors = run("scan", "--format", "json", "--fail-on", "error", har);
    assertThat(scanAny.exit()).isEqualTo(ExitCode.CAUSES_FOUND);
    assertThat(scanErrors.exit()).isEqualTo(ExitCode.HEALTHY);
    assertThat(scanErrors.json().path("causes")).isEqualTo(scanAny.json().path("causes"));
    assertThat(run("scan", "--fail-on", "error", error).exit()).isEqualTo(ExitCode.CAUSES_FOUND);

    Run bad = run("scan", "--fail-on", "fatal", har);
    assertThat(bad.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err()).contains("info|warning|error");
  }

  @Test
  void anUnreadableInputIsNeverHealthy() throws IOException {
    Run r = run("analyze", "--format", "json", tmp.resolve("nope.har").toString());
    assertThat(r.exit()).isEqualTo(ExitCode.UNREADABLE_INPUT);
    assertThat(r.json().path("verdict").asText()).isEqualTo("inconclusive");
    assertStamped(r.json());
    Path junk = Files.writeString(tmp.resolve("notes.txt"), "not a capture\n");
    Run withJunk = run("analyze", "--format", "json", junk.toString());
    assertThat(withJunk.json().path("verdict").asText()).isEqualTo("inconclusive");
  }

  @Test
  void everyJsonDocumentCarriesSchemaVersionAndTool() throws IOException {
    String har = capture(WRONG_PATH, "capture.har").toString();
    assertStamped(run("analyze", "--format", "json", har).json());
    assertStamped(run("scan", "--format", "json", har).json());
    String[] lines = run("scan", "--format", "jsonl", har).out().split("\n");
    assertThat(lines).hasSizeGreaterThan(1);
    for (String line : lines) {
      assertStamped(JSON.readTree(line));
    }
  }

  @Test
  void bashCompletionIsGeneratedFromTheOptionsAndCompletes() throws Exception {
    Run bash = run("completion", "bash");
    assertThat(bash.exit()).isZero();
    for (Command c : Main.commands()) {
      for (Option o : Cli.withCommon(c.options()).getOptions()) {
        assertThat(bash.out()).as(c.name() + " --" + o.getLongOpt()).contains("--" + o.getLongOpt());
      }
    }
    Path script = Files.writeString(tmp.resolve("c.bash"), bash.out());
    String probe = "source " + script + "\n"
        + "complete -p sio-doctor\n"
        + "COMP_WORDS=(sio-doctor an); COMP_CWORD=1; _sio_doctor; echo \"1:${COMPREPLY[*]}\"\n"
        + "COMP_WORDS=(sio-doctor analyze --fo); COMP_CWORD=2; _sio_doctor; echo \"2:${COMPREPLY[*]}\"\n"
        + "COMP_WORDS=(sio-doctor scan --fail-on ''); COMP_CWORD=3; _sio_doctor; echo \"3:${COMPREPLY[*]}\"\n"
        + "COMP_WORDS=(sio-doctor analyze --format m); COMP_CWORD=3; _sio_doctor; echo \"4:${COMPREPLY[*]}\"\n";
    Process p = new ProcessBuilder("bash", "-c", probe).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("1:analyze").contains("2:--format").contains("3:info warning error")
        .contains("4:markdown");

    Run zsh = run("completion", "zsh");
    assertThat(zsh.exit()).isZero();
    assertThat(zsh.out()).startsWith("#compdef sio-doctor").contains("compdef _sio_doctor sio-doctor")
        .contains("--fail-on").contains("(info warning error)").contains("'scan:");
    assertThat(run("completion", "fish").exit()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void serveOnABusyPortSaysOneLineAndNoFrameworkLog() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = Integer.toString(busy.getLocalPort());
      Run r = process(null, "serve", "--host", "127.0.0.1", "--port", port);
      assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.USAGE);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).startsWith("sio-doctor serve: cannot listen on 127.0.0.1:" + port)
          .doesNotContain("[ERROR]").doesNotContain("javalin");
      // --debug shows the libraries' own lines
      Run debug = process(null, "serve", "--debug", "--host", "127.0.0.1", "--port", port);
      assertThat(debug.err()).contains("sio-doctor serve: cannot listen").contains("Javalin");
    }
  }

  /**
   * The README's test command on a machine without Chromium where it cannot install it (not root,
   * no password-less sudo): it stops before Maven with the exact command to run.
   */
  @Test
  void theTestScriptSaysHowToInstallChromiumWhenItCannot() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    for (String tool : List.of("bash", "env", "dirname", "readlink", "apt-get")) {
      for (String dir : List.of("/usr/bin", "/bin")) {
        Path p = Path.of(dir, tool);
        if (Files.isExecutable(p) && !Files.exists(bin.resolve(tool))) {
          Files.createSymbolicLink(bin.resolve(tool), p);
        }
      }
    }
    for (String tool : List.of("java", "javac")) {
      Files.createSymbolicLink(bin.resolve(tool), Path.of(System.getProperty("java.home"), "bin", tool));
    }
    // Maven must not run: a stand-in that would say so
    Files.writeString(bin.resolve("mvn"), "#!/bin/sh\necho MAVEN-RAN\n");
    Files.writeString(bin.resolve("id"), "#!/bin/sh\necho 1000\n");
    for (String tool : List.of("mvn", "id")) {
      bin.resolve(tool).toFile().setExecutable(true);
    }
    ProcessBuilder pb = new ProcessBuilder(bin.resolve("bash").toString(),
        Fixtures.repoRoot().resolve("test").toString());
    pb.environment().put("PATH", bin.toString());
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isEqualTo(ExitCode.LAUNCH_FAILED);
    assertThat(out).contains("chromium chromium-driver")
        .contains("sudo apt-get install -y chromium chromium-driver").doesNotContain("MAVEN-RAN");
  }

  @Test
  void theLauncherSaysWhatIsMissingAndExitsFive() throws Exception {
    // a copy of the launcher in a checkout with no jar yet: it must build, and finds no java/mvn
    Path root = Files.createDirectories(tmp.resolve("checkout"));
    Path launcher = Files.copy(Fixtures.repoRoot().resolve("sio-doctor"), root.resolve("sio-doctor"));
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    for (String tool : List.of("bash", "dirname", "readlink", "find", "head")) {
      for (String dir : List.of("/usr/bin", "/bin")) {
        Path p = Path.of(dir, tool);
        if (Files.isExecutable(p) && !Files.exists(bin.resolve(tool))) {
          Files.createSymbolicLink(bin.resolve(tool), p);
        }
      }
    }
    ProcessBuilder pb = new ProcessBuilder(bin.resolve("bash").toString(), launcher.toString(), "--version");
    pb.environment().put("PATH", bin.toString());
    pb.environment().remove("SIO_DOCTOR_JAR");
    Process p = pb.start();
    String err = new String(p.getErrorStream().readAllBytes(), UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isEqualTo(ExitCode.LAUNCH_FAILED);
    assertThat(err.strip().lines()).hasSize(1);
    assertThat(err).contains("no java").contains("apt-get install -y openjdk-17-jdk-headless maven");

    // with java but no Maven: says so
    for (String tool : List.of("java", "javac")) {
      Path real = Path.of(System.getProperty("java.home"), "bin", tool);
      if (Files.isExecutable(real)) {
        Files.createSymbolicLink(bin.resolve(tool), real);
      }
    }
    Process noMvn = pb.start();
    String err2 = new String(noMvn.getErrorStream().readAllBytes(), UTF_8);
    assertThat(noMvn.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(noMvn.exitValue()).as(err2).isEqualTo(ExitCode.LAUNCH_FAILED);
    assertThat(err2).contains("no mvn");
  }
}
