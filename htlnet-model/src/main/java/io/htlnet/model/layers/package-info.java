/** Building blocks over TensorFlow's {@code Ops}: each creates its variables once and maps an input operand to an output. */
package io.htlnet.model.layers;
