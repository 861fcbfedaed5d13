package io.openrsp.system;

/** {@link CardLifecycleScenario} on the embedded default: each service's H2 file database under its working directory. */
class CardLifecycleH2IT extends CardLifecycleScenario {

    @Override
    Database database() {
        return Database.h2();
    }
}
