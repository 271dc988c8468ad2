package io.htlnet.data;

/** A dataset ready for training: the fitted preprocessor, the three encoded splits, and how rows were accounted for. */
public record PreparedData(
    Preprocessor preprocessor,
    EncodedSplit train,
    EncodedSplit validation,
    EncodedSplit test,
    RowAccounting accounting,
    String fingerprint) {}
