package org.hotlinekit.iccam.url;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hotlinekit.core.MalformedInputException;

/**
 * Canonical URLs (RFC 3986 section 6 normalisation, for {@code http} and {@code https}):
 *
 * <ul>
 *   <li>scheme and host in lower case; internationalised host names in their ASCII (punycode)
 *       form; a trailing dot of the host removed; a host name that is no valid domain name
 *       ({@code -bad-.example}) refused;
 *   <li>IP hosts as a browser reads them (WHATWG URL standard): an IPv4 host in any of its
 *       numeric forms ({@code 0177.0.0.1}, {@code 2130706433}, {@code 0x7f.1}) as dotted decimal,
 *       an out-of-range one ({@code 256.256.256.256}) refused; an IPv6 literal in its compressed
 *       form ({@code [0:0:0:0:0:0:0:1]} is {@code [::1]});
 *   <li>the default port (80, 443) and an empty port removed; leading zeros of a port removed;
 *   <li>percent-encoding normalised: escapes of unreserved characters ({@code A-Z a-z 0-9 - . _
 *       ~}) decoded, other escapes in upper case, characters that may not appear raw (space,
 *       non-ASCII, {@code " < > \ ^ ` { | }}) encoded as UTF-8, a stray {@code %} as {@code %25};
 *   <li>dot segments ({@code /./}, {@code /../}) removed; an empty path becomes {@code /};
 *   <li>the fragment removed; an empty query ({@code ?} alone) removed; the query otherwise kept
 *       as is (parameter order can matter to a server).
 * </ul>
 *
 * Other schemes keep everything but a lower-case scheme and no fragment. Path case, trailing
 * slashes and query order are significant and kept.
 */
public final class Urls {
  private Urls() {}

  private static final HexFormat HEX = HexFormat.of();
  private static final String UNRESERVED_PUNCT = "-._~";
  private static final String SUB_DELIMS = "!$&'()*+,;=";

