package org.hotlinekit.iccam.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a content item was traced to, and when.
 *
 * @param tracedAt when it was traced
 * @param ip the hosting IP address, if known
 * @param country the hosting country code, if known
 * @param isp the hosting provider, if known
 * @param asn the autonomous system number, if known
 * @param cdn whether the address belongs to a content delivery network
 */
public record Hosting(Instant tracedAt, Optional<String> ip, Optional<String> country,
    Optional<String> isp, OptionalLong asn, boolean cdn) {
  /**
   * Validates.
   *
   * @param tracedAt when
   * @param ip the IP
   * @param country the country
   * @param isp the ISP
   * @param asn the ASN
   * @param cdn the CDN flag
   */
  public Hosting {
    Objects.requireNonNull(tracedAt, "tracedAt");
    Checks.opt(ip, "ip").ifPresent(v -> {
      Checks.text(v, "ip");
      // An IPv4 address in dotted decimal or an IPv6 address, nothing else.
      if (!com.google.common.net.InetAddresses.isInetAddress(v) || v.contains("%")) {
        throw new IllegalArgumentException("ip must be an IPv4 or IPv6 address, not '"
            + (v.length() > 40 ? v.substring(0, 40) + "..." : v) + "'");
      }
    });
    Checks.opt(country, "country").ifPresent(v -> Checks.country(v, "country"));
    Checks.opt(isp, "isp").ifPresent(v -> Checks.text(v, "isp"));
    Objects.requireNonNull(asn, "asn");
    if (asn.isPresent() && (asn.getAsLong() < 0 || asn.getAsLong() > 4294967295L)) {
      throw new IllegalArgumentException("asn must be 0..4294967295");
    }
  }
}
