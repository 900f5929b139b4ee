package org.hotlinekit.iccam.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.hotlinekit.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Equivalent and non-equivalent URL pairs (RFC 3986 section 6 and the documented choices). */
class UrlsTest {
  static Stream<Arguments> equivalent() {
    return Stream.of(
        Arguments.of("HTTP://example.org/a", "http://example.org/a"),
        Arguments.of("http://EXAMPLE.org/a", "http://example.org/a"),
        Arguments.of("http://Example.ORG./a", "http://example.org/a"),
        Arguments.of("http://example.org:80/a", "http://example.org/a"),
        Arguments.of("https://example.org:443/a", "https://example.org/a"),
        Arguments.of("http://example.org:/a", "http://example.org/a"),
        Arguments.of("http://example.org:0080/a", "http://example.org/a"),
        Arguments.of("http://example.org", "http://example.org/"),
        Arguments.of("http://example.org/a#frag", "http://example.org/a"),
        Arguments.of("http://example.org/a?#", "http://example.org/a"),
        Arguments.of("http://example.org/%7Euser", "http://example.org/~user"),
        Arguments.of("http://example.org/%61%62c", "http://example.org/abc"),
        Arguments.of("http://example.org/a%2fb", "http://example.org/a%2Fb"),
        Arguments.of("http://example.org/a b", "http://example.org/a%20b"),
        Arguments.of("http://example.org/caf\u00e9", "http://example.org/caf%C3%A9"),
        Arguments.of("http://example.org/a/./b", "http://example.org/a/b"),
        Arguments.of("http://example.org/a/../b", "http://example.org/b"),
        Arguments.of("http://example.org/a/b/../../c", "http://example.org/c"),
        Arguments.of("http://example.org/../a", "http://example.org/a"),
        Arguments.of("http://example.org/a/.", "http://example.org/a/"),
        Arguments.of("http://example.org/a/b/..", "http://example.org/a/"),
        Arguments.of("http://b\u00fccher.example/x", "http://xn--bcher-kva.example/x"),
        Arguments.of("http://example.org/?q=%7e", "http://example.org/?q=~"),
        Arguments.of("http://example.org/?q=a b", "http://example.org/?q=a%20b"),
        Arguments.of("  http://example.org/a  ", "http://example.org/a"),
        Arguments.of("http://[2001:DB8::1]:80/a", "http://[2001:db8::1]/a"),
        Arguments.of("http://user@example.org/a", "http://user@EXAMPLE.org:80/a"),
        Arguments.of("http://example.org/100%", "http://example.org/100%25"),
        Arguments.of("http://example.org/%c3%a9", "http://example.org/%C3%A9"),
        Arguments.of("https://Example.org/Gallery/123#top", "https://example.org:443/Gallery/./123"));
  }

  static Stream<Arguments> different() {
    return Stream.of(
        Arguments.of("http://example.org/a", "https://example.org/a"),
        Arguments.of("http://example.org/a", "http://example.org/A"),
        Arguments.of("http://example.org/a", "http://example.org/a/"),
        Arguments.of("http://example.org:8080/a", "http://example.org/a"),
        Arguments.of("https://example.org:80/a", "https://example.org/a"),
        Arguments.of("http://example.org/a?x=1&y=2", "http://example.org/a?y=2&x=1"),
        Arguments.of("http://example.org/a?x=1", "http://example.org/a"),
        Arguments.of("http://example.org/a%2Fb", "http://example.org/a/b"),
        Arguments.of("http://www.example.org/a", "http://example.org/a"),
        Arguments.of("http://example.org/a+b", "http://example.org/a%20b"),
        Arguments.of("http://user@example.org/a", "http://example.org/a"),
        Arguments.of("http://example.org/a?q=%2B", "http://example.org/a?q=+"));
  }

