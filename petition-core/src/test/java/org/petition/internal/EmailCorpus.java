package org.petition.internal;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates addresses from a grammar of realistic pieces, then mutates some of them in nasty ways: the
 * shapes real people type, and everything near the edges of Commons Validator's rules.
 */
final class EmailCorpus {

  static final List<String> REAL_USERS = List.of(
      "kim.minsu", "minsu.kim", "lee_jihoon", "park1987", "choi.yuna+petition", "ivan.petrov", "i.petrov",
      "petrov.ivan.1990", "natasha_k", "sergey-ivanov", "john.smith", "jane_doe", "o'brien", "j.o'neil",
      "first.last+tag", "user", "a", "x1", "mario.rossi", "dupont", "müller", "test.user", "info", "admin",
      "no-reply", "support", "hello", "a.b.c.d.e", "1234567890", "_underscore", "UPPER.Case", "x+y+z",
      "!#$%&'*+-/=?^_`{|}~", "name.surname.surname2", "ga.eun", "zhang.wei", "wang_fang", "li.na");

  static final List<String> REAL_DOMAINS = List.of(
      "gmail.com", "naver.com", "daum.net", "hanmail.net", "kakao.com", "nate.com", "yandex.ru", "ya.ru",
      "mail.ru", "rambler.ru", "bk.ru", "list.ru", "inbox.ru", "outlook.com", "hotmail.com", "yahoo.com",
      "yahoo.co.jp", "yahoo.co.kr", "icloud.com", "proton.me", "protonmail.com", "gmx.de", "web.de",
      "t-online.de", "orange.fr", "free.fr", "libero.it", "qq.com", "163.com", "126.com", "sina.com.cn",
      "example.co.uk", "bbc.co.uk", "univ.ac.kr", "snu.ac.kr", "korea.kr", "go.kr", "mail.example.org",
      "sub.domain.example.io", "startup.dev", "shop.app", "my.blog", "band.music", "a.museum", "x.xyz",
      "domain.online", "site.club", "co.kr", "msu.ru", "gov.ru", "mos.ru", "gosuslugi.ru", "edu.cn",
      "uni-heidelberg.de", "xn--80ak6aa92e.com", "xn--h1ahn.xn--p1ai", "xn--3e0b707e", "arpa", "in-addr.arpa");

  static final List<String> IDN_DOMAINS = List.of(
      "한국.kr", "도메인.한국", "네이버.한국", "우리은행.com", "пример.рф", "почта.рф", "яндекс.рф", "президент.рф",
      "москва.рф", "сайт.москва", "пример.com", "παράδειγμα.ελ", "δοκιμή.gr", "ελληνικά.com", "例子.中国",
      "中文.com", "网络.中国", "公司.香港", "例え.jp", "テスト.jp", "日本語.jp", "müller.de", "bücher.de",
      "français.fr", "españa.es", "café.com", "ñandú.ar", "sub.한국.kr", "a.пример.рф", "한국.한국", "рф.рф",
      "한국.xn--3e0b707e", "xn--3e0b707e.한국", "пример.xn--p1ai", "ПРИМЕР.РФ", "Пример.рф", "MÜLLER.DE",
      "ǅungla.hr", "straße.de", "ςοφία.gr", "σοφία.gr", "ﬁle.com", "ｅｘａｍｐｌｅ.com", "例子。中国", "例子．中国",
      "例子｡中国", "tēst.lv", "ąčę.lt", "ıstanbul.tr", "İstanbul.tr", "ελλάδα.ελ", "ä\u0308.de", "a\u0308.de",
      "한\u200D국.kr", "soft\u00ADhyphen.com", "cgj\u034F.com", "var\uFE0F.com", "xn--тест.рф", "עברית.com",
      "عربي.com", "مصر.مصر", "ไทย.com", "हिन्दी.com", "한국\u3002kr", "𝒜.com", "\uD83D\uDE00.com");

