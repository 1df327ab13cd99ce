/** The REST API, the confirmation and revocation pages, and the client address behind proxies. */
@NullMarked
package org.petition.spring.web;

import org.jspecify.annotations.NullMarked;
