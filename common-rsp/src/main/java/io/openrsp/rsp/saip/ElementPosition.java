package io.openrsp.rsp.saip;

/**
 * Where a profile element sits in a package: its index, its first byte, and its PEHeader identification once
 * read (-1 before).
 */
record ElementPosition(int index, int start, int identification) {

    ElementPosition withIdentification(int id) {
        return new ElementPosition(index, start, id);
    }
}