  static final List<String> TLDS = List.of(
      "com", "org", "net", "io", "dev", "app", "xyz", "info", "biz", "museum", "travel", "online", "site",
      "kr", "ru", "de", "jp", "cn", "uk", "co", "fr", "it", "ua", "by", "kz", "gr", "eu", "us", "arpa",
      "xn--p1ai", "xn--3e0b707e", "xn--fiqs8s", "xn--qxam", "xn--j6w193g", "xn--80asehdb", "xn--p1acf",
      "COM", "Kr", "XN--P1AI", "invalidtld", "localhost", "localdomain", "local", "test", "example", "corp",
      "home", "lan", "internal", "c", "comm", "con", "xn--zzzz", "xn--", "xn---", "123", "1com", "com1",
      "co-m", "-com", "com-", "k", "a1", "zz", "aa", "yu", "tp", "an", "su", "ac", "io1");

  private static final String ATEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~";
  private static final String LDH = "abcdefghijklmnopqrstuvwxyz0123456789-";

  // Characters chosen to sit on some rule's edge.
  private static final String NASTY =
      "@.\"\\ \t\n\r\u000B\f\u0000\u0001\u001F\u007F\u0080\u0085\u009F\u00A0()<>,;:[]'-_+%/="
          + "\u2028\u2029\u200B\u200C\u200D\u00AD\u034F\uFE0F\u180B\uFEFF\u3002\uFF0E\uFF61\u3000"
          + "\uD800\uDC00\uDBFF\uDFFF\uFFFD\uFFFF\u0301\u0308\u3099\u1100\u11A8ǅßςİı";

  private static final int[][] UNICODE_RANGES = {
      {0xAC00, 0xD7A3}, {0x0400, 0x04FF}, {0x0370, 0x03FF}, {0x4E00, 0x9FFF}, {0x3040, 0x30FF}, {0x00A0, 0x024F},
      {0x0590, 0x06FF}, {0x0E00, 0x0E7F}, {0x0900, 0x097F}, {0xFF00, 0xFFEF}, {0x2000, 0x206F}, {0x0080, 0x00FF},
      {0x1F600, 0x1F64F}, {0x10000, 0x10FFFF}, {0xD800, 0xDFFF}, {0x0300, 0x036F}};

  private final SplittableRandom random;

  EmailCorpus(long seed) {
    random = new SplittableRandom(seed);
  }

  /** The next address of the corpus. */
  String next() {
    int shape = random.nextInt(100);
    String email;
    if (shape < 3) {
      email = randomString(random.nextInt(0, 40), true);
    } else if (shape < 6) {
      email = randomString(random.nextInt(0, 40), false);
    } else {
      email = address();
    }
    int mutations = random.nextInt(100) < 45 ? 0 : 1 + random.nextInt(random.nextInt(100) < 80 ? 2 : 6);
    for (int i = 0; i < mutations; i++) {
      email = mutate(email);
    }
    return email;
  }

  /** A well-formed looking address, valid more often than not. */
  String address() {
    String user = user();
    String domain = domain();
    return switch (random.nextInt(40)) {
      case 0 -> user + domain; // no @
      case 1 -> user + "@@" + domain;
      case 2 -> user + "@" + user + "@" + domain;
      case 3 -> user + "@" + domain + "@" + domain;
      case 4 -> "@" + domain;
      case 5 -> user + "@";
      case 6 -> user + "@" + domain + ".";
      case 7 -> user + "@" + domain + "@";
      case 8 -> user + "@" + domain + "@" + user + "@" + domain;
      default -> user + "@" + domain;
    };
  }

