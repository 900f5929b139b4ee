package org.example.consumer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.hotlinekit.categorisation.Categoriser;
import org.hotlinekit.categorisation.facts.AgeGroup;
import org.hotlinekit.categorisation.facts.ContentFacts;
import org.hotlinekit.categorisation.facts.ContentOrigin;
import org.hotlinekit.categorisation.facts.Person;
import org.hotlinekit.categorisation.facts.SexualContentLevel;
import org.hotlinekit.categorisation.scheme.Derivation;
import org.hotlinekit.core.digest.DigestAlgorithm;
import org.hotlinekit.core.hash.HashValue;
import org.hotlinekit.hashing.list.HashListEntry;
import org.hotlinekit.hashing.list.HashListFormat;
import org.hotlinekit.hashing.match.Triage;
import org.hotlinekit.hashing.media.MediaHasher;
import org.hotlinekit.hashing.media.MediaHashes;
import org.hotlinekit.hashing.spi.SignalHasher;
import org.hotlinekit.iccam.json.ReportDocument;
import org.hotlinekit.iccam.json.ReportJson;
import org.hotlinekit.scan.Scan;
import org.hotlinekit.scan.ScanResult;

/**
 * Runs on the module path: hashing (ImageIO and its plugins found through the module graph), the
 * categoriser (profiles read from its module's resources), the report reader (its JSON Schema and
 * code lists from its module's resources). Any failure exits non-zero and fails the build.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (!Main.class.getModule().isNamed()) {
      throw new AssertionError("not running as a named module");
    }
    BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        img.setRGB(x, y, ((x * 4) << 16) | ((y * 5) << 8) | ((x * y) & 0xff));
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(img, "png", png);
    MediaHashes h = MediaHasher.builder().digests(DigestAlgorithm.SHA256).pdq(true).build()
        .hash(png.toByteArray());
    if (h.pdq().isEmpty() || h.digests().get(DigestAlgorithm.SHA256).isEmpty()) {
      throw new AssertionError("no hashes");
    }

    ContentFacts facts = ContentFacts.builder()
        .origin(ContentOrigin.REAL_PHOTOGRAPHIC)
        .person(Person.of(AgeGroup.PUBESCENT).withAgeRange(15, 15))
        .level(SexualContentLevel.EROTIC_POSING)
        .build();
    List<Derivation> labels = Categoriser.builder().build().categorise(facts, "BE");
    if (labels.isEmpty()) {
      throw new AssertionError("no derivations");
    }

    // The example signal plug-in is on the module path: found by service binding, computed,
    // written to a list under its name, read back and matched.
    SignalHasher dhash = SignalHasher.installed().stream()
        .filter(p -> p.type().id().equals("dhash64")).findFirst()
        .orElseThrow(() -> new AssertionError("the plug-in on the module path was not found"));
    if (!dhash.getClass().getModule().isNamed()) {
      throw new AssertionError("the plug-in is not a named module");
    }
    Path dir = Files.createTempDirectory("jpms-consumer");
    Path image = Files.write(dir.resolve("image.png"), png.toByteArray());
    HashValue value = MediaHasher.builder().pdq(true).signals(List.of(dhash)).build().hash(image)
        .signals().get(0);
    Path list = dir.resolve("dhash.jsonl");
    HashListFormat.jsonLines().write(List.of(HashListEntry.builder("d-1", value).build()), list);
    Triage.Outcome o = Triage.builder().list(list).build().triage(image);
    if (o.status() != Triage.Status.KNOWN || !o.matches().get(0).type().equals(dhash.type())) {
      throw new AssertionError("the plug-in signal did not match: " + o);
    }

    // The whole flow on the module path: the folder scanned, its folder of results written.
    ScanResult scanned = Scan.builder().list(list).build().run(List.of(image));
    Path out = dir.resolve("scan");
    scanned.writeTo(out);
    if (scanned.count(Triage.Status.KNOWN) != 1 || !Files.isRegularFile(out.resolve("summary.html"))
        || ReportJson.strict().read(out.resolve("report.json")).document().reports().size() != 1) {
      throw new AssertionError("the scan did not find the listed image");
    }

    ReportDocument doc = ReportJson.strict().read(Path.of(args[0])).document();
    System.out.println("module " + Main.class.getModule().getName() + ": hashed, "
        + labels.size() + " derivations, " + doc.reports().size() + " reports read, plug-in "
        + dhash.type() + " from module " + dhash.getClass().getModule().getName() + " matched, 1"
        + " file scanned");
  }
}
