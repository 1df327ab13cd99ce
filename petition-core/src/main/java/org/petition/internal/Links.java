package org.petition.internal;

/** Builds every link a mail carries, on the site's base URL: the one place that knows the routes. */
public final class Links {

  private final String baseUrl;

  public Links(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String confirm(String token) {
    return baseUrl + "/confirm?token=" + token;
  }

  public String revoke(String token) {
    return baseUrl + "/revoke?token=" + token;
  }

  public String erase(String token) {
    return baseUrl + "/erase?token=" + token;
  }

  public String access(String token) {
    return baseUrl + "/access?token=" + token;
  }

  public String verifyAccount(String token) {
    return baseUrl + "/account/verify?token=" + token;
  }

  public String resetPassword(String token) {
    return baseUrl + "/account/reset?token=" + token;
  }
}
