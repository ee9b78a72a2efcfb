package io.siodoctor.rules.engine;

import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.CauseInfo;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.SelfDescribingRule;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The causes the loaded rules can report, each with metadata and prose, validated when loaded (the
 * error-prone {@code BugPatternValidator} idea): a rule without a proper {@link Cause} or without
 * its {@code causes/<id>.md} never runs.
 */
public final class CauseCatalog {
  private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final Map<String, CauseInfo> byId = new LinkedHashMap<>();

  public CauseCatalog(Collection<? extends Rule> rules) {
    for (Rule rule : rules) {
      if (rule.reads() == null) {
        throw new IllegalStateException(rule.getClass().getName()
            + " has no @Reads annotation: a rule declares the facts it reads");
      }
      CauseInfo info = describe(rule);
      CauseInfo known = byId.putIfAbsent(info.id(), info);
      // a rule pack may add evidence for a built-in cause: it then carries the same CauseInfo
      if (known != null && !known.equals(info)) {
        throw new IllegalStateException("two rules report the cause " + info.id());
      }
    }
  }

  /** Adds a cause that is not backed by a Java rule (declarative rule packs). */
  public void register(CauseInfo info) {
    byId.putIfAbsent(info.id(), info);
  }

  public Optional<CauseInfo> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public List<CauseInfo> all() {
    return List.copyOf(byId.values());
  }

  /** The cause id of a rule that {@link #describe} accepts, without reading its prose. */
  static String idOf(Rule rule) {
    if (rule instanceof SelfDescribingRule self) {
      return self.cause().id();
    }
    return rule.getClass().getAnnotation(Cause.class).id();
  }

  /**
   * What {@link #describe} read, per rule class: its annotation and prose do not change while the
   * JVM runs, and reading them (annotation parsing, one resource per cause) was a third of the
   * rules' start-up. A description that failed is not kept: it fails again, with its message.
   */
  private static final ClassValue<CauseInfo> DESCRIBED = new ClassValue<>() {
    @Override
    protected CauseInfo computeValue(Class<?> type) {
      return read(type);
    }
  };

  /** The metadata and prose of a Java rule, checked. */
  public static CauseInfo describe(Rule rule) {
    if (rule instanceof SelfDescribingRule self) {
      return self.cause();
    }
    return DESCRIBED.get(rule.getClass());
  }

  private static CauseInfo read(Class<?> type) {
    Cause cause = type.getAnnotation(Cause.class);
    if (cause == null) {
      throw new IllegalStateException(type.getName() + " has no @Cause annotation");
    }
    if (!KEBAB.matcher(cause.id()).matches()) {
      throw new IllegalStateException(type.getName() + ": cause id is not kebab-case: " + cause.id());
    }
    if (cause.title().isBlank() || cause.title().endsWith(".")) {
      throw new IllegalStateException(type.getName() + ": title must be one line with no period");
    }
    String markdown = CauseProse.load(type, cause.id());
    if (markdown == null) {
      throw new IllegalStateException(type.getName() + ": causes/" + cause.id() + ".md is missing");
    }
    Map<String, String> sections = CauseProse.sections(markdown);
    String explanation = sections.get("Explanation");
    String fix = sections.get("Fix");
    if (explanation == null || explanation.isEmpty() || fix == null || fix.isEmpty()) {
      throw new IllegalStateException(
          "causes/" + cause.id() + ".md needs the sections '## Explanation' and '## Fix'");
    }
    return new CauseInfo(
        cause.id(), cause.title(), cause.severity(), cause.category(), cause.docs(),
        Arrays.asList(cause.subsumes()), cause.since(), explanation, fix);
  }
}
