/** The {@code htlnet} command line: train, evaluate, demo and benchmarks, on picocli. */
package io.htlnet.cli;
