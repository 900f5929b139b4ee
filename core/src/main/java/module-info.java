/**
 * hotlinekit core: the value types every other module speaks (digests, PDQ hashes) and the
 * exception hierarchy rooted at {@link org.hotlinekit.core.HotlinekitException}.
 */
module org.hotlinekit.core {
  exports org.hotlinekit.core;
  exports org.hotlinekit.core.digest;
  exports org.hotlinekit.core.pdq;
  exports org.hotlinekit.core.internal to
      org.hotlinekit.hashing,
      org.hotlinekit.categorisation,
      org.hotlinekit.iccam;
}
