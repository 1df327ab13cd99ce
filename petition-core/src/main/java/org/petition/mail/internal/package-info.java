@NullMarked
package org.petition.mail.internal;

import org.jspecify.annotations.NullMarked;
