/**
 * Cryptographic primitives of the platform (DESIGN.md section 5): typed keys, MACs, AEADs, KDFs, EC key
 * agreement and signatures, and the GlobalPlatform / ETSI secure channels built from them.
 *
 * <p>Rules that hold across the module: no public method takes raw key, IV, nonce, counter or MAC chaining
 * value bytes; MACs are verified in constant time before anything is decrypted; {@code toString()} of
 * anything secret is redacted; bad input raises {@link io.openrsp.crypto.CryptoException}.
 */
package io.openrsp.crypto;
