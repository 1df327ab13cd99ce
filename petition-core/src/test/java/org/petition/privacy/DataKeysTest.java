package org.petition.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataKeysTest {

  private final DataKey a = new DataKey("a", new byte[32]);
  private final DataKey b = new DataKey("b", new byte[32]);

  @Test
  void theLastKeyIsCurrent() {
    DataKeys keys = DataKeys.of(a, b);

    assertThat(keys.current().id()).isEqualTo("b");
    assertThat(keys.find("a")).contains(a);
    assertThat(keys.find("c")).isEmpty();
    assertThat(keys.toString()).isEqualTo("DataKeys[a, b]");
  }

  @Test
  void isUnaffectedByChangesToTheGivenList() {
    List<DataKey> list = new ArrayList<>(List.of(a));
    DataKeys keys = DataKeys.of(list);
    list.add(b);

    assertThat(keys.keys()).containsExactly(a);
    assertThatThrownBy(() -> keys.keys().add(b)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesAnEmptyRingAndDuplicateIds() {
    assertThatThrownBy(() -> DataKeys.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("data keys must hold at least one key");
    assertThatThrownBy(() -> DataKeys.of(a, b, new DataKey("a", new byte[32])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("data key ids must be unique, found a twice");
  }
}
