package io.siodoctor.analyzer.cli;

import io.siodoctor.parsers.redact.SecretMasker;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code sio-doctor COMMAND [options]}: dispatches to the sub-commands, maps failures to exit codes. */
public final class Main {
  static final String VERSION = "0.1.0";

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static List<Command> commands() {
    return List.of(new AnalyzeCommand(), new ScanCommand(), new IndexCommand(), new SearchCommand(), new SanitizeCommand(), new ServeCommand());
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, Command> commands = new LinkedHashMap<>();
    for (Command c : commands()) {
      commands.put(c.name(), c);
    }
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      usage(args.length == 0 ? err : out, commands);
      return args.length == 0 ? ExitCode.USAGE : ExitCode.HEALTHY;
    }
    if (args[0].equals("--version")) {
      out.println("sio-doctor " + VERSION);
      return ExitCode.HEALTHY;
    }
    Command command = commands.get(args[0]);
    if (command == null) {
      err.println("sio-doctor: unknown command '" + args[0] + "' (try --help)");
      return ExitCode.USAGE;
    }
    boolean debug = Arrays.asList(args).contains("--debug");
    try {
      return command.run(Arrays.copyOfRange(args, 1, args.length), out, err);
    } catch (UsageException e) {
      err.println("sio-doctor " + command.name() + ": " + e.getMessage());
      err.println("Try: sio-doctor " + command.name() + " --help");
      return ExitCode.USAGE;
    } catch (Exception | OutOfMemoryError e) {
      err.println("sio-doctor " + command.name() + ": internal error: " + SecretMasker.mask(String.valueOf(e))
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
    out.println("  --help     this help; COMMAND --help for the options of a command");
    out.println("  --version  the version");
    out.println();
    out.println("Exit codes: 0 healthy, 1 causes found, 2 usage error, 3 an input could not be read.");
  }
}
