package io.kycflow.identity;

/**
 * An estimated age range in years (Rekognition's AgeRange; the local age model gives a point estimate with its
 * error band).
 *
 * @param low  lower bound
 * @param high upper bound
 */
public record AgeRange(int low, int high) {
}
