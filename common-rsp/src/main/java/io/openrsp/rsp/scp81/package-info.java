/**
 * ES5 wake-up and SCP81 session data (GSMA SGP.02 v4.2 §2.4, DESIGN.md §3.2): the SGP.02 PSK-TLS identity
 * ({@link io.openrsp.rsp.scp81.PskIdentity}) and the GlobalPlatform Amendment B administration session
 * triggering parameters carried by the push SMS ({@link io.openrsp.rsp.scp81.AdminSessionTrigger}).
 * Strict decoding raises {@link io.openrsp.rsp.scp81.Scp81FormatException}. Every tag choice is in
 * {@link io.openrsp.rsp.scp81.TriggerTags}.
 */
package io.openrsp.rsp.scp81;
