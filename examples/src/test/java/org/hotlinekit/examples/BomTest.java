package org.hotlinekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM lists every library module, at the version being built. */
class BomTest {
  private static final Pattern DEPENDENCY =
      Pattern.compile(
          "<artifactId>(hotlinekit-[a-z-]+)</artifactId>\\s*<version>([^<]+)</version>");

  @Test
  void bomListsEveryLibraryModuleAtTheProjectVersion() throws IOException {
    String parent = Files.readString(Path.of("../pom.xml"));
    Matcher v = Pattern.compile("<artifactId>hotlinekit-parent</artifactId>\\s*<version>([^<]+)")
        .matcher(parent);
    assertThat(v.find()).isTrue();
    String version = v.group(1);
    String bom = Files.readString(Path.of("../bom/pom.xml"));
    List<String> listed = new ArrayList<>();
    Matcher m = DEPENDENCY.matcher(bom.substring(bom.indexOf("<dependencyManagement>")));
    while (m.find()) {
      listed.add(m.group(1));
      assertThat(m.group(2)).as(m.group(1)).isEqualTo(version);
    }
    assertThat(listed)
        .containsExactlyInAnyOrder(
            "hotlinekit-core",
            "hotlinekit-hashing",
            "hotlinekit-categorisation",
            "hotlinekit-iccam-format",
            "hotlinekit-scan");
    assertThat(bom).contains("<artifactId>hotlinekit-bom</artifactId>\n  <version>" + version);
  }

  /** The Jackson versions the BOM pins are the ones the build uses. */
  @Test
  void bomPinsTheJacksonTheLibrariesAreBuiltWith() throws IOException {
    String parent = Files.readString(Path.of("../pom.xml"));
    String bom = Files.readString(Path.of("../bom/pom.xml"));
    String jackson = property(parent, "jackson.version");
    String annotations = property(parent, "jackson-annotations.version");
    assertThat(managed(bom, "jackson-core")).isEqualTo(jackson);
    assertThat(managed(bom, "jackson-databind")).isEqualTo(jackson);
    assertThat(managed(bom, "jackson-annotations")).isEqualTo(annotations);
  }

  private static String property(String pom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    assertThat(m.find()).as(name).isTrue();
    return m.group(1);
  }

  private static String managed(String pom, String artifact) {
    Matcher m = Pattern.compile("<artifactId>" + Pattern.quote(artifact)
        + "</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertThat(m.find()).as(artifact).isTrue();
    return m.group(1);
  }
}
