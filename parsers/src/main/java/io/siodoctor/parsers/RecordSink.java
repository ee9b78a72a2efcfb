package io.siodoctor.parsers;

import io.siodoctor.parsers.capture.CaptureProfile;
import io.siodoctor.parsers.record.Record;
import java.time.Instant;

/** Where a parser streams its records, and the warnings about what it had to tolerate. */
public interface RecordSink {

  void accept(Record record);

  /** Something in the input was odd but parsing went on (shown in {@code inputs[].warnings}). */
  void warn(String message);

  /**
   * Whether this sink reads the log lines no parser recognises ({@code LogEvent.OTHER}) that name
   * no session: most of a debug log. When false, a line parser makes no record of them and only
   * passes their time to {@link #unrecognised} (a batch scan's rules never read them).
   */
  default boolean readsUnrecognisedLines() {
    return true;
  }

  /**
   * Whether this sink reads the bodies of HTTP exchanges that are not Socket.IO traffic (scripts,
   * images, API calls; HTML pages are always kept). When false, a HAR parser skips those bodies at
   * the token level and makes records without them (sizes kept): only a rule pack's {@code body}
   * field reads them, the built-in rules never do.
   */
  default boolean readsOtherBodies() {
    return true;
  }

  /** What a HAR input can and cannot show, told once when the HAR has been read. */
  default void capture(CaptureProfile profile) {}

  /** A line of {@code file} left unmade because {@link #readsUnrecognisedLines} is false; its time, or null. */
  default void unrecognised(String file, Instant time) {}
}
