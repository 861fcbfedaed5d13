package io.openrsp.euicc.card;

import io.openrsp.crypto.AesKey;
import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.SecretBytes;
import io.openrsp.crypto.SecretKeyAccess;
import io.openrsp.crypto.ec.EcPrivateKey;
import io.openrsp.crypto.scp03.Scp03KeySet;
import io.openrsp.crypto.seal.MasterKey;
import io.openrsp.crypto.seal.Sealer;
import io.openrsp.crypto.wrap.CardKeyMaterial;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * DESIGN.md §5 and §9 secrets at rest, for the simulator's cards: SK.ECASD and the ISD-R key material (SCP80 key set,
 * SCP81 PSK) are sealed with AES-256-GCM ({@link Sealer}) under data keys for {@value #ECASD_KEY_PURPOSE} and
 * {@value #CARD_KEYS_PURPOSE}, each bound to the card's EID bytes, so a blob copied to another card's row does not
 * open. An ISD-P's SCP03 key set from the ES8 key establishment ({@value #ISDP_KEY_SET_PURPOSE}) and the K and OPc of
 * the profile installed in it ({@value #PROFILE_KEYS_PURPOSE}) are bound to the EID and the ISD-P AID. Stored as
 * base64.
 *
 * <p>Opened key material of recently active cards stays in a bounded LRU cache ({@code openrsp.cards.key-cache-size}),
 * so a card in an admin session does not pay an AES-GCM open per message, while a fleet of 100,000 idle cards costs
 * no heap. A card's key material never changes once installed, so the cache needs no invalidation. Thread-safe.
 */
final class CardSecrets {

    static final String ECASD_KEY_PURPOSE = "openrsp/euicc-simulator/ecasd-key/v1";
    static final String CARD_KEYS_PURPOSE = "openrsp/euicc-simulator/card-keys/v1";
    static final String ISDP_KEY_SET_PURPOSE = "openrsp/euicc-simulator/isdp-scp03/v1";
    static final String PROFILE_KEYS_PURPOSE = "openrsp/euicc-simulator/profile-keys/v1";

    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

    private final Sealer ecasdKeys;
    private final Sealer cardKeys;
    private final Sealer isdpKeySets;
    private final Sealer profileKeys;
    private final Map<Eid, CardKeyMaterial> cache;

    CardSecrets(MasterKey masterKey, SecureRandom random, int cacheSize) {
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(random, "random");
        this.ecasdKeys = new Sealer(masterKey, ECASD_KEY_PURPOSE, random);
        this.cardKeys = new Sealer(masterKey, CARD_KEYS_PURPOSE, random);
        this.isdpKeySets = new Sealer(masterKey, ISDP_KEY_SET_PURPOSE, random);
        this.profileKeys = new Sealer(masterKey, PROFILE_KEYS_PURPOSE, random);
        this.cache = new LruMap(cacheSize);
    }

    String sealEcasdKey(Eid eid, EcPrivateKey key) {
        byte[] scalar = key.toScalar(SecretKeyAccess.get()).toByteArray(SecretKeyAccess.get());
        try {
            return BASE64.encodeToString(ecasdKeys.seal(scalar, eid.toBytes()));
        } finally {
            Arrays.fill(scalar, (byte) 0);
        }
    }

    /** @throws CryptoException if the blob does not open for this card (altered, another card's, another master key) */
    EcPrivateKey openEcasdKey(Eid eid, String sealed) throws CryptoException {
        byte[] scalar = ecasdKeys.open(decode(sealed), eid.toBytes());
        try {
            return EcPrivateKey.fromScalar(SecretBytes.copyOf(scalar));
        } finally {
            Arrays.fill(scalar, (byte) 0);
        }
    }

    String sealKeyMaterial(Eid eid, CardKeyMaterial material) {
        byte[] encoded = material.encode();
        try {
            return BASE64.encodeToString(cardKeys.seal(encoded, eid.toBytes()));
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /** The cached key material of {@code eid}, if it is in the cache. */
    Optional<CardKeyMaterial> cachedKeyMaterial(Eid eid) {
        synchronized (cache) {
            return Optional.ofNullable(cache.get(eid));
        }
    }

    /**
     * The key material sealed in {@code sealed}, from the cache when present.
     *
     * @throws CryptoException if the blob does not open for this card
     */
    CardKeyMaterial keyMaterial(Eid eid, String sealed) throws CryptoException {
        Optional<CardKeyMaterial> cached = cachedKeyMaterial(eid);
        if (cached.isPresent()) {
            return cached.get();
        }
        byte[] encoded = cardKeys.open(decode(sealed), eid.toBytes());
        try {
            CardKeyMaterial material = CardKeyMaterial.decode(encoded);
            remember(eid, material);
            return material;
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    void remember(Eid eid, CardKeyMaterial material) {
        synchronized (cache) {
            cache.put(eid, material);
        }
    }

    /** Seals Key-ENC || Key-MAC || Key-DEK of an ISD-P's key set; the KVN is stored beside it, in clear. */
    String sealKeySet(Eid eid, Aid isdp, Scp03KeySet keySet) {
        byte[] keys = concat(
                keySet.keyEnc().secret(),
                keySet.keyMac().secret(),
                keySet.keyDek().secret());
        try {
            return BASE64.encodeToString(isdpKeySets.seal(keys, context(eid, isdp)));
        } finally {
            Arrays.fill(keys, (byte) 0);
        }
    }

    /** @throws CryptoException if the blob does not open for this ISD-P */
    Scp03KeySet openKeySet(Eid eid, Aid isdp, int kvn, String sealed) throws CryptoException {
        byte[] keys = isdpKeySets.open(decode(sealed), context(eid, isdp));
        try {
            if (keys.length % 3 != 0) {
                throw new CryptoException("sealed key set has a wrong length");
            }
            int size = keys.length / 3;
            return new Scp03KeySet(kvn, aes(keys, 0, size), aes(keys, size, size), aes(keys, 2 * size, size));
        } finally {
            Arrays.fill(keys, (byte) 0);
        }
    }

    /** Seals K || OPc of the profile in {@code isdp}. */
    String sealProfileKeys(Eid eid, Aid isdp, SubscriberKeys subscriberKeys) {
        byte[] keys = concat(subscriberKeys.ki(), subscriberKeys.opc());
        try {
            return BASE64.encodeToString(profileKeys.seal(keys, context(eid, isdp)));
        } finally {
            Arrays.fill(keys, (byte) 0);
        }
    }

    /**
     * K and OPc of the profile in {@code isdp}, each 16 bytes.
     *
     * @throws CryptoException if the blob does not open for this ISD-P
     */
    SubscriberKeys openProfileKeys(Eid eid, Aid isdp, String sealed) throws CryptoException {
        byte[] keys = profileKeys.open(decode(sealed), context(eid, isdp));
        try {
            if (keys.length != 32) {
                throw new CryptoException("sealed profile keys have a wrong length");
            }
            return new SubscriberKeys(
                    SecretBytes.copyOf(Arrays.copyOfRange(keys, 0, 16)),
                    SecretBytes.copyOf(Arrays.copyOfRange(keys, 16, 32)));
        } finally {
            Arrays.fill(keys, (byte) 0);
        }
    }

    private static byte[] context(Eid eid, Aid isdp) {
        byte[] eidBytes = eid.toBytes();
        byte[] aid = isdp.bytes();
        byte[] context = Arrays.copyOf(eidBytes, eidBytes.length + aid.length);
        System.arraycopy(aid, 0, context, eidBytes.length, aid.length);
        return context;
    }

    private static byte[] concat(SecretBytes... parts) {
        int length = 0;
        for (SecretBytes part : parts) {
            length += part.length();
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (SecretBytes part : parts) {
            byte[] bytes = part.toByteArray(SecretKeyAccess.get());
            System.arraycopy(bytes, 0, out, offset, bytes.length);
            offset += bytes.length;
            Arrays.fill(bytes, (byte) 0);
        }
        return out;
    }

    private static AesKey aes(byte[] keys, int offset, int length) {
        byte[] key = Arrays.copyOfRange(keys, offset, offset + length);
        try {
            return AesKey.of(SecretBytes.copyOf(key));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] decode(String sealed) throws CryptoException {
        try {
            return BASE64_DECODER.decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new CryptoException("sealed value is not base64");
        }
    }

    @Override
    public String toString() {
        return "CardSecrets[keys redacted]";
    }

    /** Access-ordered map that drops the least recently used entry beyond its capacity. */
    private static final class LruMap extends LinkedHashMap<Eid, CardKeyMaterial> {

        private static final long serialVersionUID = 1L;

        private final int capacity;

        LruMap(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Eid, CardKeyMaterial> eldest) {
            return size() > capacity;
        }
    }
}
