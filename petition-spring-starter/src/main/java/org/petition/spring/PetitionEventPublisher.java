package org.petition.spring;

import java.util.Objects;
import org.petition.Petitions;
import org.petition.event.Subscription;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Republishes every core {@link org.petition.event.PetitionEvent} through Spring's {@link
 * ApplicationEventPublisher}, so {@code @EventListener void on(PetitionEvent.Confirmed event)} works.
 * Events carry no personal data. Listeners run on the signing thread unless they are {@code @Async}.
 */
public final class PetitionEventPublisher implements DisposableBean {

  private final Subscription subscription;

  public PetitionEventPublisher(Petitions petitions, ApplicationEventPublisher publisher) {
    Objects.requireNonNull(publisher, "publisher must not be null");
    this.subscription = petitions.events().onEvent(publisher::publishEvent);
  }

  @Override
  public void destroy() {
    subscription.close();
  }
}
