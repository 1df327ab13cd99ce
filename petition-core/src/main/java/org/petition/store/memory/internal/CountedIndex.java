package org.petition.store.memory.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongPredicate;
import org.jspecify.annotations.Nullable;
import org.petition.SignerKind;

/**
 * The counted signatures of one petition by number (numbers are dense, handed out in order), each with
 * its kind: one array slot of 8 bytes a signature where two skip lists of boxed numbers and ids spent about
 * 170. Each page keeps a count per kind, so paging through a rare kind skips the pages without it.
 */
public final class CountedIndex {

  private static final int PAGE_BITS = 8;
  private static final int PAGE_SIZE = 1 << PAGE_BITS;
  private static final SignerKind[] KINDS = SignerKind.values();
  private static final int KIND_BITS = 3;

  static {
    if (KINDS.length > 1 << KIND_BITS) {
      throw new ExceptionInInitializerError("too many signer kinds for the counted index");
    }
  }

  private volatile @Nullable Page[] pages = new Page[4];
  private final Object grow = new Object();

  private static final class Page {
    // id << KIND_BITS | kind ordinal, 0 when the number is not counted.
    final AtomicLongArray entries = new AtomicLongArray(PAGE_SIZE);
    // Entries per kind ordinal, then the total.
    final AtomicIntegerArray counts = new AtomicIntegerArray(KINDS.length + 1);
  }

  public void put(long number, long id, SignerKind kind) {
    if (id <= 0 || id >= 1L << (63 - KIND_BITS)) {
      throw new IllegalArgumentException("id out of range: " + id);
    }
    Page page = pageFor(number);
    long previous = page.entries.getAndSet(slot(number), id << KIND_BITS | kind.ordinal());
    if (previous != 0) {
      page.counts.decrementAndGet((int) (previous & ((1 << KIND_BITS) - 1)));
      page.counts.decrementAndGet(KINDS.length);
    }
    page.counts.incrementAndGet(kind.ordinal());
    page.counts.incrementAndGet(KINDS.length);
  }

  public void remove(long number) {
    Page page = page(number);
    if (page == null) {
      return;
    }
    long previous = page.entries.getAndSet(slot(number), 0);
    if (previous != 0) {
      page.counts.decrementAndGet((int) (previous & ((1 << KIND_BITS) - 1)));
      page.counts.decrementAndGet(KINDS.length);
    }
  }

  /**
   * Hands the ids of numbers below {@code beforeNumber}, of {@code kind} (any when null), newest first to
   * {@code visitor} until it returns false.
   */
  public void descending(@Nullable SignerKind kind, long beforeNumber, LongPredicate visitor) {
    @Nullable Page[] current = pages;
    long capacity = (long) current.length << PAGE_BITS;
    long number = Math.min(beforeNumber - 1, capacity - 1);
    int countIndex = kind == null ? KINDS.length : kind.ordinal();
    while (number >= 1) {
      Page page = current[(int) (number >>> PAGE_BITS)];
      long pageStart = number & ~((long) PAGE_SIZE - 1);
      if (page != null && page.counts.get(countIndex) > 0) {
        for (; number >= Math.max(pageStart, 1); number--) {
          long entry = page.entries.get(slot(number));
          if (entry != 0 && (kind == null || (entry & ((1 << KIND_BITS) - 1)) == kind.ordinal())) {
            if (!visitor.test(entry >>> KIND_BITS)) {
              return;
            }
          }
        }
      }
      number = pageStart - 1;
    }
  }

  private @Nullable Page page(long number) {
    @Nullable Page[] current = pages;
    long index = number >>> PAGE_BITS;
    return number > 0 && index < current.length ? current[(int) index] : null;
  }

  private Page pageFor(long number) {
    if (number <= 0) {
      throw new IllegalArgumentException("numbers start at 1");
    }
    Page page = page(number);
    if (page != null) {
      return page;
    }
    synchronized (grow) {
      int index = Math.toIntExact(number >>> PAGE_BITS);
      @Nullable Page[] current = pages;
      if (index >= current.length) {
        current = Arrays.copyOf(current, Math.max(index + 1, current.length * 2));
      }
      page = current[index];
      if (page == null) {
        page = new Page();
        current[index] = page;
      }
      pages = current;
      return page;
    }
  }

  private static int slot(long number) {
    return (int) (number & (PAGE_SIZE - 1));
  }
}
