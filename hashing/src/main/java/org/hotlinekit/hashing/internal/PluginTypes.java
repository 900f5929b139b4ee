package org.hotlinekit.hashing.internal;

import java.util.List;
import java.util.Optional;
import org.hotlinekit.core.hash.HashType;
import org.hotlinekit.hashing.spi.SignalHasher;

/** The signal types of the installed plug-ins, looked up once, for reading lists by name. */
public final class PluginTypes {
  private PluginTypes() {}

  /** Loaded on first use. */
  private static final class Installed {
    static final List<HashType> TYPES =
        SignalHasher.installed().stream().map(SignalHasher::type).toList();

    private Installed() {}
  }

  /**
   * The installed plug-in type of a name.
   *
   * @param name the type's id
   * @return the type, or empty
   */
  public static Optional<HashType> named(String name) {
    return Installed.TYPES.stream().filter(t -> t.id().equals(name)).findFirst();
  }
}
