package org.petition.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method's null contract for NullAway, which reads any annotation of this simple name (for example
 * {@code "null -> false"}: a null argument gives {@code false}, so a {@code true} answer proves it non-null).
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Contract {
  String value();
}
