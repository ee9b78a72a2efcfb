package io.siodoctor.analyzer;

import io.siodoctor.parsers.InputParsers;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.engine.BuiltInRules;
import io.siodoctor.rules.engine.CauseCatalog;
import java.util.List;

/**
 * Start-up work of {@code analyze} done ahead on the second core: the built-in causes (annotations,
 * prose: a third of the rules' start-up), from the last one backwards, while the main thread parses
 * the options and reads them from the first; they meet in the middle ({@link CauseCatalog#describe}
 * keeps each one read); then the input parsers' classes. Only timing changes: a class is
 * initialised once, whichever thread gets there first, and the other waits for it; a cause read
 * twice reads the same. (Jackson's {@code ObjectMapper}, ~50 ms of class initialisation, is no
 * longer needed by a HAR's packets at all.)
 */
public final class Warmup extends Thread {
  private Warmup() {
    super("sio-doctor-warmup");
    setDaemon(true); // never keeps the JVM alive
  }

  /** Starts the warm-up; returns at once. */
  public static void begin() {
    new Warmup().start();
  }

  @Override
  public void run() {
    List<Rule> rules = BuiltInRules.all();
    for (int i = rules.size() - 1; i >= rules.size() / 2; i--) {
      rules.get(i).reads(); // its @Reads declaration, which the catalog checks too
      CauseCatalog.describe(rules.get(i));
    }
    InputParsers.all(); // each input format's parser class initialised (patterns, date formats)
  }
}
