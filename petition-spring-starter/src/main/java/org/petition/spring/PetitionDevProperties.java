package org.petition.spring;

/**
 * Development aids; none is for production.
 *
 * <p>Bound under {@code petition.dev} ({@link PetitionProperties#getDev()}).
 */
public class PetitionDevProperties {

  private final Outbox outbox = new Outbox();

  public Outbox getOutbox() {
    return outbox;
  }

  /** The in-memory outbox as a page, when no mail server is configured. */
  public static class Outbox {

    /**
     * Whether /dev/petition-outbox shows the confirmation mails kept in memory (no JavaMailSender), as a page and as
     * JSON, to clients on this machine (loopback) only. It shows addresses and live links.
     */
    private boolean enabled;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
