package io.siodoctor.analyzer.cli;

import java.io.PrintStream;
import org.apache.commons.cli.Options;

/** One sub-command of {@code sio-doctor}. */
interface Command {

  String name();

  /** One line for {@code --help}. */
  String summary();

  /** The command's own options; the {@link SharedOptions#common} ones are added by {@link Cli#parse}. */
  Options options();

  /** Runs the command and returns its exit code. */
  int run(String[] args, PrintStream out, PrintStream err) throws UsageException, Exception;
}
