package org.petition.demo;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** What every demo page needs: the language, for the html lang attribute and the language switch. */
@ControllerAdvice(assignableTypes = {PetitionPageController.class, DevOutboxController.class})
class ViewDefaults {

  @ModelAttribute("lang")
  String lang(HttpServletRequest request) {
    return RequestContextUtils.getLocale(request).getLanguage();
  }
}
