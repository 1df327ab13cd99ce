@NullMarked
package org.petition.mail;

import org.jspecify.annotations.NullMarked;
