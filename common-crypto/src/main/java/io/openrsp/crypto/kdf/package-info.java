/**
 * Key derivation functions, each named after its exact construction (STYLE.md rule 6): {@link
 * io.openrsp.crypto.kdf.X963Kdf} (ANSI X9.63, used by ES8 key establishment) and {@link
 * io.openrsp.crypto.kdf.OneStepKdf} (NIST SP 800-56C Rev 2, used by ES1 key wrapping and the at-rest key
 * hierarchy). The SCP03 KDF (SP 800-108) lives with SCP03 in {@code io.openrsp.crypto.scp03}.
 *
 * <p>Inputs and outputs that are secret travel as {@link io.openrsp.crypto.SecretBytes}.
 */
package io.openrsp.crypto.kdf;
