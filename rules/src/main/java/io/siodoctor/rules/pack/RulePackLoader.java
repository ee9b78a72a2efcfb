package io.siodoctor.rules.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.CauseInfo;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.engine.CauseCatalog;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the rule packs of a directory: declarative rules in {@code *.json}, {@code *.yaml} and
 * {@code *.yml} files, and Java rules in {@code *.jar} files registered for {@link
 * java.util.ServiceLoader} under {@code META-INF/services/io.siodoctor.rules.api.Rule}. Every
 * problem is reported with its file and field.
 */
public final class RulePackLoader {
  private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");
  private static final Set<String> RULE_KEYS = Set.of(
      "cause", "title", "severity", "category", "explanation", "fix", "docs", "confidence", "match", "threshold");

  private final CauseCatalog builtIn;

  /** @param builtIn the catalog whose ids a pack may reuse without restating title and prose */
  public RulePackLoader(CauseCatalog builtIn) {
    this.builtIn = builtIn;
  }

  public List<Rule> load(Path dir) throws RulePackException, IOException {
    if (!Files.isDirectory(dir)) {
      throw new RulePackException(dir.toString(), null, "not a directory");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.sorted().toList();
    }
    List<Rule> rules = new ArrayList<>();
    List<URL> jars = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".json")) {
        rules.addAll(declarative(f, new ObjectMapper()));
      } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        rules.addAll(declarative(f, new ObjectMapper(new YAMLFactory())));
      } else if (name.endsWith(".jar")) {
        jars.add(url(f));
      }
    }
    if (!jars.isEmpty()) {
      rules.addAll(javaRules(dir, jars));
    }
    return rules;
  }

  private static URL url(Path f) throws RulePackException {
    try {
      return f.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new RulePackException(f.toString(), null, "cannot be loaded: " + e.getMessage());
    }
  }

  private static List<Rule> javaRules(Path dir, List<URL> jars) throws RulePackException {
    List<Rule> rules = new ArrayList<>();
    URLClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), RulePackLoader.class.getClassLoader());
    try {
      for (Rule r : ServiceLoader.load(Rule.class, loader)) {
        CauseCatalog.describe(r); // validates @Cause and causes/<id>.md now, with a clear message
        rules.add(r);
      }
    } catch (java.util.ServiceConfigurationError | IllegalStateException e) {
      throw new RulePackException(dir.toString(), "*.jar", e.getMessage());
    }
    return rules;
  }

  List<Rule> declarative(Path file, ObjectMapper mapper) throws RulePackException, IOException {
    String name = file.toString();
    JsonNode root;
    try {
      root = mapper.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
      throw new RulePackException(name, where, "not valid " + (mapper.getFactory() instanceof YAMLFactory ? "YAML" : "JSON")
          + ": " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("rules").isArray()) {
      throw new RulePackException(name, "rules", "expected a list of rules under \"rules\"");
    }
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < root.path("rules").size(); i++) {
      rules.add(rule(name, "rules[" + i + "]", root.path("rules").get(i)));
    }
    return rules;
  }

  private DeclarativeRule rule(String file, String path, JsonNode node) throws RulePackException {
    if (!node.isObject()) {
      throw new RulePackException(file, path, "expected an object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!RULE_KEYS.contains(key)) {
        throw new RulePackException(file, path + "." + key, "unknown key (expected one of " + RULE_KEYS + ")");
      }
    }
    String id = text(file, path + ".cause", node.path("cause"), true);
    if (!KEBAB.matcher(id).matches()) {
      throw new RulePackException(file, path + ".cause", "a cause id is kebab-case: " + id);
    }
    CauseInfo cause = builtIn.get(id).orElse(null);
    if (cause == null) {
      cause = new CauseInfo(
          id,
          text(file, path + ".title", node.path("title"), true),
          enumValue(file, path + ".severity", node.path("severity"), Severity.class, Severity.WARNING),
          enumValue(file, path + ".category", node.path("category"), Category.class, Category.CANNOT_CONNECT),
          node.path("docs").asText(""),
          List.of(),
          "pack",
          text(file, path + ".explanation", node.path("explanation"), true),
          text(file, path + ".fix", node.path("fix"), true));
    }
    double confidence = node.path("confidence").asDouble(0.7);
    if (node.has("confidence") && (!node.path("confidence").isNumber() || confidence < 0 || confidence > 1)) {
      throw new RulePackException(file, path + ".confidence", "expected a number between 0 and 1");
    }
    JsonNode match = node.path("match");
    if (!match.isObject() || match.size() == 0) {
      throw new RulePackException(file, path + ".match", "expected an object with a kind and at least one field");
    }
    String kind = match.path("kind").asText("any");
    if (!RecordFields.KINDS.contains(kind)) {
      throw new RulePackException(file, path + ".match.kind", "expected one of " + RecordFields.KINDS + ", got " + kind);
    }
    List<FieldMatcher> matchers = new ArrayList<>();
    for (Iterator<String> it = match.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (field.equals("kind")) {
        continue;
      }
      String fieldPath = path + ".match." + field;
      if (!RecordFields.FIELDS.contains(field) && !field.startsWith(RecordFields.HEADER)
          && !field.startsWith(RecordFields.REQUEST_HEADER)) {
        throw new RulePackException(file, fieldPath, "unknown field (expected one of " + RecordFields.FIELDS
            + ", header.<Name> or requestHeader.<Name>)");
      }
      JsonNode v = match.path(field);
      if (!v.isTextual() && !v.isNumber()) {
        throw new RulePackException(file, fieldPath, "expected a literal or a /regex/");
      }
      matchers.add(FieldMatcher.of(file, fieldPath, field, v.asText()));
    }
    if (matchers.isEmpty()) {
      throw new RulePackException(file, path + ".match", "needs at least one field besides kind");
    }
    int count = 1;
    Duration within = null;
    JsonNode threshold = node.path("threshold");
    if (!threshold.isMissingNode()) {
      count = threshold.path("count").asInt(-1);
      if (count < 1) {
        throw new RulePackException(file, path + ".threshold.count", "expected a positive number");
      }
      if (threshold.has("within")) {
        within = duration(file, path + ".threshold.within", threshold.path("within").asText());
      }
    }
    return new DeclarativeRule(cause, kind, matchers, count, within, confidence,
        Path.of(file).getFileName() + " " + path);
  }

  private static String text(String file, String path, JsonNode v, boolean required) throws RulePackException {
    if (v.isMissingNode() || v.isNull() || v.asText().isBlank()) {
      if (required) {
        throw new RulePackException(file, path, "missing (required for a cause that is not in the catalog)");
      }
      return "";
    }
    if (!v.isTextual()) {
      throw new RulePackException(file, path, "expected text");
    }
    return v.asText().strip();
  }

  private static <E extends Enum<E>> E enumValue(String file, String path, JsonNode v, Class<E> type, E fallback)
      throws RulePackException {
    if (v.isMissingNode()) {
      return fallback;
    }
    String s = v.asText().toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return Enum.valueOf(type, s);
    } catch (IllegalArgumentException e) {
      List<String> allowed = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        allowed.add(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
      throw new RulePackException(file, path, "expected one of " + allowed + ", got " + v.asText());
    }
  }

  private static Duration duration(String file, String path, String text) throws RulePackException {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new RulePackException(file, path, "expected a duration such as 500ms, 30s, 5m or 1h, got " + text);
    }
    double v = Double.parseDouble(m.group(1));
    switch (m.group(2)) {
      case "ms":
        return Duration.ofMillis((long) v);
      case "s":
        return Duration.ofMillis((long) (v * 1000));
      case "m":
        return Duration.ofMillis((long) (v * 60_000));
      default:
        return Duration.ofMillis((long) (v * 3_600_000));
    }
  }
}
