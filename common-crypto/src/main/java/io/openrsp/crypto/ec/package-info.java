/**
 * Elliptic-curve cryptography on NIST P-256 (secp256r1), the only curve of GSMA SGP.02: typed keys
 * ({@link io.openrsp.crypto.ec.EcPublicKey}, {@link io.openrsp.crypto.ec.EcPrivateKey}, {@link
 * io.openrsp.crypto.ec.EcKeyPair}), ECKA-DH key agreement ({@link io.openrsp.crypto.ec.Ecka}) and ECDSA
 * with SHA-256 ({@link io.openrsp.crypto.ec.EcdsaP256Signer}, {@link io.openrsp.crypto.ec.EcdsaP256Verifier}).
 *
 * <p>Engines, chosen by measurement (JDK 25.0.3 on a 2-core AMD EPYC with AVX2, no AVX-512; medians of 15
 * batches of 200 operations, both engines in the same run): signing and key generation use the JDK's SunEC
 * (constant-time arithmetic on secret scalars); verification uses Bouncy Castle, 5 to 7 times faster than
 * SunEC there, and constant time is moot since every input is public; ECDH uses Bouncy Castle with a blinded
 * scalar, about 4 times faster than SunEC (see {@link io.openrsp.crypto.ec.Ecka}). Re-measure when the JDK or
 * the hardware changes.
 */
package io.openrsp.crypto.ec;
