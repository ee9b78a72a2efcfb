package io.siodoctor.analyzer.cli;

import io.siodoctor.analyzer.sanitize.HarSanitizer;
import io.siodoctor.parsers.redact.RedactionPolicy;
import io.siodoctor.parsers.redact.Redactions;
import io.siodoctor.parsers.redact.SecretMasker;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code sio-doctor sanitize IN.har -o OUT.har}: a copy of the HAR safe to share. Writes to a
 * temporary file next to the output and moves it into place, so a failure never leaves half a HAR.
 */
final class SanitizeCommand implements Command {

  @Override
  public String name() {
    return "sanitize";
  }

  @Override
  public String summary() {
    return "remove cookies, tokens, auth payloads and sids from a HAR before sharing it";
  }

  static Options options() {
    Options o = new Options();
    o.addOption(Option.builder("o").longOpt("output").hasArg().argName("OUT.har")
        .desc("where to write the sanitized HAR (- for standard output)").get());
    o.addOption(Option.builder().longOpt("keep").hasArg().argName("NAME")
        .desc("keep this parameter, field, header or cookie as it is (repeatable)").get());
    o.addOption(Option.builder().longOpt("redact").hasArg().argName("NAME")
        .desc("also redact this parameter, field or header (repeatable)").get());
    Cli.addCommonOptions(o);
    return o;
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    CommandLine cl = Cli.parse(options(), args);
    if (cl.hasOption("help")) {
      Cli.printHelp(out, "sio-doctor sanitize IN.har -o OUT.har [--keep NAME]... [--redact NAME]...", options());
      return ExitCode.HEALTHY;
    }
    List<String> files = cl.getArgList();
    if (files.size() != 1) {
      throw new UsageException("sanitize takes exactly one input HAR (got " + files.size() + ")");
    }
    if (!cl.hasOption("output")) {
      throw new UsageException("sanitize needs -o OUT.har (or -o - for standard output)");
    }
    Path in = Path.of(files.get(0));
    String target = cl.getOptionValue("output");
    if (!target.equals("-") && Files.exists(Path.of(target)) && Files.isSameFile(in, Path.of(target))) {
      throw new UsageException("the output must not be the input file");
    }
    RedactionPolicy policy = new RedactionPolicy(names(cl, "keep"), names(cl, "redact"));
    HarSanitizer sanitizer = new HarSanitizer(policy);
    Redactions redactions;
    try (InputStream is = new BufferedInputStream(Files.newInputStream(in), 1 << 16)) {
      redactions = target.equals("-") ? sanitizeTo(sanitizer, is, out) : sanitizeToFile(sanitizer, is, Path.of(target));
    } catch (NoSuchFileException e) {
      err.println("sio-doctor sanitize: " + in + ": no such file");
      return ExitCode.UNREADABLE_INPUT;
    } catch (HarSanitizer.NotAHarException e) {
      err.println("sio-doctor sanitize: " + in + ": " + e.getMessage());
      return ExitCode.UNREADABLE_INPUT;
    } catch (IOException e) {
      err.println("sio-doctor sanitize: " + in + ": " + SecretMasker.mask(String.valueOf(e.getMessage())));
      return ExitCode.UNREADABLE_INPUT;
    }
    err.println("sio-doctor sanitize: redacted " + redactions.summary()
        + (target.equals("-") ? "" : "; wrote " + target));
    return ExitCode.HEALTHY;
  }

  private static Redactions sanitizeTo(HarSanitizer s, InputStream in, OutputStream out) throws IOException {
    Redactions r = s.sanitize(in, out);
    out.flush();
    return r;
  }

  private static Redactions sanitizeToFile(HarSanitizer s, InputStream in, Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".sanitize-", ".har.part");
    try {
      Redactions r;
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        r = s.sanitize(in, os);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      return r;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Set<String> names(CommandLine cl, String option) {
    String[] values = cl.getOptionValues(option);
    return values == null ? Set.of()
        : Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
            .filter(v -> !v.isEmpty()).collect(Collectors.toSet());
  }
}
