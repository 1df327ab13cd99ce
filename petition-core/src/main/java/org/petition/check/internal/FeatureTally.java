package org.petition.check.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

// Sums the weights of the spam model's features by the text they are shown as, for the explanation of a
// comment found to be spam, and keeps only the strongest few as strings. A feature's shown text is a span of
// the comment (a word, two words, the word an n-gram lies in); spans are keyed by a 64-bit hash of their
// lower-cased characters, so the same word twice sums, and no string is built until the end, when only the
// winners are. The table holds one entry per distinct span (a few per word), starts sized to the text and
// doubles when half full: a 500-character comment costs a few kilobytes, not a map of strings per feature.
public final class FeatureTally {

  private static final long EMPTY = 0;

  private final CharSequence text;
  private long[] keys;
  private double[] sums;
  private int[] froms;
  private int[] tos;
  private int size;
  private int lastFrom = -1;
  private int lastTo = -1;
  private int lastSlot;
  private final double[] dense;
  private final boolean[] densePresent;

  public FeatureTally(CharSequence text, int denseCount) {
    this.text = text;
    // About one span per two characters at most (a word, its pair with the next): rarely grown.
    int capacity = Integer.highestOneBit(Math.max(32, Math.min(text.length() / 2, 1 << 13)) - 1) << 1;
    keys = new long[capacity];
    sums = new double[capacity];
    froms = new int[capacity];
    tos = new int[capacity];
    dense = new double[denseCount];
    densePresent = new boolean[denseCount];
  }

  // Adds a hashed feature's weight to the span text[from, to).
  public void add(int from, int to, double weight) {
    // The n-grams of one word come one after another and share its span: no hash, no probe for them.
    if (from == lastFrom && to == lastTo) {
      sums[lastSlot] += weight;
      return;
    }
    long key = spanHash(from, to);
    int mask = keys.length - 1;
    int slot = (int) (key ^ key >>> 32) & mask;
    while (keys[slot] != EMPTY) {
      if (keys[slot] == key) {
        sums[slot] += weight;
        remember(from, to, slot);
        return;
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    sums[slot] = weight;
    froms[slot] = from;
    tos[slot] = to;
    remember(from, to, slot);
    if (++size * 2 > keys.length) {
      grow();
      lastFrom = -1;
    }
  }

  private void remember(int from, int to, int slot) {
    lastFrom = from;
    lastTo = to;
    lastSlot = slot;
  }

  // A dense feature's weight, present once.
  public void dense(int index, double weight) {
    dense[index] = weight;
    densePresent[index] = true;
  }

  // The strongest positive features, strongest first, ties by shown text: hashed spans' sums divided by the
  // norm, quoted and lower-cased; dense features by name.
  public List<String> strongest(int limit, double norm) {
    // A small sorted list of the best slots (index ≥ 0: hashed slot; < 0: dense ~index).
    int[] best = new int[limit];
    double[] bestWeight = new double[limit];
    String[] bestShown = new String[limit];
    int kept = 0;
    for (int slot = 0; slot < keys.length; slot++) {
      if (keys[slot] != EMPTY) {
        kept = offer(best, bestWeight, bestShown, kept, slot, sums[slot] / norm);
      }
    }
    for (int i = 0; i < dense.length; i++) {
      if (densePresent[i]) {
        kept = offer(best, bestWeight, bestShown, kept, ~i, dense[i]);
      }
    }
    List<String> out = new ArrayList<>(kept);
    for (int i = 0; i < kept; i++) {
      out.add(shownOf(best[i], bestShown, i));
    }
    return out;
  }

  private int offer(int[] best, double[] bestWeight, String[] bestShown, int kept, int id, double weight) {
    if (!(weight > 0)) {
      return kept;
    }
    int limit = best.length;
    if (kept == limit && weight < bestWeight[limit - 1]) {
      return kept;
    }
    // Equal weights are ordered by shown text, as a moderator would sort them; strings only for those ties.
    int at = kept;
    while (at > 0 && (weight > bestWeight[at - 1] || weight == bestWeight[at - 1]
        && shownOf(id, bestShown, -1).compareTo(shownOf(best[at - 1], bestShown, at - 1)) < 0)) {
      at--;
    }
    if (at == limit) {
      return kept;
    }
    int last = Math.min(kept, limit - 1);
    System.arraycopy(best, at, best, at + 1, last - at);
    System.arraycopy(bestWeight, at, bestWeight, at + 1, last - at);
    System.arraycopy(bestShown, at, bestShown, at + 1, last - at);
    best[at] = id;
    bestWeight[at] = weight;
    bestShown[at] = null;
    return Math.min(kept + 1, limit);
  }

  private String shownOf(int id, String[] cache, int index) {
    if (index >= 0 && cache[index] != null) {
      return cache[index];
    }
    String shown = id < 0 ? SpamFeatures.denseName(~id)
        : "\"" + text.subSequence(froms[id], tos[id]).toString().toLowerCase(Locale.ROOT) + "\"";
    if (index >= 0) {
      cache[index] = shown;
    }
    return shown;
  }

  // FNV-1a over the span's lower-cased characters, in 64 bits; never EMPTY.
  private long spanHash(int from, int to) {
    long h = 0xCBF29CE484222325L;
    for (int i = from; i < to; i++) {
      h = (h ^ Character.toLowerCase(text.charAt(i))) * 0x100000001B3L;
    }
    return h == EMPTY ? 1 : h;
  }

  private void grow() {
    long[] oldKeys = keys;
    double[] oldSums = sums;
    int[] oldFroms = froms;
    int[] oldTos = tos;
    keys = new long[oldKeys.length * 2];
    sums = new double[keys.length];
    froms = new int[keys.length];
    tos = new int[keys.length];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = (int) (oldKeys[i] ^ oldKeys[i] >>> 32) & mask;
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        sums[slot] = oldSums[i];
        froms[slot] = oldFroms[i];
        tos[slot] = oldTos[i];
      }
    }
  }
}
