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
            "hotlinekit-iccam-format");
    assertThat(bom).contains("<artifactId>hotlinekit-bom</artifactId>\n  <version>" + version);
  }
}
