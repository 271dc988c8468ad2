package io.htlnet.model;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Copies between Java arrays and tensors through flat buffers (the ndarray helpers are ~100× slower). */
final class Tensors {
  private Tensors() {}

  static TInt32 ints(int[] values, int length, long... shape) {
    return TInt32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false).narrow(length));
  }

  static TFloat32 floats(float[] values, int length, long... shape) {
    return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false).narrow(length));
  }

  static float[] toArray(Tensor tensor) {
    TFloat32 t = (TFloat32) tensor;
    float[] out = new float[(int) t.shape().size()];
    t.copyTo(DataBuffers.of(out, false, false));
    return out;
  }
}
