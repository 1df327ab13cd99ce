package org.petition.check.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.petition.internal.DomainNames;

/** Domain spelling for lists, and the big mailbox providers that per-domain limits and surges leave alone. */
public final class MailDomains {

  /**
   * Mailbox providers shared by millions of unrelated people, so many signings from one of them say
   * nothing; ASCII lower case.
   */
  public static final Set<String> COMMON = Set.of(
      // Google, Microsoft, Yahoo, AOL, Apple
      "gmail.com", "googlemail.com",
      "outlook.com", "hotmail.com", "live.com", "msn.com", "outlook.fr", "outlook.de", "hotmail.co.uk",
      "hotmail.fr", "hotmail.de", "hotmail.it", "hotmail.es", "live.co.uk", "live.fr",
      "yahoo.com", "ymail.com", "rocketmail.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "yahoo.it",
      "yahoo.es", "yahoo.ca", "yahoo.com.au", "yahoo.com.br", "yahoo.co.in", "yahoo.co.jp",
      "aol.com", "icloud.com", "me.com", "mac.com",
      // Independent and privacy providers
      "proton.me", "protonmail.com", "protonmail.ch", "pm.me", "tutanota.com", "tuta.io", "fastmail.com",
      "zoho.com", "mail.com", "gmx.com",
      // Europe
      "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "web.de", "t-online.de", "freenet.de",
      "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "laposte.net",
      "libero.it", "virgilio.it", "tiscali.it",
      "btinternet.com", "sky.com", "virginmedia.com",
      "ziggo.nl", "kpnmail.nl", "telenet.be", "skynet.be", "bluewin.ch",
      "seznam.cz", "wp.pl", "o2.pl", "onet.pl", "interia.pl",
      "yandex.ru", "ya.ru", "yandex.com", "mail.ru", "inbox.ru", "list.ru", "bk.ru", "rambler.ru",
      // Americas, Asia, Oceania
      "comcast.net", "att.net", "sbcglobal.net", "verizon.net", "cox.net", "charter.net",
      "shaw.ca", "rogers.com", "uol.com.br", "bol.com.br", "terra.com.br",
      "naver.com", "daum.net", "hanmail.net", "kakao.com", "nate.com",
      "qq.com", "163.com", "126.com", "sina.com", "rediffmail.com", "bigpond.com");

  private MailDomains() {}

  /**
   * The ASCII lower-case form of a host name of two labels or more ({@code Bücher.DE} gives {@code
   * xn--bcher-kva.de}).
   *
   * @param what names the argument in messages, such as "exempt domain"
   * @throws IllegalArgumentException naming {@code what}, if it is not such a host name
   */
  public static String normalize(String domain, String what) {
    Objects.requireNonNull(domain, what + " must not be null");
    String ascii;
    try {
      ascii = DomainNames.toAsciiLowerCase(domain.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not a valid internationalised domain name: '" + domain + "'", e);
    }
    if (!DomainNames.isLowerCaseHostName(ascii)) {
      throw new IllegalArgumentException(
          what + " must be a host name of two labels or more such as example.com, was: '" + domain + "'");
    }
    return ascii;
  }

  /** {@link #normalize} of every domain. */
  public static Set<String> normalizeAll(Collection<String> domains, String what) {
    Objects.requireNonNull(domains, what + "s must not be null");
    Set<String> set = new HashSet<>();
    for (String domain : domains) {
      set.add(normalize(domain, what));
    }
    return set;
  }
}
