package io.siodoctor.analyzer.cli;

import io.siodoctor.analyzer.Analyzer;
import java.io.PrintStream;
import java.io.PrintWriter;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** Small helpers shared by the commands: option parsing with usage errors, help text. */
final class Cli {
  private Cli() {}

  static CommandLine parse(Options options, String[] args) throws UsageException {
    try {
      return DefaultParser.builder().get().parse(options, args);
    } catch (ParseException e) {
      throw new UsageException(e.getMessage());
    }
  }

  static int intOption(CommandLine cl, String name, int defaultValue) throws UsageException {
    if (!cl.hasOption(name)) {
      return defaultValue;
    }
    try {
      int v = Integer.parseInt(cl.getOptionValue(name));
      if (v < 1) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " needs a positive number, not " + cl.getOptionValue(name));
    }
  }

  @SuppressWarnings("deprecation")
  static void printHelp(PrintStream out, String usage, Options options) {
    PrintWriter w = new PrintWriter(out);
    new org.apache.commons.cli.HelpFormatter().printHelp(w, 100, usage, null, options, 2, 4, null);
    w.flush();
  }

  /** The analyzer with the built-in rules, plus the rule packs of {@code --rules} when given. */
  static Analyzer analyzer(CommandLine cl) throws UsageException {
    if (cl.hasOption("rules")) {
      throw new UsageException("--rules: rule packs are not supported by this version yet");
    }
    return Analyzer.builtIn();
  }
}
