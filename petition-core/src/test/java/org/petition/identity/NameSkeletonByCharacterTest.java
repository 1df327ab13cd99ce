package org.petition.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The per-character path (for names outside ASCII) gives exactly the general path's skeleton: on names in
 * many scripts, on every character of the blocks names are written in, and on random text mixing letters,
 * capitals, combining marks, compatibility characters and odd white space, NFC or not.
 */
class NameSkeletonByCharacterTest {

  private static final String[] NAMES = {
    "José Álvarez", "Zoë Brontë", "Łukasz Żółć", "Ærøskøbing Ågård", "Straße Weiß", "İlker Işık",
    "김영일", "김 영일", "이서연", "Иван Петров", "НАТАЛЬЯ Сидорова", "Γιώργος Παπαδόπουλος", "ΣΟΦΙΑ Σοφία",
    "محمد علی", "فاطمه‌زهرا احمدی", "山田 太郎", "たかはし みどり", "タナカ ハナコ", "राहुल शर्मा", "देवनागरी",
    "Nguyễn Văn An", "Đặng Thị Hồng", "ﬁona Ǆaković", "Ｆｕｌｌ Ｗｉｄｔｈ", "ℌilbert", "Ångström", "Å Å",
    "José Álvarez", "Ιωάννης", "Ꭰ Cherokee", "שרה כהן", "สมชาย ใจดี", "Օհաննես", "ქეთევან"
  };

  // Blocks names are written in, with combining marks and compatibility forms among them.
  private static final int[][] BLOCKS = {
    {0x00C0, 0x024F}, {0x0300, 0x036F}, {0x0370, 0x03FF}, {0x0400, 0x04FF}, {0x0530, 0x058F},
    {0x0590, 0x05FF}, {0x0600, 0x06FF}, {0x0900, 0x097F}, {0x0E00, 0x0E7F}, {0x10A0, 0x10FF},
    {0x1100, 0x11FF}, {0x13A0, 0x13FF}, {0x1E00, 0x1EFF}, {0x2000, 0x206F}, {0x2100, 0x214F},
    {0x3040, 0x30FF}, {0x4E00, 0x4EFF}, {0xAC00, 0xAD00}, {0xFB00, 0xFB4F}, {0xFF00, 0xFFEF}
  };

  @Test
  void namesInManyScripts() {
    for (String name : NAMES) {
      for (String form : new String[] {name, Normalizer.normalize(name, Normalizer.Form.NFD)}) {
        assertThat(NameSkeleton.skeleton(form)).as("name %s", form).isEqualTo(NameSkeleton.viaIcu(form));
      }
    }
  }

  @Test
  void mostNamesOutsideAsciiTakeThePerCharacterPath() {
    int local = 0;
    for (String name : NAMES) {
      if (NameSkeleton.byCharacter(name) != null) {
        local++;
      }
    }
    assertThat(local).as("names on the per-character path").isGreaterThan(NAMES.length * 3 / 4);
  }

  @Test
  void everyCharacterOfTheBlocksAloneAndBetweenLetters() {
    for (int[] block : BLOCKS) {
      for (int c = block[0]; c <= block[1]; c++) {
        String ch = new String(Character.toChars(c));
        for (String name : new String[] {ch, "a" + ch + "b", ch + " " + ch, "Й" + ch, ch + "\u0301", "김" + ch}) {
          assertThat(NameSkeleton.skeleton(name)).as("name %s (U+%04X)", name, c).isEqualTo(NameSkeleton.viaIcu(name));
        }
      }
    }
  }

  @Test
  void randomNamesFromTheBlocks() {
    SplittableRandom random = new SplittableRandom(20261207);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder name = new StringBuilder();
      int[] block = BLOCKS[random.nextInt(BLOCKS.length)];
      int length = random.nextInt(1, 16);
      for (int i = 0; i < length; i++) {
        int pick = random.nextInt(10);
        if (pick == 0) {
          name.append(' ');
        } else if (pick == 1) {
          name.appendCodePoint(BLOCKS[random.nextInt(BLOCKS.length)][0] + random.nextInt(64));
        } else if (pick == 2) {
          name.append((char) random.nextInt(0x41, 0x7B));
        } else {
          name.appendCodePoint(random.nextInt(block[0], block[1] + 1));
        }
      }
      String text = name.toString();
      assertThat(NameSkeleton.skeleton(text)).as("name '%s'", text).isEqualTo(NameSkeleton.viaIcu(text));
    }
  }
}
