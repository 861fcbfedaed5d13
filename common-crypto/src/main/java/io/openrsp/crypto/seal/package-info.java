/**
 * Secrets at rest (DESIGN.md §5, §9): the operator's {@link io.openrsp.crypto.seal.MasterKey}, one data key
 * derived from it per purpose, and the {@link io.openrsp.crypto.seal.Sealer} that binds each sealed blob to
 * its purpose and its row.
 */
package io.openrsp.crypto.seal;
