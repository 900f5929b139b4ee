package org.hotlinekit.iccam.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.iccam.json.ReportJson;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The exchange format's conformance suite ({@code conformance/reports}, language-neutral data:
 * a base document and cases that change it with JSON Patch operations, each saying whether the
 * result is valid and, if not, the rule of {@code docs/exchange-format.md} it breaks). Every case
 * runs through hotlinekit's reader and through an independent JSON Schema 2020-12 validator
 * (networknt) against the published schema: both must give the case's verdict, except that a case
 * marked {@code semantic} (a rule the schema cannot express) only binds the reader.
 */
class ConformanceSuiteTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Path suite() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path c = p.resolve("conformance/reports");
      if (Files.isDirectory(c)) {
        return c;
      }
    }
    throw new AssertionError("conformance/reports not found");
  }

  private static List<Path> caseFiles() throws Exception {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(suite())) {
      s.filter(p -> p.getFileName().toString().endsWith(".json")
          && !p.getFileName().toString().startsWith("base-")).sorted().forEach(files::add);
    }
    return files;
  }

  @TestFactory
  List<DynamicTest> everyCaseThroughTheReaderAndTheSchema() throws Exception {
    Schema schema = org.hotlinekit.iccam.testing.Samples.schema();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : caseFiles()) {
      JsonNode suite = JSON.readTree(file.toFile());
      JsonNode base = JSON.readTree(suite().resolve(suite.get("base").asString()).toFile());
      for (JsonNode c : suite.get("cases")) {
        String name = file.getFileName() + ": " + c.get("description").asString();
        tests.add(DynamicTest.dynamicTest(name, () -> {
          JsonNode doc = Patch.apply(base, c.get("patch"));
          byte[] bytes = JSON.writeValueAsBytes(doc);
          boolean valid = c.get("valid").asBoolean();
          String readerSaid = "valid";
          try {
            ReportJson.strict().read(bytes, "case.json");
          } catch (HotlinekitException e) {
            readerSaid = e.getMessage();
          }
          assertThat(readerSaid.equals("valid")).as(name + " (reader: " + readerSaid + ")")
              .isEqualTo(valid);
          boolean semantic = c.has("semantic") && c.get("semantic").asBoolean();
          if (!semantic) {
            var errors = schema.validate(doc);
            assertThat(errors.isEmpty()).as(name + " (schema: " + errors + ")").isEqualTo(valid);
          } else {
            assertThat(valid).as(name + ": a semantic case is an invalid one").isFalse();
          }
          if (!valid) {
            assertThat(c.has("rule")).as(name + " names its rule").isTrue();
          }
        }));
      }
    }
    return tests;
  }

  /** The suite is large enough, and every rule a case names is in the specification. */
  @Test
  void atLeastAHundredCasesAndEveryRuleIsSpecified() throws Exception {
    Path spec = suite().getParent().getParent().resolve("docs/exchange-format.md");
    String text = Files.readString(spec, StandardCharsets.UTF_8);
    int count = 0;
    for (Path file : caseFiles()) {
      for (JsonNode c : JSON.readTree(file.toFile()).get("cases")) {
        count++;
        if (c.has("rule")) {
          assertThat(text).as(file + ": " + c.get("description").asString())
              .contains("**" + c.get("rule").asString() + "**");
        }
      }
    }
    assertThat(count).isGreaterThanOrEqualTo(100);
  }

  /** JSON Patch (RFC 6902) add, remove and replace over JSON Pointers: what the suite uses. */
  static final class Patch {
    private Patch() {}

    static JsonNode apply(JsonNode base, JsonNode ops) {
      JsonNode doc = base.deepCopy();
      for (JsonNode op : ops) {
        String path = op.get("path").asString();
        String kind = op.get("op").asString();
        int cut = path.lastIndexOf('/');
        JsonNode parent = cut == 0 ? doc : doc.at(path.substring(0, cut));
        String last = path.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent.isMissingNode()) {
          throw new AssertionError("no parent for " + path);
        }
        if (parent instanceof ObjectNode o) {
          switch (kind) {
            case "add", "replace" -> o.set(last, op.get("value"));
            case "remove" -> o.remove(last);
            default -> throw new AssertionError("op " + kind);
          }
        } else if (parent instanceof ArrayNode a) {
          switch (kind) {
            case "add" -> {
              if (last.equals("-")) {
                a.add(op.get("value"));
              } else {
                a.insert(Integer.parseInt(last), op.get("value"));
              }
            }
            case "replace" -> a.set(Integer.parseInt(last), op.get("value"));
            case "remove" -> a.remove(Integer.parseInt(last));
            default -> throw new AssertionError("op " + kind);
          }
        } else {
          throw new AssertionError("cannot patch into " + path);
        }
      }
      return doc;
    }
  }
}
