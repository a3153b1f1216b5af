package dev.car.application.port.out;

/** Unpredictable bytes, for markers that must not collide, such as the tag car puts on each container exec. */
public interface RandomSource {

    byte[] nextBytes(int count);
}
