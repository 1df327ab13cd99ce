package org.petition;

/** Who signs: a person, or an organisation signing beside people ("add your name or organization"). */
public enum SignerKind {
  PERSON,
  ORGANIZATION
}
