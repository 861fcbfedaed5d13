/**
 * ETSI TS 102 226 §5.2 expanded remote APDU format, as GSMA SGP.02 carries it over SCP81 (DESIGN.md §3.2):
 * {@link io.openrsp.rsp.script.CommandScript} ({@code AE 80 {22 L C-APDU}... 00 00} or {@code AA L ...})
 * and {@link io.openrsp.rsp.script.ResponseScript} ({@code AF 80 {80 01 n} {23 L R-APDU}... 00 00} or
 * {@code AB L ...}). Strict decoding raises {@link io.openrsp.rsp.script.ScriptException}.
 */
package io.openrsp.rsp.script;
