package io.siodoctor.parsers.record;

/** One HTTP header as the input recorded it. */
public record Header(String name, String value) {

  public boolean is(String headerName) {
    return name.equalsIgnoreCase(headerName);
  }
}
