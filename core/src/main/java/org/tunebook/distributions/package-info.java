/**
 * Parameter distributions: float, int and categorical ranges, with Optuna's semantics and internal
 * representation.
 */
package org.tunebook.distributions;
