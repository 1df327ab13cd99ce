/** Spring Boot auto-configuration of petition. */
@NullMarked
package org.petition.spring;

import org.jspecify.annotations.NullMarked;
