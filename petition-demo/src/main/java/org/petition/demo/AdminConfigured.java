package org.petition.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the moderation console's credentials are configured: both {@code petition.demo.admin.username} and
 * {@code petition.demo.admin.password}, not blank. Without them there is no console at all.
 */
class AdminConfigured implements Condition {

  static final String USERNAME = "petition.demo.admin.username";
  static final String PASSWORD = "petition.demo.admin.password";

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String username = context.getEnvironment().getProperty(USERNAME);
    String password = context.getEnvironment().getProperty(PASSWORD);
    return username != null && !username.isBlank() && password != null && !password.isBlank();
  }
}
