package org.petition.store;

/**
 * A service-provider interface: where petitions and signatures live, as the six roles it is made of:
 * {@link PetitionStore} (definitions), {@link SigningStore} (the signing lifecycle and the counts), {@link
 * ModerationStore} (moderators' reads and writes), {@link SubjectRightsStore} (the rights of signers) and
 * {@link LogStore} (each petition's transparency log, appended with every change to its count), and {@link
 * CoSigningStore} ("signers also signed", kept with the counts). A
 * third-party store checks itself against the published contract tests ({@code petition-core:tests}).
 *
 * <p>Implementations must be thread-safe and, for several application instances sharing one database,
 * enforce uniqueness and atomicity in the storage itself: {@link #insert} refuses a second live signature
 * with the same email key and household slot, or the same phone key, on a petition; {@link #confirm} moves
 * a signature to confirmed, gives it its number and updates the counts as one atomic step; counts never
 * include pending, held, revoked or removed signatures. A store never decides policy.
 */
public interface SignatureStore
    extends PetitionStore, SigningStore, ModerationStore, SubjectRightsStore, LogStore, CoSigningStore {}
