package io.siodoctor.analyzer.cli;

import io.siodoctor.analyzer.sanitize.HarSanitizer;
import io.siodoctor.parsers.redact.RedactionPolicy;
import io.siodoctor.parsers.redact.Redactions;
import io.siodoctor.analyzer.render.Redaction;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code sio-doctor sanitize IN.har|- [-o OUT.har|-]}: a copy of the HAR safe to share, on standard
 * output by default. A file output is written to a temporary file next to it and moved into place,
 * so a failure never leaves half a HAR.
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

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(SharedOptions.output("OUT.har"));
    o.addOption(Option.builder().longOpt("keep").hasArg().argName("NAME")
        .desc("keep this parameter, field, header or cookie as it is (repeatable)").get());
    o.addOption(Option.builder().longOpt("redact").hasArg().argName("NAME")
        .desc("also redact this parameter, field or header (repeatable)").get());
    return o;
  }

  @Override
  public String usage() {
    return "sio-doctor sanitize IN.har|- [-o OUT.har|-] [--keep NAME]... [--redact NAME]...";
  }

  @Override
  public int run(CommandLine cl, PrintStream out, PrintStream err) throws Exception {
    List<String> files = cl.getArgList();
    if (files.size() != 1) {
      throw new UsageException("sanitize takes exactly one input HAR, or - for standard input (got " + files.size()
          + ")");
    }
    String source = files.get(0);
    boolean stdin = source.equals("-");
    String name = stdin ? "(stdin)" : source;
    if (!stdin && SharedOptions.outputIsFile(cl)) {
      Path target = Path.of(cl.getOptionValue(SharedOptions.OUTPUT));
      if (Files.exists(target) && Files.exists(Path.of(source)) && Files.isSameFile(Path.of(source), target)) {
        throw new UsageException("the output must not be the input file");
      }
    }
    RedactionPolicy policy = new RedactionPolicy(names(cl, "keep"), names(cl, "redact"));
    HarSanitizer sanitizer = new HarSanitizer(policy);
    Redactions redactions;
    try (InputStream is = new BufferedInputStream(stdin ? nonClosing(System.in) : Files.newInputStream(Path.of(source)),
        1 << 16)) {
      // the output is opened only once the input is: a missing input leaves no empty output behind
      try (Output o = Output.of(cl, out)) {
        redactions = sanitizer.sanitize(is, o.stream());
        o.commit();
      }
    } catch (NoSuchFileException e) {
      err.println("sio-doctor sanitize: " + name + ": no such file");
      return ExitCode.UNREADABLE_INPUT;
    } catch (HarSanitizer.NotAHarException e) {
      err.println("sio-doctor sanitize: " + name + ": " + e.getMessage());
      return ExitCode.UNREADABLE_INPUT;
    } catch (IOException e) {
      err.println("sio-doctor sanitize: " + name + ": " + Redaction.MASKED.message(String.valueOf(e.getMessage())));
      return ExitCode.UNREADABLE_INPUT;
    }
    if (!SharedOptions.quiet(cl)) {
      err.println("sio-doctor sanitize: redacted " + redactions.summary()
          + (SharedOptions.outputIsFile(cl) ? "; wrote " + cl.getOptionValue(SharedOptions.OUTPUT) : ""));
    }
    return ExitCode.HEALTHY;
  }

  private static InputStream nonClosing(InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }

  private static Set<String> names(CommandLine cl, String option) {
    String[] values = cl.getOptionValues(option);
    return values == null ? Set.of()
        : Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
            .filter(v -> !v.isEmpty()).collect(Collectors.toSet());
  }
}
