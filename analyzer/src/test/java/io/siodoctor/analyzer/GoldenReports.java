package io.siodoctor.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.analyzer.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Golden reports: what {@code analyze} prints for every sample capture and every degraded variant,
 * committed once (issue 16's first commit) so a structural change can show it changed no output.
 * The files live in {@code analyzer/src/test/golden/<capture>/<run>.<format>}; HTML is kept as the
 * SHA-256 of its normalised text (the page is ~170 KB of mostly fixed CSS and script), the other
 * formats as text so a difference can be read.
 *
 * <p>Normalised before comparing: the tool version, the HTML's generation time and per-page CSP nonce, and the folder
 * paths the inputs were read from (the repository's absolute path, or a degraded copy's temporary
 * folder), so the files do not depend on the machine.
 *
 * <p>{@code -Dgolden.write=true} writes the files instead of comparing; it is meant to be used once,
 * when the files are first made, and the files are never regenerated to make a refactoring pass.
 */
final class GoldenReports {
  static final boolean WRITE = Boolean.getBoolean("golden.write");
  /** The formats checked on the main runs; degraded runs are checked in JSON only (it holds every field). */
  static final List<String> ALL_FORMATS = List.of("json", "text", "markdown", "html");

  private GoldenReports() {}

  static Path dir() {
    String root = System.getProperty("sio.repo.root", "..");
    return Path.of(root).toAbsolutePath().normalize().resolve("analyzer/src/test/golden");
  }

  /**
   * Runs {@code analyze --format F --top 100 ARGS...} in every format of {@code formats} and compares
   * each output with its golden file.
   *
   * @param capture the capture folder's name
   * @param run the run's name within the capture ({@code main}, {@code variant-1}, {@code no-bodies}...)
   * @param inputs the input files as passed to the command
   * @param roots folders whose absolute paths are replaced by a placeholder in the output
   */
  static void check(String capture, String run, List<String> inputs, List<Path> roots, List<String> formats) {
    for (String format : formats) {
      List<String> args = new ArrayList<>(List.of("analyze", "--no-color", "--format", format, "--top", "100"));
      args.addAll(inputs);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      String text = normalise(out.toString(StandardCharsets.UTF_8), roots);
      compare(capture, run + "." + format, text, format.equals("html"));
    }
  }

  /**
   * Compares {@code text} with the golden file {@code <capture>/<name>} (or writes it in write mode).
   *
   * @param hashed keep only the text's SHA-256 (for the HTML page)
   */
  static void compare(String capture, String name, String text, boolean hashed) {
    String stored = hashed ? sha256(text) + "\n" : text;
    Path file = dir().resolve(capture).resolve(name + (hashed ? ".sha256" : ""));
    try {
      if (WRITE) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, stored, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file).as("golden report " + file + " (made once, in issue 16's first commit)").exists();
      String golden = Files.readString(file, StandardCharsets.UTF_8);
      if (!golden.equals(stored)) {
        // the actual output beside the build, to diff by hand
        Path actual = Path.of("target/golden-actual").resolve(capture).resolve(name);
        Files.createDirectories(actual.getParent());
        Files.writeString(actual, text, StandardCharsets.UTF_8);
        assertThat(stored).as("report " + capture + "/" + name + " differs from its golden file " + file
            + "; actual written to " + actual.toAbsolutePath()).isEqualTo(golden);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The captures that have golden reports (a folder with {@code main.json}). Every sample capture
   * must ({@code GoldenReportsTest}): a list kept by hand beside them was forgotten for 24 captures,
   * whose golden files were written and then never compared.
   */
  static Set<String> captures() {
    try (var folders = Files.list(dir())) {
      return folders.filter(f -> Files.isRegularFile(f.resolve("main.json")))
          .map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String normalise(String output, List<Path> roots) {
    String s = output.replace("\"version\" : \"" + Tool.VERSION + "\"", "\"version\" : \"<version>\"")
        .replace(Tool.NAME + " " + Tool.VERSION, Tool.NAME + " <version>");
    for (Path root : roots) {
      String abs = root.toAbsolutePath().normalize().toString();
      s = s.replace(abs, "<inputs>");
    }
    return replaceGeneratedTime(replaceNonces(s));
  }

  /** The HTML report says when it was made: {@code generated <time datetime="T">T</time>}. */
  private static String replaceGeneratedTime(String s) {
    String open = "generated <time";
    int at = s.indexOf(open);
    int end = at < 0 ? -1 : s.indexOf("</time>", at);
    return end < 0 ? s : s.substring(0, at) + "generated <time>T" + s.substring(end);
  }

  /** The HTML report's CSP nonce is fresh per page: every {@code nonce-X'} and {@code nonce="X"} becomes fixed. */
  private static String replaceNonces(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int i = 0;
    while (true) {
      int a = s.indexOf("nonce-", i);
      int b = s.indexOf("nonce=\"", i);
      int at = a < 0 ? b : b < 0 ? a : Math.min(a, b);
      if (at < 0) {
        sb.append(s, i, s.length());
        return sb.toString();
      }
      int start = at + (at == a ? "nonce-".length() : "nonce=\"".length());
      int end = start;
      while (end < s.length() && s.charAt(end) != '\'' && s.charAt(end) != '"') {
        end++;
      }
      sb.append(s, i, start).append("N");
      i = end;
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
