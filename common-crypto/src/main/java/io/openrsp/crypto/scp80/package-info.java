/**
 * ETSI TS 102 225 §5 secured packets (3GPP TS 31.115 over SMS) with AES: KIc algorithm 2 (AES-CBC), KID algorithm
 * 2 (AES-CMAC, 8-byte cryptographic checksum), 5-byte counter. {@link io.openrsp.crypto.scp80.Scp80Sender} builds
 * command packets and checks their PoR (the SM-SR's push SMS, DESIGN.md §3.2); {@link
 * io.openrsp.crypto.scp80.Scp80Receiver} checks command packets against a {@link
 * io.openrsp.crypto.scp80.Scp80Policy} and builds the PoR (the card). Counters live inside and persist only as
 * the opaque {@link io.openrsp.crypto.scp80.Scp80CounterState}; failures are {@link
 * io.openrsp.crypto.scp80.Scp80Exception} with their PoR status.
 */
package io.openrsp.crypto.scp80;