  String user() {
    return switch (random.nextInt(20)) {
      case 0, 1, 2, 3, 4, 5, 6 -> pick(REAL_USERS);
      case 7, 8 -> pick(REAL_USERS) + random.nextInt(10_000);
      case 9 -> atoms(ATEXT, 1 + random.nextInt(4), 1 + random.nextInt(12));
      case 10 -> dotsEverywhere(pick(REAL_USERS));
      case 11 -> lengthEdge(random.nextInt(60, 70));
      case 12 -> quoted();
      case 13 -> escaped();
      case 14 -> unicodeUser();
      case 15 -> " ".repeat(random.nextInt(1, 3)) + pick(REAL_USERS);
      case 16 -> pick(REAL_USERS) + pick(List.of(" ", "\t", "\n", "\r\n", "\u0000", "\u007F", "\u0085", "\u2028",
          "\u00A0", ",", ";", ":", "<", ">", "(", ")", "[", "]", "\"", "\\"));
      case 17 -> atoms(ATEXT + "\"\\ .@", 1 + random.nextInt(3), 1 + random.nextInt(10));
      case 18 -> pick(REAL_USERS).toUpperCase(java.util.Locale.ROOT);
      default -> atoms("abcdefghijklmnopqrstuvwxyz0123456789._-+'", 1, 1 + random.nextInt(20));
    };
  }

  String domain() {
    return switch (random.nextInt(24)) {
      case 0, 1, 2, 3, 4, 5, 6, 7 -> pick(REAL_DOMAINS);
      case 8, 9, 10 -> pick(IDN_DOMAINS);
      case 11, 12 -> labels(1 + random.nextInt(4)) + "." + pick(TLDS);
      case 13 -> idnLabel() + "." + (random.nextBoolean() ? pick(TLDS) : idnLabel());
      case 14 -> punycodeLabel() + "." + pick(TLDS);
      case 15 -> hyphenEdges();
      case 16 -> longLabel() + "." + pick(TLDS);
      case 17 -> lengthDomain(new int[] {240, 250, 252, 253, 254, 255, 256}[random.nextInt(7)]);
      case 18 -> ipLiteral();
      case 19 -> pick(REAL_DOMAINS).toUpperCase(java.util.Locale.ROOT);
      case 20 -> dotsEverywhere(pick(random.nextBoolean() ? REAL_DOMAINS : IDN_DOMAINS));
      case 21 -> labels(1 + random.nextInt(3)) + "." + random.nextInt(1000);
      case 22 -> pick(TLDS);
      default -> labels(1 + random.nextInt(3)) + "." + idnLabel() + "." + pick(TLDS);
    };
  }

