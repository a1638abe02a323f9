/** Plots of studies drawn with XChart (optimization history, importances, contour, …); filled in by the plots issue. */
package org.tunebook.plots;
