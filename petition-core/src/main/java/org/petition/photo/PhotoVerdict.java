package org.petition.photo;

import java.util.Objects;
import org.petition.Violation;

/** What {@link PhotoProcessor#process} made of an upload: a photo, or why not (a violation on {@code photo}). */
public sealed interface PhotoVerdict {

  /** The upload is an image within the limits; here it is, cleaned. */
  record Accepted(ProcessedPhoto photo) implements PhotoVerdict {
    public Accepted {
      Objects.requireNonNull(photo, "photo must not be null");
    }
  }

  /**
   * The upload was refused; the violation names the field {@code photo} and one of the codes {@code
   * photo.empty}, {@code photo.too_large}, {@code photo.not_image}, {@code photo.too_many_pixels}, {@code
   * photo.damaged}.
   */
  record Rejected(Violation violation) implements PhotoVerdict {
    public Rejected {
      Objects.requireNonNull(violation, "violation must not be null");
    }
  }
}
