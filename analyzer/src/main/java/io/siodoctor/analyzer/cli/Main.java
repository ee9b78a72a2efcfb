package io.siodoctor.analyzer.cli;

import io.siodoctor.analyzer.Tool;
import io.siodoctor.analyzer.Warmup;
import io.siodoctor.analyzer.render.Redaction;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;

/** {@code sio-doctor COMMAND [options]}: dispatches to the sub-commands, maps failures to exit codes. */
public final class Main {
  static final String VERSION = Tool.VERSION;
  /** slf4j-simple's level, read once when the first logger is made. */
  private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("analyze")) {
      Warmup.begin();
    }
    System.exit(run(args, System.out, System.err));
  }

  static List<Command> commands() {
    return List.of(new AnalyzeCommand(), new ScanCommand(), new IndexCommand(), new SearchCommand(),
        new SanitizeCommand(), new ServeCommand(), new DiffCommand(), new CompletionCommand());
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    boolean debug = Arrays.asList(args).contains("--debug");
    // the libraries' own log lines (Jetty, Javalin, Lucene) are not for a user's terminal: our one
    // line says what went wrong; --debug shows theirs too
    if (System.getProperty(LOG_LEVEL) == null) {
      System.setProperty(LOG_LEVEL, debug ? "info" : "off");
    }
    Map<String, Command> commands = new LinkedHashMap<>();
    for (Command c : commands()) {
      commands.put(c.name(), c);
    }
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      usage(args.length == 0 ? err : out, commands);
      return args.length == 0 ? ExitCode.USAGE : ExitCode.HEALTHY;
    }
    if (args[0].equals("--version") || args[0].equals("-V")) {
      out.println(Tool.NAME + " " + VERSION);
      return ExitCode.HEALTHY;
    }
    Command command = commands.get(args[0]);
    if (command == null) {
      String near = DidYouMean.nearest(args[0].replaceFirst("^-+", ""), commands.keySet());
      err.println("sio-doctor: unknown " + (args[0].startsWith("-") ? "option" : "command") + " '" + args[0] + "'"
          + (near == null ? "" : " (did you mean " + near + "?)") + " (try --help)");
      return ExitCode.USAGE;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      CommandLine cl = Cli.parse(command.options(), rest);
      // -V/--version after a command, as every command takes it
      if (Arrays.asList(rest).contains("--version") || Arrays.asList(rest).contains("-V")) {
        out.println(Tool.NAME + " " + VERSION);
        return ExitCode.HEALTHY;
      }
      if (cl.hasOption(SharedOptions.HELP)) {
        Cli.printHelp(out, command.usage(), command.options());
        command.helpNotes().forEach(out::println);
        return ExitCode.HEALTHY;
      }
      return command.run(cl, out, err);
    } catch (UsageException e) {
      err.println("sio-doctor " + command.name() + ": " + e.getMessage());
      err.println("Try: sio-doctor " + command.name() + " --help");
      return ExitCode.USAGE;
    } catch (Exception | OutOfMemoryError e) {
      err.println("sio-doctor " + command.name() + ": internal error: " + Redaction.MASKED.message(String.valueOf(e))
          + (debug ? "" : " (run with --debug for details)"));
      if (debug) {
        e.printStackTrace(err);
      }
      return ExitCode.UNREADABLE_INPUT;
    }
  }

  private static void usage(PrintStream out, Map<String, Command> commands) {
    out.println("sio-doctor " + VERSION + ": why does this Socket.IO connection fail?");
    out.println();
    out.println("Usage: sio-doctor COMMAND [options]");
    out.println();
    for (Command c : commands.values()) {
      out.printf("  %-10s %s%n", c.name(), c.summary());
    }
    out.println();
    out.println("  -h, --help     this help; COMMAND --help for the options of a command");
    out.println("  -V, --version  the version");
    out.println();
    out.println("Every command takes --help, -V/--version, -q/--quiet, --no-color and --debug;"
        + " those that write take -o/--output FILE (- for standard output).");
    out.println("Exit codes: 0 healthy, 1 causes found, 2 usage error, 3 an input could not be read,"
        + " 4 inconclusive, 5 the launcher could not build or start the tool.");
  }
}
