package org.petition.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The transparency log, under {@code petition.log}: every change to a petition's count is an entry of an
 * append-only Merkle log, and checkpoints of it are signed with Ed25519 (see docs/TRANSPARENCY-LOG.md).
 */
public class PetitionLogProperties {

  /**
   * Whether the store appends each petition's transparency log and the log's HTTP endpoints are served. When
   * on, at least one signing key is required.
   */
  private boolean enabled = true;

  /**
   * The checkpoint signing keys, oldest first: the last one signs, every one is published at /api/log/keys
   * (so checkpoints signed before a rotation still verify).
   */
  private List<Key> keys = new ArrayList<>();

  /** How often a new checkpoint is signed for each petition whose log grew since its latest one. */
  private Duration checkpointInterval = Duration.ofSeconds(10);

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public List<Key> getKeys() {
    return keys;
  }

  public void setKeys(List<Key> keys) {
    this.keys = keys;
  }

  public Duration getCheckpointInterval() {
    return checkpointInterval;
  }

  public void setCheckpointInterval(Duration checkpointInterval) {
    this.checkpointInterval = checkpointInterval;
  }

  /** A checkpoint signing key: its name and its Ed25519 seed. */
  public static class Key {

    /** The key's name in signatures and verifier keys, such as example.org/log: no spaces, no '+'. */
    private @Nullable String name;

    /**
     * The Ed25519 seed: base64 of 32 random bytes (openssl rand -base64 32), or a Go signer key
     * PRIVATE+KEY+name+id+data. Never logged.
     */
    private @Nullable String seed;

    public @Nullable String getName() {
      return name;
    }

    public void setName(@Nullable String name) {
      this.name = name;
    }

    public @Nullable String getSeed() {
      return seed;
    }

    public void setSeed(@Nullable String seed) {
      this.seed = seed;
    }

    @Override
    public String toString() {
      return "Key[name=" + name + ", seed=" + (seed == null ? "unset" : "(set)") + "]";
    }
  }
}
