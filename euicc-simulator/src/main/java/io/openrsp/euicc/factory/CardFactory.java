package io.openrsp.euicc.factory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openrsp.crypto.ec.EcKeyPair;
import io.openrsp.euicc.card.CardException;
import io.openrsp.euicc.card.CardProperties;
import io.openrsp.euicc.card.Cards;
import io.openrsp.euicc.card.NewCard;
import io.openrsp.euicc.factory.CreatedCard.Reason;
import io.openrsp.euicc.factory.CreatedCard.RegistrationFailure;
import io.openrsp.rsp.es.Ecasd;
import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.es.Es1;
import io.openrsp.rsp.es.ExecutionStatus;
import io.openrsp.rsp.es.FunctionExecutionStatus;
import io.openrsp.rsp.es.RequestHeader;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * DESIGN.md §4 step 1: the eUICC factory. For each new card it draws an EID, generates the ECASD key pair, has the
 * {@link Eum} issue CERT.ECASD.ECKA, stores the card, and (when asked) registers it at the SM-SR with ES1
 * {@code RegisterEIS}: an EIS signed by the EUM; on success the card unwraps the returned key material with its
 * SK.ECASD ({@link Cards#installKeys}).
 *
 * <p>Bulk creation runs each card on its own virtual thread, at most {@code registration-concurrency} at a time.
 * The EUM files are read on first use (see {@link FactoryProperties}) and kept once they load.
 */
@Service
public class CardFactory {

    private static final Logger LOG = LoggerFactory.getLogger(CardFactory.class);

    /** Fresh EIDs tried before giving up: with at least 6 random digits a repeat collision means a full prefix. */
    private static final int EID_ATTEMPTS = 8;

    private final FactoryProperties properties;
    private final Cards cards;
    private final long defaultMemoryBytes;
    private final Es1Client es1;
    private final EidGenerator eids;
    private final Clock clock;
    private final SecureRandom random;
    private final MeterRegistry meters;
    private final Object eumLock = new Object();
    private volatile @Nullable Eum eum;

    public CardFactory(
            FactoryProperties properties,
            Cards cards,
            CardProperties cardProperties,
            Es1Client es1,
            EidGenerator eids,
            Clock clock,
            SecureRandom random,
            MeterRegistry meters) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.cards = Objects.requireNonNull(cards, "cards");
        this.defaultMemoryBytes = cardProperties.defaultMemoryBytes();
        this.es1 = Objects.requireNonNull(es1, "es1");
        this.eids = Objects.requireNonNull(eids, "eids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    /**
     * Makes {@code count} cards, concurrently, and registers each when {@code register}.
     *
     * @param memoryBytes memory each card offers to ISD-Ps; null for {@code openrsp.cards.default-memory-bytes}
     * @return the cards in creation order of the request (not of completion)
     * @throws FactoryException if the factory cannot make cards at all (no EUM, issuance impossible)
     * @throws InterruptedException if interrupted while waiting for the cards
     */
    public List<CreatedCard> create(int count, boolean register, @Nullable Long memoryBytes)
            throws InterruptedException {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive");
        }
        long memory = memoryBytes != null ? memoryBytes : defaultMemoryBytes;
        if (memory <= 0) {
            throw new IllegalArgumentException("memoryBytes must be positive");
        }
        Eum manufacturer = eum();
        List<CreatedCard> created = count == 1
                ? List.of(createOne(manufacturer, register, memory))
                : createConcurrently(manufacturer, count, register, memory);
        logSummary(created, register);
        return created;
    }

    private List<CreatedCard> createConcurrently(Eum manufacturer, int count, boolean register, long memory)
            throws InterruptedException {
        Semaphore permits = new Semaphore(properties.registrationConcurrency());
        List<Future<CreatedCard>> futures = new ArrayList<>(count);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return createOne(manufacturer, register, memory);
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        List<CreatedCard> created = new ArrayList<>(count);
        for (Future<CreatedCard> future : futures) {
            try {
                created.add(future.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException("card creation failed", e.getCause());
            }
        }
        return created;
    }

    /** One line per request, not per card: a bulk creation against a down SM-SR must not flood the log. */
    private static void logSummary(List<CreatedCard> created, boolean register) {
        Map<Reason, Long> failures = created.stream()
                .map(CreatedCard::registrationFailure)
                .filter(Objects::nonNull)
                .collect(Collectors.groupingBy(
                        RegistrationFailure::reason, () -> new EnumMap<>(Reason.class), Collectors.counting()));
        long registered = created.stream().filter(CreatedCard::registered).count();
        if (failures.isEmpty()) {
            LOG.info("Factory made {} cards, {} registered", created.size(), register ? registered : "none asked");
        } else {
            LOG.warn(
                    "Factory made {} cards, {} registered; registration failures: {}",
                    created.size(),
                    registered,
                    failures);
        }
    }

    private CreatedCard createOne(Eum manufacturer, boolean register, long memory) throws InterruptedException {
        EcKeyPair keys = EcKeyPair.generate(random);
        for (int attempt = 0; attempt < EID_ATTEMPTS; attempt++) {
            Eid eid = eids.next();
            byte[] certificate = manufacturer.issueEcasdCertificate(eid, keys.publicKey());
            try {
                cards.create(new NewCard(eid, keys, certificate, memory));
            } catch (CardException e) {
                if (e.reason() == CardException.Reason.ALREADY_EXISTS) {
                    continue;
                }
                throw e;
            }
            return register ? register(manufacturer, eid, certificate, memory) : CreatedCard.unregistered(eid.digits());
        }
        throw new FactoryException(
                FactoryException.Reason.EID_SPACE_EXHAUSTED,
                "no unused EID after " + EID_ATTEMPTS + " tries: openrsp.factory.eid-prefix leaves too few digits");
    }

    private CreatedCard register(Eum manufacturer, Eid eid, byte[] certificate, long memory)
            throws InterruptedException {
        Timer.Sample sample = Timer.start(meters);
        CreatedCard result = callRegisterEis(manufacturer, eid, certificate, memory);
        String outcome = result.registered()
                ? "registered"
                : Objects.requireNonNull(result.registrationFailure())
                        .reason()
                        .name()
                        .toLowerCase(Locale.ROOT);
        sample.stop(meters.timer("openrsp.factory.registration", "outcome", outcome));
        if (!result.registered()) {
            LOG.debug(
                    "Card {} not registered: {}",
                    eid,
                    Objects.requireNonNull(result.registrationFailure()).detail());
        }
        return result;
    }

    private CreatedCard callRegisterEis(Eum manufacturer, Eid eid, byte[] certificate, long memory)
            throws InterruptedException {
        Eis eis = manufacturer.sign(eis(manufacturer, eid, certificate, memory));
        Es1.RegisterEis.Request request =
                new Es1.RegisterEis.Request(new RequestHeader(manufacturer.eumId(), callIdentifier()), eis);
        Es1.RegisterEis.Response response;
        try {
            response = es1.registerEis(request);
        } catch (Es1Exception e) {
            return CreatedCard.failed(eid.digits(), new RegistrationFailure(reason(e.reason()), e.getMessage(), null));
        }
        FunctionExecutionStatus status = response.header().functionExecutionStatus();
        if (status.status() != ExecutionStatus.EXECUTED_SUCCESS
                && status.status() != ExecutionStatus.EXECUTED_WITH_WARNING) {
            return CreatedCard.failed(
                    eid.digits(),
                    new RegistrationFailure(
                            Reason.REFUSED,
                            "RegisterEIS ended " + status.status().wireValue(),
                            status.statusCodeData()));
        }
        String smsrId = response.smsrId();
        byte[] wrapped;
        try {
            wrapped = Base64.getDecoder().decode(Objects.requireNonNullElse(response.wrappedKeyMaterial(), ""));
        } catch (IllegalArgumentException e) {
            wrapped = new byte[0];
        }
        if (smsrId == null || smsrId.isBlank() || wrapped.length == 0) {
            return CreatedCard.failed(
                    eid.digits(),
                    new RegistrationFailure(
                            Reason.MALFORMED_RESPONSE,
                            "RegisterEIS succeeded without an smsrId and base64 wrappedKeyMaterial",
                            null));
        }
        try {
            cards.installKeys(eid, wrapped, smsrId);
        } catch (CardException e) {
            if (e.reason() != CardException.Reason.KEYS_DO_NOT_OPEN) {
                throw e;
            }
            return CreatedCard.failed(
                    eid.digits(),
                    new RegistrationFailure(
                            Reason.KEYS_DO_NOT_OPEN,
                            "the key material from " + smsrId + " does not open with the card's SK.ECASD",
                            null));
        }
        return CreatedCard.registered(eid.digits(), smsrId);
    }

    private Eis eis(Eum manufacturer, Eid eid, byte[] certificate, long memory) {
        return new Eis(
                eid.digits(),
                manufacturer.eumId(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS),
                properties.platformType(),
                properties.platformVersion(),
                memory,
                memory,
                null,
                null,
                Aid.ISD_R.toString(),
                new Ecasd(Aid.ECASD.toString(), Base64.getEncoder().encodeToString(certificate)),
                null,
                null);
    }

    private static Reason reason(Es1Exception.Reason reason) {
        return switch (reason) {
            case CLIENT_IDENTITY -> Reason.CLIENT_IDENTITY;
            case TRANSPORT -> Reason.TRANSPORT;
            case TIMEOUT -> Reason.TIMEOUT;
            case HTTP_STATUS -> Reason.HTTP_STATUS;
            case MALFORMED_RESPONSE -> Reason.MALFORMED_RESPONSE;
        };
    }

    /** A version 4 UUID from the injected generator (STYLE.md rule 11), unique per call as ES1 requires. */
    private String callIdentifier() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3F) | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = high << 8 | (bytes[i] & 0xFF);
            low = low << 8 | (bytes[8 + i] & 0xFF);
        }
        return new UUID(high, low).toString();
    }

    /** The EUM, read on first use; a failed read is not remembered, so fixing the files needs no restart. */
    Eum eum() {
        Eum loaded = eum;
        if (loaded == null) {
            synchronized (eumLock) {
                loaded = eum;
                if (loaded == null) {
                    loaded = Eum.load(
                            properties.eumCertificate(), properties.eumPrivateKey(), properties.eumId(), clock, random);
                    eum = loaded;
                }
            }
        }
        return loaded;
    }
}
