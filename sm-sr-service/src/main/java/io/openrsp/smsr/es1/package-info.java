/**
 * GSMA SGP.02 v4.2 §5.2, ES1 (EUM → SM-SR): {@code RegisterEIS} over mutually authenticated HTTPS, with this
 * platform's key delivery (DESIGN.md §4 step 1: the SM-SR generates the card's SCP80 keys and SCP81 PSK and returns
 * them wrapped for the card's ECASD key).
 */
package io.openrsp.smsr.es1;
