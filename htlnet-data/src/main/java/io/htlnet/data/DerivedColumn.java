package io.htlnet.data;

import java.util.function.UnaryOperator;

/**
 * A column computed from one source column, e.g. the hour of an {@code hhmm} field. A derivation
 * that throws {@link NumberFormatException} is reported at its source column.
 */
public record DerivedColumn(String name, String source, UnaryOperator<String> derive) {}
