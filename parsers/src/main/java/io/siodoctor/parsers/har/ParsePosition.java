package io.siodoctor.parsers.har;

/**
 * Where in the HAR's structure the parser is, to say "inside entries[57]" when the bytes there turn
 * out to be broken: a byte offset alone does not tell a user which request was damaged.
 */
final class ParsePosition {
  private String section = "before log";
  private int entry = -1;
  private int message = -1;

  void section(String name) {
    section = name;
    entry = -1;
    message = -1;
  }

  void entry(int index) {
    entry = index;
    message = -1;
  }

  void message(int index) {
    message = index;
  }

  @Override
  public String toString() {
    if (entry < 0) {
      return section;
    }
    String where = "entries[" + entry + "]";
    return message < 0 ? where : where + "._webSocketMessages[" + message + "]";
  }
}
