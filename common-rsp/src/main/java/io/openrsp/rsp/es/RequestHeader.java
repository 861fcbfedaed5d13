package io.openrsp.rsp.es;

/**
 * GSMA SGP.02 v4.2 §5.1 (function call header): who calls and which call this is. {@code functionCallIdentifier} is unique per
 * requester; a repeated identifier asks for the first call's result again (DESIGN.md §3.1).
 *
 * @param functionRequesterIdentifier the caller, e.g. {@code "SM-DP-1"} (mandatory)
 * @param functionCallIdentifier the caller's identifier of this call, e.g. a UUID (mandatory)
 */
public record RequestHeader(String functionRequesterIdentifier, String functionCallIdentifier) {

    public RequestHeader {
        Elements.mandatoryText("functionRequesterIdentifier", functionRequesterIdentifier);
        Elements.mandatoryText("functionCallIdentifier", functionCallIdentifier);
    }
}
