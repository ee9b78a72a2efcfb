package io.siodoctor.rules.signals;

import io.siodoctor.parsers.record.Record;
import java.time.Instant;

/**
 * A session that ended before the inputs did, with the best-known time of its end.
 *
 * @param reason the stated reason, or null when the inputs only show that it stopped
 * @param evidence the record that shows the end (close line, last frame, failed poll)
 */
public record Disconnect(String sid, Instant opened, Instant time, String reason, Record evidence) {

  public double lifetimeSeconds() {
    return opened == null || time == null ? -1 : (time.toEpochMilli() - opened.toEpochMilli()) / 1000.0;
  }
}
