package org.petition.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.petition.internal.PageCursor;

/** The public list's cursor comes from the query string: any text decodes to a number or is refused. */
class PageCursorFuzzTest {

  @FuzzTest
  void decodeIsANumberOrARefusal(FuzzedDataProvider data) {
    String cursor = data.consumeRemainingAsString();
    long number;
    try {
      number = PageCursor.decode(cursor);
    } catch (IllegalArgumentException refused) {
      assertThat(refused).hasMessageContaining("cursor is malformed");
      return;
    }
    assertThat(number).isPositive();
    if (number != Long.MAX_VALUE || !cursor.isEmpty()) {
      assertThat(PageCursor.decode(PageCursor.encode(number))).isEqualTo(number);
    }
  }
}
