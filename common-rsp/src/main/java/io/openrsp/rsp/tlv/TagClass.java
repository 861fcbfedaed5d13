package io.openrsp.rsp.tlv;

/** ITU-T X.690 §8.1.2.2: the class of a tag, bits 8 and 7 of its first byte. */
public enum TagClass {
    UNIVERSAL,
    APPLICATION,
    CONTEXT_SPECIFIC,
    PRIVATE;

    static TagClass ofFirstByte(int firstByte) {
        return values()[(firstByte >>> 6) & 0x03];
    }
}
