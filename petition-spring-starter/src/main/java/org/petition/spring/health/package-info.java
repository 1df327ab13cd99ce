/** An actuator health indicator: the store reachable, the mail outbox not backed up. */
@NullMarked
package org.petition.spring.health;

import org.jspecify.annotations.NullMarked;
