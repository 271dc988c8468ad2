/**
 * Dataset formats: each adapter says how to open its rows, which columns it derives, and the
 * schema it uses when the config leaves one out. Add a format by adding one adapter.
 */
package io.htlnet.data.adapters;
