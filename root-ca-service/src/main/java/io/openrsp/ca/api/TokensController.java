package io.openrsp.ca.api;

import io.openrsp.ca.api.ApiTypes.TokenRequest;
import io.openrsp.ca.api.ApiTypes.TokenResponse;
import io.openrsp.ca.authority.TokenService;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** DESIGN.md §2: an admin creates a one-time enrollment token; the response is the only time it is shown. */
@RestController
public class TokensController {

    private final TokenService tokens;

    public TokensController(TokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    public TokenResponse create(@RequestBody TokenRequest body) {
        return TokenResponse.of(tokens.create(body.profile(), body.subject(), body.validity()));
    }
}
