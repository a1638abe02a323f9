/** The tunebook Jupyter kernel (JShell, in-process) and its {@code %tune} glue; filled in by the notebook issue. */
package org.tunebook.kernel;
