package io.openrsp.smdp.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InventoryPropertiesTest {

    @Test
    void constructorWhenNothingSetThenDefaults() {
        var properties = new InventoryProperties(null, null, null, null);

        assertThat(properties.masterKeyFile()).isEqualTo(Path.of("./pki/master.key"));
        assertThat(properties.demoIccidPrefix()).isEqualTo("890010100");
        assertThat(properties.demoImsiPrefix()).isEqualTo("00101");
        assertThat(properties.maxDemoCount()).isEqualTo(10_000);
        assertThat(properties.demoSerialDigits()).isEqualTo(10);
    }

    @Test
    void constructorWhenIccidPrefixTooLongForSerialThenRefusedNamingSetting() {
        assertThatThrownBy(() -> new InventoryProperties(null, "8900101000", "00101", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("openrsp.smdp.inventory.demo-iccid-prefix must have 7 to 9 digits"
                        + " (with a 5-digit IMSI prefix)");
    }

    @Test
    void constructorWhenImsiPrefixNotMccMncThenRefusedNamingSetting() {
        assertThatThrownBy(() -> new InventoryProperties(null, null, "0010", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("openrsp.smdp.inventory.demo-imsi-prefix must be an MCC and MNC of 5 or 6 digits");
    }

    @Test
    void constructorWhenMaxDemoCountZeroThenRefused() {
        assertThatThrownBy(() -> new InventoryProperties(null, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("openrsp.smdp.inventory.max-demo-count must be positive");
    }
}