  @ParameterizedTest(name = "{0} == {1}")
  @MethodSource("equivalent")
  void equivalentPairs(String a, String b) {
    assertThat(Urls.equivalent(a, b)).as("%s vs %s", Urls.canonical(a), Urls.canonical(b))
        .isTrue();
    assertThat(Urls.sha256(a)).isEqualTo(Urls.sha256(b));
    // Canonicalisation is idempotent.
    assertThat(Urls.canonical(Urls.canonical(a))).isEqualTo(Urls.canonical(a));
  }

  @ParameterizedTest(name = "{0} != {1}")
  @MethodSource("different")
  void differentPairs(String a, String b) {
    assertThat(Urls.equivalent(a, b)).as("%s vs %s", Urls.canonical(a), Urls.canonical(b))
        .isFalse();
    assertThat(Urls.sha256(a)).isNotEqualTo(Urls.sha256(b));
  }

  @Test
  void digests() {
    // SHA-256 of the UTF-8 bytes of "http://example.org/", computed independently
    // (printf 'http://example.org/' | sha256sum).
    assertThat(Urls.sha256("HTTP://EXAMPLE.ORG"))
        .isEqualTo("781bc04ec9bd049cdfacaec4ae2026102118d13c79413246f0c88eeef6ebec4e");
    byte[] key = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(Urls.hmacSha256(key, "http://example.org")).hasSize(64)
        .isEqualTo(Urls.hmacSha256(key, "http://EXAMPLE.org:80/"))
        .isNotEqualTo(Urls.sha256("http://example.org"));
    assertThatThrownBy(() -> Urls.hmacSha256(new byte[4], "http://example.org"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void notUrls() {
    assertThatThrownBy(() -> Urls.canonical("example.org/a"))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("no scheme");
    assertThatThrownBy(() -> Urls.canonical("http:/example.org"))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> Urls.canonical("http://example.org:99999/"))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("port");
    assertThatThrownBy(() -> Urls.canonical("http://exa mple.org/"))
        .isInstanceOf(MalformedInputException.class);
    assertThatThrownBy(() -> Urls.canonical("http://example.org/a\nb"))
        .isInstanceOf(MalformedInputException.class);
    assertThat(Urls.canonical("MAILTO:abuse@example.org#x")).isEqualTo("mailto:abuse@example.org");
  }

  /** Hosts as a browser reads them (WHATWG URL standard), checked with Guava (issue 16). */
  @Test
  void ipHostsAreOneHostInEveryFormAndBadHostsAreRefused() {
    for (String same : new String[] {"http://0177.0.0.1/a", "http://2130706433/a",
        "http://0x7f.1/a", "http://127.1/a", "http://0x7F.0.0.1/a"}) {
      assertThat(Urls.canonical(same)).as(same).isEqualTo("http://127.0.0.1/a");
    }
    assertThat(Urls.equivalent("http://[::1]/", "http://[0:0:0:0:0:0:0:1]/")).isTrue();
    assertThat(Urls.canonical("http://[2001:DB8:0:0:0:0:0:1]:8080/x"))
        .isEqualTo("http://[2001:db8::1]:8080/x");
    for (String bad : new String[] {"http://256.256.256.256/", "http://1.2.3.4.5/",
        "http://-bad-.example/", "http://a..example/", "http://[::1::2]/",
        "http://4294967296/"}) {
      assertThatThrownBy(() -> Urls.canonical(bad)).as(bad)
          .isInstanceOf(MalformedInputException.class);
    }
    // Names that merely end in a letter label stay names.
    assertThat(Urls.canonical("http://1.example/")).isEqualTo("http://1.example/");
  }

  @Test
  void theRegistrableDomainGroupsASite() {
    assertThat(Urls.registrableDomain("https://img.a.example.co.uk/x")).contains("example.co.uk");
    assertThat(Urls.registrableDomain("http://WWW.Example.ORG:8080/a")).contains("example.org");
    assertThat(Urls.registrableDomain("http://127.0.0.1/")).isEmpty();
    assertThat(Urls.registrableDomain("http://[::1]/")).isEmpty();
    assertThat(Urls.registrableDomain("http://localhost/")).isEmpty();
  }
}
