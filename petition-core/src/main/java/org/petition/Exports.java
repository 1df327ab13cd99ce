package org.petition;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.petition.log.Checkpoint;
import org.petition.privacy.OpenResult;
import org.petition.privacy.PersonalData;
import org.petition.privacy.PersonalDataCipher;
import org.petition.store.Counts;
import org.petition.store.SignatureStore;
import org.petition.store.StoredSignature;

/**
 * The delivery export behind {@link Petitions#export}: CSV (RFC 4180, Apache Commons CSV) whose last record is
 * {@code checkpoint,<signed checkpoint>}, the checkpoint of the log the rows correspond to. Rows are written
 * only when the log did not grow while they were read: every change to a count appends to the log, so an
 * unchanged log size means the rows are the state at that checkpoint.
 */
final class Exports {

  private static final int PAGE = 100;
  private static final int ATTEMPTS = 5;
  private static final CSVFormat CSV = CSVFormat.RFC4180;

  private final SignatureStore store;
  private final TransparencyLog log;
  private final PersonalDataCipher cipher;
  private final BiFunction<String, @Nullable String, SignaturePage> publicPages;

  Exports(SignatureStore store, TransparencyLog log, PersonalDataCipher cipher,
      BiFunction<String, @Nullable String, SignaturePage> publicPages) {
    this.store = store;
    this.log = log;
    this.cipher = cipher;
    this.publicPages = publicPages;
  }

  LogAnswer<String> export(String slug, ExportLevel level, Writer out) throws IOException {
    if (store.petition(slug).isEmpty()) {
      return new LogAnswer.UnknownPetition<>();
    }
    if (!log.enabled()) {
      return new LogAnswer.NotKept<>("an export ends with a signed checkpoint: the log and its keys are needed");
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      log.checkpointIfGrown(slug);
      Optional<String> note = store.latestCheckpoint(slug);
      if (note.isEmpty()) {
        break;
      }
      long size = Checkpoint.parse(note.get().substring(0, note.get().indexOf("\n\n") + 1)).size();
      if (store.logFrontier(slug).size() != size) {
        continue; // grown since the checkpoint: sign the next one
      }
      StringWriter rows = new StringWriter();
      CSVPrinter printer = new CSVPrinter(rows, CSV);
      switch (level) {
        case COUNTS -> counts(slug, printer);
        case PUBLIC -> publicRows(slug, printer);
        case TARGET -> targetRows(slug, printer);
      }
      if (store.logFrontier(slug).size() != size) {
        continue; // a count changed while the rows were read
      }
      printer.printRecord("checkpoint", note.get());
      printer.flush();
      out.write(rows.toString());
      out.flush();
      return new LogAnswer.Found<>(note.get());
    }
    return new LogAnswer.NotKept<>("the count kept changing while the export was read; try again");
  }

  private void counts(String slug, CSVPrinter printer) throws IOException {
    Counts counts = store.counts(slug);
    printer.printRecord("country", "signatures");
    printer.printRecord("ALL", counts.total());
    for (Map.Entry<String, Long> country : new TreeMap<>(counts.byCountry()).entrySet()) {
      printer.printRecord(country.getKey(), country.getValue());
    }
  }

  private void publicRows(String slug, CSVPrinter printer) throws IOException {
    printer.printRecord("number", "name", "affiliation", "city", "country", "signed_at", "comment");
    String cursor = null;
    do {
      SignaturePage page = publicPages.apply(slug, cursor);
      for (PublicSignature signature : page.items()) {
        printer.printRecord(signature.number(), signature.displayName(), text(signature.affiliation()),
            text(signature.city()), text(signature.country()), signature.signedAt(), text(signature.comment()));
      }
      cursor = page.next();
    } while (cursor != null);
  }

  private void targetRows(String slug, CSVPrinter printer) throws IOException {
    printer.printRecord("number", "first_name", "last_name", "organization", "city", "country", "signed_at",
        "comment", "letter");
    long before = Long.MAX_VALUE;
    while (true) {
      List<StoredSignature> page = store.latest(slug, null, before, PAGE);
      for (StoredSignature signature : page) {
        PersonalData data = open(signature);
        Instant at = signature.confirmedAt() != null ? signature.confirmedAt() : signature.data().signedAt();
        printer.printRecord(signature.number(), data == null ? "" : text(data.firstName()),
            data == null ? "" : text(data.lastName()), data == null ? "" : text(data.organizationName()),
            text(signature.data().city()), text(signature.data().country()), at,
            signature.data().commentHidden() ? "" : text(signature.data().comment()),
            data == null ? "" : text(data.letter()));
        before = signature.number();
      }
      if (page.size() < PAGE) {
        return;
      }
    }
  }

  // Null once erased (the signature may keep counting) or when no key of the ring opens it.
  private @Nullable PersonalData open(StoredSignature signature) {
    byte[] sealed = signature.data().sealedPersonalData();
    if (sealed.length == 0) {
      return null;
    }
    OpenResult opened = cipher.open(sealed, signature.petition().getBytes(StandardCharsets.UTF_8));
    return opened instanceof OpenResult.Opened plain ? PersonalData.decode(plain.plaintext()) : null;
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value;
  }
}
