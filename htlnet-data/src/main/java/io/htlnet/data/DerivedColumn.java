package io.htlnet.data;

/** A column computed from one source column, e.g. the hour of an {@code hhmm} field; errors are reported at the source column. */
public record DerivedColumn(String name, String source, Derivation derivation) {}
