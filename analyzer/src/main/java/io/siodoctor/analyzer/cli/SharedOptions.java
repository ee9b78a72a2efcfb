package io.siodoctor.analyzer.cli;

import io.siodoctor.analyzer.render.Redaction;
import io.siodoctor.rules.api.Severity;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The options several commands take, defined once: every command builds its {@link Options} from
 * these, so that {@code --output} or {@code --fail-on} mean the same everywhere (and shell completion
 * and "did you mean" see the same names).
 */
final class SharedOptions {
  private SharedOptions() {}

  static final String OUTPUT = "output";
  static final String FORMAT = "format";
  static final String FAIL_ON = "fail-on";
  static final String QUIET = "quiet";
  static final String NO_COLOR = "no-color";
  static final String DEBUG = "debug";
  static final String HELP = "help";
  static final String VERSION = "version";
  static final String SHOW_SECRETS = "show-secrets";
  static final String RULES = "rules";
  static final String INDEX = "index";
  static final String FAIL_ON_VALUES = "info|warning|error";

  /**
   * What every command takes: {@code --help}, {@code -V/--version}, {@code --quiet},
   * {@code --no-color}, {@code --debug}.
   */
  static Options common() {
    Options o = new Options();
    o.addOption(Option.builder("h").longOpt(HELP).desc("this help").get());
    o.addOption(Option.builder("V").longOpt(VERSION).desc("print the version and exit").get());
    o.addOption(Option.builder("q").longOpt(QUIET)
        .desc("no progress or notes on stderr: only errors (and the output itself)").get());
    o.addOption(Option.builder().longOpt(NO_COLOR).desc("no colours (also: the NO_COLOR environment variable)").get());
    o.addOption(Option.builder().longOpt(DEBUG)
        .desc("print stack traces of internal errors and the libraries' own log lines").get());
    return o;
  }

  /** {@code -o/--output FILE}: where the command writes its result ({@code -} for standard output). */
  static Option output(String argName) {
    return Option.builder("o").longOpt(OUTPUT).hasArg().argName(argName)
        .desc("write to " + argName + " instead of standard output (- for standard output)").get();
  }

  /** {@code --format VALUES}: the output format. */
  static Option format(String values, String defaultText) {
    return Option.builder().longOpt(FORMAT).hasArg().argName(values).desc("output format (default: " + defaultText + ")")
        .get();
  }

  /** The {@code --format} value, one of {@code values} ({@code a|b|c}); else a usage error naming them. */
  static String format(CommandLine cl, String values, String defaultValue) throws UsageException {
    List<String> names = List.of(values.split("\\|"));
    return format(cl, values, defaultValue, v -> names.contains(v) ? Optional.of(v) : Optional.empty());
  }

  /** What {@code byName} makes of the {@code --format} value (a renderer); else a usage error naming {@code values}. */
  static <T> T format(CommandLine cl, String values, String defaultValue, Function<String, Optional<T>> byName)
      throws UsageException {
    String v = cl.getOptionValue(FORMAT, defaultValue);
    return byName.apply(v).orElseThrow(() -> new UsageException("unknown --format " + v + " (expected " + values + ")"));
  }

  /** True when {@code --output} names a file (not absent, not {@code -}). */
  static boolean outputIsFile(CommandLine cl) {
    String name = cl.getOptionValue(OUTPUT);
    return name != null && !name.equals("-");
  }

  /** The {@code --index} directory, or null when the option is absent. */
  static Path index(CommandLine cl) {
    return cl.hasOption(INDEX) ? Path.of(cl.getOptionValue(INDEX)) : null;
  }

  /** The {@code --index} directory of a command that cannot run without one. */
  static Path requiredIndex(CommandLine cl, String command) throws UsageException {
    Path dir = index(cl);
    if (dir == null) {
      throw new UsageException(command + " needs --index DIR");
    }
    return dir;
  }

  /** {@code --fail-on info|warning|error}: which causes make the exit code 1. */
  static Option failOn() {
    return Option.builder().longOpt(FAIL_ON).hasArg().argName(FAIL_ON_VALUES)
        .desc("exit 1 only when a cause of at least this severity is found, else 0 (default: info, any cause);"
            + " the output is the same")
        .get();
  }

  /** {@code --show-secrets}: the one way to turn the output boundary's masking off ({@link #redaction}). */
  static Option showSecrets() {
    return Option.builder().longOpt(SHOW_SECRETS).desc("do not redact cookies, tokens and auth payloads").get();
  }

  static Option rules(String desc) {
    return Option.builder().longOpt(RULES).hasArg().argName("DIR").desc(desc).get();
  }

  static Option index(String desc) {
    return Option.builder().longOpt(INDEX).hasArg().argName("DIR").desc(desc).get();
  }

  /** The least severe level that fails the run ({@link Severity#INFO}, any cause, by default). */
  static Severity failOn(CommandLine cl) throws UsageException {
    if (!cl.hasOption(FAIL_ON)) {
      return Severity.INFO;
    }
    String v = cl.getOptionValue(FAIL_ON).toLowerCase(Locale.ROOT);
    return Arrays.stream(Severity.values()).filter(s -> s.id().equals(v)).findFirst()
        .orElseThrow(() -> new UsageException("unknown --fail-on " + cl.getOptionValue(FAIL_ON) + " (expected "
            + FAIL_ON_VALUES + ")"));
  }

  /** True when a cause of this severity reaches the {@code --fail-on} level. */
  static boolean fails(String severity, Severity level) {
    return Arrays.stream(Severity.values()).filter(s -> s.id().equals(severity))
        .anyMatch(s -> s.ordinal() <= level.ordinal());
  }

  /** The output boundary of this run: secrets masked unless {@code --show-secrets}. */
  static Redaction redaction(CommandLine cl) {
    return Redaction.of(cl.hasOption(SHOW_SECRETS));
  }

  static boolean quiet(CommandLine cl) {
    return cl.hasOption(QUIET);
  }
}
