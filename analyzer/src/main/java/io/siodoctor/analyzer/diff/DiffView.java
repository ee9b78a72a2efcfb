package io.siodoctor.analyzer.diff;

/** What {@code diff.jte} shows: the diff, the page's nonce and style, the tool version and time. */
public record DiffView(CaptureDiff diff, String nonce, String css, String toolVersion, String generatedAt) {

  public static String fileName(String path) {
    String f = path.replace('\\', '/');
    return f.substring(f.lastIndexOf('/') + 1);
  }
}
