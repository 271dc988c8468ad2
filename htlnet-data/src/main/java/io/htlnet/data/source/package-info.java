/** Where rows come from: a CSV file, or the built-in synthetic generator, behind one interface. */
package io.htlnet.data.source;
