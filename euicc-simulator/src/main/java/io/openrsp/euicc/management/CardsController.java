package io.openrsp.euicc.management;

import io.openrsp.euicc.card.CardException;
import io.openrsp.euicc.card.CardView;
import io.openrsp.euicc.card.Cards;
import io.openrsp.euicc.factory.CardFactory;
import io.openrsp.euicc.factory.CreatedCard;
import io.openrsp.euicc.factory.FactoryProperties;
import io.openrsp.rsp.id.Eid;
import io.openrsp.rsp.id.Iccid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * DESIGN.md §4 step 1 and §7: the simulator's management API, for admins (role ADMIN): make cards (and register
 * them), list and inspect them, and cut a card off the network or bring it back (for time-out tests). Thin:
 * converts and delegates to the {@link CardFactory} and the {@link Cards}.
 */
@RestController
@RequestMapping("/cards")
@PreAuthorize("hasRole('ADMIN')")
public class CardsController {

    /** Largest page of {@code GET /cards}. */
    static final int MAX_PAGE = 1000;

    private final CardFactory factory;
    private final Cards cards;
    private final CardPskExport pskExport;
    private final ProfileKeyExport profileKeyExport;
    private final int maxCardsPerRequest;

    public CardsController(
            CardFactory factory,
            Cards cards,
            CardPskExport pskExport,
            ProfileKeyExport profileKeyExport,
            FactoryProperties properties) {
        this.factory = factory;
        this.cards = cards;
        this.pskExport = pskExport;
        this.profileKeyExport = profileKeyExport;
        this.maxCardsPerRequest = properties.maxCardsPerRequest();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public CreatedCards create(@RequestBody CreateCardsRequest request) throws InterruptedException {
        CreateCardsRequest.Command command = request.validate(maxCardsPerRequest);
        return new CreatedCards(factory.create(command.count(), command.register(), command.memoryBytes()));
    }

    @GetMapping
    public CardPage list(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        if (offset < 0) {
            throw new InvalidRequestException("offset must be >= 0");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidRequestException("limit must be 1 to " + MAX_PAGE);
        }
        return new CardPage(cards.count(), offset, limit, cards.list(offset, limit));
    }

    @GetMapping("/{eid}")
    public CardView find(@PathVariable String eid) {
        Eid card = eid(eid);
        return cards.view(card).orElseThrow(() -> new CardException(CardException.Reason.UNKNOWN_EID, card));
    }

    /** The card's ES5 PSK identity and key, when the operator switched the export on ({@link CardPskExport}). */
    @GetMapping("/{eid}/psk")
    public CardPskExport.PskExport psk(@PathVariable String eid) {
        return pskExport.export(eid(eid));
    }

    /**
     * K and OPc of a profile installed on the card, when the operator switched the export on ({@link
     * ProfileKeyExport}); 404 otherwise.
     */
    @GetMapping("/{eid}/profiles/{iccid}/keys")
    public ProfileKeyExport.KeysExport profileKeys(@PathVariable String eid, @PathVariable String iccid) {
        Iccid profile;
        try {
            profile = Iccid.of(iccid);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("the ICCID must be 18 to 20 digits with a valid check digit");
        }
        return profileKeyExport.export(eid(eid), profile.digits());
    }

    @PutMapping("/{eid}/reachability")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void setReachability(@PathVariable String eid, @RequestBody Reachability body) {
        if (body.reachable() == null) {
            throw new InvalidRequestException("reachable is missing");
        }
        cards.setReachable(eid(eid), body.reachable());
    }

    private static Eid eid(String digits) {
        try {
            return Eid.of(digits);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("the EID must be 32 digits with valid check digits");
        }
    }

    /** @param cards the new cards, in request order */
    public record CreatedCards(List<CreatedCard> cards) {}

    /**
     * @param total how many cards the simulator holds
     * @param offset the first card of this page (cards ordered by EID)
     * @param limit the page size asked for
     * @param cards the page
     */
    public record CardPage(long total, int offset, int limit, List<CardView> cards) {}

    /** @param reachable false cuts the card off the network; true brings it back */
    public record Reachability(@Nullable Boolean reachable) {}
}
