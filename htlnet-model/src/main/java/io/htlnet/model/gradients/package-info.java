/** Ways to combine the tasks' gradients on the shared embeddings, behind {@link io.htlnet.model.gradients.GradientMethod}; one file each. */
package io.htlnet.model.gradients;
