package io.siodoctor.analyzer.cli;

import java.io.PrintStream;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * One sub-command of {@code sio-doctor}. {@link Main} parses its options (its own plus the {@link
 * SharedOptions#common} ones) and answers {@code --help} and {@code --version} for it.
 */
interface Command {

  String name();

  /** One line for {@code sio-doctor --help}. */
  String summary();

  /** The usage line of {@code sio-doctor NAME --help}. */
  String usage();

  /** Lines {@code --help} prints after the options. */
  default List<String> helpNotes() {
    return List.of();
  }

  /** The command's own options; the {@link SharedOptions#common} ones are added by {@link Cli#parse}. */
  Options options();

  /** Runs the command on its parsed command line and returns its exit code. */
  int run(CommandLine cl, PrintStream out, PrintStream err) throws UsageException, Exception;
}
