/**
 * hotlinekit core: the value types every other module speaks (digests, PDQ hashes) and the
 * exception hierarchy rooted at {@link org.hotlinekit.core.HotlinekitException}.
 */
module org.hotlinekit.core {
  exports org.hotlinekit.core;
  exports org.hotlinekit.core.digest;
  exports org.hotlinekit.core.pdq;
  exports org.hotlinekit.core.io;
  exports org.hotlinekit.core.hash;
  exports org.hotlinekit.core.country;
  // org.hotlinekit.core.internal is not exported: export it to a sibling module only when one
  // needs it (a qualified export to a module that is not built yet is a compiler warning).
}
