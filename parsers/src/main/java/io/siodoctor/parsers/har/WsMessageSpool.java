package io.siodoctor.parsers.har;

import io.siodoctor.parsers.capture.RedactionMarkers;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds one entry's {@code _webSocketMessages} until the entry is complete. Chrome writes them
 * before {@code request}, but the frames need the URL (sid, protocol revision) and must come after
 * the entry's exchange. A long-lived WebSocket can hold millions of messages, so beyond a memory
 * budget they go to a temporary file.
 */
final class WsMessageSpool implements Closeable {
  /** Characters of message data held in memory before spilling to disk. */
  static final long MEMORY_BUDGET_CHARS = 8L * 1024 * 1024;
  /** Rough per-message overhead counted against the budget (objects, not data). */
  private static final int OVERHEAD_CHARS = 48;

  /** Consumes replayed messages; may fail with the sink's or the file's IOException. */
  interface MessageConsumer {
    void accept(RawWsMessage message) throws IOException;
  }

  private final long budget;
  private final List<RawWsMessage> memory = new ArrayList<>();
  private long memoryChars;
  private Path file;
  private DataOutputStream out;
  private int spilled;
  /** Messages whose whole data is a sanitizer's placeholder. */
  private int redacted;

  WsMessageSpool() {
    this(MEMORY_BUDGET_CHARS);
  }

  WsMessageSpool(long budgetChars) {
    this.budget = budgetChars;
  }

  void add(RawWsMessage m) throws IOException {
    if (RedactionMarkers.isMarker(m.data())) {
      redacted++;
    }
    long cost = m.data().length() + OVERHEAD_CHARS;
    if (out == null && memoryChars + cost <= budget) {
      memory.add(m);
      memoryChars += cost;
      return;
    }
    if (out == null) {
      file = Files.createTempFile("sio-doctor-ws-", ".spool");
      out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }
    write(m);
    spilled++;
  }

  /**
   * Whether the messages can be read as the frames sent: none of them is a sanitizer's placeholder
   * for its whole data. A WebSocket with one such message is read as one exported without messages:
   * its frames' order and packets are no longer what was sent (a close, a CONNECT_ERROR, a PING may be
   * the one replaced), and a frame without its packet would pass for a packet that never came.
   */
  boolean readable() {
    return !isEmpty() && redacted == 0;
  }

  /** Whether a message's whole data is a sanitizer's placeholder. */
  boolean redacted() {
    return redacted > 0;
  }

  boolean isEmpty() {
    return memory.isEmpty() && spilled == 0;
  }

  /** Hands every message to {@code consumer} in the order they were added. */
  void replay(MessageConsumer consumer) throws IOException {
    for (RawWsMessage m : memory) {
      consumer.accept(m);
    }
    if (out == null) {
      return;
    }
    out.close();
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      for (int i = 0; i < spilled; i++) {
        consumer.accept(read(in));
      }
    }
  }

  private void write(RawWsMessage m) throws IOException {
    out.writeInt(m.index());
    writeString(m.type());
    out.writeDouble(m.epochSeconds());
    out.writeInt(m.opcode());
    writeString(m.data());
    out.writeInt(m.size());
  }

  private static RawWsMessage read(DataInputStream in) throws IOException {
    int index = in.readInt();
    String type = readString(in);
    double time = in.readDouble();
    int opcode = in.readInt();
    String data = readString(in);
    return new RawWsMessage(index, type, time, opcode, data, in.readInt());
  }

  // writeUTF is limited to 64 KiB; data may be up to Bounds.DECODE_CHARS
  private void writeString(String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    memory.clear();
    if (out != null) {
      out.close();
      Files.deleteIfExists(file);
      out = null;
    }
  }
}
