package org.tunebook;

/** How values of a numeric parameter are spread over its range. */
public enum Scale {
    /** Evenly over the range. */
    LINEAR,
    /** Evenly over the logarithm of the range (for learning rates, regularization strengths, …). */
    LOG
}
