package org.petition.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SequenceNamesTest {

  @Test
  void shortSlugsMapOneToOne() {
    assertThat(SequenceNames.of("save-the-park")).isEqualTo("petition_number_save_the_park");
    assertThat(SequenceNames.of("a")).isEqualTo("petition_number_a");
  }

  @Test
  void longSlugsStayWithinPostgresIdentifiersAndApart() {
    String base = "x".repeat(50);
    String one = SequenceNames.of(base + "-one");
    String two = SequenceNames.of(base + "-two");
    assertThat(one).hasSize(SequenceNames.MAX_IDENTIFIER).matches("[a-z0-9_]+");
    assertThat(two).hasSize(SequenceNames.MAX_IDENTIFIER);
    assertThat(one).isNotEqualTo(two);
    assertThat(SequenceNames.of("y".repeat(64))).hasSize(SequenceNames.MAX_IDENTIFIER);
  }

  @Test
  void onlySlugCharactersReachSql() {
    assertThatThrownBy(() -> SequenceNames.of("x'); DROP TABLE signature; --"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SequenceNames.of("")).isInstanceOf(IllegalArgumentException.class);
  }
}
