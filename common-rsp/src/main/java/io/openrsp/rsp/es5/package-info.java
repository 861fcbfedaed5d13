/**
 * ES5 between the SM-SR and the eUICC's ISD-R (GSMA SGP.02 v4.2 §4.1.1, DESIGN.md §3.3): the command APDUs of
 * the expanded remote scripts ({@link io.openrsp.rsp.es5.IsdRCommands} builds them, {@link
 * io.openrsp.rsp.es5.IsdRCommand#parse} reads them on the card), the GET STATUS answer ({@link
 * io.openrsp.rsp.es5.GetStatusResponse}) and the card's notifications ({@link io.openrsp.rsp.es5.Notification}).
 * The transport (SCP80 push, SCP81 session headers) is in {@code io.openrsp.rsp.scp81}.
 */
package io.openrsp.rsp.es5;
