package org.petition.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link PetitionConfigurationException} into Boot's "APPLICATION FAILED TO START" report. */
class PetitionConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<PetitionConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, PetitionConfigurationException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
