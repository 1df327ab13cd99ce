package org.petition.spring;

import static org.petition.spring.PropertyChecks.apply;
import static org.petition.spring.PropertyChecks.positive;

import java.util.List;
import java.util.regex.Pattern;
import org.petition.spring.web.TrustedProxies;

/**
 * {@code petition.web.*}: the trusted proxies (each entry named by its index), the base path every route and mail
 * link is put under, and the request body limits.
 */
public final class PetitionWebMapper {

  private static final Pattern BASE_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

  private PetitionWebMapper() {}

  /** The trusted proxies of {@code petition.web.trusted-proxies}. */
  public static TrustedProxies trustedProxies(PetitionProperties properties) {
    return trustedProxies(properties.getWeb().getTrustedProxies());
  }

  /** Trusted proxies from the entries of {@code petition.web.trusted-proxies}, each named in errors. */
  public static TrustedProxies trustedProxies(List<String> entries) {
    TrustedProxies.Builder builder = TrustedProxies.builder();
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i) == null ? "" : entries.get(i).strip();
      apply("petition.web.trusted-proxies[" + i + "]",
          "Use an address literal such as 10.0.0.1 or a CIDR such as 10.0.0.0/8 or 2001:db8::/32;"
              + " host names are not looked up.", () -> builder.add(entry));
    }
    return builder.build();
  }

  /**
   * {@code petition.web.base-path}: empty, or {@code /} and segments of letters, digits, {@code - . _ ~}
   * separated by single slashes, without a trailing slash (such as {@code /petitions}).
   */
  public static String basePath(PetitionProperties properties) {
    String path = properties.getWeb().getBasePath();
    if (path == null || path.isEmpty()) {
      return "";
    }
    if (!BASE_PATH.matcher(path).matches()) {
      throw new PetitionConfigurationException("petition.web.base-path", "is not a path prefix: '" + path + "'",
          "Use an empty value or a path such as /petitions: a leading slash, segments of letters, digits, '-', '.',"
              + " '_' or '~', and no trailing slash.", null);
    }
    return path;
  }

  /** The largest request body the starter's endpoints read, in bytes. */
  public static int maxBodyBytes(PetitionProperties properties) {
    return positive(properties.getWeb().getMaxBodyBytes(), "petition.web.max-body-bytes", "32768");
  }

  /**
   * The largest signing with a photo ({@code multipart/form-data}) read, in bytes: the photo's 5 MB and room
   * for the other fields by default; at least {@code petition.web.max-body-bytes}.
   */
  public static int maxUploadBytes(PetitionProperties properties) {
    int upload = positive(properties.getWeb().getMaxUploadBytes(), "petition.web.max-upload-bytes", "5308416");
    if (upload < maxBodyBytes(properties)) {
      throw new PetitionConfigurationException("petition.web.max-upload-bytes",
          "must be at least petition.web.max-body-bytes (" + maxBodyBytes(properties) + "), was " + upload,
          "Raise it, or lower petition.web.max-body-bytes.", null);
    }
    return upload;
  }
}
