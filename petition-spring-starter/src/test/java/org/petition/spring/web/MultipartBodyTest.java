package org.petition.spring.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The multipart/form-data parser: what a browser sends parses; anything malformed is empty, not an exception. */
class MultipartBodyTest {

  private static final String TYPE = "multipart/form-data; boundary=\"XyZ\"";

  private static byte[] body(String text) {
    return text.replace("\n", "\r\n").getBytes(UTF_8);
  }

  @Test
  void fieldsAndAFileParse() {
    MultipartBody body = MultipartBody.parse(body("""
        --XyZ
        Content-Disposition: form-data; name="firstName"

        영일
        --XyZ
        Content-Disposition: form-data; name="consents"

        terms
        --XyZ
        Content-Disposition: form-data; name="consents"

        privacy
        --XyZ
        Content-Disposition: form-data; name="photo"; filename="a \\"quoted\\" name.jpg"
        Content-Type: image/jpeg

        \u00ff\u00d8binary--XyZnot-a-delimiter
        --XyZ--
        """), TYPE).orElseThrow();
    assertThat(body.named("firstName")).singleElement().satisfies(p -> assertThat(p.text()).isEqualTo("영일"));
    assertThat(body.named("consents")).extracting(MultipartBody.Part::text).containsExactly("terms", "privacy");
    MultipartBody.Part photo = body.named("photo").get(0);
    assertThat(photo.filename()).isEqualTo("a \"quoted\" name.jpg");
    assertThat(new String(photo.content(), UTF_8)).endsWith("binary--XyZnot-a-delimiter");
    assertThat(MultipartSigning.form(body).firstName()).isEqualTo("영일");
    assertThat(MultipartSigning.photo(body)).isNotNull();
  }

  @Test
  void anEmptyFilePartIsNoPhoto() {
    MultipartBody body = MultipartBody.parse(body("""
        --XyZ
        Content-Disposition: form-data; name="photo"; filename=""
        Content-Type: application/octet-stream


        --XyZ--
        """), TYPE).orElseThrow();
    assertThat(MultipartSigning.photo(body)).isNull();
  }

  @Test
  void malformedBodiesAreEmpty() {
    assertThat(MultipartBody.parse(body("--XyZ\nContent-Disposition: form-data; name=\"a\"\n\nno end"), TYPE)).isEmpty();
    assertThat(MultipartBody.parse(body("--XyZ\nContent-Type: text/plain\n\nx\n--XyZ--\n"), TYPE)).isEmpty();
    assertThat(MultipartBody.parse(body("no delimiter at all"), TYPE)).isEmpty();
    assertThat(MultipartBody.parse(body("--XyZ--\n"), "multipart/form-data")).isEmpty(); // no boundary
    assertThat(MultipartBody.parse(body("--XyZ--\n"), "application/json")).isEmpty();
    StringBuilder many = new StringBuilder();
    for (int i = 0; i <= MultipartBody.MAX_PARTS; i++) {
      many.append("--XyZ\nContent-Disposition: form-data; name=\"f").append(i).append("\"\n\nv\n");
    }
    assertThat(MultipartBody.parse(body(many.append("--XyZ--\n").toString()), TYPE)).isEmpty();
  }

  @Test
  void theUploadRouteIsTheSigningPostOnly() {
    assertThat(RequestBodyLimitFilter.isSigning(request("POST", "/api/petitions/peace/signatures"))).isTrue();
    assertThat(RequestBodyLimitFilter.isSigning(request("POST", "/petitions/api/petitions/peace/signatures"))).isTrue();
    assertThat(RequestBodyLimitFilter.isSigning(request("GET", "/api/petitions/peace/signatures"))).isFalse();
    assertThat(RequestBodyLimitFilter.isSigning(request("POST", "/api/petitions/peace/resends"))).isFalse();
    assertThat(RequestBodyLimitFilter.isSigning(request("POST", "/api/petitions/a/b/signatures"))).isFalse();
    assertThat(RequestBodyLimitFilter.isSigning(request("POST", "/api/confirmations"))).isFalse();
  }

  private static jakarta.servlet.http.HttpServletRequest request(String method, String uri) {
    org.springframework.mock.web.MockHttpServletRequest request = new org.springframework.mock.web.MockHttpServletRequest(method, uri);
    return request;
  }
}
