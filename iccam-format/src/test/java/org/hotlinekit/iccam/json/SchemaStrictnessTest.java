package org.hotlinekit.iccam.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published schema stays compilable in strict mode (as Ajv's {@code strict: true} reads it;
 * {@code conformance/ajv/run.sh} runs Ajv itself): every keyword is a JSON Schema 2020-12 keyword
 * (or an annotation), a subschema that uses keywords of one type states that type (strictTypes),
 * and every member a subschema requires is defined in it (strictRequired).
 */
class SchemaStrictnessTest {
  private static final Map<String, List<String>> BY_TYPE = Map.of(
      "string", List.of("minLength", "maxLength", "pattern", "format"),
      "array", List.of("minItems", "maxItems", "items", "prefixItems", "uniqueItems", "contains"),
      "object", List.of("properties", "required", "additionalProperties", "minProperties",
          "maxProperties", "dependentRequired", "patternProperties"),
      "number", List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
          "multipleOf"));
  private static final Set<String> KEYWORDS = Set.of("$schema", "$id", "$ref", "$defs",
      "$comment", "title", "description", "type", "enum", "const", "allOf", "anyOf", "oneOf",
      "not", "if", "then", "else", "properties", "required", "additionalProperties",
      "minProperties", "maxProperties", "dependentRequired", "dependentSchemas",
      "patternProperties", "propertyNames", "items", "prefixItems", "contains", "minItems",
      "maxItems", "uniqueItems", "minLength", "maxLength", "pattern", "format", "minimum",
      "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "default", "examples");

  @Test
  void thePublishedSchemaIsStrict() throws Exception {
    JsonNode schema;
    try (InputStream in = ReportJson.class.getResourceAsStream(ReportJson.SCHEMA_RESOURCE)) {
      schema = JsonMapper.builder().build().readTree(in);
    }
    List<String> problems = new ArrayList<>();
    check(schema, "#", problems);
    assertThat(problems).isEmpty();
  }

  private static void check(JsonNode s, String at, List<String> problems) {
    if (!s.isObject()) {
      return;
    }
    for (String k : s.propertyNames()) {
      if (!KEYWORDS.contains(k)) {
        problems.add(at + ": unknown keyword " + k);
      }
    }
    boolean typed = s.has("type") || s.has("$ref") || s.has("const") || s.has("enum");
    for (Map.Entry<String, List<String>> e : BY_TYPE.entrySet()) {
      for (String k : e.getValue()) {
        if (s.has(k) && !typed) {
          problems.add(at + ": " + k + " without type " + e.getKey());
        }
      }
    }
    if (s.has("required")) {
      for (JsonNode r : s.get("required")) {
        if (!s.has("properties") || !s.get("properties").has(r.asString())) {
          problems.add(at + ": required " + r.asString() + " is not defined here");
        }
      }
    }
    for (String k : List.of("properties", "$defs", "patternProperties", "dependentSchemas")) {
      if (s.has(k)) {
        for (String name : s.get(k).propertyNames()) {
          check(s.get(k).get(name), at + "/" + k + "/" + name, problems);
        }
      }
    }
    for (String k : List.of("allOf", "anyOf", "oneOf", "prefixItems")) {
      if (s.has(k)) {
        for (int i = 0; i < s.get(k).size(); i++) {
          check(s.get(k).get(i), at + "/" + k + "/" + i, problems);
        }
      }
    }
    for (String k : List.of("items", "additionalProperties", "not", "if", "then", "else",
        "contains", "propertyNames")) {
      if (s.has(k)) {
        check(s.get(k), at + "/" + k, problems);
      }
    }
  }
}
