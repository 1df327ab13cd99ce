package org.petition.check.internal;

// Words that carry the same spam concept in the languages the project covers, so that what the model learns
// from spam in one language (English SMS, English and Russian Telegram spam are most of its spam) weighs for
// the same concept written in another (Korean, German, French, Spanish, Portuguese, where no licence-clear
// public spam corpus was found). SpamFeatures counts the distinct concepts of a text; the weights of "two" and
// "three or more" are learned from the labelled corpora like any other feature's, never set by hand: this list
// only says which words name a concept.
//
// An entry is a whole word, or a prefix when it ends in '*' (Korean words carry particles: "부업으로", "수익을";
// Russian and German inflect: "заработок", "abonniert"). Words with a common innocent meaning in a covered
// language are left out ("verdienen": to deserve; "prêt": ready; "알바": also a paid troll in Korean comments;
// "bet": "I bet"; "invest*" as a prefix: "investigation"; "pm" and "mp": a prime minister, a member of
// parliament; "텔레*": television). Words are matched as the features read them:
// lower-cased, digits read as 0.
final class SpamConcepts {

  // One array per concept; a text's concepts are a bit each.
  private static final String[][] WORDS = {
      // Contact by messenger or private message.
      {"dm", "dms", "inbox", "whatsapp", "whatsap", "watsapp", "telegram", "telegramm", "viber", "wechat",
          "kakaotalk", "kakao", "тг", "телеграм*", "телеграмм*", "ватсап*", "вотсап*", "лс", "личку", "личке",
          "카톡*", "카카오톡*", "텔레그램*", "텔그*", "오픈채팅*", "오픈톡*", "오픈카톡*", "갠톡*", "디엠*",
          "pn", "privatnachricht*", "privado", "escríbeme", "escribeme", "zap", "zapzap", "wpp"},
      // Earnings and income offers.
      {"earn", "earns", "earned", "earning", "earnings", "income", "profit", "profits", "profitable", "payout",
          "заработ*", "доход*", "прибыл*", "пассивн*", "수익*", "부업*", "재택*", "고수익*", "투잡*", "일당*",
          "월수익*", "용돈벌이*", "nebenverdienst*", "nebenjob*", "nebeneinkommen*", "heimarbeit*", "gagnez",
          "rémunéré*", "ganancias", "ganhe", "ganhos", "lucro*", "lucrar", "lucrativ*"},
      // Free.
      {"free", "freebie", "giveaway", "бесплатн*", "халяв*", "무료*", "공짜*", "kostenlos*", "gratis",
          "gratuit*", "grátis"},
      // Subscribe or follow.
      {"subscribe*", "subscrib*", "sub0sub", "follow0follow", "f0f", "followers", "подпиш*", "подписывайтесь",
          "подписчик*", "구독*", "맞구독*", "맞팔*", "팔로우*", "선팔*", "abonnier*", "abonnez", "abonne*",
          "suscrib*", "suscríbe*", "seguidores", "inscreva*", "inscrev*"},
      // A channel or profile to visit.
      {"channel", "channels", "youtube", "youtuber", "instagram", "insta", "tiktok", "onlyfans", "канал*",
          "ютуб*", "инстаграм*", "채널*", "유튜브*", "인스타*", "블로그*", "틱톡*", "kanal*", "chaîne*", "chaine*",
          "canal", "canales", "canais"},
      // Loans, betting, crypto and investment schemes.
      {"loan*", "casino*", "betting", "crypto*", "bitcoin*", "btc", "usdt", "forex", "invest", "investing",
          "investment", "investments", "investor", "investors", "trading", "bonus*", "jackpot", "lottery",
          "airdrop", "кредит*", "займ*", "казино*", "ставк*", "крипт*", "биткоин*", "инвест*", "трейд*", "бонус*",
          "форекс", "대출*", "카지노*", "토토*", "바카라*", "슬롯*", "코인*", "비트코인*", "리딩방*", "급전*",
          "kredit*", "krypto*", "investier*", "sportwett*", "cripto*", "préstamo*", "prestamo*", "apuesta*",
          "empréstimo*", "emprestimo*", "cassino*", "aposta*"},
      // Click or follow a link.
      {"click*", "link", "links", "bio", "ссылк*", "жми", "кликай*", "클릭*", "링크*", "검색창*", "접속*",
          "klick*", "cliquez", "clique*", "lien", "clic", "enlace*", "acesse", "acessem"},
      // Adverts and discounts.
      {"discount*", "promo", "promocode", "coupon*", "скидк*", "реклам*", "промокод*", "광고*", "할인*", "홍보*",
          "rabatt*", "werbung", "gutschein*", "réduction", "publicité", "descuento*", "promoci*", "cupón",
          "desconto*", "promoç*", "cupom"}};

  private static final int TABLE_BITS = 11;
  private static final int[] WHOLE_KEYS = new int[1 << TABLE_BITS];
  private static final int[] WHOLE_BITS = new int[1 << TABLE_BITS];
  private static final int[] PREFIX_KEYS = new int[1 << TABLE_BITS];
  private static final int[] PREFIX_BITS = new int[1 << TABLE_BITS];

  static {
    if (WORDS.length > 31) {
      throw new ExceptionInInitializerError("at most 31 concepts, one bit each");
    }
    for (int concept = 0; concept < WORDS.length; concept++) {
      for (String entry : WORDS[concept]) {
        boolean prefix = entry.endsWith("*");
        String word = prefix ? entry.substring(0, entry.length() - 1) : entry;
        put(prefix ? PREFIX_KEYS : WHOLE_KEYS, prefix ? PREFIX_BITS : WHOLE_BITS, foldedHash(word), 1 << concept);
      }
    }
  }

  private SpamConcepts() {}

  // The concepts (a bit each) of a whole word, by its folded hash; 0 for none.
  static int ofWord(int hash) {
    return get(WHOLE_KEYS, WHOLE_BITS, hash);
  }

  // The concepts of a word that begins with the characters hashed so far; 0 for none.
  static int ofPrefix(int hash) {
    return get(PREFIX_KEYS, PREFIX_BITS, hash);
  }

  // The hash SpamFeatures computes for a word: FNV-1a over its code points, lower-cased, digits read as 0.
  static int foldedHash(String word) {
    int h = SpamFeatures.FNV_OFFSET;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      i += Character.charCount(cp);
      int folded = Character.isDigit(cp) ? '0' : Character.toLowerCase(cp);
      h = (h ^ folded) * SpamFeatures.FNV_PRIME;
    }
    return h;
  }

  // Open addressing keyed by the hash itself; 0 marks an empty slot (a word hashing to 0 is not looked up).
  private static void put(int[] keys, int[] bits, int hash, int bit) {
    if (hash == 0) {
      throw new ExceptionInInitializerError("a concept word hashes to 0");
    }
    int mask = keys.length - 1;
    for (int i = slot(hash, mask); ; i = (i + 1) & mask) {
      if (keys[i] == 0 || keys[i] == hash) {
        keys[i] = hash;
        bits[i] |= bit;
        return;
      }
    }
  }

  private static int get(int[] keys, int[] bits, int hash) {
    int mask = keys.length - 1;
    for (int i = slot(hash, mask); ; i = (i + 1) & mask) {
      int key = keys[i];
      if (key == hash) {
        return bits[i];
      }
      if (key == 0) {
        return 0;
      }
    }
  }

  private static int slot(int hash, int mask) {
    return (hash * 0x9E3779B1 >>> (32 - TABLE_BITS)) & mask;
  }
}