  private String mutate(String s) {
    int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
    return switch (random.nextInt(16)) {
      case 0, 1 -> insert(s, at, String.valueOf(NASTY.charAt(random.nextInt(NASTY.length()))));
      case 2 -> insert(s, at, randomString(1 + random.nextInt(3), random.nextBoolean()));
      case 3 -> s.isEmpty() ? s : s.substring(0, Math.min(at, s.length() - 1)) + s.substring(Math.min(at, s.length() - 1) + 1);
      case 4 -> s.isEmpty() ? s : replace(s, Math.min(at, s.length() - 1), pick(List.of(".", "@", "-", "\"", "\\", " ")));
      case 5 -> insert(s, at, ".");
      case 6 -> insert(s, at, "@");
      case 7 -> insert(s, at, "-");
      case 8 -> s + ".";
      case 9 -> "." + s;
      case 10 -> s.toUpperCase(java.util.Locale.ROOT);
      case 11 -> s.replace('.', pickChar(List.of('\u3002', '\uFF0E', '\uFF61', '_', ' ')));
      case 12 -> s.isEmpty() ? s : replace(s, Math.min(at, s.length() - 1), String.valueOf(Character.toChars(unicode())));
      case 13 -> insert(s, at, "xn--");
      case 14 -> s.indexOf('@') >= 0 ? s.substring(0, s.indexOf('@')) + s.substring(s.indexOf('@') + 1) : s;
      default -> s.isEmpty() ? s : s + s.charAt(random.nextInt(s.length()));
    };
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private char pickChar(List<Character> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String atoms(String alphabet, int count, int length) {
    StringBuilder out = new StringBuilder();
    for (int a = 0; a < count; a++) {
      if (a > 0) {
        out.append('.');
      }
      for (int i = 0; i < length; i++) {
        out.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
    }
    return out.toString();
  }

  private String dotsEverywhere(String s) {
    StringBuilder out = new StringBuilder(s);
    int dots = 1 + random.nextInt(3);
    for (int i = 0; i < dots; i++) {
      int where = switch (random.nextInt(4)) {
        case 0 -> 0;
        case 1 -> out.length();
        default -> random.nextInt(out.length() + 1);
      };
      out.insert(where, random.nextBoolean() ? "." : "..");
    }
    return out.toString();
  }

  private String lengthEdge(int length) {
    StringBuilder out = new StringBuilder(length);
    while (out.length() < length) {
      out.append(out.length() > 0 && out.length() < length - 1 && random.nextInt(8) == 0
          ? '.' : ATEXT.charAt(random.nextInt(ATEXT.length())));
    }
    return out.toString();
  }

  private String quoted() {
    String inner = switch (random.nextInt(8)) {
      case 0 -> "john doe";
      case 1 -> "a@b";
      case 2 -> "a\\\"b";
      case 3 -> "";
      case 4 -> "a..b";
      case 5 -> "tab\there";
      case 6 -> "ctl\u0001";
      default -> randomString(random.nextInt(10), random.nextBoolean());
    };
    String q = "\"" + inner + "\"";
    return switch (random.nextInt(5)) {
      case 0 -> q + "." + pick(REAL_USERS);
      case 1 -> pick(REAL_USERS) + "." + q;
      case 2 -> q.substring(0, q.length() - 1);
      default -> q;
    };
  }

  private String escaped() {
    String escapes = "\\ \\.\\@\\\\\\\"\\a\\\u0001\\\u00FC\\\t";
    StringBuilder out = new StringBuilder(pick(REAL_USERS));
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      int e = random.nextInt(escapes.length() / 2) * 2;
      out.insert(random.nextInt(out.length() + 1), escapes, e, e + 2);
    }
    if (random.nextInt(5) == 0) {
      out.append('\\');
    }
    return out.toString();
  }

  private String unicodeUser() {
    return switch (random.nextInt(6)) {
      case 0 -> "민수";
      case 1 -> "иван.петров";
      case 2 -> "用户";
      case 3 -> "δοκιμή";
      case 4 -> pick(REAL_USERS) + String.valueOf(Character.toChars(unicode()));
      default -> randomString(1 + random.nextInt(8), false);
    };
  }

  private String labels(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.append('.');
      }
      int length = random.nextInt(10) == 0 ? 1 : 2 + random.nextInt(12);
      for (int j = 0; j < length; j++) {
        char c = LDH.charAt(random.nextInt(LDH.length()));
        out.append(random.nextInt(10) == 0 ? Character.toUpperCase(c) : c);
      }
    }
    return out.toString();
  }

