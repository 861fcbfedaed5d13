/**
 * GlobalPlatform Card Specification v2.3 Amendment D (SCP03) v1.2 and this platform's SCP03t (DESIGN.md §4 step
 * 4, §11), in both roles.
 *
 * <ul>
 *   <li>{@link io.openrsp.crypto.scp03.Scp03Kdf}: NIST SP 800-108 counter-mode KDF with AES-CMAC, GP layout;
 *   <li>{@link io.openrsp.crypto.scp03.Scp03HostSession} and {@link io.openrsp.crypto.scp03.Scp03CardSession}:
 *       an SCP03 session over short APDU byte arrays (S8 mode, security levels 01, 03, 11, 13, 33);
 *   <li>{@link io.openrsp.crypto.scp03.Scp03tHost} and {@link io.openrsp.crypto.scp03.Scp03tCard}: the ES8
 *       profile download as a TLV stream {@code 84 85 86.. / 87}; every platform choice is in {@code
 *       Scp03tFormat}.
 * </ul>
 *
 * <p>Session keys, MAC chaining values and encryption counters never leave the session objects; MACs are checked
 * in constant time before anything is decrypted; a failed check closes the session.
 */
package io.openrsp.crypto.scp03;
