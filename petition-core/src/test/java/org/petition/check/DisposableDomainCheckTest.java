package org.petition.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisposableDomainCheckTest {

  private final DisposableDomainCheck check = DisposableDomainCheck.ofDefaults();

  @ParameterizedTest
  @ValueSource(strings = {"mailinator.com", "MAILINATOR.COM", "mailinator.com.", "x.mailinator.com",
      "a.b.mailinator.net", "guerrillamail.com", "guerrillamail.de", "guerrillamail.co.uk", "sharklasers.com",
      "grr.la", "10minutemail.com", "10minutemail.net", "yopmail.com", "yopmail.fr", "temp-mail.org",
      "trashmail.com", "trashmail.de", "dispostable.com", "maildrop.cc", "getnada.com", "mailnesia.com",
      "throwawaymail.com", "cool.fr.nf", "spam4.me"})
  void listedDomainsAndTheirSubdomainsAreDisposable(String domain) {
    assertThat(check.isDisposable(domain)).as(domain).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gmail.com", "naver.com", "mail.ru", "yahoo.co.jp", "example.org", "com",
      "mailinator.com.evil.example", "notmailinator.org", "guerrillamail.com.example.org", "", "."})
  void otherDomainsAreNot(String domain) {
    assertThat(check.isDisposable(domain)).as(domain).isFalse();
  }

  @Test
  void disposableEmailIsHeld() {
    List<Finding> findings = check.check(Inputs.person("Jane", "Doe").email("jane@sub.yopmail.com").build());
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("email.disposable");
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.field()).isEqualTo("email");
      assertThat(f.explanation()).contains("yopmail.*").doesNotContain("jane");
    });
    assertThat(check.check(Inputs.person("Jane", "Doe").email("jane@gmail.com").build())).isEmpty();
  }

  @Test
  void builtInListHasSeveralHundredEntries() {
    assertThat(check.size()).isGreaterThanOrEqualTo(300);
  }

  @Test
  void severityIsConfigurable() {
    DisposableDomainCheck medium = DisposableDomainCheck.builder().severity(Severity.MEDIUM).build();
    assertThat(medium.check(Inputs.person("a", "b").email("a@mailinator.com").build()))
        .extracting(Finding::severity).containsExactly(Severity.MEDIUM);
    assertThat(medium.severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void customListFromReaderReplacesTheBuiltInOne() {
    DisposableDomainCheck custom = DisposableDomainCheck.builder()
        .domains(new StringReader("# ours\nthrowaway.example  # a comment\nburner.*\n"))
        .build();
    assertThat(custom.isDisposable("throwaway.example")).isTrue();
    assertThat(custom.isDisposable("in.throwaway.example")).isTrue();
    assertThat(custom.isDisposable("burner.io")).isTrue();
    assertThat(custom.isDisposable("mailinator.com")).isFalse();
    DisposableDomainCheck added = DisposableDomainCheck.builder().addDomains(List.of("throwaway.example")).build();
    assertThat(added.isDisposable("throwaway.example")).isTrue();
    assertThat(added.isDisposable("mailinator.com")).isTrue();
  }

  @Test
  void malformedEntriesAreRejectedWithTheirLine() {
    DisposableDomainCheck.Builder builder = DisposableDomainCheck.builder();
    for (String bad : new String[] {"localhost", "-bad.com", "bad-.com", "a..b", "*.example.com", "ex ample.com",
        "mail.ru.*", "пример.рф"}) {
      assertThatThrownBy(() -> builder.domains(new StringReader("ok.com\n" + bad)))
          .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }
    assertThatThrownBy(() -> builder.severity(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("severity must not be null");
    assertThatThrownBy(() -> builder.domains((java.util.Collection<String>) null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("entries");
  }
}
