package org.petition.spring;

import java.util.ArrayList;
import java.util.List;

/**
 * The REST API and the confirmation pages.
 *
 * <p>Bound under {@code petition.web} ({@link PetitionProperties#getWeb()}).
 */
public class PetitionWebProperties {

  /** Whether the REST API and the /confirm and /revoke pages are served. */
  private boolean enabled = true;

  /**
   * Proxies (CIDRs such as 10.0.0.0/8, or single addresses) whose X-Forwarded-For is believed; empty by
   * default, so the direct peer is the client.
   */
  private List<String> trustedProxies = new ArrayList<>();

  /**
   * The largest request body accepted by every endpoint of the starter (the API's JSON, the /confirm and
   * /revoke forms), in bytes, whether its length is declared or it is streamed (chunked, HTTP/2); a larger one
   * is answered 413 after at most this many bytes plus one have been read. The default fits the longest
   * signing the default field limits allow even with every character escaped in JSON's six-byte form (about 20 KB).
   */
  private int maxBodyBytes = 32 * 1024;

  /**
   * The largest signing with a photo (multipart/form-data to POST /api/petitions/{slug}/signatures) accepted,
   * in bytes, declared or streamed; a larger one is answered 413. The default is the photo's 5 MB and 64 KB for
   * the other fields, so a photo just over 5 MB is answered 422 on photo, a larger body 413.
   */
  private int maxUploadBytes = 5 * 1024 * 1024 + 64 * 1024;

  public int getMaxUploadBytes() {
    return maxUploadBytes;
  }

  public void setMaxUploadBytes(int maxUploadBytes) {
    this.maxUploadBytes = maxUploadBytes;
  }

  /**
   * A path every starter route (the API and the pages behind mail links) and every link in mails is put
   * under, such as /petitions; empty by default (the routes at the root of the application).
   */
  private String basePath = "";

  public String getBasePath() {
    return basePath;
  }

  public void setBasePath(String basePath) {
    this.basePath = basePath;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public List<String> getTrustedProxies() {
    return trustedProxies;
  }

  public void setTrustedProxies(List<String> trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  public int getMaxBodyBytes() {
    return maxBodyBytes;
  }

  public void setMaxBodyBytes(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }
}
