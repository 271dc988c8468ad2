/**
 * The model in TensorFlow graph mode: {@link io.htlnet.model.TrainingGraph} builds one graph
 * holding the whole training step (forward, per-task gradients on the shared embeddings, the
 * gradient method, Adam) and the inference outputs; {@link io.htlnet.model.ModelSession} runs it.
 */
package io.htlnet.model;
