package org.petition.store.jdbc.internal;

import java.time.Instant;
import org.petition.store.StoredSignature;

// A pending signature a confirmation batch has locked and will confirm at this instant.
public record LockedConfirmation(StoredSignature signature, Instant at) {}
