package org.petition.internal;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.petition.Petition;
import org.petition.store.HouseholdMember;
import org.petition.store.InsertOutcome;
import org.petition.store.NewSignature;
import org.petition.store.SigningStore;

/**
 * Stores a signing under the household rule: up to N signatures per address, each with a different name.
 * The store's unique (petition, email key, slot) index settles races; a lost race retries the next free slot.
 */
public final class HouseholdSlots {

  private final SigningStore store;

  public HouseholdSlots(SigningStore store) {
    this.store = store;
  }

  public InsertOutcome insert(Petition petition, NewSignature draft, boolean confirmNow) {
    int allowed = petition.signaturesPerEmail();
    if (allowed == 1) {
      return store.insert(draft, confirmNow);
    }
    InsertOutcome outcome = new InsertOutcome.DuplicateEmail(0);
    for (int attempt = 0; attempt < allowed; attempt++) {
      List<HouseholdMember> members = store.household(petition.slug(), draft.emailKey());
      HouseholdMember sameName = sameName(members, draft.nameKey());
      if (sameName != null) {
        return new InsertOutcome.DuplicateEmail(sameName.id()); // this signer's own earlier signature
      }
      if (members.size() >= allowed) {
        return new InsertOutcome.DuplicateEmail(members.get(0).id());
      }
      outcome = store.insert(draft.withHouseholdSlot(firstFree(members, allowed)), confirmNow);
      if (!(outcome instanceof InsertOutcome.DuplicateEmail)) {
        return outcome;
      }
    }
    return outcome;
  }

  private static @Nullable HouseholdMember sameName(List<HouseholdMember> members, byte[] nameKey) {
    for (HouseholdMember member : members) {
      if (Arrays.equals(member.nameKey(), nameKey)) {
        return member;
      }
    }
    return null;
  }

  private static int firstFree(List<HouseholdMember> members, int allowed) {
    int slot = 0;
    while (slot < allowed && taken(members, slot)) {
      slot++;
    }
    return slot;
  }

  private static boolean taken(List<HouseholdMember> members, int slot) {
    for (HouseholdMember member : members) {
      if (member.slot() == slot) {
        return true;
      }
    }
    return false;
  }
}
