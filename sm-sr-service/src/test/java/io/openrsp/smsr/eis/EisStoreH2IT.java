package io.openrsp.smsr.eis;

/** {@link EisStoreScenario} on the embedded default database (H2, private in-memory instance). */
class EisStoreH2IT extends EisStoreScenario {

    private final TestEis eis = TestEis.h2();

    @Override
    TestEis eis() {
        return eis;
    }
}
