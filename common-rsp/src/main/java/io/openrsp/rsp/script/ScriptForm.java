package io.openrsp.rsp.script;

/** ETSI TS 102 226 §5.2: the two codings of a scripting template. */
public enum ScriptForm {
    /** {@code AA L ...} / {@code AB L ...}. */
    DEFINITE,
    /** {@code AE 80 ... 00 00} / {@code AF 80 ... 00 00}, the form SGP.02 servers usually send. */
    INDEFINITE
}
