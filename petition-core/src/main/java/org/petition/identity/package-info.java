/**
 * Who signed: the normalised text of form fields ({@link org.petition.identity.TextNormalizer}), and the
 * keys that find one person behind several spellings of an email ({@link
 * org.petition.identity.EmailCanonicalizer}), a phone number ({@link org.petition.identity.PhoneNormalizer}),
 * a name ({@link org.petition.identity.NameSkeleton}) or an IP address ({@link
 * org.petition.identity.IpAddresses}), hashed with a secret ({@link org.petition.identity.IdentityHasher}).
 * Every class is immutable and thread-safe.
 */
@NullMarked
package org.petition.identity;

import org.jspecify.annotations.NullMarked;
