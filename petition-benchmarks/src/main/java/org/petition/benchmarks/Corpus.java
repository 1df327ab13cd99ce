package org.petition.benchmarks;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What people type into the form, shared by the library benchmarks and their floors so both see the same
 * strings: names in several scripts (as typed: mostly NFC, a few decomposed Latin names as macOS keyboards
 * give them), realistic mail domains, and phone numbers in national and international form.
 *
 * <p>Every full name is a first name and a last name of one script, so there are {@link #nameCount()}
 * distinct full names (about 5,500). Signers draw them uniformly: at a petition size of {@code n} each name
 * is shared by about {@code n / nameCount()} signatures. That is what real names do (at 10M signatures of a
 * Korean petition about 1,000 signers share a common name like 김민준; English names collide less), and it
 * matters, because the near-duplicate lookup reads every live signature with the same name skeleton.
 */
public final class Corpus {

  /** A writing system, the country its signers give and the language of their form. */
  public record Script(String name, String country, Locale locale, String[] first, String[] last) {}

  /** One full name as typed, with the signer's country and language. */
  public record Name(String first, String last, String country, Locale locale) {}

  // Latin: English, Spanish, Portuguese, German, French, Nordic, Polish, Turkish and Vietnamese names.
  private static final Script LATIN = new Script("Latin", "US", Locale.ENGLISH,
      new String[] {"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William",
          "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles",
          "Karen", "José", "María", "François", "Zoë", "Jürgen", "Björn", "Søren", "Małgorzata", "Łukasz",
          "Thảo", "Đức", "Chloé", "Renée", "João", "Inés", "Çağla"},
      new String[] {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
          "Martinez", "Hernández", "López", "González", "Wilson", "Anderson", "Müller", "Schmidt", "Schneider",
          "Fischer", "Weber", "Dubois", "Lefèvre", "Rossi", "Ferrari", "Kowalski", "Nowak", "Nguyễn", "Trần",
          "Phạm", "Silva", "Santos", "Yılmaz", "Kaya", "Jensen", "O'Brien", "García-Márquez"});

  private static final Script HANGUL = new Script("Hangul", "KR", Locale.KOREAN,
      new String[] {"민준", "서연", "서준", "서윤", "도윤", "지우", "예준", "하은", "시우", "하윤", "주원", "지유",
          "하준", "지민", "지호", "수아", "준서", "채원", "준우", "지안", "현우", "은서", "도현", "다은", "건우",
          "예은", "우진", "수빈", "선우", "소윤", "영일", "영희", "철수", "미영", "성민", "정훈"},
      new String[] {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황",
          "안", "송", "전", "홍", "유", "고", "문", "양", "손", "배", "백", "허", "남궁", "제갈"});

  private static final Script CYRILLIC = new Script("Cyrillic", "RU", Locale.forLanguageTag("ru"),
      new String[] {"Александр", "Мария", "Дмитрий", "Анна", "Сергей", "Елена", "Андрей", "Ольга", "Алексей",
          "Татьяна", "Иван", "Наталья", "Михаил", "Ирина", "Николай", "Светлана", "Владимир", "Екатерина",
          "Павел", "Юлия", "Олег", "Дарья", "Артём", "Алёна", "Тарас", "Оксана", "Богдан", "Христина", "Игорь",
          "Людмила"},
      new String[] {"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
          "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов",
          "Козлов", "Степанов", "Николаев", "Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко",
          "Орлов", "Макаров", "Зайцев", "Соловьёв", "Борисов"});

  private static final Script GREEK = new Script("Greek", "GR", Locale.forLanguageTag("el"),
      new String[] {"Γιώργος", "Μαρία", "Δημήτρης", "Ελένη", "Κωνσταντίνος", "Αικατερίνη", "Γιάννης",
          "Βασιλική", "Νίκος", "Σοφία", "Παναγιώτης", "Αγγελική", "Χρήστος", "Γεωργία", "Θανάσης", "Δήμητρα",
          "Μιχάλης", "Κωνσταντίνα", "Ευάγγελος", "Ευαγγελία", "Σπύρος", "Ιωάννα", "Αντώνης", "Χριστίνα",
          "Στέλιος", "Αναστασία"},
      new String[] {"Παπαδόπουλος", "Παπαδοπούλου", "Βλάχος", "Αγγελόπουλος", "Νικολάου", "Γεωργίου",
          "Ιωάννου", "Παπαδάκης", "Οικονόμου", "Κωνσταντίνου", "Δημητρίου", "Μακρής", "Παπανικολάου",
          "Καραγιάννης", "Αθανασίου", "Χριστοδούλου", "Πετρόπουλος", "Αλεξίου", "Μαυρίδης", "Σταυρόπουλος",
          "Λαμπράκης", "Κυριακίδης", "Ζαχαρίου", "Αντωνίου", "Μιχαηλίδης", "Θεοδωρόπουλος"});

  // Arabic and Persian; two Persian names hold a ZWNJ (U+200C) between letters, as Persian spelling does.
  private static final Script ARABIC = new Script("Arabic", "EG", Locale.forLanguageTag("ar"),
      new String[] {"محمد", "أحمد", "فاطمة", "علي", "مريم", "عمر", "نور", "يوسف", "خديجة", "حسن", "زينب",
          "إبراهيم", "عائشة", "خالد", "سارة", "عبد الله", "ليلى", "مصطفى", "هدى", "طارق", "ياسمين", "سعيد",
          "رنا", "كريم", "سلمى", "حسين", "زهرا", "علی\u200Cرضا"},
      new String[] {"الأحمد", "العلي", "حسن", "حسين", "إبراهيم", "عبد الرحمن", "الشامي", "المصري", "الخطيب",
          "النجار", "الحداد", "يوسف", "سليمان", "الزعبي", "القاسم", "العمر", "خليل", "منصور", "صالح", "عثمان",
          "الهاشمي", "الطحان", "البغدادي", "نیک\u200Cنام"});

  private static final Script JAPANESE = new Script("Japanese", "JP", Locale.JAPANESE,
      new String[] {"翔太", "陽菜", "蓮", "結衣", "大翔", "さくら", "悠真", "美咲", "湊", "葵", "陸", "凛", "健太",
          "由美", "拓也", "恵", "直樹", "愛", "大輔", "彩"},
      new String[] {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田",
          "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水"});

  private static final Script DEVANAGARI = new Script("Devanagari", "IN", Locale.forLanguageTag("hi"),
      new String[] {"आरव", "विवान", "अद्विक", "साई", "अर्जुन", "आद्या", "अनन्या", "दिया", "प्रिया", "राहुल", "अमित",
          "सुनीता", "पूजा", "राजेश", "संजय", "नेहा", "विकास", "अंजलि", "रोहित", "कविता"},
      new String[] {"शर्मा", "वर्मा", "गुप्ता", "सिंह", "कुमार", "यादव", "पटेल", "मिश्रा", "जोशी", "तिवारी", "पांडे",
          "चौहान", "अग्रवाल", "मेहता", "रेड्डी", "नायर", "दास", "बनर्जी"});

  /** The scripts, in the order names are laid out. */
  public static final List<Script> SCRIPTS = List.of(LATIN, HANGUL, CYRILLIC, GREEK, ARABIC, JAPANESE, DEVANAGARI);

  /** Real webmail domains, none internationalised (few addresses are). */
  public static final String[] DOMAINS = {
      "gmail.com", "naver.com", "yandex.ru", "daum.net", "hanmail.net", "outlook.com", "hotmail.com", "yahoo.com",
      "yahoo.co.jp", "mail.ru", "gmx.de", "web.de", "icloud.com", "proton.me", "qq.com", "orange.fr", "libero.it",
      "rediffmail.com", "kakao.com", "nate.com"};

  private static final Name[] NAMES = buildNames();
  // Coprime with the number of names, so consecutive signers walk through every name before repeating.
  private static final long NAME_STRIDE = 40503L;

  static {
    if (java.math.BigInteger.valueOf(NAME_STRIDE).gcd(java.math.BigInteger.valueOf(NAMES.length)).intValue() != 1) {
      throw new ExceptionInInitializerError("NAME_STRIDE must be coprime with the number of names");
    }
  }

  private Corpus() {}

  private static Name[] buildNames() {
    List<Name> names = new ArrayList<>();
    for (Script script : SCRIPTS) {
      for (String last : script.last()) {
        for (int f = 0; f < script.first().length; f++) {
          String first = script.first()[f];
          // Every seventh Latin first name with an accent is typed decomposed (e + U+0301), as macOS gives it.
          if (script == LATIN && f % 7 == 3) {
            first = Normalizer.normalize(first, Normalizer.Form.NFD);
          }
          names.add(new Name(first, last, script.country(), script.locale()));
        }
      }
    }
    return names.toArray(Name[]::new);
  }

  /** How many distinct full names there are. */
  public static int nameCount() {
    return NAMES.length;
  }

  /** The name of signer {@code n}: uniform over the names, not correlated with the domain. */
  public static Name name(long n) {
    return NAMES[nameIndex(n)];
  }

  /** The index (below {@link #nameCount()}) of signer {@code n}'s name. */
  public static int nameIndex(long n) {
    return (int) Math.floorMod(n * NAME_STRIDE, (long) NAMES.length);
  }

  /** The name at an index below {@link #nameCount()}. */
  public static Name nameAt(int index) {
    return NAMES[index];
  }

  /** The mail domain of signer {@code n}. */
  public static String domain(long n) {
    return DOMAINS[(int) Math.floorMod(n, (long) DOMAINS.length)];
  }

  /**
   * A new address: {@code prefix} (a letter saying which benchmark made it) then the number {@code n}, at a
   * real domain. No dot, hyphen or plus in the user name, so every provider rule keeps distinct numbers
   * distinct.
   */
  public static String email(char prefix, long n) {
    return prefix + Long.toString(n) + '@' + domain(n);
  }

  /** A phone number as typed and the country the signer gave. */
  public record Phone(String typed, String country) {}

  /**
   * A valid mobile number for signer {@code n}'s country (that of the name's script), distinct for distinct
   * {@code n mod 10^6}: odd {@code n} in national form, even in international form, spaced as people type.
   * A benchmark iteration signs far fewer than 10^6 numbers and its pending signatures are purged after it,
   * so no number repeats within an iteration.
   */
  public static Phone phone(long n) {
    Name name = name(n);
    String d = sixDigits(Math.floorMod(n, 1_000_000L));
    boolean national = (n & 1) == 1;
    String seven = "5" + d;
    String eight = "5" + d + "1";
    String typed = switch (name.country()) {
      case "US" -> (national ? "(201) 3" : "+1 201-3") + d.substring(0, 2) + "-" + d.substring(2);
      case "KR" -> (national ? "010-" : "+82 10-") + eight.substring(0, 4) + "-" + eight.substring(4);
      case "RU" -> (national ? "8 (912) " : "+7 912 ") + seven.substring(0, 3) + "-" + seven.substring(3, 5) + "-"
          + seven.substring(5);
      case "GR" -> (national ? "694 " : "+30 694 ") + seven.substring(0, 3) + " " + seven.substring(3);
      case "EG" -> (national ? "010 " : "+20 10 ") + eight.substring(0, 4) + " " + eight.substring(4);
      case "JP" -> (national ? "090-" : "+81 90-") + eight.substring(0, 4) + "-" + eight.substring(4);
      case "IN" -> (national ? "098" : "+91 98") + eight.substring(0, 3) + " " + eight.substring(3);
      default -> throw new IllegalStateException("no phone plan for " + name.country());
    };
    return new Phone(typed, name.country());
  }

  private static String sixDigits(long value) {
    char[] digits = new char[6];
    long v = value;
    for (int i = 5; i >= 0; i--) {
      digits[i] = (char) ('0' + v % 10);
      v /= 10;
    }
    return new String(digits);
  }
}
