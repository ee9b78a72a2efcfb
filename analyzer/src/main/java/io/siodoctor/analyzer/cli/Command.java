package io.siodoctor.analyzer.cli;

import java.io.PrintStream;

/** One sub-command of {@code sio-doctor}. */
interface Command {

  String name();

  /** One line for {@code --help}. */
  String summary();

  /** Runs the command and returns its exit code. */
  int run(String[] args, PrintStream out, PrintStream err) throws UsageException, Exception;
}
