package org.petition.check.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shortcut of {@link Mojibake#diagnose} for text no table can have produced gives the general path's answer. */
class MojibakeFastPathTest {

  // Characters of many scripts, with and without table characters, look-alikes and lead characters.
  private static final String[] POOLS = {
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .-'",
    "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßŒœŠšŽžŸƒ",
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯРСҐґЄєІіЇїЎў",
    "ӀҰұҚқҢңӘәӨөҮүҺһ", // extended Cyrillic: outside windows-1251
    "αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩάέήίόύώ",
    "김이박최정강조윤장임한오서신권황안송류홍가나다라마바사아자차카타파하",
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹",
    "あいうえおかきくけこさしすせそたちつてとアイウエオカキクケコ",
    "محمدعلیرضاحسینفاطمه\u200C",
    "अमितकुमारशर्माप्रियासिंह",
    "–—€™“”‘’•…‰‹›„‚†‡",
    "№ЂЃЉЊЌЋЏђѓљњќћџ",
  };

  @Test
  void theShortcutAnswersAsTheGeneralPathOnRandomMixedTexts() {
    Random random = new Random(8);
    int shortcut = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder text = new StringBuilder();
      int words = 1 + random.nextInt(3);
      for (int w = 0; w < words; w++) {
        if (w > 0) {
          text.append(' ');
        }
        int length = 1 + random.nextInt(9);
        // Mostly one or two pools per word, as names are; sometimes any mix.
        String a = POOLS[random.nextInt(POOLS.length)];
        String b = random.nextInt(4) == 0 ? POOLS[random.nextInt(POOLS.length)] : a;
        for (int i = 0; i < length; i++) {
          String pool = random.nextBoolean() ? a : b;
          text.append(pool.charAt(random.nextInt(pool.length())));
        }
      }
      String s = text.toString();
      if (!Mojibake.isAscii(s) && Mojibake.diagnose(s).equals(Mojibake.diagnoseSlowly(s))) {
        shortcut++;
      }
      assertEquals(Mojibake.diagnoseSlowly(s), Mojibake.diagnose(s), s);
    }
    assertTrue(shortcut > 100_000, "non-ASCII texts compared: " + shortcut);
  }

  @Test
  void realMojibakeAndHomoglyphsAreStillFound() {
    for (String name : List.of("Łukasz Żółć", "Дмитрий", "Ωμέγα", "김영희", "İstanbul Çağlar")) {
      for (Charset wrong : List.of(Charset.forName("windows-1252"), StandardCharsets.ISO_8859_1,
          Charset.forName("windows-1251"))) {
        String garbled = new String(name.getBytes(StandardCharsets.UTF_8), wrong);
        assertEquals(Mojibake.diagnoseSlowly(garbled), Mojibake.diagnose(garbled), garbled);
      }
    }
    // Extended Cyrillic (no table character) in a Latin word: the one rule the shortcut still applies.
    assertEquals(Mojibake.diagnoseSlowly("Ұstanbul"), Mojibake.diagnose("Ұstanbul"));
    assertEquals(Mojibake.diagnoseSlowly("김영희"), Mojibake.diagnose("김영희"));
  }
}
