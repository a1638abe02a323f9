/**
 * Storages of studies and trials: the {@link org.tunebook.storage.Storage} interface, the in-memory
 * implementation, and {@link org.tunebook.storage.Storages#open(String)} to pick one by URL.
 */
package org.tunebook.storage;
