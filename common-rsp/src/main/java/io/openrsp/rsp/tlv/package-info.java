/**
 * BER-TLV as GlobalPlatform and ETSI TS 102 226 use it (ISO/IEC 7816-4 §5.2, a subset of ITU-T X.690 §8.1):
 * tags of one to three bytes, definite lengths in their minimal form ({@code 00}-{@code 7F}, {@code 81 xx},
 * {@code 82 xxxx}, {@code 83 xxxxxx}) and the indefinite form {@code 80 ... 00 00} of the expanded remote
 * scripts.
 *
 * <p>Decoding is strict: every malformed input raises {@link io.openrsp.rsp.tlv.TlvException} naming the
 * byte offset and a {@link io.openrsp.rsp.tlv.TlvException.Reason}. Decoded objects share one copy of the
 * input and parse nested objects only when asked.
 */
package io.openrsp.rsp.tlv;
