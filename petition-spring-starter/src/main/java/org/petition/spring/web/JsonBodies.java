package org.petition.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.petition.spring.web.LimitedInputStream.BodyTooLargeException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the API's JSON request bodies with a mapper of the starter's own, so the application's mapper (and
 * what its own endpoints accept) is left as it is. The body is read through a {@link LimitedInputStream} even
 * behind {@link RequestBodyLimitFilter}, and the parser is bounded: nesting depth, the length of a string, a
 * number and a property name, the count of tokens and the whole document.
 */
final class JsonBodies {

  /** A signing is an object with one array in it; anything nested deeper is not one. */
  static final int MAX_NESTING_DEPTH = 16;
  /** Digits of a number: epoch milliseconds have 13; a thousand-digit number costs its parse. */
  static final int MAX_NUMBER_LENGTH = 32;
  /** The API's own names are short. */
  static final int MAX_NAME_LENGTH = 256;
  /** A signing is some forty tokens. */
  static final long MAX_TOKEN_COUNT = 2048;

  private final long maxBytes;
  private final JsonMapper mapper;

  JsonBodies(long maxBytes) {
    this.maxBytes = maxBytes;
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxNumberLength(MAX_NUMBER_LENGTH)
        .maxNameLength(MAX_NAME_LENGTH)
        .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxBytes))
        .maxDocumentLength(maxBytes)
        .maxTokenCount(MAX_TOKEN_COUNT)
        .build();
    this.mapper = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
        .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // checked below, as malformed JSON
        .build();
  }

  /**
   * The body as {@code type}.
   *
   * @return {@code null} for no body (empty or white space) or the JSON {@code null}
   * @throws RefusedBody when the body is not JSON, is malformed, is not what {@code type} reads, or is too large
   */
  <T> @Nullable T read(HttpServletRequest request, Class<T> type) {
    String contentType = request.getContentType();
    @Nullable Charset charset = null;
    if (contentType != null) {
      MediaType mediaType;
      try {
        mediaType = MediaType.parseMediaType(contentType);
      } catch (InvalidMediaTypeException e) {
        throw new RefusedBody(RefusedBody.Reason.NOT_JSON);
      }
      if (!isJson(mediaType)) {
        throw new RefusedBody(RefusedBody.Reason.NOT_JSON);
      }
      charset = nonUnicodeCharset(mediaType);
    }
    byte[] body = body(request);
    if (isBlank(body)) {
      return null;
    }
    if (contentType == null) {
      throw new RefusedBody(RefusedBody.Reason.NOT_JSON);
    }
    try (JsonParser parser = charset == null ? mapper.createParser(body)
        : mapper.createParser(new String(body, charset))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        if (parser.currentToken() == JsonToken.VALUE_NULL && parser.nextToken() == null) {
          return null;
        }
        // Read to the end: a malformed body is malformed whatever it starts with.
        while (parser.nextToken() != null) {
          parser.skipChildren();
        }
        throw new RefusedBody(RefusedBody.Reason.NOT_AN_OBJECT);
      }
      T value = mapper.readValue(parser, type);
      if (parser.nextToken() != null) {
        throw new RefusedBody(RefusedBody.Reason.INVALID_JSON); // one JSON text, and nothing after it
      }
      return value;
    } catch (StreamReadException | StreamConstraintsException e) {
      throw new RefusedBody(RefusedBody.Reason.INVALID_JSON);
    } catch (JacksonException e) {
      // A JSON object holding what the form's records cannot be (never thrown by their Object fields today).
      throw new RefusedBody(RefusedBody.Reason.NOT_AN_OBJECT);
    }
  }

  private byte[] body(HttpServletRequest request) {
    try (InputStream in = new LimitedInputStream(request.getInputStream(), maxBytes)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      in.transferTo(out);
      return out.toByteArray();
    } catch (BodyTooLargeException e) {
      throw new RefusedBody(RefusedBody.Reason.TOO_LARGE);
    } catch (IOException e) {
      // The client went away or sent a broken chunk: nothing readable arrived.
      throw new RefusedBody(RefusedBody.Reason.INVALID_JSON);
    }
  }

  // application/json and application/*+json, as Spring's Jackson converter reads them.
  private static boolean isJson(MediaType type) {
    String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
    return type.getType().equalsIgnoreCase("application") && (subtype.equals("json") || subtype.endsWith("+json"));
  }

  // Jackson detects UTF-8, UTF-16 and UTF-32 itself; any other declared charset is decoded first.
  private static @Nullable Charset nonUnicodeCharset(MediaType type) {
    Charset charset;
    try {
      charset = type.getCharset();
    } catch (IllegalArgumentException e) {
      throw new RefusedBody(RefusedBody.Reason.NOT_JSON);
    }
    if (charset == null || charset.name().toUpperCase(Locale.ROOT).startsWith("UTF-")
        || charset.equals(StandardCharsets.US_ASCII)) {
      return null;
    }
    return charset;
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  /** A request body the API does not read, and why; {@link PetitionApiExceptionHandler} answers it. */
  static final class RefusedBody extends RuntimeException {
    private static final long serialVersionUID = 1L;

    enum Reason {
      /** Not {@code application/json} (or {@code +json}). */
      NOT_JSON,
      /** Not well-formed JSON, or JSON past the parser's bounds. */
      INVALID_JSON,
      /** Well-formed JSON, but not an object. */
      NOT_AN_OBJECT,
      /** Longer than the limit. */
      TOO_LARGE
    }

    private final Reason reason;

    RefusedBody(Reason reason) {
      super(reason.name(), null, false, false);
      this.reason = reason;
    }

    Reason reason() {
      return reason;
    }
  }
}
