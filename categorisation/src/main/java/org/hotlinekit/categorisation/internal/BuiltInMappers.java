package org.hotlinekit.categorisation.internal;

import java.util.List;
import org.hotlinekit.categorisation.facts.ContextFlag;
import org.hotlinekit.categorisation.jurisdiction.JurisdictionProfile;
import org.hotlinekit.categorisation.scheme.SchemeMapper;

/** The mappers hotlinekit ships, in a stable order. */
public final class BuiltInMappers {
  private BuiltInMappers() {}

  /**
   * Creates them.
   *
   * @param canada the Canadian profile the C3P mapper uses
   * @return the mappers
   */
  public static List<SchemeMapper> all(JurisdictionProfile canada) {
    return List.of(new IccamClassification(), new IccamAttributes.Age(),
        new IccamAttributes.Gender(), new IccamAttributes.Virtual(),
        new IccamAttributes.Flag("iccam-self-generated", ContextFlag.SELF_GENERATED),
        new IccamAttributes.Flag("iccam-child-modelling", ContextFlag.CHILD_MODELLING),
        new InterpolBaseline(), new TcIcs(), new UkCategory(), new Sap(), new Copine(),
        new EuDirective(), new C3pClass(canada), new NcmecAnnotations());
  }

  /**
   * Whether a label is valid for a built-in mapper (combinations included).
   *
   * @param mapper the mapper
   * @param label the label
   * @return true if the mapper could derive or accept it
   */
  public static boolean accepts(SchemeMapper mapper, String label) {
    return mapper.labels().contains(label)
        || (mapper instanceof Mapper && ((Mapper) mapper).acceptsCombination(label));
  }
}
