package io.siodoctor.analyzer.cli;

import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.engine.BuiltInRules;
import io.siodoctor.rules.engine.RuleEngine;
import io.siodoctor.rules.pack.RulePackException;
import io.siodoctor.rules.pack.RulePackLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  /** {@code --debug} and {@code --help}, which every command takes. */
  static void addCommonOptions(Options o) {
    o.addOption(org.apache.commons.cli.Option.builder().longOpt("debug")
        .desc("print stack traces of internal errors").get());
    o.addOption(org.apache.commons.cli.Option.builder("h").longOpt("help").desc("this help").get());
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
    if (!cl.hasOption("rules")) {
      return Analyzer.builtIn();
    }
    List<Rule> rules = new ArrayList<>(BuiltInRules.all());
    try {
      rules.addAll(new RulePackLoader(RuleEngine.builtIn().catalog()).load(Path.of(cl.getOptionValue("rules"))));
      return new Analyzer(new RuleEngine(rules));
    } catch (RulePackException e) {
      throw new UsageException("--rules: " + e.getMessage());
    } catch (IOException | IllegalStateException e) {
      throw new UsageException("--rules: " + e.getMessage());
    }
  }
}
