package org.petition.store;

/**
 * A live signature sharing an email key with a new signing: used to apply the household rule.
 *
 * @param id the signature's id
 * @param slot its household slot
 * @param nameKey the keyed hash of its name's confusable skeleton
 */
public record HouseholdMember(long id, int slot, byte[] nameKey) {}
