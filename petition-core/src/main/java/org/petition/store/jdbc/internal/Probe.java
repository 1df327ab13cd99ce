package org.petition.store.jdbc.internal;

import java.util.concurrent.atomic.LongAdder;

/** TEMPORARY timing probe. */
public final class Probe {
  public static final String[] NAMES = {"txTotal", "selectLock", "nextval", "update", "numbers", "counts", "ledgerLock", "ledgerLink", "ledgerInsert", "ledgerHeads", "commitAll", "connectAll", "confirmAlone", "insertAlone", "handoff"};
  public static final LongAdder[] T = new LongAdder[NAMES.length];
  static { for (int i = 0; i < T.length; i++) T[i] = new LongAdder(); }
  private Probe() {}
  public static long now() { return System.nanoTime(); }
  public static long lap(int i, long since) { long n = System.nanoTime(); T[i].add(n - since); return n; }
  public static String report() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < T.length; i++) b.append(NAMES[i]).append('=').append(T[i].sum() / 1_000_000).append("ms ");
    return b.toString();
  }
}