  /**
   * The canonical form of a URL.
   *
   * @param url the URL as reported
   * @return the canonical form
   * @throws MalformedInputException if it is not an absolute URL (no scheme, no host for http)
   */
  public static String canonical(String url) {
    String s = Objects.requireNonNull(url, "url").strip();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < 0x20 || s.charAt(i) == 0x7f) {
        throw new MalformedInputException("a URL cannot contain control characters");
      }
    }
    int colon = s.indexOf(':');
    if (colon < 1 || !s.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      throw new MalformedInputException("not an absolute URL (no scheme)");
    }
    String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = s.substring(colon + 1);
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      rest = rest.substring(0, hash);
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return scheme + ":" + rest;
    }
    if (!rest.startsWith("//")) {
      throw new MalformedInputException("an http(s) URL needs '//' and a host");
    }
    rest = rest.substring(2);
    int end = firstOf(rest, "/?");
    String authority = rest.substring(0, end);
    String pathAndQuery = rest.substring(end);
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? "" : pathAndQuery.substring(q + 1);

    StringBuilder out = new StringBuilder(scheme).append("://");
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      out.append(encode(authority.substring(0, at), ":")).append('@');
      authority = authority.substring(at + 1);
    }
    String host;
    String port = "";
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw new MalformedInputException("unterminated IPv6 address in the host");
      }
      host = ipv6(authority.substring(1, close));
      String after = authority.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          throw new MalformedInputException("unexpected text after the IPv6 address");
        }
        port = after.substring(1);
      }
    } else {
      int pc = authority.lastIndexOf(':');
      host = pc < 0 ? authority : authority.substring(0, pc);
      port = pc < 0 ? "" : authority.substring(pc + 1);
      host = host(host);
    }
    if (host.isEmpty()) {
      throw new MalformedInputException("the URL has no host");
    }
    out.append(host);
    if (!port.isEmpty()) {
      if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
        throw new MalformedInputException("bad port '" + printable(port) + "'");
      }
      int p = Integer.parseInt(port);
      if (!(p == 80 && scheme.equals("http")) && !(p == 443 && scheme.equals("https"))) {
        out.append(':').append(p);
      }
    }
    String normalisedPath = removeDotSegments(encode(path, ":@/"));
    out.append(normalisedPath.isEmpty() ? "/" : normalisedPath);
    if (!query.isEmpty()) {
      out.append('?').append(encode(query, ":@/?"));
    }
    return out.toString();
  }

  /**
   * Whether two URLs are the same after canonicalisation.
   *
   * @param a a URL
   * @param b another URL
   * @return true if their canonical forms are equal
   * @throws MalformedInputException if either is not an absolute URL
   */
  public static boolean equivalent(String a, String b) {
    return canonical(a).equals(canonical(b));
  }

  /**
   * The SHA-256 of the canonical URL, for sharing URL lists without the URLs. A plain hash of a
   * guessable URL can be reversed by trying candidates; share {@link #hmacSha256} digests with a
   * key agreed between the partners when that matters.
   *
   * @param url the URL
   * @return 64 lowercase hex digits
   */
  public static String sha256(String url) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256")
          .digest(canonical(url).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /**
   * The HMAC-SHA-256 of the canonical URL under a key shared by the partners.
   *
   * @param key the shared key, at least 16 bytes
   * @param url the URL
   * @return 64 lowercase hex digits
   */
  public static String hmacSha256(byte[] key, String url) {
    if (key.length < 16) {
      throw new IllegalArgumentException("the key must have at least 16 bytes");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HEX.formatHex(mac.doFinal(canonical(url).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  /** An IPv6 literal in its canonical (RFC 5952, compressed) form, in brackets. */
  private static String ipv6(String inner) {
    if (inner.indexOf('%') >= 0 || !com.google.common.net.InetAddresses.isInetAddress(inner)
        || inner.indexOf(':') < 0) {
      throw new MalformedInputException("the host is not a valid IPv6 address");
    }
    return "[" + com.google.common.net.InetAddresses.toAddrString(
        com.google.common.net.InetAddresses.forString(inner)) + "]";
  }

  /**
   * The host as a browser reads it (WHATWG URL standard): a host whose last label is a number
   * is an IPv4 address, each part decimal, octal (leading 0) or hexadecimal (0x), the last part
   * filling the remaining bytes ({@code 0177.0.0.1}, {@code 2130706433} and {@code 0x7f.1} are
   * all {@code 127.0.0.1}).
   *
   * @return the dotted-decimal address, or empty if the host is a name
   * @throws MalformedInputException if it is a number out of range
   */
  static java.util.Optional<String> ipv4(String h) {
    String[] parts = h.split("\\.", -1);
    String last = parts[parts.length - 1];
    if (!last.matches("(0[xX][0-9a-fA-F]*|[0-9]+)")) {
      return java.util.Optional.empty();
    }
    if (parts.length > 4) {
      throw new MalformedInputException("the host '" + printable(h) + "' is not a valid IPv4"
          + " address");
    }
    long[] n = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      n[i] = ipv4Part(parts[i], h);
    }
    long value = 0;
    for (int i = 0; i < parts.length - 1; i++) {
      if (n[i] > 255) {
        throw new MalformedInputException("the host '" + printable(h) + "' is not a valid IPv4"
            + " address");
      }
      value = value * 256 + n[i];
    }
    int rest = 4 - (parts.length - 1);
    if (n[parts.length - 1] >= (1L << (8 * rest))) {
      throw new MalformedInputException("the host '" + printable(h) + "' is not a valid IPv4"
          + " address");
    }
    value = (value << (8 * rest)) + n[parts.length - 1];
    return java.util.Optional.of((value >>> 24 & 255) + "." + (value >>> 16 & 255) + "."
        + (value >>> 8 & 255) + "." + (value & 255));
  }

  private static long ipv4Part(String p, String h) {
    try {
      if (p.startsWith("0x") || p.startsWith("0X")) {
        return p.length() == 2 ? 0 : checked(Long.parseLong(p.substring(2), 16), h);
      }
      if (p.length() > 1 && p.startsWith("0")) {
        return checked(Long.parseLong(p.substring(1), 8), h);
      }
      return checked(Long.parseLong(p), h);
    } catch (NumberFormatException e) {
      throw new MalformedInputException("the host '" + printable(h) + "' is not a valid IPv4"
          + " address");
    }
  }

  private static long checked(long v, String h) {
    if (v > 0xffffffffL) {
      throw new MalformedInputException("the host '" + printable(h) + "' is not a valid IPv4"
          + " address");
    }
    return v;
  }

  /**
   * The registrable domain of a URL's host (the public suffix and one label more, e.g. {@code
   * example.co.uk} for {@code https://img.a.example.co.uk/x}), by the public suffix list Guava
   * ships: how hotlines group reports by site.
   *
   * @param url an absolute URL
   * @return the registrable domain; empty for an IP address or a host under no known suffix
   * @throws MalformedInputException if the URL is not valid
   */
  public static java.util.Optional<String> registrableDomain(String url) {
    String c = canonical(url);
    int start = c.indexOf("://");
    if (start < 0) {
      return java.util.Optional.empty();
    }
    String authority = c.substring(start + 3);
    int end = authority.indexOf('/');
    authority = end < 0 ? authority : authority.substring(0, end);
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    if (authority.startsWith("[")) {
      return java.util.Optional.empty();
    }
    String host = authority.contains(":") ? authority.substring(0, authority.indexOf(':'))
        : authority;
    if (ipv4(host).isPresent() || !com.google.common.net.InternetDomainName.isValid(host)) {
      return java.util.Optional.empty();
    }
    com.google.common.net.InternetDomainName d = com.google.common.net.InternetDomainName
        .from(host);
    return d.isUnderPublicSuffix() ? java.util.Optional.of(d.topPrivateDomain().toString())
        : java.util.Optional.empty();
  }

  private static String host(String raw) {
    String h = decodeUnreservedOnly(raw);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    boolean ascii = h.chars().allMatch(c -> c < 0x80);
    if (!ascii) {
      try {
        h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED);
      } catch (IllegalArgumentException e) {
        throw new MalformedInputException("the host is not a valid internationalised name");
      }
    }
    h = h.toLowerCase(Locale.ROOT);
    for (int i = 0; i < h.length(); i++) {
      char c = h.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 0x80) && "-._~".indexOf(c) < 0
          && SUB_DELIMS.indexOf(c) < 0) {
        throw new MalformedInputException("the host contains '" + c + "'");
      }
    }
    java.util.Optional<String> v4 = ipv4(h);
    if (v4.isPresent()) {
      return v4.get();
    }
    if (!com.google.common.net.InternetDomainName.isValid(h)) {
      throw new MalformedInputException("the host '" + printable(h) + "' is not a valid host"
          + " name (labels of letters, digits and inner hyphens)");
    }
    return h;
  }

  /** Host names: decode every escape so that IDN and lower-casing see the characters. */
  private static String decodeUnreservedOnly(String s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
        out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
        i += 2;
      } else {
        out.write(bytes[i]);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .decode(java.nio.ByteBuffer.wrap(out.toByteArray())).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new MalformedInputException("the host is not UTF-8 after percent-decoding");
    }
  }

  private static boolean unreserved(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || UNRESERVED_PUNCT.indexOf(c) >= 0;
  }

  /** Percent-encoding normalised for a component whose extra allowed characters are given. */
  private static String encode(String s, String allowed) {
    StringBuilder b = new StringBuilder(s.length());
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int c = bytes[i] & 0xff;
      if (c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
        int v = Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16);
        if (unreserved(v)) {
          b.append((char) v);
        } else {
          b.append('%').append(HEX.toHexDigits((byte) v).toUpperCase(Locale.ROOT));
        }
        i += 2;
      } else if (c < 0x80 && (unreserved(c) || SUB_DELIMS.indexOf(c) >= 0
          || allowed.indexOf(c) >= 0)) {
        b.append((char) c);
      } else {
        b.append('%').append(HEX.toHexDigits((byte) c).toUpperCase(Locale.ROOT));
      }
    }
    return b.toString();
  }

  private static boolean isHex(byte c) {
    return Character.digit(c, 16) >= 0 && c < 0x80;
  }

  /** RFC 3986 section 5.2.4. */
  private static String removeDotSegments(String path) {
    Deque<String> out = new ArrayDeque<>();
    String in = path;
    while (!in.isEmpty()) {
      if (in.startsWith("../")) {
        in = in.substring(3);
      } else if (in.startsWith("./")) {
        in = in.substring(2);
      } else if (in.startsWith("/./")) {
        in = in.substring(2);
      } else if (in.equals("/.")) {
        in = "/";
      } else if (in.startsWith("/../")) {
        in = in.substring(3);
        out.pollLast();
      } else if (in.equals("/..")) {
        in = "/";
        out.pollLast();
      } else if (in.equals(".") || in.equals("..")) {
        in = "";
      } else {
        int start = in.startsWith("/") ? 1 : 0;
        int next = in.indexOf('/', start);
        String seg = next < 0 ? in : in.substring(0, next);
        out.addLast(seg);
        in = next < 0 ? "" : in.substring(next);
      }
    }
    return String.join("", out);
  }

  private static int firstOf(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  private static String printable(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "..." : s;
  }
}
