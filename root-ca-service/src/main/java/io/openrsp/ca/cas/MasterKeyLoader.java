package io.openrsp.ca.cas;

import io.openrsp.ca.config.CaProperties;
import io.openrsp.crypto.seal.MasterKey;
import org.springframework.core.env.Environment;

/**
 * DESIGN.md §9: the root CA's master key, looked up as every service does ({@link MasterKey#load}): the setting
 * {@value MasterKey#ENV}, else the file named by {@value MasterKey#FILE_ENV}, else {@code
 * openrsp.ca.master-key-file} if that file exists. A missing or malformed key fails start-up with the setting's
 * name and never its value.
 */
public final class MasterKeyLoader {

    private MasterKeyLoader() {}

    public static MasterKey load(Environment environment, CaProperties properties) {
        return MasterKey.load(environment::getProperty, properties.masterKeyFile());
    }
}
