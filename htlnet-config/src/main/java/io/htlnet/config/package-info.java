/**
 * The run configuration: typed records, their defaults ({@code defaults.yaml}, the only place a
 * default is written) and the loader that merges a user's YAML and {@code --set} overrides on top.
 */
package io.htlnet.config;
