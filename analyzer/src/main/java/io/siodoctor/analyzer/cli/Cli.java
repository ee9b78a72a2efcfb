package io.siodoctor.analyzer.cli;

import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.engine.BuiltInRules;
import io.siodoctor.rules.engine.RuleEngine;
import io.siodoctor.rules.pack.RulePackException;
import io.siodoctor.rules.pack.RulePackLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/** Small helpers shared by the commands: option parsing with usage errors, help text, output. */
final class Cli {
  private Cli() {}

  /** Parses the command's options plus the {@link SharedOptions#common} ones every command takes. */
  static CommandLine parse(Options options, String[] args) throws UsageException {
    try {
      return DefaultParser.builder().get().parse(withCommon(options), args);
    } catch (UnrecognizedOptionException e) {
      String suggestion = DidYouMean.option(e.getOption(), withCommon(options));
      throw new UsageException(e.getMessage() + (suggestion == null ? "" : " (did you mean " + suggestion + "?)"));
    } catch (ParseException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** A command's own options and the common ones. */
  static Options withCommon(Options own) {
    Options all = new Options();
    own.getOptions().forEach(all::addOption);
    for (Option o : SharedOptions.common().getOptions()) {
      if (!all.hasLongOption(o.getLongOpt())) {
        all.addOption(o);
      }
    }
    return all;
  }

  static int intOption(CommandLine cl, String name, int defaultValue) throws UsageException {
    return cl.hasOption(name) ? (int) positiveOption(cl, name, Integer.MAX_VALUE) : defaultValue;
  }

  /** The value of option {@code name}, a whole number from 1 to {@code max}; else a usage error. */
  static long positiveOption(CommandLine cl, String name, long max) throws UsageException {
    try {
      long v = Long.parseLong(cl.getOptionValue(name));
      if (v < 1 || v > max) {
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
    new org.apache.commons.cli.HelpFormatter().printHelp(w, 100, usage, null, withCommon(options), 2, 4, null);
    w.flush();
  }

  /** Colour only on a terminal, never with {@code --no-color} or {@code NO_COLOR}. */
  static boolean colour(CommandLine cl, boolean toTerminal) {
    return toTerminal && !cl.hasOption(SharedOptions.NO_COLOR) && System.getenv("NO_COLOR") == null;
  }

  /** The analyzer with the built-in rules, plus the rule packs of {@code --rules} when given. */
  static Analyzer analyzer(CommandLine cl) throws UsageException {
    if (!cl.hasOption(SharedOptions.RULES)) {
      return Analyzer.builtIn();
    }
    List<Rule> rules = new ArrayList<>(BuiltInRules.all());
    try {
      rules.addAll(new RulePackLoader(RuleEngine.builtIn().catalog()).load(Path.of(cl.getOptionValue(SharedOptions.RULES))));
      return new Analyzer(new RuleEngine(rules));
    } catch (NoSuchFileException e) {
      throw new UsageException("--rules: no such directory " + e.getMessage());
    } catch (RulePackException e) {
      throw new UsageException("--rules: " + e.getMessage());
    } catch (IOException | IllegalStateException e) {
      throw new UsageException("--rules: " + e.getMessage());
    }
  }

  /** The nearest of {@code names} to {@code typed}, when near enough to be a typo; else null. */
  static String nearest(String typed, Collection<String> names) {
    return DidYouMean.nearest(typed, names);
  }
}
