/** The {@code %tune} magic language, parsed and executed without a kernel; filled in by the notebook issue. */
package org.tunebook.magics;
