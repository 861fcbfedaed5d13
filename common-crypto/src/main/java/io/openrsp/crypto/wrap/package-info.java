/**
 * ES1 key delivery (DESIGN.md §4 step 1, §11): the ISD-R keys the SM-SR generates at registration ({@link
 * io.openrsp.crypto.wrap.CardKeyMaterial}) and their wrapping for the card's ECASD key ({@link
 * io.openrsp.crypto.wrap.EcasdKeyWrap}).
 */
package io.openrsp.crypto.wrap;
