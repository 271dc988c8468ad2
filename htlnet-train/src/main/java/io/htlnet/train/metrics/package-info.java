/** The metrics of DESIGN.md, exactly as defined there; part of the public contract. */
package io.htlnet.train.metrics;
