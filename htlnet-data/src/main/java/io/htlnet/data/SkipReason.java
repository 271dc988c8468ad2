package io.htlnet.data;

/** Why a row was not used; each skipped row is counted under exactly one reason. */
public enum SkipReason {
  WRONG_FIELD_COUNT("wrong_field_count"),
  NOT_A_NUMBER("not_a_number"),
  LABEL_NOT_BINARY("label_not_binary"),
  CORE_NOT_FINITE("core_not_finite"),
  CORE_NEGATIVE("core_negative");

  public final String key;

  SkipReason(String key) {
    this.key = key;
  }
}
