package io.siodoctor.parsers;

/**
 * An input that cannot be read: which file, where in it (line, byte offset or JSON path) and what is
 * wrong. Its message is the one line a user sees; never a stack trace.
 */
public final class InputError extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String where;
  private final String what;

  public InputError(String file, String where, String what) {
    this(file, where, what, null);
  }

  public InputError(String file, String where, String what, Throwable cause) {
    super(file + ": " + (where == null || where.isEmpty() ? "" : where + ": ") + what, cause);
    this.file = file;
    this.where = where == null ? "" : where;
    this.what = what;
  }

  public String file() {
    return file;
  }

  public String where() {
    return where;
  }

  public String what() {
    return what;
  }
}
