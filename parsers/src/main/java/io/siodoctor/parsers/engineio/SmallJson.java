package io.siodoctor.parsers.engineio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one reader of the small JSON documents inside packets: open packets, CONNECT and
 * CONNECT_ERROR payloads, event arrays, error bodies. No tree is built: each answer comes from a
 * hand-written reader of the compact form engine.io and socket.io write themselves ({@code
 * JSON.stringify}: no whitespace, no escapes), and, when that reader is in doubt, from Jackson's
 * streaming parser, which reads any JSON as a tree would (the last of a repeated member wins).
 * {@code SmallJsonTest} shows the two agree. Bounded on hostile input: objects over {@link
 * #MAX_CHARS} are not read, the hand reader never recurses, and no exception steers it.
 */
final class SmallJson {
  static final int MAX_CHARS = 64 * 1024;

  private static final JsonFactory FACTORY = new JsonFactory();

  /** The value of a JSON {@code null} member. */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  /** The value of a member that is an object (not kept: nothing reads inside one). */
  static final Object OBJECT = new Object() {
    @Override
    public String toString() {
      return "{...}";
    }
  };

  private SmallJson() {}

  /**
   * The top-level members of one JSON object. A member's value is a String, a Number (Long,
   * BigInteger or Double, as a tree holds it), a Boolean, the string items of an array (a
   * {@code List<String>}), {@link #NULL} or {@link #OBJECT}. Kept in order; the last of a repeated
   * name is the one read.
   */
  static final class Members {
    private String[] names = new String[8];
    private Object[] values = new Object[8];
    private int size;

    void put(String name, Object value) {
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size] = value;
      size++;
    }

    /** The value of the last member named {@code name}, or null when there is none. */
    Object get(String name) {
      for (int k = size - 1; k >= 0; k--) {
        if (names[k].equals(name)) {
          return values[k];
        }
      }
      return null;
    }

    /** A member's text when it is a JSON string; null otherwise. */
    String text(String name) {
      return get(name) instanceof String s ? s : null;
    }

    /** A member as a long: JSON numbers, and numbers written as strings; {@code fallback} otherwise. */
    long number(String name, long fallback) {
      Object v = get(name);
      if (v instanceof Number n) {
        return n.longValue();
      }
      if (v instanceof String s) {
        try {
          return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
          return fallback;
        }
      }
      return fallback;
    }

    /** The string items of an array member; empty when it is absent or no array. */
    @SuppressWarnings("unchecked")
    List<String> strings(String name) {
      return get(name) instanceof List<?> l ? (List<String>) l : List.of();
    }

    /**
     * A member as a tree's {@code asText} writes it: null when absent or JSON null, numbers and
     * booleans as text, "" for arrays and objects.
     */
    String asText(String name) {
      Object v = get(name);
      if (v == null || v == NULL) {
        return null;
      }
      return v instanceof List<?> || v == OBJECT ? "" : v.toString();
    }

    /** The members by name, the last of a repeated name winning (for tests). */
    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int k = 0; k < size; k++) {
        m.put(names[k], values[k]);
      }
      return m;
    }
  }

  /**
   * The members of {@code text} when it is exactly one JSON object (white space around it
   * allowed); null when it is anything else, or longer than {@link #MAX_CHARS}.
   */
  static Members object(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_CHARS) {
      return null;
    }
    Members compact = compactObject(text);
    return compact != null ? compact : streamingObject(text);
  }

  /** {@link #object} of the compact form by hand: the fast path; null when not compact. */
  static Members compactObject(String text) {
    return new Compact(text, 0).object();
  }

  /** {@link #object} by Jackson's streaming parser: the plain path, for any JSON. */
  static Members streamingObject(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Members m = new Members();
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        m.put(name, value(p, p.nextToken()));
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        return null; // malformed, or something after the object
      }
      return m;
    } catch (IOException e) {
      return null;
    }
  }

  /** The value at token {@code v}, as {@link Members} holds it; containers are consumed. */
  private static Object value(JsonParser p, JsonToken v) throws IOException {
    if (v == null) {
      throw new IOException("cut short");
    }
    switch (v) {
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? p.getBigIntegerValue() : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return NULL;
      case START_ARRAY:
        List<String> items = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          if (t == null) {
            throw new IOException("unclosed array");
          }
          if (t == JsonToken.VALUE_STRING) {
            items.add(p.getText());
          } else {
            p.skipChildren();
          }
        }
        return items;
      default:
        p.skipChildren();
        return OBJECT;
    }
  }

  /** The first item of a JSON array: its token and its text. */
  record FirstItem(JsonToken token, String text) {
    boolean isString() {
      return token == JsonToken.VALUE_STRING;
    }

    boolean isNumber() {
      return token.isNumeric();
    }
  }

  /**
   * The first item of a JSON array, read by streaming: no tree is built, so event names come
   * cheaply from every frame, and from payloads of any size. An array that opens with a plain
   * string and closes with {@code ]} is taken as it is (creating a parser per frame dominated the
   * cost of long captures); otherwise the rest must be well-formed JSON with nothing after the
   * array, checked up to {@link #MAX_CHARS}.
   *
   * @return null when the text does not open a non-empty array, or fails the check
   */
  static FirstItem firstArrayItem(String text) {
    FirstItem quick = Compact.firstString(text);
    return quick != null ? quick : streamingFirstItem(text);
  }

  /** {@link #firstArrayItem} by Jackson's streaming parser: the plain path. */
  static FirstItem streamingFirstItem(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      JsonToken first = p.nextToken();
      if (first == null || first == JsonToken.END_ARRAY) {
        return null;
      }
      FirstItem item = new FirstItem(first, first.isScalarValue() ? p.getText() : null);
      if (text.length() > MAX_CHARS) {
        return item;
      }
      p.skipChildren();
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          return null;
        }
        p.skipChildren();
      }
      return p.nextToken() == null ? item : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Whether the text is exactly one JSON value opening with {@code open}, checked by streaming.
   * Over {@link #MAX_CHARS} only the opening character is checked.
   */
  static boolean isOneValue(String text, char open) {
    String t = text.stripLeading();
    if (t.isEmpty() || t.charAt(0) != open) {
      return false;
    }
    if (text.length() > MAX_CHARS || (open == '[' && endsWithClose(t, ']'))) {
      // an array that closes: a diagnosis needs no full validation of every event's arguments,
      // and this runs once per frame of captures with millions of them
      return true;
    }
    try (JsonParser p = FACTORY.createParser(text)) {
      p.nextToken();
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean endsWithClose(String text, char close) {
    int end = text.length() - 1;
    while (end >= 0 && Character.isWhitespace(text.charAt(end))) {
      end--;
    }
    return end >= 0 && text.charAt(end) == close;
  }

  /** A JSON string literal's value ({@code "a\"b"} → {@code a"b}), or null when it is not one. */
  static String stringLiteral(String literal) {
    try (JsonParser p = FACTORY.createParser(literal)) {
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        return null;
      }
      String value = p.getText();
      return p.nextToken() == null ? value : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The compact form engine.io and socket.io write, read by hand: no white space, strings without
   * escapes or control characters, integers of at most 18 digits, {@code true}, {@code false},
   * {@code null}, and arrays of such strings. Anything else, or anything in doubt, gives null and
   * goes to the streaming parser. A cursor over the text: {@link #peek} says -1 at its end, so
   * nothing is read past it and no exception is needed.
   */
  private static final class Compact {
    private final String s;
    private int i;

    private Compact(String s, int start) {
      this.s = s;
      this.i = start;
    }

    private int peek() {
      return i < s.length() ? s.charAt(i) : -1;
    }

    private int next() {
      return i < s.length() ? s.charAt(i++) : -1;
    }

    /**
     * {@code ["name", ...]} with a plain name and a closing bracket, the common event: the name,
     * or null. Only the name is checked (white space may follow it), not the rest.
     */
    static FirstItem firstString(String text) {
      if (text.length() < 4 || text.charAt(0) != '[' || !endsWithClose(text, ']')) {
        return null;
      }
      Compact c = new Compact(text, 1);
      String name = c.string();
      if (name == null) {
        return null;
      }
      while (c.peek() >= 0 && Character.isWhitespace(c.peek())) {
        c.i++;
      }
      int after = c.peek();
      return after == ',' || after == ']' ? new FirstItem(JsonToken.VALUE_STRING, name) : null;
    }

    private Members object() {
      if (next() != '{') {
        return null;
      }
      Members m = new Members();
      if (peek() == '}') {
        i++;
        return i == s.length() ? m : null;
      }
      while (true) {
        String name = string();
        if (name == null || next() != ':') {
          return null;
        }
        Object v = value();
        if (v == null) {
          return null;
        }
        m.put(name, v);
        int c = next();
        if (c == '}') {
          return i == s.length() ? m : null; // the object must end the text
        }
        if (c != ',') {
          return null;
        }
      }
    }

    /** A member's value, ending before a {@code ,} or {@code }}; null when not compact. */
    private Object value() {
      int c = peek();
      Object v;
      if (c == '"') {
        v = string();
      } else if (c == '[') {
        v = strings();
      } else if (c >= '0' && c <= '9') {
        v = number();
      } else if (s.startsWith("true", i)) {
        i += 4;
        v = Boolean.TRUE;
      } else if (s.startsWith("false", i)) {
        i += 5;
        v = Boolean.FALSE;
      } else if (s.startsWith("null", i)) {
        i += 4;
        v = NULL;
      } else {
        return null;
      }
      int after = peek();
      return after == ',' || after == '}' ? v : null;
    }

    /** A string without escapes or control characters, or null. */
    private String string() {
      if (peek() != '"') {
        return null;
      }
      int start = i + 1;
      int end = s.indexOf('"', start);
      if (end < 0) {
        return null;
      }
      for (int k = start; k < end; k++) {
        char c = s.charAt(k);
        if (c == '\\' || c < 0x20) {
          return null;
        }
      }
      i = end + 1;
      return s.substring(start, end);
    }

    /** An array of plain strings, or null. */
    private List<String> strings() {
      i++; // the '['
      List<String> out = new ArrayList<>();
      if (peek() == ']') {
        i++;
        return out;
      }
      while (true) {
        String item = string();
        if (item == null) {
          return null;
        }
        out.add(item);
        int c = next();
        if (c == ']') {
          return out;
        }
        if (c != ',') {
          return null;
        }
      }
    }

    /** A non-negative integer of 1 to 18 digits without a leading zero, or null. */
    private Long number() {
      int start = i;
      long v = 0;
      while (i < s.length() && i - start < 18 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        v = v * 10 + (s.charAt(i) - '0');
        i++;
      }
      int c = peek();
      if (c >= '0' && c <= '9' || (s.charAt(start) == '0' && i - start > 1)) {
        return null;
      }
      return v;
    }
  }
}
