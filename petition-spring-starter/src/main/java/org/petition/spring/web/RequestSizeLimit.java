package org.petition.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Refuses an API body declared larger than the limit before anything reads it: 413 with a JSON status. */
final class RequestSizeLimit implements HandlerInterceptor {

  private final long maxBytes;

  RequestSizeLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws java.io.IOException {
    if (handler instanceof HandlerMethod method && method.getBean() instanceof PetitionApiController
        && request.getContentLengthLong() > maxBytes) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("application/json");
      response.getOutputStream().write("{\"status\":\"TOO_LARGE\"}".getBytes(StandardCharsets.UTF_8));
      return false;
    }
    return true;
  }
}