  private String idnLabel() {
    int[] range = switch (random.nextInt(8)) {
      case 0, 1 -> new int[] {0xAC00, 0xD7A3};
      case 2, 3 -> new int[] {0x0430, 0x044F};
      case 4 -> new int[] {0x03B1, 0x03C9};
      case 5 -> new int[] {0x4E00, 0x9FA5};
      case 6 -> new int[] {0x3041, 0x30FF};
      default -> new int[] {0x00C0, 0x00FF};
    };
    StringBuilder out = new StringBuilder();
    int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 8);
    for (int i = 0; i < length; i++) {
      if (random.nextInt(6) == 0) {
        out.append(LDH.charAt(random.nextInt(LDH.length())));
      } else {
        out.appendCodePoint(random.nextInt(range[0], range[1] + 1));
      }
    }
    return out.toString();
  }

  private String punycodeLabel() {
    return pick(List.of("xn--3e0b707e", "xn--p1ai", "xn--80ak6aa92e", "xn--h1ahn", "xn--mller-kva", "xn--zzzz",
        "xn--", "xn---", "xn--a", "xn--a-", "xn--80a", "XN--P1AI", "xn--bcher-kva", "xn--hxajbheg2az3al",
        "xn--9n2bp8q", "xn--fsq", "xn--fiqs8s", "xn--" + labels(1)));
  }

  private String hyphenEdges() {
    String label = labels(1);
    return switch (random.nextInt(6)) {
      case 0 -> "-" + label + "." + pick(TLDS);
      case 1 -> label + "-." + pick(TLDS);
      case 2 -> label + ".-" + pick(TLDS);
      case 3 -> "-" + idnLabel() + "." + pick(TLDS);
      case 4 -> idnLabel() + "-." + pick(TLDS);
      default -> label + "--" + label + "." + pick(TLDS);
    };
  }

  private String longLabel() {
    int length = 59 + random.nextInt(7);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(i == 0 || i == length - 1 ? 'a' : LDH.charAt(random.nextInt(LDH.length())));
    }
    return switch (random.nextInt(5)) {
      case 0 -> "xn--" + out.substring(4); // ASCII, but ACE-prefixed
      case 1 -> "가".repeat(length / 3); // punycode of about 63 characters
      case 2 -> "д".repeat(length - 12) + "a";
      default -> out.toString();
    };
  }

  private String lengthDomain(int length) {
    String tld = pick(List.of("com", "kr", "ru", "museum", "xn--p1ai"));
    StringBuilder out = new StringBuilder();
    while (out.length() + 1 + tld.length() < length) {
      int remaining = length - tld.length() - 1 - out.length() - (out.length() > 0 ? 1 : 0);
      int label = Math.min(remaining, random.nextBoolean() ? 63 : 1 + random.nextInt(63));
      if (label <= 0) {
        break;
      }
      if (out.length() > 0) {
        out.append('.');
      }
      for (int i = 0; i < label; i++) {
        out.append((char) ('a' + random.nextInt(26)));
      }
    }
    return out + "." + tld;
  }

  private String ipLiteral() {
    return pick(List.of("[127.0.0.1]", "[192.168.0.1]", "[255.255.255.255]", "[256.1.1.1]", "[1.2.3]",
        "[01.2.3.4]", "[1.2.3.4.5]", "[IPv6:::1]", "[IPv6:2001:db8::1]", "[ipv6:2001:DB8::1]", "[IPv6:::]",
        "[IPv6:1:2:3:4:5:6:7:8]", "[IPv6:1:2:3:4:5:6:7:8:9]", "[IPv6:::ffff:192.168.1.1]", "[IPv6:fe80::1%eth0]",
        "[IPv6:::1/64]", "[IPv6:::1/129]", "[::1]", "[2001:db8::1]", "[IPv6:127.0.0.1]", "[]", "[ 1.2.3.4]",
        "[1.2.3.4", "1.2.3.4]", "127.0.0.1", "[IPv6:gggg::1]", "[IPv6:::1%a@b]", "[IPv6:１::1]", "[١.٢.٣.٤]",
        // zones Commons Validator takes with characters RFC 5322's dtext has not
        "[IPv6:fe80::1%a]b]", "[IPv6:fe80::1%a[b]", "[IPv6:fe80::1%a\\b]", "[IPv6:fe80::1%a\u0001b]",
        "[IPv6:fe80::1%\u007F]", "[IPv6:fe80::1%a\"b]", "[IPv6:fe80::1%\u00E9]"));
  }

  private int unicode() {
    int[] range = UNICODE_RANGES[random.nextInt(UNICODE_RANGES.length)];
    return random.nextInt(range[0], range[1] + 1);
  }

  private String randomString(int length, boolean ascii) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      if (ascii) {
        out.append((char) random.nextInt(0, 128));
      } else if (random.nextInt(4) == 0) {
        out.append(NASTY.charAt(random.nextInt(NASTY.length())));
      } else {
        out.appendCodePoint(unicode());
      }
    }
    return out.toString();
  }

  private static String insert(String s, int at, String piece) {
    return s.substring(0, at) + piece + s.substring(at);
  }

  private static String replace(String s, int at, String piece) {
    return s.substring(0, at) + piece + s.substring(at + 1);
  }

  /** Java-escaped, ASCII-only form of a string, for failure messages. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7F) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04X", (int) c));
      }
    }
    return out.append('"').toString();
  }
}
