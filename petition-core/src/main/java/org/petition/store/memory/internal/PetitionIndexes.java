package org.petition.store.memory.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.petition.check.Finding;
import org.petition.log.LogEntry;
import org.petition.privacy.ConsentGrant;
import org.petition.store.NewSignature;
import org.petition.store.StoredSignature;

/**
 * One petition's indexes in the in-memory store: unique email and phone keys, look-alike names by city and by
 * network, held signatures, counters and the counted list, the shared lists of consents and findings, and the
 * petition's transparency log.
 */
public final class PetitionIndexes {

  public final KeyTable byEmail = new KeyTable();
  public final KeyTable byPhone = new KeyTable();
  // One shared list per distinct set of consents: most signatures of a petition give the same ones.
  public final Interner<List<ConsentGrant>> consentSets = new Interner<>(256, true);
  public final Interner<List<Finding>> findingSets = new Interner<>(4_096, true);
  public final ConcurrentSkipListSet<Long> held = new ConcurrentSkipListSet<>();
  public final LongAdder total = new LongAdder();
  public final ConcurrentMap<String, LongAdder> byCountry = new ConcurrentHashMap<>();
  public final CountedIndex counted = new CountedIndex();
  private final AtomicLong numbers = new AtomicLong();
  private final ConcurrentMap<NameAndCity, Set<Long>> byNameCity = new ConcurrentHashMap<>();
  private final ConcurrentMap<NameAndNetwork, Set<Long>> byNameNetwork = new ConcurrentHashMap<>();
  private final @Nullable PetitionLog log;

  /** A petition's indexes, appending to {@code log} (null: the store keeps no log). */
  public PetitionIndexes(@Nullable PetitionLog log) {
    this.log = log;
  }

  /** A hash key usable in maps: the first 16 bytes of a keyed hash, plus a slot. */
  private record Key(long high, long low, int slot) {
    Key(byte[] hash, int slot) {
      this(prefix(hash, 0), prefix(hash, 8), slot);
    }
  }

  private record NameAndCity(Key name, String city) {}

  private record NameAndNetwork(Key name, Key network) {}

  /** Eight bytes of a keyed hash from {@code offset}, as unique keys index them (16 bytes in all). */
  public static long prefix(byte[] hash, int offset) {
    long value = 0;
    for (int i = offset; i < Math.min(offset + 8, hash.length); i++) {
      value = (value << 8) | (hash[i] & 0xff);
    }
    return value;
  }

  private static String cityKey(String city) {
    return city.toLowerCase(Locale.ROOT);
  }

  public void indexName(NewSignature signature, long id) {
    if (signature.city() == null && signature.networkKey() == null) {
      return; // nothing to index by, as for a signing without city or IP address: no key object either
    }
    Key name = new Key(signature.nameKey(), 0);
    if (signature.city() != null) {
      byNameCity.computeIfAbsent(new NameAndCity(name, cityKey(signature.city())), k -> ConcurrentHashMap.newKeySet())
          .add(id);
    }
    if (signature.networkKey() != null) {
      byNameNetwork.computeIfAbsent(new NameAndNetwork(name, new Key(signature.networkKey(), 0)),
          k -> ConcurrentHashMap.newKeySet()).add(id);
    }
  }

  /** The ids (live or not) with this name key from this city, case aside; indexed, so flat with size. */
  public @Nullable Set<Long> namedInCity(byte[] nameKey, String city) {
    return byNameCity.get(new NameAndCity(new Key(nameKey, 0), cityKey(city)));
  }

  /** The ids (live or not) with this name key from this network. */
  public @Nullable Set<Long> namedOnNetwork(byte[] nameKey, byte[] networkKey) {
    return byNameNetwork.get(new NameAndNetwork(new Key(nameKey, 0), new Key(networkKey, 0)));
  }

  /** The petition's transparency log, or null when the store keeps none. */
  public @Nullable PetitionLog log() {
    return log;
  }

  /**
   * Gives a newly counted signature its number (or keeps {@code existing}), adds it to the counts and appends
   * its {@code COUNTED} entry, under the log's lock so the log and the count move together.
   */
  public long count(NewSignature signature, long id, long existing, Instant at) {
    if (log == null) {
      return countUnlogged(signature, id, existing);
    }
    synchronized (log) {
      long number = countUnlogged(signature, id, existing);
      log.append(LogEntry.Type.COUNTED, id, number, at);
      return number;
    }
  }

  private long countUnlogged(NewSignature signature, long id, long existing) {
    long number = existing > 0 ? existing : numbers.incrementAndGet();
    total.increment();
    if (signature.country() != null) {
      byCountry.computeIfAbsent(signature.country(), c -> new LongAdder()).increment();
    }
    counted.put(number, id, signature.kind());
    return number;
  }

  /** Takes a counted signature off the counts and appends its {@code UNCOUNTED} entry, as {@link #count} does. */
  public void uncount(StoredSignature signature, Instant at) {
    if (log == null) {
      uncountUnlogged(signature);
      return;
    }
    synchronized (log) {
      uncountUnlogged(signature);
      log.append(LogEntry.Type.UNCOUNTED, signature.id(), signature.number(), at);
    }
  }

  private void uncountUnlogged(StoredSignature signature) {
    total.decrement();
    if (signature.data().country() != null) {
      byCountry.computeIfAbsent(signature.data().country(), c -> new LongAdder()).decrement();
    }
    counted.remove(signature.number());
  }

  /** Takes a signature out of the unique keys, the held list and the name indexes. */
  public void release(StoredSignature signature) {
    NewSignature data = signature.data();
    held.remove(signature.id());
    byEmail.remove(prefix(data.emailKey(), 0), prefix(data.emailKey(), 8), data.householdSlot(), signature.id());
    byte[] phoneKey = data.phoneKey();
    if (phoneKey != null) {
      byPhone.remove(prefix(phoneKey, 0), prefix(phoneKey, 8), 0, signature.id());
    }
    if (data.city() != null) {
      Set<Long> named = namedInCity(data.nameKey(), data.city());
      if (named != null) {
        named.remove(signature.id());
      }
    }
    byte[] networkKey = data.networkKey();
    if (networkKey != null) {
      Set<Long> named = namedOnNetwork(data.nameKey(), networkKey);
      if (named != null) {
        named.remove(signature.id());
      }
    }
  }
}
