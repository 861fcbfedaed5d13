package io.openrsp.smsr.es5;

import io.openrsp.rsp.id.Eid;

/** Test fixture: valid EIDs (check digits computed), distinct per number. */
final class TestEids {

    private TestEids() {}

    static Eid eid(int n) {
        return Eid.withCheckDigits(String.format("890490320000000000000%09d", n));
    }
}
