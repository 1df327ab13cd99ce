package org.petition.store.jdbc;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.petition.store.ConfirmOutcome;
import org.petition.store.InsertOutcome;
import org.petition.store.RemoveOutcome;
import org.petition.store.TestSignatures;

/**
 * The process {@link PostgresCrashTest} kills: signs, confirms and sometimes revokes in a loop, and after
 * each commit returns appends {@code +id} (confirmed) or {@code -id} (revoked) to the acknowledgement file,
 * forced to disk, so the file lists only what the store acknowledged; {@code ?id} before asking for a
 * revocation, which may then be done without being acknowledged.
 *
 * <p>Arguments: JDBC URL, user, password, petition slug, acknowledgement file.
 */
public final class CrashSigner {

  private CrashSigner() {}

  public static void main(String[] args) throws Exception {
    TinyPool pool = new TinyPool(args[0], args[1], args[2], 2);
    JdbcSignatureStore store = JdbcSignatureStore.builder(pool).migrate(false).build();
    String petition = args[3];
    long pid = ProcessHandle.current().pid();
    List<Long> confirmed = new ArrayList<>();
    try (FileChannel acks = FileChannel.open(Path.of(args[4]), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      for (long i = 0; ; i++) {
        boolean confirmNow = i % 4 == 0;
        var signature = TestSignatures.on(petition, "crash-" + pid + "-" + i + "@example.org")
            .country(i % 3 == 0 ? "US" : i % 3 == 1 ? "KR" : null).held(i % 10 == 7).build();
        long id = ((InsertOutcome.Inserted) store.insert(signature, confirmNow)).id();
        if (!confirmNow && !(store.confirm(id, Instant.now()) instanceof ConfirmOutcome.Counted)) {
          continue; // held: not counted, not acknowledged
        }
        if (signature.held()) {
          continue;
        }
        acknowledge(acks, "+" + id);
        confirmed.add(id);
        if (i % 5 == 4) {
          long victim = confirmed.remove(confirmed.size() / 2);
          // Said before the revocation: killed after it commits but before "-victim" is written, the
          // signature is revoked though only its confirmation was acknowledged.
          acknowledge(acks, "?" + victim);
          if (store.revoke(victim, Instant.now()) instanceof RemoveOutcome.Removed) {
            acknowledge(acks, "-" + victim);
          }
        }
      }
    }
  }

  private static void acknowledge(FileChannel acks, String line) throws Exception {
    acks.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII)));
    acks.force(true);
  }
}
