package org.petition.spring.web;

import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.boot.web.server.servlet.Session;
import org.springframework.core.Ordered;

/**
 * The session cookie that carries a returning signer's sign-in: {@code HttpOnly} (no script reads it), {@code
 * SameSite=Lax} (no other site's POST carries it) and {@code Secure} when {@code petition.base-url} is https. Each
 * is only a default: a value set with {@code server.servlet.session.cookie.*} is left as it is (this runs after
 * Boot's own customizer, which applies those).
 */
public class SessionCookieDefaults implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory>,
    Ordered {

  private final boolean secure;

  /** @param secure whether the site is served over https, so the cookie is sent only there */
  public SessionCookieDefaults(boolean secure) {
    this.secure = secure;
  }

  @Override
  public void customize(ConfigurableServletWebServerFactory factory) {
    Session session = factory.getSettings().getSession();
    if (session == null) {
      session = new Session();
      factory.setSession(session);
    }
    Cookie cookie = session.getCookie();
    if (cookie.getHttpOnly() == null) {
      cookie.setHttpOnly(true);
    }
    if (cookie.getSameSite() == null) {
      cookie.setSameSite(Cookie.SameSite.LAX);
    }
    if (cookie.getSecure() == null && secure) {
      cookie.setSecure(true);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
