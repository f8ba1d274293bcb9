package dev.atelier.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One OpenID provider (e.g. {@code https://accounts.google.com}), found by discovery: its
 * {@code <issuer>/.well-known/openid-configuration} is read on first use and kept for the life of this object, and
 * its signing keys (JWKS) are cached and re-read when a token names a key not seen yet. Thread-safe; create one per
 * provider and share it.
 *
 * <p>This class does not see the provider's redirect back to the application, so it does not check the
 * {@code state} parameter: the caller compares the {@code state} query parameter of the callback with
 * {@link PendingAuthorization#state()} and refuses the callback when they differ, before calling
 * {@link #complete}.
 */
public final class OidcProvider {

    /** Both algorithms Google and most providers sign ID tokens with; anything else (HMAC, none) is refused. */
    private static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private static final int CLOCK_SKEW_SECONDS = 60;
    private static final int JWKS_SIZE_LIMIT_BYTES = 256 * 1024;
    private static final Scope SCOPE = new Scope("openid", "email", "profile");

    private final URI issuer;
    private final int timeoutMillis;
    private final Object discoveryLock = new Object();
    private volatile Discovered discovered;
    private final Map<String, IDTokenValidator> validatorsByClientId = new ConcurrentHashMap<>();

    /**
     * @param issuer      the provider's issuer identifier, e.g. {@code https://accounts.google.com}; nothing is read
     *                    until the first {@link #begin} or {@link #complete}
     * @param httpTimeout connect and read timeout of every request to the provider
     */
    public OidcProvider(URI issuer, Duration httpTimeout) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(httpTimeout, "httpTimeout");
        if (httpTimeout.isNegative() || httpTimeout.isZero()) {
            throw new IllegalArgumentException("httpTimeout must be positive, was " + httpTimeout);
        }
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, httpTimeout.toMillis());
    }

    /** The issuer identifier this provider was created for. */
    public URI issuer() {
        return issuer;
    }

    /**
     * Starts an authorization-code flow with PKCE (S256), a random state and a random nonce, asking for the scope
     * {@code openid email profile}. Send the browser to {@link PendingAuthorization#authorizationUri()} and keep the
     * returned value until the provider redirects back.
     *
     * @param clientId    the client id registered with the provider
     * @param redirectUri the callback URI registered with the provider; pass the same one to {@link #complete}
     * @throws OidcException {@link OidcException.Reason#DISCOVERY_FAILED} when the provider's configuration cannot
     *                       be read
     */
    public PendingAuthorization begin(String clientId, URI redirectUri) throws OidcException {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        OIDCProviderMetadata metadata = discovered().metadata();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI authorizationUri = new AuthenticationRequest.Builder(ResponseType.CODE, SCOPE, new ClientID(clientId), redirectUri)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
        return new PendingAuthorization(authorizationUri, state.getValue(), nonce.getValue(), verifier.getValue());
    }

    /**
     * Exchanges the authorization code for tokens and validates the ID token. The caller must already have
     * compared the callback's {@code state} parameter with {@code pending.state()}.
     *
     * <p>The client authenticates with {@code client_secret_basic} or {@code client_secret_post}, whichever the
     * provider advertises (basic when it advertises both or nothing, as the specification defaults to it); with a
     * {@code null} secret it is a public client and sends only its {@code client_id}. The code verifier from
     * {@code pending} goes along. The ID token must be signed (RS256 or ES256, as the provider advertises) by a key
     * in the provider's JWKS, come from this issuer, be addressed to {@code clientId}, not be expired nor issued in
     * the future (60 seconds of clock skew allowed) and carry {@code pending.nonce()}.
     *
     * @param clientId     the client id registered with the provider
     * @param clientSecret the client secret, or {@code null} for a public client
     * @param redirectUri  the same redirect URI that was given to {@link #begin}
     * @param code         the {@code code} query parameter of the callback
     * @param pending      what {@link #begin} returned for this sign-in
     * @throws OidcException with the reason the sign-in was refused
     */
    public VerifiedIdentity complete(String clientId, String clientSecret, URI redirectUri, String code,
                                     PendingAuthorization pending) throws OidcException {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(pending, "pending");
        Discovered provider = discovered();
        JWT idToken = exchange(provider.metadata(), clientId, clientSecret, redirectUri, code, pending);

        IDTokenClaimsSet claims;
        try {
            // The nonce is compared below rather than by the validator so that a replayed or foreign token is
            // reported as NONCE_MISMATCH; the validator still checks signature, issuer, audience and times first.
            claims = validator(provider, clientId).validate(idToken, null);
        } catch (BadJOSEException | JOSEException e) {
            throw new OidcException(OidcException.Reason.INVALID_ID_TOKEN,
                    "The ID token from " + issuer + " was refused: " + e.getMessage(), e);
        }
        Nonce nonce = claims.getNonce();
        if (nonce == null || !nonce.getValue().equals(pending.nonce())) {
            throw new OidcException(OidcException.Reason.NONCE_MISMATCH, "The ID token from " + issuer
                    + " was issued for another sign-in attempt (" + (nonce == null ? "no nonce" : "nonce differs") + ")");
        }
        return new VerifiedIdentity(claims.getIssuer().getValue(), claims.getSubject().getValue(),
                claims.getStringClaim("email"), emailVerified(claims.getClaim("email_verified")),
                claims.getStringClaim("name"));
    }

    private JWT exchange(OIDCProviderMetadata metadata, String clientId, String clientSecret, URI redirectUri,
                         String code, PendingAuthorization pending) throws OidcException {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri,
                new CodeVerifier(pending.codeVerifier()));
        URI tokenEndpoint = metadata.getTokenEndpointURI();
        TokenRequest request = clientSecret == null
                ? new TokenRequest(tokenEndpoint, new ClientID(clientId), grant)
                : new TokenRequest(tokenEndpoint, clientAuthentication(metadata, clientId, clientSecret), grant);
        HTTPRequest httpRequest = request.toHTTPRequest();
        httpRequest.setConnectTimeout(timeoutMillis);
        httpRequest.setReadTimeout(timeoutMillis);

        HTTPResponse httpResponse;
        try {
            httpResponse = httpRequest.send();
        } catch (IOException e) {
            throw new OidcException(OidcException.Reason.TOKEN_EXCHANGE_FAILED,
                    "Could not reach the token endpoint of " + issuer + ": " + e, e);
        }
        JWT idToken;
        try {
            if (!httpResponse.indicatesSuccess()) {
                ErrorObject error = TokenErrorResponse.parse(httpResponse).getErrorObject();
                throw new OidcException(OidcException.Reason.TOKEN_EXCHANGE_FAILED,
                        "The token endpoint of " + issuer + " refused the code: HTTP " + httpResponse.getStatusCode()
                                + " " + error.getCode()
                                + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")"));
            }
            // Only the ID token is read: the access token is not used, so its type and lifetime (expires_in) are
            // not judged here, and the ID token's own expiry is checked by the validator.
            String idTokenValue = JSONObjectUtils.getString(httpResponse.getBodyAsJSONObject(), "id_token", null);
            idToken = idTokenValue == null ? null : JWTParser.parse(idTokenValue);
        } catch (ParseException | java.text.ParseException e) {
            throw new OidcException(OidcException.Reason.TOKEN_EXCHANGE_FAILED,
                    "The token endpoint of " + issuer + " gave an unreadable answer: " + e.getMessage(), e);
        }
        if (idToken == null) {
            throw new OidcException(OidcException.Reason.TOKEN_EXCHANGE_FAILED,
                    "The token endpoint of " + issuer + " answered without an ID token");
        }
        return idToken;
    }

    private ClientAuthentication clientAuthentication(OIDCProviderMetadata metadata, String clientId,
                                                      String clientSecret) throws OidcException {
        List<ClientAuthenticationMethod> supported = metadata.getTokenEndpointAuthMethods();
        ClientID id = new ClientID(clientId);
        Secret secret = new Secret(clientSecret);
        if (supported == null || supported.isEmpty() || supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)) {
            return new ClientSecretBasic(id, secret);
        }
        if (supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
            return new ClientSecretPost(id, secret);
        }
        throw new OidcException(OidcException.Reason.TOKEN_EXCHANGE_FAILED, "The token endpoint of " + issuer
                + " supports neither client_secret_basic nor client_secret_post, only " + supported);
    }

    private static boolean emailVerified(Object claim) {
        // Some providers have sent it as the string "true" rather than a JSON boolean.
        return Boolean.TRUE.equals(claim) || "true".equals(claim);
    }

    private IDTokenValidator validator(Discovered provider, String clientId) {
        return validatorsByClientId.computeIfAbsent(clientId, id -> {
            IDTokenValidator validator = new IDTokenValidator(provider.metadata().getIssuer(), new ClientID(id),
                    new JWSVerificationKeySelector<>(provider.algorithms(), provider.keys()), null);
            validator.setMaxClockSkew(CLOCK_SKEW_SECONDS);
            return validator;
        });
    }

    private Discovered discovered() throws OidcException {
        Discovered current = discovered;
        if (current != null) {
            return current;
        }
        synchronized (discoveryLock) {
            if (discovered == null) {
                // A failure is not remembered: the next sign-in tries again.
                discovered = discover();
            }
            return discovered;
        }
    }

    private Discovered discover() throws OidcException {
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.resolve(new Issuer(issuer), timeoutMillis, timeoutMillis);
        } catch (GeneralException | IOException | RuntimeException e) {
            throw new OidcException(OidcException.Reason.DISCOVERY_FAILED,
                    "Could not read the OpenID configuration of " + issuer + ": " + e, e);
        }
        if (metadata.getAuthorizationEndpointURI() == null || metadata.getTokenEndpointURI() == null
                || metadata.getJWKSetURI() == null) {
            throw new OidcException(OidcException.Reason.DISCOVERY_FAILED, "The OpenID configuration of " + issuer
                    + " lacks an authorization endpoint, token endpoint or jwks_uri");
        }
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        if (metadata.getIDTokenJWSAlgs() != null) {
            for (JWSAlgorithm advertised : metadata.getIDTokenJWSAlgs()) {
                if (ACCEPTED_ALGORITHMS.contains(advertised)) {
                    algorithms.add(advertised);
                }
            }
        }
        if (algorithms.isEmpty()) {
            throw new OidcException(OidcException.Reason.DISCOVERY_FAILED, "The OpenID configuration of " + issuer
                    + " advertises no ID token signing algorithm among RS256, ES256: " + metadata.getIDTokenJWSAlgs());
        }
        URL jwksUrl;
        try {
            jwksUrl = metadata.getJWKSetURI().toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new OidcException(OidcException.Reason.DISCOVERY_FAILED,
                    "The OpenID configuration of " + issuer + " has an unusable jwks_uri: " + e.getMessage(), e);
        }
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .create(jwksUrl, new DefaultResourceRetriever(timeoutMillis, timeoutMillis, JWKS_SIZE_LIMIT_BYTES))
                .retrying(true)
                .build();
        return new Discovered(metadata, Set.copyOf(algorithms), keys);
    }

    private record Discovered(OIDCProviderMetadata metadata, Set<JWSAlgorithm> algorithms,
                              JWKSource<SecurityContext> keys) {
    }

    @Override
    public String toString() {
        return "OidcProvider[" + issuer + "]";
    }
}
