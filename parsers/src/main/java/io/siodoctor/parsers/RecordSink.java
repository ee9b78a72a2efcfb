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
   * What the readers behind this sink read: the plan made from their declarations. A line parser
   * makes no record of the lines no parser recognises that name no session (most of a debug log)
   * unless the plan {@link ReadSet#readsUnrecognisedLines reads them}, and only passes their time
   * to {@link #unrecognised}; a HAR parser skips the bodies of exchanges that are not Socket.IO
   * traffic unless the plan {@link ReadSet#readsOtherBodies reads them}.
   */
  default ReadSet plan() {
    return ReadSet.EVERYTHING;
  }

  /** What a HAR input can and cannot show, told once when the HAR has been read. */
  default void capture(CaptureProfile profile) {}

  /** A line of {@code file} left unmade because the {@link #plan} does not read it; its time, or null. */
  default void unrecognised(String file, Instant time) {}
}
