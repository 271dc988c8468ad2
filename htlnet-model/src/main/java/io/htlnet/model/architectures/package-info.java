/** Multi-task architectures behind {@link io.htlnet.model.architectures.Architecture}; one file each. */
package io.htlnet.model.architectures;
