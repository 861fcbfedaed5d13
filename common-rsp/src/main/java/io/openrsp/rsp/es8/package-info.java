/**
 * ES8 between the SM-DP and an ISD-P (GSMA SGP.02 v4.2 §4.1.3, §5.5), carried over ES3 SendData and ES5: the one
 * place for the ES8 choices DESIGN.md §11 lists as not confirmed by public text.
 *
 * <p><b>Transport</b> ({@link io.openrsp.rsp.es8.Es8StoreData}, {@link io.openrsp.rsp.es8.StoreDataAssembler}):
 * every ES8 command is a TLV ({@code 3A01}, {@code 3A02}, SCP03t {@code 84}, {@code 85}, {@code 86}); whole
 * TLVs, concatenated, travel in a STORE DATA sequence (one SendData script):
 *
 * <pre>
 *   80 E2 09 00 Lc &lt;bytes 0..254&gt;      block 00, more follow
 *   80 E2 09 01 Lc &lt;bytes 255..509&gt;    block 01, more follow
 *   80 E2 89 02 Lc &lt;rest&gt;             last block (P1 b8); ends on a TLV boundary
 * </pre>
 *
 * The card answers the block that completes a TLV with that TLV's response data and {@code 9000}, other blocks
 * with {@code 9000}; a block out of order, a malformed TLV, or a sequence ending inside a TLV: {@code 6A80}.
 * {@code 3A01}/{@code 3A02} are SGP.02's two-byte tags followed by a BER length ({@link
 * io.openrsp.rsp.es8.Es8Tags}).
 *
 * <p><b>Key establishment</b> (GlobalPlatform Amendment E scenario #3; {@link
 * io.openrsp.rsp.es8.HostKeyEstablishment}, {@link io.openrsp.rsp.es8.CardKeyEstablishment}):
 *
 * <pre>
 *   SM-DP → card   3A01 L &lt;CERT.DP.ECDSA, X.509 DER&gt;
 *   card  → SM-DP  85 10 &lt;challenge&gt;
 *   SM-DP → card   3A02 L { A6 L { 90 02 03 00 | 95 01 5C | 80 01 88 | 81 01 10 | 83 01 30 | 84 L hostId }
 *                           7F49 L { B0 41 &lt;ePK.DP, uncompressed&gt; | F0 01 00 }
 *                           5F37 40 &lt;ECDSA P-256 over A6 TLV || 7F49 TLV || 85 10 challenge, r||s&gt; }
 *   card  → SM-DP  85 10 &lt;DR&gt; 86 10 &lt;receipt&gt;
 *
 *   ShS        = ECKA(SK.ECASD, ePK.DP) = ECKA(eSK.DP, PK.ECASD), x-coordinate
 *   SharedInfo = 5C 88 10 || DR || len(hostId) || hostId
 *   KeyData    = X9.63-KDF-SHA-256(ShS, SharedInfo, 64) = receipt key || Key-ENC || Key-MAC || Key-DEK
 *   receipt    = AES-CMAC(receipt key, A6 TLV || 85 10 DR)
 *   key set    = SCP03 KVN 30 (Key-ENC, Key-MAC, Key-DEK)
 * </pre>
 *
 * <p><b>Download</b> (host code in the SM-DP): the SCP03t TLVs of {@code Scp03tHost.protect} split by {@code
 * Es8StoreData.sequences(tlvs, 200)}; the answer to the block completing the final {@code 86} is the {@code 87}
 * TLV. A MAC or sequence failure: the card answers {@code 6982} to that block and ends the session; the host
 * treats any status word other than {@code 9000} as a failure naming it.
 */
package io.openrsp.rsp.es8;
