package org.hotlinekit.iccam.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample reports shipped under {@code examples/reports}. */
public final class Samples {
  private Samples() {}

  /**
   * The sample reports file.
   *
   * @return its path
   */
  public static Path reports() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path c = p.resolve("examples/reports/sample-reports.json");
      if (Files.isRegularFile(c)) {
        return c;
      }
    }
    throw new AssertionError("examples/reports/sample-reports.json not found");
  }

  /**
   * Its bytes.
   *
   * @return the bytes
   */
  public static byte[] reportBytes() {
    try {
      return Files.readAllBytes(reports());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The JSON Schema published in the artifact, compiled by the independent validator the tests
   * use (networknt, JSON Schema 2020-12).
   *
   * @return the schema
   */
  public static com.networknt.schema.Schema schema() {
    try (java.io.InputStream in = org.hotlinekit.iccam.json.ReportJson.class.getResourceAsStream(
        org.hotlinekit.iccam.json.ReportJson.SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new AssertionError("the schema is not in the artifact");
      }
      return com.networknt.schema.SchemaRegistry.withDefaultDialect(
          com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
